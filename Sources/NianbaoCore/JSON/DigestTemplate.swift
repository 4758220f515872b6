import Crypto

/// The JCS bytes of a version 1 report's content, written from a per-form template instead of
/// through a `JSONValue` tree, for `ReportFile.digest` (a batch check digests every file).
///
/// The template is made by writing, through the ordinary `ReportFile.jsonValue` and `JCSWriter`,
/// a report whose every variable part is a marker — cells are the numbers `900000000 + slot`,
/// texts are strings `"\u0001slot\u0002"` — and cutting the bytes at the markers. So the fixed
/// bytes (keys, their order, punctuation) come from the same code that makes the slow digest, and
/// only the values are written here with the same token writers. Reports with schema version 2
/// content take the ordinary path.
enum DigestTemplate {
    /// One hole in the template: which value goes there.
    enum Slot: Equatable, Sendable {
        case cell(Int)
        case agency, year, scope, section(SectionID)
    }

    /// The fixed bytes before each slot, the slots, and the bytes after the last.
    struct Template: Sendable {
        var pieces: [[UInt8]] = []
        var slots: [Slot] = []
        var tail: [UInt8] = []
    }

    static let cellMarkerBase: Int64 = 900_000_000

    static let templates = PerForm { definition in make(definition.version) }

    /// The JCS bytes `JCSWriter.bytes(ReportFile.jsonValue(report, includeReview: false))` would give,
    /// or nil when the report has version 2 content (those go the ordinary way).
    static func jcsBytes(_ report: Report) -> [UInt8]? {
        guard !report.hasVersion2Content, report.cells.count == report.definition.cells.count else { return nil }
        let template = templates[report.form]
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        for (piece, slot) in zip(template.pieces, template.slots) {
            out.append(contentsOf: piece)
            switch slot {
            case .cell(let i):
                switch report.cells[i] {
                case .empty: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])  // null
                case .count(let n): JSONTokenWriting.appendNumber(JSONNumber(n), to: &out)
                case .amount(let a): JSONTokenWriting.appendString(a.description, to: &out)
                }
            case .agency: JSONTokenWriting.appendString(report.agency, to: &out)
            case .year: JSONTokenWriting.appendNumber(JSONNumber(Int64(report.year)), to: &out)
            case .scope: JSONTokenWriting.appendString(report.scope.rawValue, to: &out)
            case .section(let id): JSONTokenWriting.appendString(report.text(id), to: &out)
            }
        }
        out.append(contentsOf: template.tail)
        return out
    }

    /// The content digest of a report without review notes' influence, as `ContentDigest.sha256` writes it.
    static func digest(_ report: Report) -> String? {
        guard let bytes = jcsBytes(report) else { return nil }
        return ContentDigest.hex(SHA256.hash(data: bytes))
    }

    /// The template of one form, cut from the JCS bytes of a report made of markers.
    static func make(_ form: FormVersion) -> Template {
        var stringSlots: [Slot] = [.agency, .scope]
        stringSlots += Report.textSections.map { Slot.section($0) }
        func marker(_ n: Int) -> String { "\u{1}\(n)\u{2}" }
        var report = Report(agency: marker(0), year: 0, form: form, scope: .agency)
        let count = report.cells.count
        report.cells = (0..<count).map { .count(cellMarkerBase + Int64($0)) }
        for (n, id) in Report.textSections.enumerated() { report.texts[id] = marker(n + 2) }
        var value = ReportFile.jsonValue(report, includeReview: false)
        // The scope and year are markers too (an enum and a number cannot hold one themselves).
        if case .object(var top) = value {
            top["scope"] = .string(marker(1))
            top["year"] = .number(JSONNumber(cellMarkerBase - 1))
            value = .object(top)
        }
        let cut = MarkerTemplate.cut(JCSWriter.bytes(value), numberBase: cellMarkerBase, string: { stringSlots[$0] },
                                     number: { $0 == cellMarkerBase - 1 ? .year : .cell(Int($0 - cellMarkerBase)) })
        return Template(pieces: cut.pieces, slots: cut.slots, tail: cut.tail)
    }
}
