/// One problem found in a report, located at the cells or section it concerns.
public struct Finding: Sendable, Hashable {
    /// Stable rule id, e.g. `T3-1`.
    public let ruleID: String
    public let severity: Severity
    /// The form the cell indices refer to.
    public let form: FormVersion
    /// Indices (into `form.definition.cells`) of every cell involved.
    public let cells: [Int]
    /// The section the finding belongs to; nil for report metadata.
    public let section: SectionID?
    /// The value the rule expected, as text, when it has one.
    public let expected: String?
    /// The value found, as text, when it has one.
    public let actual: String?
    /// A message a clerk understands, in Chinese.
    public let message: String
    /// The stretch of prose the finding is about, for findings on the text (nil for cell findings).
    public let span: TextSpan?

    public init(ruleID: String, severity: Severity, form: FormVersion, cells: [Int], section: SectionID?,
                expected: String? = nil, actual: String? = nil, message: String, span: TextSpan? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.form = form
        self.cells = cells
        self.section = section
        self.expected = expected
        self.actual = actual
        self.message = message
        self.span = span
    }

    /// References of the cells involved.
    public var cellRefs: [CellRef] { cells.map { form.definition.cells[$0].ref } }

    /// Chinese label paths of the cells involved, e.g. `三 › （七）总计 › 自然人`.
    public var cellLabels: [String] { cells.map { form.definition.cells[$0].label } }

    /// True when the finding involves the cell at `index`.
    public func involves(cell index: Int) -> Bool { cells.contains(index) }
}

extension TableID {
    /// The section that holds this table.
    public var section: SectionID {
        switch self {
        case .t2: .s2
        case .t3: .s3
        case .t4: .s4
        }
    }
}
