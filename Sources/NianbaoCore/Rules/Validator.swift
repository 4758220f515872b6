/// Runs every applicable rule over a report.
public enum Validator {
    /// Every rule, in the order of the format specification.
    public static let rules: [Rule] = [
        .t3_1, .t3_2, .t3_3, .t3_4, .t3_5, .t3_6, .t3_7, .t3_8,
        .t4_1, .t4_2,
        .t2a_1, .t2a_2, .t2a_3, .t2a_4, .t2a_5, .t2a_6, .t2a_7, .t2a_8,
        .t2b_1, .t2b_2, .t2b_3, .t2b_4, .t2b_5, .t2b_6,
        .x_1, .x_2, .x_3, .x_4, .x_5, .x_7, .x_8, .x_10, .x_11,
        .x_13, .x_14, .x_15, .x_16, .x_17, .x_18, .x_19,
    ]

    /// All findings for `report`, ordered by section, then cell, then rule.
    public static func validate(_ report: Report, previous: Report? = nil) -> [Finding] {
        // One context for every rule (each of its own would copy the report's references again);
        // the rules append their findings to it in turn.
        var context = RuleContext(report: report, previous: previous, rule: rules[0], narratives: NarrativeSet(report))
        for rule in rules where rule.forms.contains(report.form) && (!rule.needsPrevious || previous != nil) {
            context.rule = rule
            rule.evaluate(&context)
        }
        return sortedForDisplay(context.findings)
    }

    /// `findings` in `Finding.displayOrder`, stable, sorting small keys instead of moving findings about.
    static func sortedForDisplay(_ findings: [Finding]) -> [Finding] {
        guard findings.count > 1 else { return findings }
        let keys = findings.map { f in (section: f.section?.ordinal ?? -1, cell: f.cells.first ?? -1, severity: f.severity) }
        let order = findings.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a.section != b.section { return a.section < b.section }
            if a.cell != b.cell { return a.cell < b.cell }
            if a.severity != b.severity { return a.severity < b.severity }
            if findings[i].ruleID != findings[j].ruleID { return findings[i].ruleID < findings[j].ruleID }
            return i < j
        }
        return order.map { findings[$0] }
    }
}

extension Finding {
    /// Section, then first cell, then severity, then rule id.
    public static func displayOrder(_ a: Finding, _ b: Finding) -> Bool {
        let sa = a.section?.rawValue ?? "", sb = b.section?.rawValue ?? ""
        if sa != sb { return sa < sb }
        let ca = a.cells.first ?? -1, cb = b.cells.first ?? -1
        if ca != cb { return ca < cb }
        if a.severity != b.severity { return a.severity < b.severity }
        return a.ruleID < b.ruleID
    }
}
