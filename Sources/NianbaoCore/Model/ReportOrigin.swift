/// Where a draft came from, when it was not typed from scratch.
public struct ReportOrigin: Sendable, Hashable {
    /// Digest of last year's file when `new --from --copy-text` copied its text (for the copying check).
    public var copiedTextFrom: String?
    /// For a 汇总 draft made by `nianbao sum`: the units summed and who left which cell blank.
    public var summed: SumProvenance?

    public init(copiedTextFrom: String? = nil, summed: SumProvenance? = nil) {
        self.copiedTextFrom = copiedTextFrom
        self.summed = summed
    }

    /// Nothing recorded.
    public var isEmpty: Bool { copiedTextFrom == nil && summed == nil }
}

/// The units a summed draft was made from, and why a summed cell is what it is.
public struct SumProvenance: Sendable, Hashable {
    /// The units included, as their reports name them, in the order summed.
    public var units: [String]
    /// Cell dotted id → indices into `units` of the units that left it blank (the sum is then incomplete).
    public var blanks: [String: [Int]]
    /// Dotted ids of cells left blank because the units' sum went past what a cell holds.
    public var overflowed: [String]
    /// Dotted ids of cells deliberately not summed (the 规章 row: made by the government, not its departments).
    public var notSummed: [String]

    public init(units: [String], blanks: [String: [Int]] = [:], overflowed: [String] = [], notSummed: [String] = []) {
        self.units = units
        self.blanks = blanks
        self.overflowed = overflowed
        self.notSummed = notSummed
    }
}
