import Testing
@testable import NianbaoCore

/// Builds reports for rule tests: starts from a completely filled, balanced sample and
/// changes cells by dotted id (`t3.r3_7.np`).
final class ReportBuilder {
    var report: Report

    /// A fully filled valid report; totals are computed.
    init(_ form: FormVersion, year: Int? = nil, agency: String = "驻马店市水利局") {
        report = SampleReports.filled(form: form, year: year, agency: agency)
    }

    /// Sets a count.
    @discardableResult
    func set(_ id: String, _ n: Int64) -> Self { setValue(id, .count(n)) }

    /// Sets an amount from canonical decimal text (e.g. `"0.12345"`).
    @discardableResult
    func set(_ id: String, amount text: String) -> Self {
        guard let amount = Amount(text) else {
            Issue.record("bad amount text \(text)")
            return self
        }
        return setValue(id, .amount(amount))
    }

    /// Empties a cell.
    @discardableResult
    func clear(_ id: String) -> Self { setValue(id, .empty) }

    @discardableResult
    func setValue(_ id: String, _ value: CellValue) -> Self {
        guard let ref = CellRef(id), report.definition.index(of: ref) != nil else {
            Issue.record("\(report.form.displayName) has no cell \(id)")
            return self
        }
        report[ref] = value
        return self
    }

    /// Recomputes every total from its parts.
    @discardableResult
    func fillComputed() -> Self {
        report.fillComputed()
        return self
    }

    /// Sets a text section.
    @discardableResult
    func text(_ section: SectionID, _ text: String) -> Self {
        report.texts[section] = text
        return self
    }

    subscript(id: String) -> CellValue { report[id] }
}

/// The findings of one rule.
func findings(_ ruleID: String, _ report: Report, previous: Report? = nil) -> [Finding] {
    Validator.validate(report, previous: previous).filter { $0.ruleID == ruleID }
}

/// The label path of a cell, e.g. `三 › （七）总计 › 申请人情况 › 自然人`.
func label(_ id: String, _ form: FormVersion) -> String {
    form.definition.cell(CellRef(id)!)!.label
}

/// The dotted ids of a finding's cells, as a set.
func cellIDs(_ finding: Finding) -> Set<String> {
    Set(finding.cellRefs.map(\.description))
}

/// Cell ids of each column of table 三 in both forms.
let t3ColumnIDs = ["np", "lp_com", "lp_res", "lp_ngo", "lp_law", "lp_oth", "total"]
