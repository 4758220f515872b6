/// How serious a finding is.
public enum Severity: String, Sendable, CaseIterable, Hashable, Comparable {
    /// Must hold by definition; blocks submission.
    case error
    /// A cell or text that is not filled in yet; blocks submission.
    case incomplete
    /// Should hold; a reviewer would query it.
    case warning
    /// A plausibility signal only.
    case info

    /// The Chinese name shown to clerks.
    public var label: String {
        switch self {
        case .error: "错误"
        case .incomplete: "未填"
        case .warning: "警告"
        case .info: "提示"
        }
    }

    /// True when a report with this finding must not be submitted.
    public var blocksSubmission: Bool { self == .error || self == .incomplete }

    private var rank: Int {
        switch self {
        case .error: 0
        case .incomplete: 1
        case .warning: 2
        case .info: 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
