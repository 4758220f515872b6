/// Whose work a report covers.
public enum ReportScope: String, Sendable, CaseIterable, Hashable {
    /// 本机关: the agency's own work.
    case agency
    /// 本级政府汇总: a government's report covering its whole level.
    case government

    public var label: String {
        switch self {
        case .agency: "本机关"
        case .government: "本级政府汇总"
        }
    }
}

/// One annual report: metadata, the three text sections and every table cell.
public struct Report: Sendable, Equatable {
    /// Name of the reporting agency, e.g. `驻马店市水利局`.
    public var agency: String
    /// The reporting year (the statistical period is that calendar year).
    public var year: Int
    public var form: FormVersion
    public var scope: ReportScope
    /// Text of sections 一, 五 and 六, keyed by section id.
    public var texts: SectionMap<String>
    /// Every cell's value, in `form.definition.cells` order.
    public var cells: [CellValue]
    /// 前言: the paragraphs before 一, as printed ("" when there are none).
    public var preface: String = ""
    /// 落款: the agency and date printed under the report, when known.
    public var signOff: SignOff?
    /// Reviewers' notes and decision (not part of the content digest).
    public var review = ReviewRecord()
    /// Where the draft came from (copied text, a sum of units).
    public var origin = ReportOrigin()

    /// Text sections, in order.
    public static let textSections: [SectionID] = [.s1, .s5, .s6]

    /// A blank draft: every cell empty, every text empty.
    public init(agency: String, year: Int, form: FormVersion, scope: ReportScope = .agency) {
        self.agency = agency
        self.year = year
        self.form = form
        self.scope = scope
        var texts = SectionMap<String>()
        for id in Self.textSections { texts[id] = "" }
        self.texts = texts
        self.cells = Array(repeating: .empty, count: form.definition.cells.count)
    }

    public var definition: FormDefinition { form.definition }

    /// True when the report uses anything schema version 2 added apart from review notes
    /// (preface, sign-off, origin); such content is part of the digest.
    public var hasVersion2Content: Bool { !preface.isEmpty || signOff != nil || !origin.isEmpty }

    /// The value of a cell by reference (`.empty` if the form has no such cell).
    public subscript(ref: CellRef) -> CellValue {
        get { definition.index(of: ref).map { cells[$0] } ?? .empty }
        set { if let i = definition.index(of: ref) { cells[i] = newValue } }
    }

    /// The value of a cell by dotted id, e.g. `report["t3.r1.np"]`.
    public subscript(id: String) -> CellValue {
        get { CellRef(id).map { self[$0] } ?? .empty }
        set { if let ref = CellRef(id) { self[ref] = newValue } }
    }

    /// Text of a text section.
    public func text(_ section: SectionID) -> String { texts[section] ?? "" }

    /// Fills every computed cell from its parts (empty when any part is empty).
    public mutating func fillComputed() {
        for formula in definition.formulas {
            cells[formula.target] = CellValue.sum(of: formula.addends, in: cells) ?? .empty
        }
    }

    /// A copy with every computed cell filled.
    public func withComputedFilled() -> Report {
        var copy = self
        copy.fillComputed()
        return copy
    }
}
