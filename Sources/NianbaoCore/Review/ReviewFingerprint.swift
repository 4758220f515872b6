/// The key of a note on a finding: its rule, its cells (sorted) and its prose part.
///
/// The same problem found again after a re-run has the same fingerprint, whatever the order
/// the rule listed its cells in or the wording of its message, so a note stays with it. The
/// text form is what reviewers type: `T3-1@t3.r1.np,t3.r7.np`, `X-8#s5`, `X-4`.
public struct ReviewFingerprint: Sendable, Hashable, CustomStringConvertible {
    public let rule: String
    /// Dotted cell ids, sorted.
    public let cells: [String]
    public let part: TextPart?

    public init(rule: String, cells: [String], part: TextPart? = nil) {
        self.rule = rule
        self.cells = cells.sorted()
        self.part = part
    }

    /// The fingerprint of a finding.
    public init(_ finding: Finding) {
        let ids = Self.cellIDs[finding.form]
        self.init(rule: finding.ruleID, cells: finding.cells.map { ids[$0] }, part: finding.span?.part)
    }

    /// Dotted ids of every cell, per form (made once, not for every finding).
    public static let cellIDs = PerForm { def in def.cells.map(\.ref.description) }

    /// The fingerprint a note's target names, when it is a note on a finding.
    public init?(_ target: ReviewTarget) {
        guard case .finding(let rule, let cells, let part) = target else { return nil }
        self.init(rule: rule, cells: cells, part: part)
    }

    /// The note target for this fingerprint.
    public var target: ReviewTarget { .finding(rule: rule, cells: cells, part: part) }

    /// `RULE[@cell,cell][#part]`.
    public var description: String {
        var text = rule
        if !cells.isEmpty { text += "@" + cells.joined(separator: ",") }
        if let part { text += "#" + part.id }
        return text
    }

    /// Parses the text form; cells are checked against nothing here (see `ReviewPlan.finding`).
    public init?(text: String) {
        var rest = Substring(text)
        var part: TextPart?
        if let hash = rest.lastIndex(of: "#") {
            guard let p = TextPart(id: String(rest[rest.index(after: hash)...])) else { return nil }
            part = p
            rest = rest[..<hash]
        }
        var cells: [String] = []
        if let at = rest.firstIndex(of: "@") {
            cells = rest[rest.index(after: at)...].split(separator: ",").map { String(String($0).trimmingAllSpace) }
            guard !cells.isEmpty, cells.allSatisfy({ CellRef($0) != nil }) else { return nil }
            rest = rest[..<at]
        }
        let rule = String(String(rest).trimmingAllSpace)
        guard !rule.isEmpty else { return nil }
        self.init(rule: rule, cells: cells, part: part)
    }

    /// True when this (possibly partial) fingerprint picks out `other`: same rule and part, and
    /// every cell given is one of `other`'s (no cells given: any cells).
    public func selects(_ other: ReviewFingerprint) -> Bool {
        guard rule == other.rule else { return false }
        if let part, part != other.part { return false }
        return cells.allSatisfy { other.cells.contains($0) }
    }
}
