#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Imports a published annual report from a web page, text copied from a web page, or text
/// taken out of a PDF or Word file.
///
/// Labels are matched against the form declaration after NFKC normalisation and whitespace
/// stripping, by prefix. Cells are read as printed: blanks, dashes and 无 stay empty and are
/// reported; totals are not recomputed; nothing unreadable is guessed.
public enum ReportImporter {
    /// Imports raw file contents. Refuses empty, binary and non-UTF-8 files with a clear message.
    public static func `import`(bytes: [UInt8], options: ImportOptions = ImportOptions()) throws(ImportError) -> ImportResult {
        try `import`(bytes: bytes, options: options, fromPDF: false)
    }

    /// Imports raw file contents; `fromPDF` when `pdftotext` made them.
    static func `import`(bytes: [UInt8], options: ImportOptions, fromPDF: Bool) throws(ImportError) -> ImportResult {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty }
        if body.withUnsafeBufferPointer({ memchr($0.baseAddress!, 0, $0.count) != nil }) { throw .binary }
        // The standard library's validation (fast on ASCII runs) makes the String the readers need;
        // only invalid input is walked again, for the offset of its first bad byte.
        guard let text = String(validating: body, as: UTF8.self) else {
            if let offset = firstInvalidUTF8(body) { throw .notUTF8(offset: offset + (bytes.count - body.count)) }
            return try importValidated(Array(body), text: String(decoding: body, as: UTF8.self), options: options, fromPDF: fromPDF)
        }
        return try importValidated(Array(body), text: text, options: options, fromPDF: fromPDF)
    }

    /// Imports text.
    public static func `import`(text: String, options: ImportOptions = ImportOptions()) throws(ImportError) -> ImportResult {
        try `import`(bytes: Array(text.utf8), options: options)
    }

    /// Imports `bytes`, valid UTF-8 with no NUL, whose text is `text`.
    static func importValidated(_ bytes: [UInt8], text: String, options: ImportOptions, fromPDF: Bool) throws(ImportError) -> ImportResult {
        var document: SourceDocument
        if HTMLReader.looksLikeHTML(bytes) {
            document = try HTMLReader.read(bytes)
            if !document.lines.contains(where: \.isTable) {
                // A page whose tables were flattened into paragraphs: read its text like copied text.
                let paragraphs = document.lines
                let joined = paragraphs.map(\.text).joined(separator: "\n")
                try ImportLimits.checkText(Array(joined.utf8))
                var text = SourceDocument.text(joined)
                for index in text.lines.indices where index < paragraphs.count {
                    let original = paragraphs[index].location.line
                    text.lines[index].location.line = original
                    for c in text.lines[index].cells.indices { text.lines[index].cells[c].location.line = original }
                }
                text.fromHTML = true
                text.hasImages = document.hasImages
                text.exportedScope = document.exportedScope
                document = text
            }
        } else {
            try ImportLimits.checkText(bytes)
            document = SourceDocument.text(text)
            document.fromPDF = fromPDF
        }
        return try importDocument(document, options: options)
    }

    /// Matches a read document against the form: the one step every input shape shares
    /// (web pages and text above; Word documents through `import(_:options:)`).
    static func importDocument(_ document: SourceDocument, options: ImportOptions) throws(ImportError) -> ImportResult {
        var interpreter = Interpreter(document: document, options: options)
        let result = try interpreter.run()
        if !result.questions.isEmpty && !options.partial { throw .unconfirmedMetadata(result) }
        if result.hasErrors && !options.partial { throw .unreadableCells(result) }
        return result
    }

    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            if b & 0xE0 == 0xC0 { length = 2; minimum = 0x80 }
            else if b & 0xF0 == 0xE0 { length = 3; minimum = 0x800 }
            else if b & 0xF8 == 0xF0 { length = 4; minimum = 0x10000 }
            else { return i - bytes.startIndex }
            guard i + length <= end else { return i - bytes.startIndex }
            var value = UInt32(b) & (0xFF >> (length + 1))
            for k in 1..<length {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i - bytes.startIndex }
                value = value << 6 | UInt32(c & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return i - bytes.startIndex }
            i += length
        }
        return nil
    }
}

/// Label keys of one form, computed once.
struct FormLabelKeys: Sendable {
    struct Row: Sendable {
        let id: String
        let key: String
        let core: String?
        /// Group labels and the label run together, outermost first, e.g. `行政诉讼未经复议直接起诉`;
        /// one entry per starting group (`三、本年度办理结果(三)不予公开1.…`, `(三)不予公开1.…`).
        let groupedKeys: [String]
        /// The row's group labels run together (`三、本年度办理结果(三)不予公开`); empty for a row in no group.
        let groupKey: String
        /// Bytes of the shortest prefix of `key` (whole characters, at least `truncatedMinimum`) that
        /// no other row of the table starts with: a label cut off there still names this row alone.
        let uniquePrefixBytes: Int

        /// Fewest characters a label cut off by a wrap may keep and still be read as its row.
        static let truncatedMinimum = 6

        /// True when `s`, a label cut short (the rest printed after the values, as `pdftotext -layout`
        /// wraps a table cell), can only be this row's: a prefix of its key, long enough to be unique.
        func isTruncated(_ s: String) -> Bool {
            s.utf8.count >= uniquePrefixBytes && s.utf8.count < key.utf8.count && key.bytesStart(with: s)
        }

        /// The rest of `s` when it starts with a piece of the row's group labels printed on the row's
        /// line (`三、本年(一)予以公开`, `(三1.属于国家`): the part from the row's own label on, else nil.
        func afterGroupFragment(_ s: String) -> String? {
            guard !groupKey.isEmpty else { return nil }
            let head = String(key.prefix(4))
            guard !head.isEmpty, let r = TextSearch.firstRange(of: head, in: s), r.lowerBound > s.startIndex else { return nil }
            let prefix = String(s[..<r.lowerBound])
            guard groupKey.bytesContain(prefix) else { return nil }
            return String(s[r.lowerBound...])
        }

        /// True for a piece of the row's group labels or of its own label, or a piece of each run
        /// together (a wrapped cell's other lines, printed between the label and the values, and
        /// sharing a line): `果`, `(区分处理的,`, `果的,只计这一情形,不计其`.
        func isOwnFragment(_ s: String) -> Bool {
            guard !s.isEmpty else { return false }
            if groupKey.bytesContain(s) || key.bytesContain(s) { return true }
            return groupPieceSplits(s).contains { key.bytesContain(String(s[$0...])) }
        }

        /// `s` continued by `next`, or by `next` after a piece of the group's label printed at its
        /// start (`理通知要求缴纳费用、行`), when that is still a prefix of the row's label; else nil.
        func continued(_ s: String, by next: String) -> String? {
            if key.bytesStart(with: s + next) { return s + next }
            for at in groupPieceSplits(next) where key.bytesStart(with: s + next[at...]) { return s + next[at...] }
            return nil
        }

        /// The indices of `s` (after its first character, before its end) where what comes before
        /// is a piece of the group labels.
        func groupPieceSplits(_ s: String) -> [String.Index] {
            guard !groupKey.isEmpty else { return [] }
            var splits: [String.Index] = []
            var at = s.index(after: s.startIndex)
            while at < s.endIndex {
                guard groupKey.bytesContain(String(s[..<at])) else { break }
                splits.append(at)
                at = s.index(after: at)
            }
            return splits
        }
    }

    let rows: [TableID: [String: Row]]

    init(_ form: FormDefinition) {
        var rows: [TableID: [String: Row]] = [:]
        for table in form.tables {
            let keys = table.allRows.map { LabelKey.of($0.label) }
            for (k, row) in table.allRows.enumerated() {
                let key = keys[k]
                let grouped = row.groups.indices.map { LabelKey.of(row.groups[$0...].joined() + row.label) }
                // The shortest unique prefix, on a character boundary.
                var unique = key.utf8.count
                var prefix = ""
                for (n, c) in key.enumerated() {
                    prefix.append(c)
                    if n + 1 >= Row.truncatedMinimum, !keys.enumerated().contains(where: { $0.offset != k && $0.element.bytesStart(with: prefix) }) {
                        unique = prefix.utf8.count
                        break
                    }
                }
                rows[table.id, default: [:]][row.id] = Row(id: row.id, key: key, core: LabelKey.core(ofKey: key),
                                                           groupedKeys: grouped, groupKey: LabelKey.of(row.groups.joined()),
                                                           uniquePrefixBytes: unique)
            }
        }
        self.rows = rows
    }

    static let v2019 = FormLabelKeys(.v2019)
    static let v2021 = FormLabelKeys(.v2021)

    static func of(_ version: FormVersion) -> FormLabelKeys { version == .v2019 ? v2019 : v2021 }
}

struct Interpreter {
    struct Token {
        var cell: SourceDocument.Cell
        var isValue: Bool
        /// The first token of a new table row (or line).
        var startsRow: Bool
        var line: Int
    }

    let document: SourceDocument
    let options: ImportOptions
    var problems: [ImportProblem] = []
    /// Rows of table 三 printed as run-together digits, decided together at the end of the table.
    var pendingRuns: [PendingRun] = []
    /// The tables read so far have digits run together (some value was glued to its label).
    var runTogether = false
    /// The table being read runs to the end of the input (a cut excerpt may end inside a row).
    var inputEndsInRegion = false
    /// Rows printed without their blank cells, placed by the table's identities at its end (`VanishedBlanks.swift`).
    var pendingPlacements: [PendingPlacement] = []

    /// The lines that may be a section heading, in order, with their keys (without `#` marks or a
    /// trailing `|`): short, not a table row of several cells, at most 40 characters of key.
    let headingCandidates: [(line: Int, key: Substring)]
    /// PDF text printed at wide line spacing: the width of a full line of prose (see `ImportedNarrative.spacedProseWidth`).
    let spacedProseWidth: Int?

    init(document: SourceDocument, options: ImportOptions) {
        self.document = document
        self.options = options
        var candidates: [(line: Int, key: Substring)] = []
        for (index, line) in document.lines.enumerated() {
            if line.isTable && document.kind != .flattenedText || line.isTable && line.cells.count > 1 { continue }
            guard line.text.utf8.count <= SourceDocument.maxHeadingBytes, Self.mayStartHeading(line.text) else { continue }
            var key = Substring(!line.isTable && line.cells.count == 1 ? line.cells[0].key : LabelKey.of(line.text))
            while key.first == "#" { key = key.dropFirst() }
            if key.hasSuffix("|") { key = key.dropLast() }
            guard key.utf8.count <= 40 || key.count <= 40 else { continue }
            candidates.append((index, key))
        }
        headingCandidates = candidates
        spacedProseWidth = document.fromPDF
            ? ImportedNarrative.spacedProseWidth(document.lines.map { ($0.text, !$0.isTable && $0.cells.isEmpty) }) : nil
    }

    /// The first scalars a heading key can start with: an ordinal, or the first of a heading body.
    static let headingStarts: Set<Unicode.Scalar> = Set(numerals.compactMap(\.unicodeScalars.first))
        .union(ReportOutline.headingBodies.flatMap { $0.1.compactMap(\.unicodeScalars.first) })

    /// False when `text` cannot be a heading: the first scalar its key keeps (after spaces,
    /// quotation marks and `#` marks) is no ordinal and starts no heading body. True when that
    /// scalar has a compatibility form (its key is not read here).
    static func mayStartHeading(_ text: String) -> Bool {
        for original in text.unicodeScalars {
            if LabelKey.isSpace(original) || LabelKey.isQuotationMark(original) || original == "#" { continue }
            if LabelKey.needsCompatibilityMapping(original) { return true }
            return headingStarts.contains(TraditionalChinese.simplified(original) ?? original)
        }
        return true
    }

    static let v2019Signals = ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减",
                               "第二十条第(九)项", "政府集中采购", "采购总金额", "采购项目数量"]
    static let v2021Signals = ["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
                               "1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知"]
    /// Both lists, 2019 first, searched in one pass per cell.
    static let signals = v2019Signals + v2021Signals
    static let signalScan = PhraseScan(signals)
    static let preStandardHeadings = ["概述", "依申请公开政府信息情况", "收费及减免情况", "主动公开政府信息的情况",
                                      "政府信息公开的收费及减免情况", "因政府信息公开申请行政复议、提起行政诉讼的情况",
                                      "依申请公开政府信息和不予公开政府信息的情况"]
    static let numerals: [Character] = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]

    mutating func run() throws(ImportError) -> ImportResult {
        let lines = document.lines
        // Headings, in order.
        let sections = FormDefinition.v2019.sections
        var headings: [SectionID: Int] = [:]
        var searchFrom = 0
        for section in sections {
            if let index = findHeading(section, from: searchFrom) {
                headings[section.id] = index
                searchFrom = index + 1
            }
        }
        // A Traditional-script copy: keys, headings and the title were read as Simplified.
        let script = TraditionalChinese.sample(lines.lazy.map(\.text))
        let meta = MetadataReader.read(lines, before: headings[.s1] ?? min(lines.count, 60), traditional: script.isTraditional) { index in
            lines[index].isTable && document.kind == .html
        }
        let title = meta.titleLine.map { Title(line: $0, year: nil, agency: nil) }

        // Evidence of tables and of the form version.
        var signals19: [String] = []
        var signals21: [String] = []
        var t3Rows = 0
        let t3Keys = FormLabelKeys.v2019.rows[.t3] ?? [:]
        for line in lines where line.isTable || document.kind != .html {
            for cell in line.cells where !cell.key.isEmpty {
                for k in Self.signalScan.found(in: cell.key) {
                    let s = Self.signals[k]
                    if k < Self.v2019Signals.count {
                        if !signals19.contains(s) { signals19.append(s) }
                    } else if !signals21.contains(s) {
                        signals21.append(s)
                    }
                }
                if t3Rows < 3, cell.key.bytesStart(with: "一、本年新收") || cell.key.bytesStart(with: "(七)总计")
                    || t3Keys["r4"].map({ cell.key.bytesStart(with: $0.key) }) == true {
                    t3Rows += 1
                }
            }
        }
        let hasTables = !signals19.isEmpty || !signals21.isEmpty || t3Rows > 0

        // Year and agency: an option wins; a certain reading is used; anything else is asked.
        var year = options.year
        var agency = options.agency.map { String($0.trimmingAllSpace) }
        var yearSource: ImportSource = .option
        var agencySource: ImportSource = .option
        var questions: [ImportQuestion] = []
        if let found = meta.year {
            if year == nil {
                year = found.value
                yearSource = found.source
                if !found.certain {
                    questions.append(ImportQuestion(field: .year, guess: String(found.value), source: found.source, reason: found.doubt ?? "来源不确定"))
                }
            } else if year != found.value, found.certain {
                problems.append(ImportProblem(level: .warning, kind: .optionOverridesTitle, location: ImportLocation(line: 1),
                                              message: "\(found.source)中的年度是 \(found.value)，与 --year \(year!) 不一致；按 --year 导入。"))
            }
        }
        if agency == nil || agency!.isEmpty {
            if let found = meta.agency {
                agency = found.value
                agencySource = found.source
                if !found.certain {
                    questions.append(ImportQuestion(field: .agency, guess: found.value, source: found.source, reason: found.doubt ?? "来源不确定"))
                }
            } else if options.partial {
                agency = ""
                agencySource = .defaultValue
                questions.append(ImportQuestion(field: .agency, guess: nil, source: nil, reason: "标题、前言和正文开头都没有机关全称"))
            }
        } else if let found = meta.agency, found.certain, found.value != agency {
            problems.append(ImportProblem(level: .warning, kind: .optionOverridesTitle, location: ImportLocation(line: 1),
                                          message: "\(found.source)中的机关名称是“\(found.value)”，与 --agency “\(agency!)”不一致；按 --agency 导入。"))
        }

        // Not a report of the current forms.
        if let year, year < FormVersion.firstReportingYear, yearSource != .option, meta.year?.certain == true {
            throw .preStandardReport(evidence: "\(year) 年度", location: title.map { lines[$0.line].location })
        }
        if !hasTables {
            // A report of 2019 or later without table text is not a pre-2019 report.
            for line in lines where !line.isTable && (year ?? 0) < FormVersion.firstReportingYear {
                let key = Self.stripNumbering(LabelKey.of(line.text))
                if let hit = Self.preStandardHeadings.first(where: { key.hasPrefix($0) }), key.count <= hit.count + 6 {
                    throw .preStandardReport(evidence: line.text.trimmingAllSpace.description, location: line.location)
                }
            }
            let tableHeadings = [SectionID.s2, .s3, .s4].filter { headings[$0] != nil }.count
            if tableHeadings >= 2 { throw .tablesMissing(hasImages: document.hasImages) }
            // A Traditional-script text is a report in another script, not "not a report".
            if headings.isEmpty && title == nil && meta.year == nil && !script.isTraditional { throw .notAReport }
            let found = FormDefinition.v2019.sections.filter { headings[$0.id] != nil }.map(\.title)
            throw .noTableText(foundHeadings: found)
        }
        // A year no report file can hold is never written (the loader would refuse the draft).
        if let year, (try? FormVersion.expected(forYear: year)) == nil {
            throw .yearOutOfRange(year: year, source: yearSource)
        }
        if year == nil || agency == nil || (agency!.isEmpty && !options.partial) {
            throw .missingMetadata(year: year == nil, agency: agency == nil || agency!.isEmpty)
        }

        // The form version.
        let form: FormVersion
        let formSource: ImportSource
        let expected = try? FormVersion.expected(forYear: year!)
        if signals19.count > signals21.count {
            form = .v2019
            formSource = .labels(matched: signals19)
        } else if signals21.count > signals19.count {
            form = .v2021
            formSource = .labels(matched: signals21)
        } else if let expected {
            form = expected
            formSource = .year
            problems.append(ImportProblem(level: .warning, kind: .formFromYear, location: ImportLocation(line: 1),
                                          message: "表格标签不足以判断格式版本，按年度 \(year!) 推定为 \(expected.displayName)。"))
        } else {
            throw .formUndetermined
        }
        if !signals19.isEmpty && !signals21.isEmpty {
            problems.append(ImportProblem(level: .warning, kind: .conflictingFormSignals, location: ImportLocation(line: 1),
                                          message: "表格同时含有 2019 版（\(signals19.joined(separator: "、"))）和 2021 版（\(signals21.joined(separator: "、"))）的标签；按 \(form.displayName) 导入。"))
        }
        if let expected, expected != form, formSource != .year {
            problems.append(ImportProblem(level: .warning, kind: .formYearMismatch, location: ImportLocation(line: 1),
                                          message: "表格使用 \(form.displayName) 格式，但 \(year!) 年度应使用 \(expected.displayName) 格式（\(expected.notice)）；按表格实际格式导入。"))
        }

        var report = Report(agency: agency!, year: year!, form: form, scope: document.exportedScope ?? .agency)
        if script.isTraditional {
            let annotations = script.annotations > 0 ? "，字后夹注的拼音（如“據(jù)”）识别时略去" : ""
            let name = agencySource == .option || agency!.isEmpty ? "" : "，机关名称按简体写作“\(agency!)”"
            problems.append(ImportProblem(level: .note, kind: .traditionalScript, location: ImportLocation(line: 1),
                                          message: "原文为繁体字：标题、章节标题和表格标签按简体对照识别\(annotations)\(name)；正文、前言和落款按原样保留。"))
        }

        // Regions between headings.
        let order: [SectionID] = [.s1, .s2, .s3, .s4, .s5, .s6]
        func regionEnd(after section: SectionID) -> Int {
            let later = order.drop { $0 != section }.dropFirst()
            return later.compactMap { headings[$0] }.min() ?? lines.count
        }
        func regionStart(_ section: SectionID, fallback: Int) -> Int {
            headings[section].map { $0 + 1 } ?? fallback
        }

        for section in sections where headings[section.id] == nil {
            problems.append(ImportProblem(level: .warning, kind: .missingSection, location: ImportLocation(line: 1),
                                          message: "没有找到第\(section.numeral)部分的标题“\(section.title)”。"))
        }

        // Tables.
        var previousEnd = title.map { $0.line + 1 } ?? 0
        if let s1 = headings[.s1] { previousEnd = s1 + 1 }
        for (section, table) in [(SectionID.s2, TableID.t2), (.s3, .t3), (.s4, .t4)] {
            let start = regionStart(section, fallback: previousEnd)
            let end = headings[section] == nil && headings[order[order.firstIndex(of: section)! + 1]] == nil
                ? lines.count : regionEnd(after: section)
            let tokens = self.tokens(lines: start..<max(start, end))
            inputEndsInRegion = end >= lines.count
            readTable(form.definition.table(table), tokens: tokens, into: &report)
            if end > start { previousEnd = end }
        }

        // Narrative sections, exactly as published.
        if let s1 = headings[.s1] {
            report.texts[.s1] = narrative(s1 + 1..<regionEnd(after: .s1))
            // The preface (前言): what stands between the title (or the top) and 一, without page chrome.
            let from = title.map { $0.line + 1 } ?? 0
            if s1 > from {
                report.preface = ImportedNarrative.preface(lines[from..<s1].filter { !($0.isTable && document.kind == .html) }.map(\.text))
            }
        }
        if let s5 = headings[.s5] { report.texts[.s5] = narrative(s5 + 1..<regionEnd(after: .s5)) }
        if let s6 = headings[.s6] {
            let (text, signOff) = ImportedNarrative.splitSignOff(narrative(s6 + 1..<lines.count))
            report.texts[.s6] = text
            report.signOff = signOff
        } else if headings[.s5] != nil {
            // No 六: the sign-off ends 五.
            let (text, signOff) = ImportedNarrative.splitSignOff(report.text(.s5))
            report.texts[.s5] = text
            report.signOff = signOff
        }

        problems.sort { a, b in
            if a.location.line != b.location.line { return a.location.line < b.location.line }
            return a.location.column < b.location.column
        }
        var result = ImportResult(report: report, problems: problems, inputKind: document.fromHTML ? .html : document.kind, formSource: formSource,
                                  yearSource: yearSource, agencySource: agencySource)
        result.questions = questions
        result.droppedPageMarks = document.droppedPageMarks
        return result
    }

    // MARK: headings, title, narrative

    /// Removes a leading `一、` / `(一)` numbering from a key.
    static func stripNumbering(_ key: String) -> String {
        var s = Substring(key)
        while s.first == "#" { s = s.dropFirst() }
        if let f = s.first, numerals.contains(f), s.dropFirst().first.map({ "、.,:".contains($0) }) == true {
            return String(s.dropFirst(2))
        }
        if s.hasPrefix("("), s.count > 3, numerals.contains(s[s.index(after: s.startIndex)]),
           s[s.index(s.startIndex, offsetBy: 2)] == ")" {
            return String(s.dropFirst(3))
        }
        return String(s)
    }

    func findHeading(_ section: SectionDefinition, from: Int) -> Int? {
        let bodies = ReportOutline.bodies(section.id)
        for (index, key) in headingCandidates where index >= from {
            // Any ordinal: reports number their own outline (`二、收到和处理…` for 三).
            if let first = key.first, Self.numerals.contains(first), let sep = key.dropFirst().first, "、.,:".contains(sep) {
                let body = key.dropFirst(2)
                if bodies.contains(where: { body.hasPrefix($0) && body.count <= $0.count + 12 }) { return index }
            } else if bodies.contains(where: { key == $0 }) {
                return index
            }
        }
        return nil
    }

    struct Title {
        var line: Int
        var year: Int?
        var agency: String?
    }

    func findTitle(before limit: Int) -> Title? {
        let marker = "政府信息公开工作年度报告"
        for index in 0..<min(limit, document.lines.count) {
            let line = document.lines[index]
            if line.isTable && document.kind == .html { continue }
            var text = Substring(line.text.trimmingAllSpace)
            while text.first == "#" { text = text.dropFirst() }
            text = Substring(String(text).trimmingAllSpace)
            if text.hasSuffix("|") { text = Substring(String(text.dropLast()).trimmingAllSpace) }
            var found = Self.parseTitle(String(text), marker: marker)
            if found == nil {
                let nfkc = LabelKey.nfkc(String(text))
                if nfkc != String(text) { found = Self.parseTitle(nfkc, marker: marker) }
            }
            if let found { return Title(line: index, year: found.year, agency: found.agency) }
        }
        return nil
    }

    /// `<agency><year>年[度]政府信息公开工作年度报告` or `<year>年[度]<agency>政府信息公开工作年度报告`.
    static func parseTitle(_ text: String, marker: String) -> (year: Int?, agency: String?)? {
        guard let range = text.firstRange(of: marker) else { return nil }
        var prefix = Substring(text[..<range.lowerBound])
        if prefix.hasSuffix("年度") { prefix = prefix.dropLast(2) } else if prefix.hasSuffix("年") { prefix = prefix.dropLast(1) } else {
            // Year first: 2020年驻马店市水利局政府信息公开工作年度报告
            let chars = Array(prefix)
            for i in 0..<max(0, chars.count - 4) where chars[i..<i + 4].allSatisfy({ $0.isASCII && $0.isNumber }) && chars[i + 4] == "年"
                && (i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber)) {
                var rest = chars[(i + 5)...]
                if rest.first == "度" { rest = rest.dropFirst() }
                let agency = String(String(rest).trimmingAllSpace)
                let before = String(String(chars[..<i]).trimmingAllSpace)
                return (Int(String(chars[i..<i + 4])), before.isEmpty ? agency : before + agency)
            }
            let agency = String(String(prefix).trimmingAllSpace)
            return (nil, agency.isEmpty ? nil : agency)
        }
        let digits = prefix.suffix(4)
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            let agency = String(String(prefix).trimmingAllSpace)
            return (nil, agency.isEmpty ? nil : agency)
        }
        let agency = String(String(prefix.dropLast(4)).trimmingAllSpace)
        return (Int(String(digits)), agency.isEmpty ? nil : agency)
    }

    func narrative(_ range: Range<Int>) -> String {
        var texts: [String] = []
        for index in range where index < document.lines.count {
            let line = document.lines[index]
            if line.isTable && document.kind == .html { continue }
            texts.append(line.text)
        }
        while let first = texts.first, first.trimmingAllSpace.isEmpty { texts.removeFirst() }
        while let last = texts.last, last.trimmingAllSpace.isEmpty { texts.removeLast() }
        if let fullWidth = spacedProseWidth {
            texts = ImportedNarrative.joinSpacedLines(texts, fullWidth: fullWidth)
        } else if document.kind == .lineText {
            texts = ImportedNarrative.joinHardBreaks(texts)
        }
        return texts.joined(separator: "\n")
    }

    // MARK: tables

    func tokens(lines range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        for index in range {
            let line = document.lines[index]
            if document.kind == .html && !line.isTable { continue }
            for (k, cell) in line.cells.enumerated() {
                tokens.append(Token(cell: cell, isValue: CellReader.looksLikeValue(key: cell.key),
                                    startsRow: k == 0 && document.lineIsRow, line: index))
            }
        }
        return tokens
    }

    /// Finds a row label at or after `from`: returns the range of tokens it spans.
    func findLabel(_ row: FormLabelKeys.Row, in tokens: [Token], from: Int, to end: Int) -> ClosedRange<Int>? {
        var i = from
        while i < end {
            defer { i += 1 }
            let t = tokens[i]
            if t.isValue { continue }
            var s = t.cell.key
            var j = i
            var matched = matches(s, row)
            // PDF layout text: a piece of the group label printed on the row's line, before its label.
            if !matched, document.kind != .html, let rest = row.afterGroupFragment(s) {
                s = rest
                matched = matches(s, row)
            }
            // One-line crawled text: the header's last words run into the first row's label
            // (`对外公开总数量规章0 8729`); the label is then the end of a word its digits are glued to.
            if !matched, runTogether, i + 1 < end, tokens[i + 1].isValue, tokens[i + 1].cell.glued,
               row.key.utf8.count >= 6, s.utf8.count > row.key.utf8.count, s.utf8.reversed().starts(with: row.key.utf8.reversed()) {
                return i...i
            }
            while !matched, j + 1 < end, j - i < 5, !tokens[j + 1].isValue,
                  row.key.bytesStart(with: s) || row.groupedKeys.contains(where: { $0.bytesStart(with: s) }) || (row.core.map { $0.bytesStart(with: s) } ?? false) {
                j += 1
                let next = tokens[j].cell.key
                if document.kind != .html, !row.groupKey.isEmpty, row.key.bytesStart(with: s), !row.key.bytesStart(with: s + next) {
                    // PDF layout text: a piece of the group's label between two lines of the row's own, or at the start of one.
                    if row.groupKey.bytesContain(next) { continue }
                    if let joined = row.continued(s, by: next) {
                        s = joined
                        matched = matches(s, row)
                        continue
                    }
                }
                s += next
                matched = matches(s, row)
            }
            // A label cut short right before its values (the rest of the wrapped cell is printed after
            // them), perhaps with pieces of its group's label between.
            if !matched, document.kind != .html, row.isTruncated(s) {
                var k = j + 1
                while k < end, k - j <= 3, !tokens[k].isValue, row.isOwnFragment(tokens[k].cell.key) { k += 1 }
                if k < end, tokens[k].isValue { return i...j }
            }
            guard matched else { continue }
            // A label broken after its core (`(二)部分公开(区分处理的,…` / `不计其他情形)`): take the rest too.
            while j + 1 < end, j - i < 5, !tokens[j + 1].isValue, s.utf8.count < row.key.utf8.count, row.key.bytesStart(with: s + tokens[j + 1].cell.key) {
                j += 1
                s += tokens[j].cell.key
            }
            return i...j
        }
        return nil
    }

    func matches(_ key: String, _ row: FormLabelKeys.Row) -> Bool {
        if LabelKey.matches(key, label: row.key, core: row.core) { return true }
        guard !row.groupedKeys.isEmpty else { return false }
        if row.groupedKeys.contains(where: { key.bytesStart(with: $0) }) { return true }
        // Markdown exports write row paths as `三、本年度办理结果/(三)不予公开/1.属于国家秘密`.
        guard key.utf8.contains(UInt8(ascii: "/")) else { return false }
        let joined = key.filter { $0 != "/" }
        return row.groupedKeys.contains { joined.bytesStart(with: $0) }
    }

    /// Token indices of up to `count` values following a label that ends at `labelEnd`.
    func values(after labelEnd: Int, count: Int, in tokens: [Token], end: Int,
                row: FormLabelKeys.Row? = nil) -> (indices: [Int], next: Int) {
        var result: [Int] = []
        var p = labelEnd + 1
        var crossedRow = false
        var skippedNote = false
        var skippedFragments = 0
        while result.count < count, p < end {
            let t = tokens[p]
            if t.startsRow {
                if result.isEmpty && document.valuesMayWrap && !crossedRow {
                    crossedRow = true
                } else if !(result.isEmpty && skippedFragments > 0 && (t.isValue || row?.isOwnFragment(t.cell.key) == true)) {
                    // Past the label's own other lines, only its values or more of those lines: not another row's label or note.
                    break
                }
            }
            if t.isValue || (document.kind == .html && !t.startsRow) {
                result.append(p)
                p += 1
                continue
            }
            // PDF layout text: the other lines of a wrapped label, or of its group's, before the values.
            if result.isEmpty, document.kind != .html, skippedFragments < 3, let row, row.isOwnFragment(t.cell.key) {
                skippedFragments += 1
                p += 1
                continue
            }
            // A note printed after the label, e.g. `(含…)`; not the next row's label (`(三)不予公开…`).
            if result.isEmpty, !skippedNote, t.cell.key.utf8.first == UInt8(ascii: "("), !Self.startsWithOrdinal(t.cell.key) {
                skippedNote = true
                p += 1
                continue
            }
            break
        }
        return (result, p)
    }

    /// True for a key starting like a row or group label: a bracket and an ordinal, `(一)`,
    /// `(12)`, `(三1.` (its closing bracket lost in a wrap). A note (`(含…)`) starts otherwise.
    static func startsWithOrdinal(_ key: String) -> Bool {
        guard key.utf8.first == UInt8(ascii: "("), let next = key.unicodeScalars.dropFirst().first else { return false }
        return ordinalScalars.contains(next) || ("0"..."9").contains(next)
    }

    static let ordinalScalars = Set(numerals.compactMap(\.unicodeScalars.first) + ["十"])

    mutating func readTable(_ table: TableDefinition, tokens: [Token], into report: inout Report) {
        pendingRuns = []
        // Sticky: table 四's numbers have no label to be glued to, so the earlier tables tell.
        // Not in pipe tables: there a cell is a cell, and digits glued to a label are a one-off.
        let piped = Set(tokens.map(\.line)).contains { document.lines[$0].text.utf8.contains(UInt8(ascii: "|")) }
        runTogether = runTogether || (!piped && tokens.contains { $0.cell.glued })
        pendingPlacements = []
        defer {
            resolvePendingRuns(table, into: &report)
            resolvePendingPlacements(table, into: &report)
        }
        let keys = FormLabelKeys.of(report.form).rows[table.id] ?? [:]
        let definition = report.definition
        if table.layout == .blocksSideBySide {
            readSideBySide(table, keys: keys, tokens: tokens, into: &report)
            return
        }
        var cursor = 0
        for block in table.blocks {
            let blockStart = cursor
            for row in block.rows {
                guard let rowKeys = keys[row.id] else { continue }
                let columns = block.columns.filter { row.hasCell(in: $0.id) }
                let indices = columns.compactMap { definition.index(of: CellRef(table: table.id, row: row.id, column: $0.id)) }
                guard let label = findLabel(rowKeys, in: tokens, from: cursor, to: tokens.count)
                    ?? findLabel(rowKeys, in: tokens, from: 0, to: tokens.count) else {
                    let location = tokens.indices.contains(cursor) ? tokens[cursor].cell.location
                        : (tokens.last?.cell.location ?? ImportLocation(line: 1))
                    problems.append(ImportProblem(level: .error, kind: .missingRow, location: location,
                                                  message: "表\(table.numeral)：没有找到“\(row.label)”这一行，\(indices.count) 个单元格导入为空。"))
                    continue
                }
                if let (run, leadingBlank) = digitRun(after: label.upperBound, in: tokens), !(columns.count == 1 && run.count == 1) {
                    solveRun(run, leadingBlank: leadingBlank, row: row, table: table, columns: columns, tokens: tokens, label: label, into: &report)
                    cursor = max(cursor, (run.last ?? label.upperBound) + 1)
                    continue
                }
                let found = values(after: label.upperBound, count: columns.count, in: tokens, end: tokens.count, row: rowKeys)
                // Units named in the block's header, for amount columns.
                var headerUnits: [String: CellReader.MoneyUnit] = [:]
                for column in columns where column.kind == .amount {
                    let key = LabelKey.of(column.label)
                    let lookup = LabelKey.core(ofKey: key) ?? key
                    for t in tokens[min(blockStart, label.lowerBound)..<label.lowerBound].reversed() where t.cell.key.bytesContain(lookup) {
                        headerUnits[column.id] = CellReader.unit(inHeaderKey: t.cell.key, after: lookup)
                        break
                    }
                }
                // The input ends inside this row (a cut excerpt): the values printed are the first cells, in order.
                let cut = inputEndsInRegion && found.next >= tokens.count && !found.indices.isEmpty && document.kind != .html
                store(row: row, table: table, columns: columns, found: found.indices, labelToken: tokens[label.lowerBound],
                      tokens: tokens, headerUnits: headerUnits, into: &report, inputEnds: cut)
                // Extra values on the same row.
                var p = found.next
                var extras: [SourceDocument.Cell] = []
                while p < tokens.count, !tokens[p].startsRow, document.lineIsRow, tokens[p].isValue {
                    if !tokens[p].cell.key.isEmpty { extras.append(tokens[p].cell) }
                    p += 1
                }
                if let first = extras.first, found.indices.count == columns.count {
                    problems.append(ImportProblem(level: .warning, kind: .extraValues, location: first.location,
                                                  published: extras.map(\.raw).joined(separator: " "),
                                                  message: "表\(table.numeral)“\(row.label)”一行多出 \(extras.count) 个数值（\(extras.map(\.raw).joined(separator: " "))），已忽略。"))
                }
                cursor = max(cursor, found.next)
            }
        }
    }

    mutating func store(row: RowDefinition, table: TableDefinition, columns: [ColumnDefinition], found: [Int],
                        labelToken: Token, tokens: [Token], headerUnits: [String: CellReader.MoneyUnit],
                        into report: inout Report, inputEnds: Bool = false) {
        let definition = report.definition
        let positional = document.kind == .html || found.count == columns.count || inputEnds
        if !positional, !found.isEmpty, canPlace(table: table, columns: columns, cells: found.map { tokens[$0].cell }) {
            // Blank cells vanished: placed by the table's identities once it is read.
            let cells = found.map { tokens[$0].cell }
            pendingPlacements.append(PendingPlacement(row: row, columns: columns, cells: cells, labelLocation: labelToken.cell.location,
                                                      candidates: Self.placements(printed: cells.count, columns: columns.count)))
            return
        }
        defer {
            if positional, document.fromPDF {
                refuseCutOffTotal(row: row, table: table, columns: columns, location: labelToken.cell.location, into: &report)
            }
        }
        for (k, column) in columns.enumerated() {
            let ref = CellRef(table: table.id, row: row.id, column: column.id)
            guard let index = definition.index(of: ref) else { continue }
            let cellLabel = "表" + definition.cells[index].label
            if positional, k < found.count {
                let cell = tokens[found[k]].cell
                read(cell, into: index, ref: ref, kind: column.kind, headerUnit: headerUnits[column.id], label: cellLabel, report: &report)
            } else {
                let message = inputEnds
                    ? "\(cellLabel)：输入在这一格之前结束（摘录被截断），导入为空。"
                    : found.isEmpty
                    ? "\(cellLabel)：“\(row.label)”之后没有数值，导入为空。"
                    : (positional
                        ? "\(cellLabel)：这一行缺少这一格，导入为空。"
                        : "\(cellLabel)：“\(row.label)”一行应有 \(columns.count) 个数值，只找到 \(found.count) 个，无法确定哪一格空白，整行导入为空。")
                problems.append(ImportProblem(level: .error, kind: .missingValues, location: labelToken.cell.location, cell: ref,
                                              message: message))
            }
        }
    }

    /// Blanks a row's total printed as the first digits of its parts' sum (`688268` for
    /// 688,268,395,431): in text `pdftotext` took out of a PDF, a table wider than the page loses
    /// the end of its last column. Only the rightmost column, a total of the others, is checked;
    /// a total that is merely wrong stays (a wrong total that happens to be such a prefix is blanked too, and reported).
    mutating func refuseCutOffTotal(row: RowDefinition, table: TableDefinition, columns: [ColumnDefinition], location: ImportLocation,
                                    into report: inout Report) {
        let definition = report.definition
        guard let last = columns.last, let parts = last.sumOf,
              let totalIndex = definition.index(of: CellRef(table: table.id, row: row.id, column: last.id)),
              let total = report.cells[totalIndex].count else { return }
        var sum: Int64 = 0
        for id in parts {
            guard let i = definition.index(of: CellRef(table: table.id, row: row.id, column: id)), let v = report.cells[i].count else { return }
            let (s, overflow) = sum.addingReportingOverflow(v)
            if overflow { return }
            sum = s
        }
        let printed = String(total), whole = String(sum)
        guard total != sum, whole.count > printed.count, whole.hasPrefix(printed) else { return }
        report.cells[totalIndex] = .empty
        problems.append(ImportProblem(level: .error, kind: .totalCutOff, location: location, cell: CellRef(table: table.id, row: row.id, column: last.id),
                                      published: printed,
                                      message: "表" + definition.cells[totalIndex].label + "：印为 \(printed)，是各项之和 \(sum) 的前几位，数字可能在页面右边缘被截断，导入为空；请核对原文。"))
    }

    mutating func read(_ cell: SourceDocument.Cell, into index: Int, ref: CellRef, kind: CellKind,
                       headerUnit: CellReader.MoneyUnit?, label: String, report: inout Report) {
        switch CellReader.read(key: cell.key, kind: kind, headerUnit: headerUnit) {
        case .value(let value, let note):
            report.cells[index] = value
            switch note {
            case nil:
                break
            case .defaulted:
                // 8040 with no unit may be 元 or 万元: a factor of 10,000 is not guessed.
                report.cells[index] = .empty
                problems.append(ImportProblem(level: .error, kind: .unitDefaulted, location: cell.location, cell: ref, published: cell.raw,
                                              message: "\(label)：表头和数值都没有写单位（元还是万元），“\(cell.raw)”无法确定，导入为空；核对原文后填写。"))
            case .convertedFromYuan(let fromValue):
                problems.append(ImportProblem(level: .note, kind: .unitConverted, location: cell.location, cell: ref, published: cell.raw,
                                              message: "\(label)：\(fromValue ? "数值" : "表头")注明单位为元，“\(cell.raw)”换算为 \(value.description) 万元。"))
            case .conflict(let header, let valueUnit):
                problems.append(ImportProblem(level: .warning, kind: .unitConflict, location: cell.location, cell: ref, published: cell.raw,
                                              message: "\(label)：表头单位为\(header.label)，数值“\(cell.raw)”注明\(valueUnit.label)；按数值的单位导入为 \(value.description) 万元。"))
            }
        case .blank:
            report.cells[index] = .empty
            problems.append(ImportProblem(level: .error, kind: .blankCell, location: cell.location, cell: ref, published: cell.raw,
                                          message: "\(label)：单元格空白。空白不等于 0，导入为空。"))
        case .placeholder(let mark):
            report.cells[index] = .empty
            problems.append(ImportProblem(level: .error, kind: .placeholderCell, location: cell.location, cell: ref, published: cell.raw,
                                          message: "\(label)：单元格为“\(mark)”，不等于 0，导入为空。"))
        case .unreadable(let reason):
            report.cells[index] = .empty
            problems.append(ImportProblem(level: .error, kind: .unreadableCell, location: cell.location, cell: ref, published: cell.raw,
                                          message: "\(label)：无法读取，\(reason)（应为\(kind.expectation)），导入为空。"))
        }
    }

    /// Table 四: either the official single row of 15 values under the 3-row header, or
    /// one line per case kind (our plain-text export).
    mutating func readSideBySide(_ table: TableDefinition, keys: [String: FormLabelKeys.Row], tokens: [Token], into report: inout Report) {
        guard let block = table.blocks.first else { return }
        let definition = report.definition
        // Row-wise: every row label directly followed by values on its own line.
        var rowWise: [(RowDefinition, ClosedRange<Int>, [Int])] = []
        var cursor = 0
        for row in block.rows {
            guard let rowKeys = keys[row.id], let label = findLabel(rowKeys, in: tokens, from: cursor, to: tokens.count) else { break }
            let found = values(after: label.upperBound, count: block.columns.count, in: tokens, end: tokens.count)
            guard !found.indices.isEmpty, label.upperBound + 1 < tokens.count, tokens[label.upperBound + 1].isValue else { break }
            rowWise.append((row, label, found.indices))
            cursor = found.next
        }
        if rowWise.count == block.rows.count {
            for (row, label, found) in rowWise {
                store(row: row, table: table, columns: block.columns, found: found, labelToken: tokens[label.lowerBound],
                      tokens: tokens, headerUnits: [:], into: &report)
            }
            return
        }
        if document.kind != .html {
            if readGluedTableFour(table, tokens: tokens, into: &report) { return }
            if readTableFourBlocks(table, keys: keys, tokens: tokens, into: &report) { return }
        }
        // Official layout: 15 values in printed order.
        let total = block.rows.count * block.columns.count
        var chosen: [Int] = []
        if document.kind == .html {
            var p = 0
            var best: [Int] = []
            while p < tokens.count {
                var q = p + 1
                while q < tokens.count, !tokens[q].startsRow { q += 1 }
                let row = Array(p..<q)
                let valueCount = row.filter { tokens[$0].isValue }.count
                if row.count >= 5, valueCount * 2 >= row.count {
                    if row.count >= total {
                        chosen = Array(row.prefix(total))
                        break
                    }
                    if row.count > best.count { best = row }
                }
                p = q
            }
            if chosen.isEmpty { chosen = best }
        } else {
            var p = 0
            var best: [Int] = []
            while p < tokens.count {
                guard tokens[p].isValue else { p += 1; continue }
                var q = p
                while q < tokens.count, tokens[q].isValue { q += 1 }
                let run = Array(p..<q)
                if run.count >= total {
                    chosen = Array(run.prefix(total))
                    break
                }
                if run.count > best.count { best = run }
                p = q
            }
            if chosen.isEmpty { chosen = best }
        }
        let fallbackLocation = tokens.first?.cell.location ?? ImportLocation(line: 1)
        let positional = document.kind == .html || chosen.count == total
        if !positional, let first = chosen.first,
           placeTableFour(table, cells: chosen.map { tokens[$0].cell }, location: tokens[first].cell.location, into: &report) {
            return
        }
        for (k, position) in definition.positions(of: block, in: table.id).enumerated() {
            guard let index = position.index else { continue }
            let ref = position.ref
            let label = "表" + definition.cells[index].label
            if positional, k < chosen.count {
                read(tokens[chosen[k]].cell, into: index, ref: ref, kind: position.column.kind, headerUnit: nil, label: label, report: &report)
            } else {
                let location = chosen.first.map { tokens[$0].cell.location } ?? fallbackLocation
                problems.append(ImportProblem(level: .error, kind: .missingValues, location: location, cell: ref,
                                              message: chosen.isEmpty
                                                ? "\(label)：表四没有找到数值，导入为空。"
                                                : "\(label)：表四应有 \(total) 个数值，只找到 \(chosen.count) 个，无法确定哪一格空白，导入为空。"))
            }
        }
    }
}
