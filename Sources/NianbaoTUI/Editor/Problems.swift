import NianbaoCore

extension EditorState {
    /// Rules that check a total against its parts and can cross one another (a column and a row).
    static let crossingSumRules: Set<String> = ["T3-2", "T3-3"]

    /// The cell where this failing total crosses another failing total (a T3-2 column and a
    /// T3-3 row): the one entry that would put both right, so the likely typo.
    func likelyTypo(_ f: Finding) -> Int? {
        guard Self.crossingSumRules.contains(f.ruleID), f.cells.count > 1 else { return nil }
        let parts = Set(f.cells.dropFirst())
        for g in findings where g.ruleID != f.ruleID && Self.crossingSumRules.contains(g.ruleID) && g.cells.count > 1 {
            if let shared = g.cells.dropFirst().first(where: parts.contains) { return shared }
        }
        return nil
    }

    /// Every likely typo among the findings.
    var likelyTypoCells: Set<Int> {
        var out = Set<Int>()
        for f in findings where Self.crossingSumRules.contains(f.ruleID) {
            if let c = likelyTypo(f) { out.insert(c) }
        }
        return out
    }
}
