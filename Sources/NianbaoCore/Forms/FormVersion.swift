/// One of the two official versions of the annual-report form.
public enum FormVersion: String, Sendable, CaseIterable, Hashable, Codable {
    /// 国办公开办函〔2019〕60号, reporting years 2019–2020.
    case v2019 = "2019"
    /// 国办公开办函〔2021〕30号, reporting years 2021 onwards.
    case v2021 = "2021"

    /// The first reporting year any official form covers.
    public static let firstReportingYear = 2019

    /// Position in `allCases`, for tables kept per form.
    var ordinal: Int {
        switch self {
        case .v2019: 0
        case .v2021: 1
        }
    }

    /// The official notice that issued this form.
    public var notice: String {
        switch self {
        case .v2019: "国办公开办函〔2019〕60号"
        case .v2021: "国办公开办函〔2021〕30号"
        }
    }

    /// The official title of the format.
    public var officialTitle: String {
        switch self {
        case .v2019: "中华人民共和国政府信息公开工作年度报告格式（试行）"
        case .v2021: "中华人民共和国政府信息公开工作年度报告格式"
        }
    }

    /// A short Chinese name, e.g. `2021 版`.
    public var displayName: String { "\(rawValue) 版" }

    /// The form a report for `year` must use.
    public static func expected(forYear year: Int) throws(FormVersionError) -> FormVersion {
        guard year >= firstReportingYear else { throw .yearBeforeForms(year) }
        guard year <= 2100 else { throw .yearOutOfRange(year) }
        return year <= 2020 ? .v2019 : .v2021
    }

    /// The declaration of this form's sections, tables and cells.
    public var definition: FormDefinition {
        switch self {
        case .v2019: FormDefinition.v2019
        case .v2021: FormDefinition.v2021
        }
    }
}

/// Why a reporting year or form choice was refused.
public enum FormVersionError: Error, Sendable, Equatable, CustomStringConvertible {
    case yearBeforeForms(Int)
    case yearOutOfRange(Int)
    case unknownForm(String)

    public var description: String {
        switch self {
        case .yearBeforeForms(let year):
            "\(year) 年度报告早于统一格式：2019 年度起适用国办公开办函〔2019〕60号格式，此前的年度报告按 2007 年条例编制，结构不同，本工具不支持。"
        case .yearOutOfRange(let year):
            "年度 \(year) 不在有效范围内（应为 2019–2100）。"
        case .unknownForm(let text):
            "未知的格式版本 “\(text)”：应为 2019 或 2021。"
        }
    }
}
