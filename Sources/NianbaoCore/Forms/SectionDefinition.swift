/// Stable ids of the six sections.
public enum SectionID: String, Sendable, CaseIterable, Hashable, Comparable {
    case s1, s2, s3, s4, s5, s6

    public static func < (a: SectionID, b: SectionID) -> Bool { a.ordinal < b.ordinal }

    /// How many sections there are.
    public static let count = 6

    /// The section's position, 0 for 一 through 5 for 六.
    public var ordinal: Int {
        switch self {
        case .s1: 0
        case .s2: 1
        case .s3: 2
        case .s4: 3
        case .s5: 4
        case .s6: 5
        }
    }
}

/// What a section holds.
public enum SectionContent: Sendable, Equatable {
    /// Free text typed by the clerk.
    case text
    /// One of the form's tables.
    case table(TableID)
}

/// One of the six numbered sections of the report.
public struct SectionDefinition: Sendable {
    public let id: SectionID
    /// The Chinese numeral, e.g. `三`.
    public let numeral: String
    /// The heading as printed in the format, e.g. `三、收到和处理政府信息公开申请情况`.
    public let title: String
    public let content: SectionContent
    /// Customary sub-headings a clerk may use inside a text section.
    public let subheadings: [String]
    /// Heading variants seen in published reports, for import.
    public let headingVariants: [String]
}
