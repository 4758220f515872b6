import NianbaoCore

/// What `check` writes and how.
struct CheckOutputOptions: Sendable {
    var format: Check.OutputFormat
    var summary: Bool
    /// Findings less severe than this are counted but not listed.
    var minSeverity: Severity
    var previousPath: String?
    var previousDir: String?
    /// Keep a similarity signature of every file and report clusters of near-identical sections at the end.
    var clusters: Bool

    init(format: Check.OutputFormat = .text, summary: Bool = false, minSeverity: Severity = .info,
         previousPath: String? = nil, previousDir: String? = nil, clusters: Bool = false) {
        self.format = format
        self.clusters = clusters
        self.summary = summary
        self.minSeverity = minSeverity
        self.previousPath = previousPath
        self.previousDir = previousDir
    }
}

/// Findings per severity.
struct SeverityCounts: Sendable, Equatable {
    var error = 0, incomplete = 0, warning = 0, info = 0
    /// Warnings and infos a reviewer dismissed (误报) by a note still in force; counted in their severity too.
    var dismissed = 0

    init() {}

    init(_ findings: [Finding]) {
        for f in findings { self[f.severity] += 1 }
    }

    init(_ reviewed: [ReviewedFinding]) {
        for r in reviewed {
            self[r.finding.severity] += 1
            if !r.isOpen { dismissed += 1 }
        }
    }

    subscript(severity: Severity) -> Int {
        get {
            switch severity {
            case .error: error
            case .incomplete: incomplete
            case .warning: warning
            case .info: info
            }
        }
        set {
            switch severity {
            case .error: error = newValue
            case .incomplete: incomplete = newValue
            case .warning: warning = newValue
            case .info: info = newValue
            }
        }
    }

    static func += (a: inout SeverityCounts, b: SeverityCounts) {
        for s in Severity.allCases { a[s] += b[s] }
        a.dismissed += b.dismissed
    }

    var json: JSONValue {
        .object(JSONObject(Severity.allCases.map { (key: $0.rawValue, value: JSONValue.number(JSONNumber(Int64(self[$0])))) }
            + [(key: "dismissed", value: JSONValue.number(JSONNumber(Int64(dismissed))))]))
    }

    /// `3 个警告（1 个已标为误报）`-style tally of the non-zero severities.
    var tally: [String] {
        Severity.allCases.compactMap { s in
            guard self[s] > 0 else { return nil }
            return "\(self[s]) 个\(s.label)"
        } + (dismissed > 0 ? ["其中 \(dismissed) 个已标为误报"] : [])
    }
}

/// One checked file, rendered: all that is kept of it once its check is done.
struct FileOutcome: Sendable {
    /// The input's path (names the file when it is a member of a cluster).
    let path: String
    let exitCode: Int32
    let counts: SeverityCounts
    /// What the copying check across agencies keeps of the file (when clusters are reported).
    let signature: SimilarityClusters.Signature?
    /// The file's part of the output (text lines, TSV rows, or its JSON object in pretty canonical form).
    let rendered: [UInt8]

    init(_ result: CheckResult, options: CheckOutputOptions) {
        path = result.path
        exitCode = result.exitCode
        signature = options.clusters ? result.report.map { SimilarityClusters.Signature($0) } ?? .unreadable : nil
        // Findings are wrapped with their notes only when the report has notes (most have none).
        let reviewed = result.reviewedWhenNoted
        counts = reviewed.map { SeverityCounts($0) } ?? SeverityCounts(result.findings)
        switch options.format {
        case .text:
            rendered = options.summary ? Array(TextReport.summaryLine(result, counts: counts).utf8)
                                       : TextReport.renderBytes(result, reviewed: reviewed, counts: counts, minSeverity: options.minSeverity)
        case .tsv:
            rendered = Array((options.summary ? TSVReport.summaryRow(result, counts: counts)
                                              : TSVReport.findingRows(result, minSeverity: options.minSeverity)).utf8)
        case .json:
            // Indented to its place in the document here, on the worker, not on the writing thread.
            rendered = FileJSON.bytes(result, reviewed: reviewed, counts: counts, options: options, indent: 4)
        }
    }
}

/// Writes outcomes as they come, keeps the totals, and draws the progress line.
///
/// What it keeps does not grow with the files: the totals, and the similarity signatures in a
/// `SimilarityClusters.Collector`, which moves them to a temporary file beyond its threshold.
final class CheckWriter {
    let options: CheckOutputOptions
    private let out: OutputBuffer
    private let progress: ProgressLine?
    private(set) var files = 0
    private var byCode: [Int32: Int] = [0: 0, 1: 0, 2: 0]
    private var totals = SeverityCounts()
    private(set) var worstExitCode: Int32 = 0
    /// Similarity signatures of the files so far, in input order (only with `options.clusters`).
    private let signatures: SimilarityClusters.Collector
    /// How many files the walk found, once it has found them all (for the progress line).
    private let walkTotal: () -> Int?
    /// Where remarks about the check itself go (standard error).
    private let remark: (String) -> Void

    init(options: CheckOutputOptions, progress: ProgressLine?, output: OutputBuffer = OutputBuffer(),
         collector: SimilarityClusters.Collector = SimilarityClusters.Collector(),
         walkTotal: @escaping () -> Int? = { nil }, remark: @escaping (String) -> Void = Console.error) {
        self.options = options
        self.progress = progress
        self.out = output
        self.signatures = collector
        self.walkTotal = walkTotal
        self.remark = remark
        out.beforeFlush = { [weak progress] in progress?.clear() }
        if options.format == .tsv { out.write(options.summary ? TSVReport.summaryHeader : TSVReport.findingHeader) }
    }

    func write(_ outcome: FileOutcome) {
        switch options.format {
        case .text, .tsv:
            out.write(outcome.rendered)
        case .json:
            out.write(files == 0 ? JSONReport.head : JSONReport.separator)
            out.write(outcome.rendered)
        }
        if let signature = outcome.signature { signatures.append(signature, path: outcome.path) }
        files += 1
        byCode[outcome.exitCode, default: 0] += 1
        totals += outcome.counts
        worstExitCode = max(worstExitCode, outcome.exitCode)
        if out.isTerminal { out.flush() }
        progress?.update(done: files, total: walkTotal(), found: totals)
    }

    /// The clusters, when they are reported: with `options.clusters` and more than one file.
    private func clusters() -> SimilarityClusters.ClusterList? {
        guard options.clusters, files > 1 else { return nil }
        switch signatures.finish() {
        case .clusters(let list):
            return list
        case .skipped(let reason):
            progress?.clear()
            remark("提示：未做“与其他单位雷同”的检查（\(safe(reason))）；其余检查结果不受影响。\n")
            return nil
        }
    }

    func finish() {
        let clusters = clusters()
        switch options.format {
        case .text:
            if let clusters { SimilarText.text(clusters) { out.write($0) } }
            if files > 1 { out.write(TextReport.summary(files: files, byCode: byCode, totals: totals)) }
        case .tsv:
            if let clusters { SimilarText.tsvRows(clusters) { out.write($0) } }
        case .json:
            out.write(JSONReport.tail(files: files, byCode: byCode, totals: totals, options: options, clusters: clusters) { out.write($0) })
        }
        progress?.clear()
        out.flush()
        progress?.finish()
        if let problem = clusters?.failure {
            remark("提示：“与其他单位雷同”的结果可能不完整（\(safe(problem))）。\n")
        }
    }
}

/// Text from a file made safe for a terminal, without copying it when nothing needs escaping.
func safe(_ text: some StringProtocol) -> String {
    TerminalSafe.isSafe(text) ? String(text) : TerminalSafe.sanitize(text)
}

/// Labels and dotted ids of every cell, per form, made once (a finding's own `cellLabels` builds them each time).
enum CellText {
    static let labels = PerForm { def in def.cells.map(\.label) }
    /// The labels' UTF-8 bytes.
    static let labelBytes = PerForm { def in def.cells.map { Array($0.label.utf8) } }
    static let ids = ReviewFingerprint.cellIDs
}

/// Human-readable `check` output, grouped by section with the official labels.
enum TextReport {
    static func render(_ result: CheckResult, minSeverity: Severity = .info) -> String {
        render(result, reviewed: result.reviewed, minSeverity: minSeverity)
    }

    static func render(_ result: CheckResult, reviewed: [ReviewedFinding], minSeverity: Severity) -> String {
        String(decoding: renderBytes(result, reviewed: reviewed, counts: SeverityCounts(reviewed), minSeverity: minSeverity), as: UTF8.self)
    }

    /// The text of one file as UTF-8, written into one buffer (a batch renders thousands of these).
    ///
    /// `reviewed`: the findings with their notes, or nil when the report has none (then
    /// `result.findings` are listed, none with a verdict); `counts` are theirs.
    static func renderBytes(_ result: CheckResult, reviewed: [ReviewedFinding]?, counts: SeverityCounts, minSeverity: Severity) -> [UInt8] {
        guard let report = result.report else {
            return Array("✗ \(safe(result.error?.description ?? result.path))\n".utf8)
        }
        var out: [UInt8] = []
        out.reserveCapacity(256 + result.findings.count * 512)
        func put(_ text: String) {
            var text = text
            text.withUTF8 { out.append(contentsOf: $0) }
        }
        let tally = counts.tally
        put("\(result.exitCode == 0 ? "✓" : "✗") \(safe(result.path))：\(safe(report.agency)) \(report.year) 年度（\(report.form.displayName)）")
        put(tally.isEmpty ? " — 未发现问题\n" : " — " + tally.joined(separator: "，") + "\n")
        for note in result.notes { put("  注意：\(safe(note))\n") }
        if let decision = report.review.decision { put("  审核：" + safe(ReviewText.decision(decision)) + "\n") }
        var currentSection: SectionID?? = .none
        var hidden = 0
        let labels = CellText.labelBytes[report.form]
        let count = reviewed?.count ?? result.findings.count
        var k = 0
        while k < count {
            defer { k += 1 }
            let item = reviewed?[k]
            let finding = item?.finding ?? result.findings[k]
            guard finding.severity <= minSeverity else {
                hidden += 1
                continue
            }
            if currentSection != .some(finding.section) {
                currentSection = .some(finding.section)
                let title = finding.section.map { report.definition.section($0).title } ?? "基本信息"
                put("  \(title)\n")
            }
            put("    [")
            put(finding.severity.label)
            if let status = item?.status { put("·" + status.label) }
            put("] ")
            put(finding.ruleID)
            put("  ")
            put(safe(finding.message))
            out.append(0x0A)
            if let item, let note = item.note { put("        " + safe(ReviewText.verdictLine(item, note: note)) + "\n") }
            if !finding.cells.isEmpty {
                put("        单元格：")
                for (n, cell) in finding.cells.prefix(8).enumerated() {
                    if n > 0 { put("；") }
                    out.append(contentsOf: labels[cell])
                }
                if finding.cells.count > 8 { put("；等 \(finding.cells.count) 个") }
                out.append(0x0A)
            }
        }
        if hidden > 0 { put("  （另有 \(hidden) 个低于“\(minSeverity.label)”级别的问题未列出）\n") }
        return out
    }

    /// `--summary`: one line for the file.
    static func summaryLine(_ result: CheckResult, counts: SeverityCounts) -> String {
        let path = safe(result.path)
        guard let report = result.report else {
            return "✗ 无法读取  \(safe(result.error?.description ?? path))\n"
        }
        let mark = result.exitCode == 0 ? "✓ 可提交" : "✗ 不可提交"
        return "\(mark)  \(safe(report.agency))  \(report.year) 年度  \(report.form.displayName)"
            + "  错误 \(counts.error)  未填 \(counts.incomplete)  警告 \(counts.warning)  提示 \(counts.info)"
            + (counts.dismissed > 0 ? "  误报 \(counts.dismissed)" : "")
            + (report.review.decision.map { "  \($0.status.label)" } ?? "")
            + "  \(ReportFile.digest(report))  \(path)\n"
    }

    static func summary(files: Int, byCode: [Int32: Int], totals: SeverityCounts) -> String {
        let clean = byCode[0] ?? 0, blocked = byCode[1] ?? 0, unreadable = byCode[2] ?? 0
        return "\n共 \(files) 个文件：\(clean) 个可提交，\(blocked) 个有错误或未填，\(unreadable) 个无法读取；"
            + "共 \(totals.error) 个错误、\(totals.incomplete) 个未填、\(totals.warning) 个警告、\(totals.info) 个提示"
            + (totals.dismissed > 0 ? "（其中 \(totals.dismissed) 个已标为误报）" : "") + "。\n"
    }
}

/// Tab-separated `check` output: one row per finding, or one per file with `--summary`.
enum TSVReport {
    static let summaryHeader = "path\tagency\tyear\tform\tscope\tstatus\terrors\tblanks\twarnings\tinfos\tdigest\tmessage\n"
    static let findingHeader = "path\tagency\tyear\trule\tseverity\tsection\tcells\tmessage\n"

    /// A field with tabs and line breaks turned into spaces, and unsafe characters made visible.
    static func field(_ text: String) -> String {
        safe(String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 }))
    }

    static func status(_ result: CheckResult) -> String {
        switch result.exitCode {
        case 0: "ok"
        case 1: "blocked"
        default: "unreadable"
        }
    }

    static func summaryRow(_ result: CheckResult, counts: SeverityCounts) -> String {
        guard let report = result.report else {
            return [field(result.path), "", "", "", "", "unreadable", "", "", "", "", "",
                    field(result.error?.message ?? "")].joined(separator: "\t") + "\n"
        }
        return [field(result.path), field(report.agency), String(report.year), report.form.rawValue, report.scope.rawValue,
                status(result), String(counts.error), String(counts.incomplete), String(counts.warning), String(counts.info),
                ReportFile.digest(report), field(result.notes.joined(separator: " "))].joined(separator: "\t") + "\n"
    }

    static func findingRows(_ result: CheckResult, minSeverity: Severity) -> String {
        guard let report = result.report else {
            return [field(result.path), "", "", "", "unreadable", "", "", field(result.error?.message ?? "")]
                .joined(separator: "\t") + "\n"
        }
        var rows = ""
        for f in result.findings where f.severity <= minSeverity {
            rows += [field(result.path), field(report.agency), String(report.year), f.ruleID, f.severity.rawValue,
                     f.section?.rawValue ?? "", f.cells.map { CellText.ids[f.form][$0] }.joined(separator: ","), field(f.message)]
                .joined(separator: "\t") + "\n"
        }
        return rows
    }
}

/// Machine-readable `check --format json` output: one document for all files, written file by file.
///
/// The bytes are exactly the pretty canonical form of the whole document (`document` builds it
/// in one piece for tests): `files` sorts first, so each file's object can be written as soon as
/// it is checked and the totals follow at the end.
enum JSONReport {
    static let head: [UInt8] = Array("{\n  \"files\": [\n    ".utf8)
    static let separator: [UInt8] = Array(",\n    ".utf8)

    /// A file's pretty canonical object indented to its place in the `files` array (final newline dropped).
    static func indented(_ object: [UInt8]) -> [UInt8] { indented(object, by: 4) }

    /// Every line after the first indented by `by` more spaces (final newline dropped).
    static func indented(_ object: [UInt8], by indent: Int) -> [UInt8] {
        let body = object.last == 0x0A ? object.dropLast() : object[...]
        guard indent > 0 else { return Array(body) }
        var out: [UInt8] = []
        out.reserveCapacity(object.count + object.count / 8)
        var start = body.startIndex
        while let nl = body[start...].firstIndex(of: 0x0A) {
            out.append(contentsOf: body[start...nl])
            for _ in 0..<indent { out.append(0x20) }
            start = nl + 1
        }
        out.append(contentsOf: body[start...])
        return out
    }

    /// The end of the document after the last file; the `similar_text` member, when there are
    /// clusters, goes to `streamClusters` first, written member by member (its place is just
    /// before `summary`), and the rest is returned.
    static func tail(files: Int, byCode: [Int32: Int], totals: SeverityCounts, options: CheckOutputOptions,
                     clusters: SimilarityClusters.ClusterList? = nil, streamClusters: ([UInt8]) -> Void = { _ in }) -> [UInt8] {
        let rest = PrettyCanonicalWriter.bytes(.object(JSONObject(topMembers(byCode: byCode, totals: totals, options: options))))
        var out: [UInt8] = Array((files == 0 ? "{\n  \"files\": []," : "\n  ],").utf8)
        out += rest.dropFirst()  // the `{` of the rest's own object
        guard let clusters else { return out }
        let anchor = Array("\n  \"summary\": ".utf8)
        guard let at = FileJSON.find(anchor, in: out) else { return out }
        streamClusters(Array(out[..<(at + 1)]) + Array("  \"similar_text\": ".utf8))
        SimilarText.jsonBytes(clusters, to: streamClusters)
        return Array(",".utf8) + Array(out[at...])
    }

    static func topMembers(byCode: [Int32: Int], totals: SeverityCounts, options: CheckOutputOptions,
                           clusters: SimilarityClusters.ClusterList? = nil) -> [(key: String, value: JSONValue)] {
        let count = { (code: Int32) in JSONValue.number(JSONNumber(Int64(byCode[code] ?? 0))) }
        var top: [(key: String, value: JSONValue)] = [
            ("format", .string("nianbao-check")),
            ("schema_version", .number(JSONNumber(1))),
            ("summary", .object(JSONObject([("ok", count(0)), ("blocked", count(1)), ("unreadable", count(2)), ("counts", totals.json)]))),
        ]
        if let previous = options.previousPath { top.append(("previous", .string(previous))) }
        if let previousDir = options.previousDir { top.append(("previous_dir", .string(previousDir))) }
        if let clusters { top.append(("similar_text", SimilarText.json(clusters))) }
        return top
    }

    /// The whole document at once (what the streamed bytes must equal); clusters are reported
    /// with `options.clusters` when there is more than one file.
    static func document(_ results: [CheckResult], options: CheckOutputOptions) -> JSONValue {
        let clusters = options.clusters && results.count > 1
            ? SimilarText.clusters(results.map { $0.report.map { SimilarityClusters.Signature($0) } ?? .unreadable }, paths: results.map(\.path))
            : nil
        var byCode: [Int32: Int] = [:]
        var totals = SeverityCounts()
        var files: [JSONValue] = []
        for result in results {
            let reviewed = result.reviewed
            let counts = SeverityCounts(reviewed)
            byCode[result.exitCode, default: 0] += 1
            totals += counts
            files.append(file(result, reviewed: reviewed, counts: counts, options: options))
        }
        return .object(JSONObject([("files", .array(files))] + topMembers(byCode: byCode, totals: totals, options: options, clusters: clusters)))
    }

    static func file(_ result: CheckResult, reviewed: [ReviewedFinding], counts: SeverityCounts, options: CheckOutputOptions) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("path", .string(result.path))]
        if let error = result.error {
            members.append(("status", .string("unreadable")))
            var e: [(key: String, value: JSONValue)] = [("message", .string(error.message))]
            if let line = error.line { e.append(("line", .number(JSONNumber(Int64(line))))) }
            if let column = error.column { e.append(("column", .number(JSONNumber(Int64(column))))) }
            if let p = error.jsonPath { e.append(("json_path", .string(p))) }
            members.append(("error", .object(JSONObject(e))))
        } else if let report = result.report {
            members.append(("status", .string(result.exitCode == 0 ? "ok" : "blocked")))
            members.append(("agency", .string(report.agency)))
            members.append(("year", .number(JSONNumber(Int64(report.year)))))
            members.append(("form", .string(report.form.rawValue)))
            members.append(("scope", .string(report.scope.rawValue)))
            members.append(("digest", .string(ReportFile.digest(report))))
            members.append(("counts", counts.json))
            if !options.summary {
                members.append(("findings", .array(reviewed.filter { $0.finding.severity <= options.minSeverity }.map(finding))))
            }
            if !report.review.isEmpty { members.append(("review", ReviewText.summaryJSON(report))) }
            if !result.notes.isEmpty { members.append(("notes", .array(result.notes.map(JSONValue.string)))) }
            if let status = result.previousStatus {
                var p: [(key: String, value: JSONValue)] = [("status", .string(status))]
                if let path = result.previousPath { p.append(("path", .string(path))) }
                members.append(("previous", .object(JSONObject(p))))
            }
        }
        return .object(JSONObject(members))
    }

    static func finding(_ item: ReviewedFinding) -> JSONValue {
        var extra: [(key: String, value: JSONValue)] = [("fingerprint", .string(item.fingerprint.description))]
        if let note = item.note {
            var r: [(key: String, value: JSONValue)] = [
                ("status", item.status.map { .string($0.rawValue) } ?? .null),
                ("recorded_status", note.status.map { .string($0.rawValue) } ?? .null),
                ("stale", .bool(item.stale)),
                ("text", .string(note.text)),
                ("author", .string(note.author)),
            ]
            if let date = note.date { r.append(("date", .string(date.description))) }
            extra.append(("review", .object(JSONObject(r))))
        }
        return finding(item.finding, extra: extra)
    }

    static func finding(_ f: Finding, extra: [(key: String, value: JSONValue)] = []) -> JSONValue {
        let ids = CellText.ids[f.form], labels = CellText.labels[f.form]
        let cells = f.cells.map { i in
            JSONValue.object(JSONObject([("id", .string(ids[i])), ("label", .string(labels[i]))]))
        }
        var members: [(key: String, value: JSONValue)] = [
            ("rule", .string(f.ruleID)),
            ("severity", .string(f.severity.rawValue)),
            ("section", f.section.map { .string($0.rawValue) } ?? .null),
            ("cells", .array(cells)),
            ("message", .string(f.message)),
        ]
        if let e = f.expected { members.append(("expected", .string(e))) }
        if let a = f.actual { members.append(("actual", .string(a))) }
        if let span = f.span { members.append(("span", spanJSON(span))) }
        return .object(JSONObject(members + extra))
    }

    /// The prose a finding points at: part id, character offsets [start, end) and the sentence.
    static func spanJSON(_ span: TextSpan) -> JSONValue {
        .object(JSONObject([
            ("part", .string(span.part.id)),
            ("start", .number(JSONNumber(Int64(span.range.lowerBound)))),
            ("end", .number(JSONNumber(Int64(span.range.upperBound)))),
            ("quote", .string(span.quote)),
        ]))
    }
}

/// Buffered stdout, so thousands of results are not written line by line.
final class OutputBuffer {
    private var bytes: [UInt8] = []
    private let sink: ([UInt8]) -> Void
    /// True when standard output is a terminal (then each file's result is shown at once).
    let isTerminal: Bool
    /// Runs before bytes go out (the progress line clears itself).
    var beforeFlush: () -> Void = {}

    init(sink: @escaping ([UInt8]) -> Void = Console.output, isTerminal: Bool = Console.isTerminal(1)) {
        self.sink = sink
        self.isTerminal = isTerminal
    }

    func write(_ text: String) { write(Array(text.utf8)) }

    func write(_ data: [UInt8]) {
        if data.count >= 1 << 14 {
            // A large piece (a file's findings) goes out as it is, not copied into the buffer first.
            flush()
            beforeFlush()
            sink(data)
            return
        }
        bytes += data
        if bytes.count > 1 << 16 { flush() }
    }

    func flush() {
        guard !bytes.isEmpty else { return }
        beforeFlush()
        sink(bytes)
        bytes.removeAll(keepingCapacity: true)
    }
}
