/// What the desk knows about one filed report, enough for the status board.
public struct FiledReport: Sendable, Equatable {
    public var path: String
    public var agency: String
    public var year: Int
    public var form: FormVersion
    /// Errors (including blank cells) and warnings found by the checks.
    public var errors: Int
    public var blanks: Int
    public var warnings: Int
    /// Every table cell is filled with 0: the unit states it has nothing to report.
    public var allZero: Bool
    /// The sign-off (落款) date, when the report has one.
    public var signedOn: CalendarDate?
    /// The reviewer's decision, when one is recorded.
    public var decision: Decision?

    public enum Decision: String, Sendable, Equatable {
        case returned, accepted
    }

    public init(path: String, agency: String, year: Int, form: FormVersion, errors: Int, blanks: Int, warnings: Int,
                allZero: Bool, signedOn: CalendarDate? = nil, decision: Decision? = nil) {
        self.path = path
        self.agency = agency
        self.year = year
        self.form = form
        self.errors = errors
        self.blanks = blanks
        self.warnings = warnings
        self.allZero = allZero
        self.signedOn = signedOn
        self.decision = decision
    }

    /// The summary of a checked report.
    public init(path: String, report: Report, findings: [Finding], signedOn: CalendarDate?, decision: Decision?) {
        var errors = 0, blanks = 0, warnings = 0
        for f in findings {
            switch f.severity {
            case .error: errors += 1
            case .incomplete: blanks += 1
            case .warning: warnings += 1
            case .info: break
            }
        }
        let allZero = report.cells.allSatisfy { $0.isZero }
        self.init(path: path, agency: report.agency, year: report.year, form: report.form, errors: errors, blanks: blanks,
                  warnings: warnings, allZero: allZero, signedOn: signedOn, decision: decision)
    }
}

/// The 政务公开办's board for one report year: one row per roster unit, the totals, and the reports that match no unit.
public struct StatusBoard: Sendable {
    /// Whether a unit's report came in on time.
    public enum Timeliness: String, Sendable, Equatable {
        case onTime = "on_time", late, unknown
    }

    /// The state of a unit's report.
    public enum State: String, Sendable, Equatable {
        /// No report from this unit.
        case missing
        /// Errors or blank cells: cannot be accepted as it is.
        case blocked
        /// Only warnings (to be explained).
        case warningsOnly = "warnings_only"
        /// Every check passes.
        case clean
        /// Every table cell 0: nothing to report, stated explicitly (different from not reporting).
        case nothingToReport = "nothing_to_report"
        /// More than one report matches the unit; none is chosen.
        case duplicate

        public var label: String {
            switch self {
            case .missing: "未报"
            case .blocked: "有错误或未填"
            case .warningsOnly: "仅有警告"
            case .clean: "无问题"
            case .nothingToReport: "无数据可报（各表均为 0）"
            case .duplicate: "重复报送"
            }
        }
    }

    public struct Row: Sendable {
        public let unit: Roster.Unit
        public let state: State
        public let timeliness: Timeliness?
        public let due: CalendarDate?
        public let reports: [FiledReport]
        /// True when the name matched only by its ending (e.g. `水利局` for `某县水利局`).
        public let matchedByEnding: Bool

        public var report: FiledReport? { reports.count == 1 ? reports[0] : nil }
    }

    /// A report matching no roster unit, or several.
    public struct Unmatched: Sendable {
        public let report: FiledReport
        /// Roster units it could be (two or more) when ambiguous; empty when it matches none.
        public let candidates: [String]
    }

    public let year: Int
    public let rows: [Row]
    public let unmatched: [Unmatched]
    /// Reports of another year, left out.
    public let otherYears: [FiledReport]

    public init(roster: Roster, year: Int, reports: [FiledReport]) {
        self.year = year
        let matcher = RosterMatcher(roster: roster)
        var byUnit: [[FiledReport]] = Array(repeating: [], count: roster.units.count)
        var byEnding: [Bool] = Array(repeating: false, count: roster.units.count)
        var unmatched: [Unmatched] = []
        var otherYears: [FiledReport] = []
        for report in reports {
            guard report.year == year else {
                otherYears.append(report)
                continue
            }
            switch matcher.match(report.agency) {
            case .unit(let u, let exact):
                byUnit[u].append(report)
                if !exact { byEnding[u] = true }
            case .ambiguous(let units):
                unmatched.append(Unmatched(report: report, candidates: units.map { roster.units[$0].name }))
            case .none:
                unmatched.append(Unmatched(report: report, candidates: []))
            }
        }
        rows = roster.units.enumerated().map { u, unit in
            let filed = byUnit[u]
            let due = unit.dueDate(reportYear: year)
            guard !filed.isEmpty else {
                return Row(unit: unit, state: .missing, timeliness: nil, due: due, reports: [], matchedByEnding: false)
            }
            guard filed.count == 1 else {
                return Row(unit: unit, state: .duplicate, timeliness: nil, due: due, reports: filed, matchedByEnding: byEnding[u])
            }
            let r = filed[0]
            let state: State
            if r.errors > 0 || r.blanks > 0 { state = .blocked }
            else if r.allZero { state = .nothingToReport }
            else if r.warnings > 0 { state = .warningsOnly }
            else { state = .clean }
            var timeliness = Timeliness.unknown
            if let signed = r.signedOn, let due { timeliness = signed <= due ? .onTime : .late }
            return Row(unit: unit, state: state, timeliness: timeliness, due: due, reports: filed, matchedByEnding: byEnding[u])
        }
        self.unmatched = unmatched
        self.otherYears = otherYears
    }

    /// 应报单位数.
    public var unitCount: Int { rows.count }
    /// 已报: units with exactly one or more reports.
    public var filedCount: Int { rows.filter { $0.state != .missing }.count }
    public var missing: [Row] { rows.filter { $0.state == .missing } }
    public var late: [Row] { rows.filter { $0.timeliness == .late } }
    public var onTimeCount: Int { rows.filter { $0.timeliness == .onTime }.count }
    /// Filed units whose timeliness is not known (no sign-off date, or no due date).
    public var unknownTimelinessCount: Int { rows.filter { $0.timeliness == .unknown }.count }
    public func count(_ state: State) -> Int { rows.filter { $0.state == state }.count }
    public func count(_ decision: FiledReport.Decision) -> Int { rows.filter { $0.report?.decision == decision }.count }

    /// 按时公布率: units on time over units that must report, in per mille (e.g. 946 for 94.6%).
    public var onTimePerMille: Int {
        guard unitCount > 0 else { return 0 }
        return (onTimeCount * 1000 + unitCount / 2) / unitCount
    }

    /// The rate as text, e.g. `94.6%`.
    public var onTimeRateText: String {
        let p = onTimePerMille
        return "\(p / 10).\(p % 10)%"
    }
}
