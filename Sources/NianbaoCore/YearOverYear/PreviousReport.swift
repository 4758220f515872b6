/// Why a file given as last year's report cannot be compared with this one.
public enum PreviousReportMismatch: Sendable, Equatable {
    /// Another agency's report (names compared after normalising, see `AgencyName`).
    case otherAgency(this: String, previous: String)
    /// Not the year before.
    case notTheYearBefore(this: Int, previous: Int)

    /// The message for a clerk or reviewer, in Chinese.
    public var message: String {
        switch self {
        case .otherAgency(let this, let previous):
            "上一年度报告是“\(previous)”的，而本报告是“\(this)”的：跨年度比较只对同一单位有意义。"
        case .notTheYearBefore(let this, let previous):
            "上一年度报告是 \(previous) 年度的，而本报告是 \(this) 年度的：应与 \(this - 1) 年度的报告比较。"
        }
    }
}

extension Report {
    /// Whether `previous` is this agency's report for the year before; the mismatch when it is not
    /// (`check --previous` refuses or warns on it).
    public func mismatch(withPrevious previous: Report) -> PreviousReportMismatch? {
        if !AgencyName.isSame(agency, previous.agency) { return .otherAgency(this: agency, previous: previous.agency) }
        if previous.year != year - 1 { return .notTheYearBefore(this: year, previous: previous.year) }
        return nil
    }
}
