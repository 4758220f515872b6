import NianbaoCore

/// The pretty canonical bytes of a file's object in `check --format json`, written straight into
/// one buffer at their final indentation, without building a JSON value for the file or its findings.
///
/// The bytes equal `PrettyCanonicalWriter.bytes(JSONReport.file(…))` without its final newline,
/// every line after the first indented by `indent` more spaces (`CheckBatchTests` and
/// `CheckFileJSONTests` compare them): members in key order, keys and cell strings escaped once,
/// each finding's fingerprint written from prepared cell ids. The rare parts (an unreadable
/// file's error, review summary, notes, last year's pairing, a note's verdict, a span) go through
/// the canonical writer.
enum FileJSON {
    /// `reviewed`: the findings with their notes, or nil when the report has no notes (then
    /// `result.findings` are written, every one open).
    static func bytes(_ result: CheckResult, reviewed: [ReviewedFinding]?, counts: SeverityCounts, options: CheckOutputOptions,
                      indent: Int = 0) -> [UInt8] {
        guard let report = result.report, result.error == nil else {
            let whole = PrettyCanonicalWriter.bytes(JSONReport.file(result, reviewed: [], counts: counts, options: options))
            return JSONReport.indented(whole, by: indent)
        }
        let inner = indent + 2
        var out: [UInt8] = []
        out.reserveCapacity(1024 + (options.summary ? 0 : result.findings.count * 2048))
        out.append(UInt8(ascii: "{"))
        member(keyAgency, indent: inner, to: &out, first: true)
        JSONText.appendString(report.agency, to: &out)
        member(keyCounts, indent: inner, to: &out)
        countsObject(counts, indent: inner, to: &out)
        member(keyDigest, indent: inner, to: &out)
        JSONText.appendString(ReportFile.digest(report), to: &out)
        if !options.summary {
            member(keyFindings, indent: inner, to: &out)
            findings(result, reviewed: reviewed, minSeverity: options.minSeverity, indent: inner, to: &out)
        }
        member(keyForm, indent: inner, to: &out)
        JSONText.appendString(report.form.rawValue, to: &out)
        if !result.notes.isEmpty {
            member(keyNotes, indent: inner, to: &out)
            nested(.array(result.notes.map(JSONValue.string)), indent: inner, to: &out)
        }
        member(keyPath, indent: inner, to: &out)
        JSONText.appendString(result.path, to: &out)
        if let status = result.previousStatus {
            var p: [(key: String, value: JSONValue)] = [("status", .string(status))]
            if let path = result.previousPath { p.append(("path", .string(path))) }
            member(keyPrevious, indent: inner, to: &out)
            nested(.object(JSONObject(p)), indent: inner, to: &out)
        }
        if !report.review.isEmpty {
            member(keyReview, indent: inner, to: &out)
            nested(ReviewText.summaryJSON(report), indent: inner, to: &out)
        }
        member(keyScope, indent: inner, to: &out)
        JSONText.appendString(report.scope.rawValue, to: &out)
        member(keyStatus, indent: inner, to: &out)
        out.append(contentsOf: result.exitCode == 0 ? statusOK : statusBlocked)
        member(keyYear, indent: inner, to: &out)
        integer(report.year, to: &out)
        newline(indent, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// `{"dismissed": …, "error": …, "incomplete": …, "info": …, "warning": …}` (`SeverityCounts.json`, keys in order).
    static func countsObject(_ counts: SeverityCounts, indent: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        let inner = indent + 2
        member(keyDismissed, indent: inner, to: &out, first: true)
        integer(counts.dismissed, to: &out)
        member(keyError, indent: inner, to: &out)
        integer(counts.error, to: &out)
        member(keyIncomplete, indent: inner, to: &out)
        integer(counts.incomplete, to: &out)
        member(keyInfo, indent: inner, to: &out)
        integer(counts.info, to: &out)
        member(keyWarning, indent: inner, to: &out)
        integer(counts.warning, to: &out)
        newline(indent, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The `findings` array: those at or above `minSeverity`, `[]` when none.
    static func findings(_ result: CheckResult, reviewed: [ReviewedFinding]?, minSeverity: Severity, indent: Int, to out: inout [UInt8]) {
        var written = 0
        var scratch = Scratch()
        let count = reviewed?.count ?? result.findings.count
        var k = 0
        while k < count {
            defer { k += 1 }
            let item = reviewed?[k]
            let severity = item?.finding.severity ?? result.findings[k].severity
            guard severity <= minSeverity else { continue }
            out.append(UInt8(ascii: written == 0 ? "[" : ","))
            written += 1
            newline(indent + 2, to: &out)
            if let item {
                finding(item.finding, item: item, indent: indent + 2, scratch: &scratch, to: &out)
            } else {
                finding(result.findings[k], item: nil, indent: indent + 2, scratch: &scratch, to: &out)
            }
        }
        if written == 0 {
            out.append(UInt8(ascii: "["))
        } else {
            newline(indent, to: &out)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// One finding's object; `item` carries the note on it, when it has one.
    static func finding(_ f: Finding, item: ReviewedFinding?, indent: Int, scratch: inout Scratch, to out: inout [UInt8]) {
        let inner = indent + 2
        scratch.use(f.form)
        out.append(UInt8(ascii: "{"))
        var first = true
        func key(_ k: [UInt8]) {
            member(k, indent: inner, to: &out, first: first)
            first = false
        }
        if let a = f.actual { key(keyActual); JSONText.appendString(a, to: &out) }
        key(keyCells)
        if f.cells.isEmpty {
            out.append(UInt8(ascii: "["))
        } else {
            out.append(UInt8(ascii: "["))
            if inner <= preparedIndents {
                scratch.made.cellObjects[inner].withUnsafeBufferPointer { prepared in
                    for (n, cell) in f.cells.enumerated() {
                        if n > 0 { out.append(UInt8(ascii: ",")) }
                        newline(inner + 2, to: &out)
                        prepared[cell].withUnsafeBufferPointer { out.append(contentsOf: $0) }
                    }
                }
            } else {
                let strings = scratch.made.cellStrings
                for (n, cell) in f.cells.enumerated() {
                    if n > 0 { out.append(UInt8(ascii: ",")) }
                    newline(inner + 2, to: &out)
                    out.append(contentsOf: cellObject(id: strings[cell].id, label: strings[cell].label, inner: inner))
                }
            }
            newline(inner, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        if let e = f.expected { key(keyExpected); JSONText.appendString(e, to: &out) }
        key(keyFingerprint); fingerprint(f, order: scratch.made.fingerprintOrder, ranks: &scratch.ranks, to: &out)
        key(keyMessage); JSONText.appendString(f.message, to: &out)
        if let item, item.note != nil, case .object(let members) = JSONReport.finding(item) {
            key(keyReview)
            nested(members["review"] ?? .null, indent: inner, to: &out)
        }
        key(keyRule); JSONText.appendString(f.ruleID, to: &out)
        key(keySection)
        if let section = f.section { out.append(contentsOf: sectionStrings[section.ordinal]) } else { out.append(contentsOf: null) }
        key(keySeverity); out.append(contentsOf: severityString(f.severity))
        if let span = f.span {
            key(keySpan)
            nested(JSONReport.spanJSON(span), indent: inner, to: &out)
        }
        newline(indent, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// The quoted text of `ReviewFingerprint(f)` (`RULE[@cell,cell][#part]`, cells in id order),
    /// written from each form's prepared ids and their order instead of sorting and joining strings.
    static func fingerprint(_ f: Finding, order: FingerprintOrder, ranks: inout [Int], to out: inout [UInt8]) {
        JSONText.appendString(f.ruleID, to: &out)
        out.removeLast()  // the closing quote: the cells and part follow inside the string
        if !f.cells.isEmpty {
            ranks.removeAll(keepingCapacity: true)
            for cell in f.cells { ranks.append(order.rank[cell]) }
            ranks.sort()
            out.append(UInt8(ascii: "@"))
            for (n, rank) in ranks.enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                order.idByRank[rank].withUnsafeBufferPointer { out.append(contentsOf: $0) }
            }
        }
        if let part = f.span?.part {
            out.append(UInt8(ascii: "#"))
            let quoted = string(part.id)
            out.append(contentsOf: quoted[1..<(quoted.count - 1)])
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Each cell's place among the dotted ids in `String` order (the order `ReviewFingerprint`
    /// sorts them in), and the escaped ids, without quotes, in that order.
    typealias FingerprintOrder = (rank: [Int], idByRank: [[UInt8]])

    /// What one file's findings are written with: the prepared bytes of their form, looked up
    /// once (a `PerForm` lookup from this module is a generic call, too dear per finding), and
    /// the fingerprint's buffer of cell ranks.
    struct Scratch {
        typealias Prepared = (cellObjects: [[[UInt8]]], cellStrings: [(id: [UInt8], label: [UInt8])], fingerprintOrder: FingerprintOrder)
        private var form: FormVersion?
        /// The prepared bytes of the form last `use`d (read in place, not copied out per finding).
        private(set) var made: Prepared = ([], [], ([], []))
        var ranks: [Int] = []

        init() { ranks.reserveCapacity(64) }

        mutating func use(_ form: FormVersion) {
            guard form != self.form else { return }
            self.form = form
            made = (FileJSON.cellObjects[form], FileJSON.cellStrings[form], FileJSON.fingerprintOrder[form])
        }
    }

    static let fingerprintOrder = PerForm { def -> FingerprintOrder in
        let ids = def.cells.map(\.ref.description)
        let sorted = ids.indices.sorted { ids[$0] < ids[$1] }
        var rank = Array(repeating: 0, count: ids.count)
        for (r, cell) in sorted.enumerated() { rank[cell] = r }
        return (rank, sorted.map { cell in
            let quoted = string(ids[cell])
            return Array(quoted[1..<(quoted.count - 1)])
        })
    }

    /// A non-negative or negative integer as the canonical writer writes `JSONNumber(Int64(value))`.
    static func integer(_ value: Int, to out: inout [UInt8]) {
        if value >= 0, value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
        } else if value.magnitude < 1_000_000_000_000_000 {
            out.append(contentsOf: String(value).utf8)
        } else {
            out.append(contentsOf: PrettyCanonicalWriter.bytes(.number(JSONNumber(Int64(value)))).dropLast())
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == needle[0], haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// A line feed and 64 spaces, cut to the indent wanted.
    static let newlineAndSpaces: [UInt8] = [0x0A] + Array(repeating: 0x20, count: 64)

    @inline(__always)
    static func newline(_ indent: Int, to out: inout [UInt8]) {
        if indent < newlineAndSpaces.count {
            newlineAndSpaces.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0...indent])) }
        } else {
            out.append(0x0A)
            for _ in 0..<indent { out.append(0x20) }
        }
    }

    /// `"key": `, escaped once.
    static func key(_ k: String) -> [UInt8] { string(k) + [UInt8(ascii: ":"), 0x20] }
    static let keyAgency = key("agency"), keyCounts = key("counts"), keyDigest = key("digest"), keyFindings = key("findings"),
               keyForm = key("form"), keyNotes = key("notes"), keyPath = key("path"), keyPrevious = key("previous"),
               keyScope = key("scope"), keyStatus = key("status"), keyYear = key("year")
    static let keyDismissed = key("dismissed"), keyError = key("error"), keyIncomplete = key("incomplete"), keyInfo = key("info"),
               keyWarning = key("warning")
    static let keyActual = key("actual"), keyCells = key("cells"), keyExpected = key("expected"),
               keyFingerprint = key("fingerprint"), keyMessage = key("message"), keyReview = key("review"), keyRule = key("rule"),
               keySection = key("section"), keySeverity = key("severity"), keySpan = key("span"), keyID = key("id"), keyLabel = key("label")
    static let statusOK = string("ok"), statusBlocked = string("blocked"), null = Array("null".utf8)
    /// Quoted section ids, by `SectionID.ordinal`.
    static let sectionStrings: [[UInt8]] = {
        var strings = Array(repeating: [UInt8](), count: SectionID.allCases.count)
        for s in SectionID.allCases { strings[s.ordinal] = string(s.rawValue) }
        return strings
    }()
    static let severityError = string(Severity.error.rawValue), severityIncomplete = string(Severity.incomplete.rawValue),
               severityWarning = string(Severity.warning.rawValue), severityInfo = string(Severity.info.rawValue)

    /// The quoted severity.
    static func severityString(_ severity: Severity) -> [UInt8] {
        switch severity {
        case .error: severityError
        case .incomplete: severityIncomplete
        case .warning: severityWarning
        case .info: severityInfo
        }
    }

    /// A JSON string's bytes, escaped as the canonical writer escapes it.
    static func string(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONText.appendString(s, to: &out)
        return out
    }

    /// Escaped id and label of every cell, per form.
    static let cellStrings = PerForm { def in def.cells.map { (id: string($0.ref.description), label: string($0.label)) } }

    /// Deepest finding indent whose cell objects are made in advance (the streamed document's is 8).
    static let preparedIndents = 12

    /// Every cell's whole `{"id": …, "label": …}` object, as written inside a finding at each
    /// indent up to `preparedIndents`, per form: a finding of a row or column names dozens of cells.
    static let cellObjects = PerForm { def -> [[[UInt8]]] in
        let strings = def.cells.map { (id: string($0.ref.description), label: string($0.label)) }
        return (0...preparedIndents).map { inner in
            strings.map { cellObject(id: $0.id, label: $0.label, inner: inner) }
        }
    }

    static func cellObject(id: [UInt8], label: [UInt8], inner: Int) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        member(keyID, indent: inner + 4, to: &out, first: true)
        out.append(contentsOf: id)
        member(keyLabel, indent: inner + 4, to: &out)
        out.append(contentsOf: label)
        newline(inner + 2, to: &out)
        out.append(UInt8(ascii: "}"))
        return out
    }

    @inline(__always)
    static func member(_ key: [UInt8], indent: Int, to out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        newline(indent, to: &out)
        key.withUnsafeBufferPointer { out.append(contentsOf: $0) }
    }

    /// A nested value written by the canonical writer, its lines indented to `indent`.
    static func nested(_ value: JSONValue, indent: Int, to out: inout [UInt8]) {
        for byte in PrettyCanonicalWriter.bytes(value).dropLast() {
            out.append(byte)
            if byte == 0x0A { for _ in 0..<indent { out.append(0x20) } }
        }
    }
}
