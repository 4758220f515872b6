#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fast way in for a report file exactly as nianbao writes it: the bytes are walked against
/// a per-form, per-version template of the pretty canonical layout, and only the values are read.
///
/// A batch `check` of a province opens tens of thousands of files that nianbao itself wrote;
/// building a `JSONValue` tree for each and matching it member by member was a fifth of the run.
/// The template is cut from `ReportFile.encode`'s own output for a report made of markers (as
/// `DigestTemplate` is), so the fixed bytes — keys, order, indent — are the writer's. Anything
/// the template does not expect (another layout, an unknown member, a value of the wrong kind,
/// an escape it does not decode, a value a check refuses) returns nil and the file goes the
/// ordinary way, which gives the error with its line and JSON path. So this path accepts only
/// files the ordinary one accepts, and reads them to the same `Report`; a test checks both on
/// generated, hostile and mutated files.
enum CanonicalReportReader {
    /// One hole in the template.
    enum Slot: Equatable, Sendable {
        case cell(Int)
        case agency, year, scope, section(SectionID), preface
        /// A version 2 member read by the ordinary parser and decoder (its layout varies).
        case signOff, origin, review
    }

    /// The fixed bytes before each slot, the slots, and the bytes after the last.
    struct Template: Sendable {
        let form: FormVersion
        let version: Int
        var pieces: [[UInt8]] = []
        var slots: [Slot] = []
        var tail: [UInt8] = []
    }

    static let markerBase: Int64 = 900_000_000

    /// Version 1 then version 2, for each form.
    static let templates: [Template] = FormVersion.allCases.flatMap { [make($0, version: 1), make($0, version: 2)] }

    /// The report in `bytes` when they are in the canonical layout and every value is acceptable, else nil.
    static func read(_ bytes: [UInt8], path: String) -> Report? {
        bytes.withUnsafeBufferPointer { buffer -> Report? in
            // The template's first byte is `{`, so a byte order mark or other junk fails at once.
            guard buffer.count > 2, buffer[0] == 0x7B, UTF8Validation.firstInvalidOffset(buffer) == nil else { return nil }
            for template in templates {
                if let report = read(buffer, template, bytes: bytes, path: path) { return report }
            }
            return nil
        }
    }

    private static func read(_ b: UnsafeBufferPointer<UInt8>, _ template: Template, bytes: [UInt8], path: String) -> Report? {
        let definition = template.form.definition
        var i = 0
        var agency = "", year: Int64 = 0, scopeText = "", preface = ""
        var texts = SectionMap<String>()
        var cells = [CellValue](repeating: .empty, count: definition.cells.count)
        var signOff = JSONValue.null, origin = JSONValue.null, review = JSONValue.null
        for (piece, slot) in zip(template.pieces, template.slots) {
            guard matches(piece, b, at: i) else { return nil }
            i += piece.count
            switch slot {
            case .cell(let k):
                guard let (value, end) = cell(b, at: i, kind: definition.cells[k].kind) else { return nil }
                cells[k] = value
                i = end
            case .agency:
                guard let (text, end) = string(b, at: i) else { return nil }
                agency = text
                i = end
            case .scope:
                guard let (text, end) = string(b, at: i) else { return nil }
                scopeText = text
                i = end
            case .preface:
                guard let (text, end) = string(b, at: i) else { return nil }
                preface = text
                i = end
            case .section(let id):
                guard let (text, end) = string(b, at: i) else { return nil }
                texts[id] = text
                i = end
            case .year:
                guard let (n, end) = integer(b, at: i) else { return nil }
                year = n
                i = end
            case .signOff, .origin, .review:
                var core = JSONParserCore(buffer: b, options: JSONParser.Options(), recordPositions: false)
                guard let (value, end) = try? core.parseEmbeddedValue(at: i, depth: 1) else { return nil }
                switch slot {
                case .signOff: signOff = value
                case .origin: origin = value
                default: review = value
                }
                i = end
            }
        }
        guard matches(template.tail, b, at: i), i + template.tail.count == b.count else { return nil }

        // The ordinary decoder's checks, in its order; any refusal is left to it to explain.
        guard TextLimits.agency.violation(agency) == nil,
              year >= Int64(FormVersion.firstReportingYear), year <= 2100,
              let scope = ReportScope(rawValue: scopeText) else { return nil }
        var report = Report(agency: agency, year: Int(year), form: template.form, scope: scope)
        for id in Report.textSections { report.texts[id] = texts[id] ?? "" }
        report.cells = cells
        if template.version >= 2 {
            let decoder = ReportDecoder(path: path, bytes: bytes)
            guard (try? decoder.decodeVersion2(preface: .string(preface), signOff: signOff, origin: origin,
                                               review: review, into: &report)) != nil else { return nil }
        }
        return report
    }

    @inline(__always)
    private static func matches(_ piece: [UInt8], _ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + piece.count <= b.count else { return false }
        return piece.withUnsafeBufferPointer { p in
            p.count == 0 || memcmp(p.baseAddress!, b.baseAddress! + i, p.count) == 0
        }
    }

    /// A cell's value: `null`, an integer for a count, a decimal string for an amount.
    private static func cell(_ b: UnsafeBufferPointer<UInt8>, at i: Int, kind: CellKind) -> (CellValue, Int)? {
        guard i < b.count else { return nil }
        switch b[i] {
        case 0x6E:  // null
            guard i + 4 <= b.count, b[i + 1] == 0x75, b[i + 2] == 0x6C, b[i + 3] == 0x6C else { return nil }
            return (.empty, i + 4)
        case 0x22:
            guard kind == .amount, let (text, end) = string(b, at: i), let amount = Amount(text) else { return nil }
            return (.amount(amount), end)
        default:
            guard kind == .count || kind == .signedCount, let (n, end) = integer(b, at: i),
                  n.magnitude <= CellValue.maxCount.magnitude else { return nil }
            return (.count(n), end)
        }
    }

    /// `-?(0|[1-9][0-9]*)` of at most 15 digits, not `-0`, not followed by a fraction or exponent.
    private static func integer(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> (Int64, Int)? {
        var i = start
        let negative = i < b.count && b[i] == 0x2D
        if negative { i += 1 }
        let firstDigit = i
        var value: Int64 = 0
        while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
            value = value * 10 + Int64(b[i] - 0x30)
            i += 1
            if i - firstDigit > 15 { return nil }
        }
        let digits = i - firstDigit
        guard digits >= 1, !(digits > 1 && b[firstDigit] == 0x30), !(negative && value == 0) else { return nil }
        if i < b.count, b[i] == 0x2E || b[i] == 0x65 || b[i] == 0x45 { return nil }
        return (negative ? -value : value, i)
    }

    /// A string literal at `i` (its opening quote), decoded; nil on a raw control character, a
    /// surrogate escape or anything malformed.
    private static func string(_ b: UnsafeBufferPointer<UInt8>, at open: Int) -> (String, Int)? {
        guard open < b.count, b[open] == 0x22 else { return nil }
        var i = open + 1
        let contentStart = i
        while i < b.count {
            let c = b[i]
            if c == 0x22 { return (String(decoding: UnsafeBufferPointer(rebasing: b[contentStart..<i]), as: UTF8.self), i + 1) }
            if c == 0x5C { return escapedString(b, contentStart: contentStart, at: i) }
            if c < 0x20 { return nil }
            i += 1
        }
        return nil
    }

    private static func escapedString(_ b: UnsafeBufferPointer<UInt8>, contentStart: Int, at first: Int) -> (String, Int)? {
        var out = [UInt8](UnsafeBufferPointer(rebasing: b[contentStart..<first]))
        var i = first
        while i < b.count {
            let c = b[i]
            if c == 0x22 { return (String(decoding: out, as: UTF8.self), i + 1) }
            if c < 0x20 { return nil }
            guard c == 0x5C else {
                out.append(c)
                i += 1
                continue
            }
            guard i + 1 < b.count else { return nil }
            switch b[i + 1] {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                guard i + 6 <= b.count else { return nil }
                var unit: UInt32 = 0
                for k in (i + 2)..<(i + 6) {
                    let h = b[k]
                    let digit: UInt32
                    switch h {
                    case 0x30...0x39: digit = UInt32(h - 0x30)
                    case 0x41...0x46: digit = UInt32(h - 0x41 + 10)
                    case 0x61...0x66: digit = UInt32(h - 0x61 + 10)
                    default: return nil
                    }
                    unit = unit << 4 | digit
                }
                // Surrogate pairs are left to the ordinary parser, which also explains bad ones.
                guard !(0xD800...0xDFFF).contains(unit), let scalar = Unicode.Scalar(unit) else { return nil }
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += 6
                continue
            default:
                return nil
            }
            i += 2
        }
        return nil
    }

    /// The template of one form and schema version, cut from the written bytes of a report of markers.
    static func make(_ form: FormVersion, version: Int) -> Template {
        var stringSlots: [Slot] = [.agency, .scope, .preface, .signOff, .origin, .review]
        stringSlots += Report.textSections.map { Slot.section($0) }
        func marker(_ n: Int) -> String { "\u{1}\(n)\u{2}" }
        var report = Report(agency: marker(0), year: 2020, form: form, scope: .agency)
        report.cells = (0..<report.cells.count).map { .count(markerBase + Int64($0)) }
        for (n, id) in Report.textSections.enumerated() { report.texts[id] = marker(n + 6) }
        if version >= 2 { report.preface = marker(2) }
        var value = ReportFile.jsonValue(report)
        if case .object(var top) = value {
            top["scope"] = .string(marker(1))
            top["year"] = .number(JSONNumber(markerBase - 1))
            if version >= 2 {
                top["sign_off"] = .string(marker(3))
                top["origin"] = .string(marker(4))
                top["review"] = .string(marker(5))
            }
            value = .object(top)
        }
        let cut = MarkerTemplate.cut(PrettyCanonicalWriter.bytes(value), numberBase: markerBase, string: { stringSlots[$0] },
                                     number: { $0 == markerBase - 1 ? .year : .cell(Int($0 - markerBase)) })
        return Template(form: form, version: version, pieces: cut.pieces, slots: cut.slots, tail: cut.tail)
    }
}
