import Synchronization
/// A consistency rule: its id, severity, where it applies, and how it is checked.
public struct Rule: Sendable {
    /// Stable id from the format specification, e.g. `T3-1`.
    public let id: String
    public let severity: Severity
    /// The forms the rule applies to.
    public let forms: [FormVersion]
    /// True when the rule compares with last year's report and runs only when one is given.
    public let needsPrevious: Bool
    /// A one-line Chinese statement of the rule.
    public let summary: String
    let evaluate: @Sendable (inout RuleContext) -> Void

    init(id: String, severity: Severity, forms: [FormVersion] = FormVersion.allCases,
         needsPrevious: Bool = false, summary: String, evaluate: @escaping @Sendable (inout RuleContext) -> Void) {
        self.id = id
        self.severity = severity
        self.forms = forms
        self.needsPrevious = needsPrevious
        self.summary = summary
        self.evaluate = evaluate
    }
}

/// What a rule sees while it runs, and where it puts its findings.
public struct RuleContext {
    public let report: Report
    /// Last year's report, when supplied.
    public let previous: Report?
    public let definition: FormDefinition
    var rule: Rule
    var findings: [Finding] = []
    /// The narrative analyses of this report's prose, shared by every rule of one validation.
    let narratives: NarrativeSet

    init(report: Report, previous: Report?, rule: Rule, narratives: NarrativeSet? = nil) {
        self.report = report
        self.previous = previous
        self.definition = report.form.definition
        self.rule = rule
        self.narratives = narratives ?? NarrativeSet(report)
    }

    /// The value at a cell index.
    @inline(__always)
    func value(_ index: Int) -> CellValue { report.cells[index] }

    /// Index of a cell of this report's form.
    func index(_ table: TableID, _ row: String, _ column: String) -> Int? {
        definition.index(of: CellRef(table: table, row: row, column: column))
    }

    /// Records a finding of the running rule.
    mutating func report(cells: [Int], section: SectionID?, expected: String? = nil, actual: String? = nil,
                         severity: Severity? = nil, span: TextSpan? = nil, _ message: String) {
        findings.append(Finding(
            ruleID: rule.id, severity: severity ?? rule.severity, form: report.form, cells: cells,
            section: section, expected: expected, actual: actual, message: message, span: span))
    }
}

/// A value computed once for each form, e.g. the cell indices a rule needs.
///
/// Each form's value is made on first use, so a process that only meets one form (the
/// editor opening a file) never builds the other form's tables.
public final class PerForm<Value: Sendable>: Sendable {
    private let make: @Sendable (FormDefinition) -> Value
    /// One slot per form, in `FormVersion.allCases` order (an array: no hashing on the hot path).
    private let made = Mutex<[Value?]>(Array(repeating: nil, count: FormVersion.allCases.count))

    public init(_ make: @escaping @Sendable (FormDefinition) -> Value) {
        self.make = make
    }

    public subscript(form: FormVersion) -> Value {
        made.withLock { made in
            if let value = made[form.ordinal] { return value }
            let value = make(form.definition)
            made[form.ordinal] = value
            return value
        }
    }
}
