/// What the caller knows about the input before importing it.
public struct ImportOptions: Sendable, Equatable {
    /// The reporting year; overrides the year found in the title.
    public var year: Int?
    /// The agency name; overrides the agency found in the title.
    public var agency: String?
    /// Keep going when cells cannot be read: they stay empty and are listed as problems.
    public var partial: Bool

    public init(year: Int? = nil, agency: String? = nil, partial: Bool = false) {
        self.year = year
        self.agency = agency
        self.partial = partial
    }
}

/// The three shapes of input the importer recognises.
public enum ImportInputKind: String, Sendable, Hashable {
    /// A web page with real `<table>` elements.
    case html
    /// Text copied from a web page: one table cell per line, cells ended by `|`.
    case flattenedText
    /// Text from a PDF or Word file (or our own plain-text/Markdown export): one table row per line.
    case lineText
    /// Crawled page text: the body on one line, headings, rows and cells run together.
    case oneLineText

    /// Chinese name for messages.
    public var label: String {
        switch self {
        case .html: "HTML 网页"
        case .flattenedText: "网页复制文本（每个单元格一行）"
        case .lineText: "PDF/Word 文本（每行一个表格行）"
        case .oneLineText: "网页抓取文本（正文在一行内，单元格连写）"
        }
    }
}

/// Where a piece of metadata came from.
public enum ImportSource: Sendable, Hashable, CustomStringConvertible {
    /// Given on the command line / in `ImportOptions`.
    case option
    /// Read from the report title at this input line.
    case title(line: Int)
    /// Read from a crawler's `标题:` header at this line.
    case crawlerHeader(line: Int)
    /// Read from the preface sentence that names the report, or its statistical period.
    case preface(line: Int)
    /// Guessed from the body text (never certain).
    case body(line: Int)
    /// Taken from the sign-off (落款) at the end: the agency when no title names it (never certain).
    case signOff(line: Int)
    /// Decided from the table labels (form version only).
    case labels(matched: [String])
    /// Inferred from the reporting year because no label decided it (form version only).
    case year
    /// Read from metadata our own HTML export writes.
    case exportMetadata
    /// Nothing said otherwise; the default was used.
    case defaultValue

    public var description: String {
        switch self {
        case .option: "命令行参数"
        case .title(let line): "标题（第 \(line) 行）"
        case .crawlerHeader(let line): "网页抓取的“标题:”（第 \(line) 行）"
        case .preface(let line): "前言（第 \(line) 行）"
        case .body(let line): "正文推测（第 \(line) 行）"
        case .signOff(let line): "落款（第 \(line) 行）"
        case .labels(let matched): "表格标签（" + matched.prefix(3).joined(separator: "、") + "）"
        case .year: "按报告年度推定"
        case .exportMetadata: "本工具导出文件中的元数据"
        case .defaultValue: "默认值"
        }
    }
}

/// A position in the input: a line and column of the file, and for table cells the row and
/// column of the table as published (after expanding rowspan/colspan in HTML).
public struct ImportLocation: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the input file.
    public var line: Int
    /// 1-based column (in characters) in that line.
    public var column: Int
    /// 1-based index of the HTML `<table>` in the page, when the input is HTML.
    public var htmlTable: Int?
    /// 1-based row of the published table grid (HTML) .
    public var tableRow: Int?
    /// 1-based column of the published table grid (HTML).
    public var tableColumn: Int?

    /// A short quote of the text around the position, for positions inside very long lines
    /// (a report body on one line), where a column number alone does not help.
    public var quote: String?

    public init(line: Int, column: Int = 1, htmlTable: Int? = nil, tableRow: Int? = nil, tableColumn: Int? = nil,
                quote: String? = nil) {
        self.line = line
        self.column = column
        self.htmlTable = htmlTable
        self.tableRow = tableRow
        self.tableColumn = tableColumn
        self.quote = quote
    }

    public var description: String {
        if let quote {
            return (line > 1 ? "第 \(line) 行" : "") + "第 \(column) 个字符处（“\(quote)”）"
        }
        var text = "第 \(line) 行第 \(column) 列"
        if let htmlTable, let tableRow, let tableColumn {
            text += "（网页第 \(htmlTable) 个表格的第 \(tableRow) 行第 \(tableColumn) 列）"
        }
        return text
    }
}

/// One thing the importer noticed, with where it was in the input.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    /// How much the problem matters.
    public enum Level: String, Sendable, Hashable, Comparable {
        /// A cell or row could not be read; the import fails unless `partial` is set.
        case error
        /// Something doubtful that does not stop the import.
        case warning
        /// An assumption that was made openly (e.g. the default unit).
        case note

        public var label: String {
            switch self {
            case .error: "错误"
            case .warning: "警告"
            case .note: "说明"
            }
        }

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
    }

    /// Machine-readable category of the problem.
    public enum Kind: String, Sendable, Hashable {
        case blankCell
        case placeholderCell
        case unreadableCell
        case missingRow
        case missingValues
        case extraValues
        case unitDefaulted
        case unitConverted
        case unitConflict
        case formYearMismatch
        case formFromYear
        case conflictingFormSignals
        case missingSection
        case optionOverridesTitle
        case textOutsideSections
        case digitRunSplit
        case digitRunAmbiguous
        case agencyUncertain
        case yearUncertain
        case pageMarksDropped
        case sectionWithoutHeading
        /// The input is a Traditional-script copy: labels were read through the mapping.
        case traditionalScript
        /// A row printed without its blank cells, its values placed by the table's identities.
        case blanksPlaced
        /// A row's total printed as the first digits of its parts' sum: cut off at the page's edge.
        case totalCutOff
    }

    public let level: Level
    public let kind: Kind
    public let location: ImportLocation
    /// The cell concerned, if any.
    public let cell: CellRef?
    /// The text as published, if any.
    public let published: String?
    /// A message in Chinese.
    public let message: String

    public init(level: Level, kind: Kind, location: ImportLocation, cell: CellRef? = nil,
                published: String? = nil, message: String) {
        self.level = level
        self.kind = kind
        self.location = location
        self.cell = cell
        self.published = published
        self.message = message
    }

    public var description: String { "\(location)：[\(level.label)] \(message)" }
}

/// Metadata read with less than certainty: never written silently, always asked.
public struct ImportQuestion: Sendable, Hashable, CustomStringConvertible {
    public enum Field: String, Sendable, Hashable {
        case agency, year

        public var option: String { self == .agency ? "--agency" : "--year" }
        public var label: String { self == .agency ? "机关名称" : "年度" }
    }

    public let field: Field
    /// What was written (with `--partial`), if anything.
    public let guess: String?
    /// Where the guess came from.
    public let source: ImportSource?
    /// Why it is uncertain, in Chinese.
    public let reason: String

    public init(field: Field, guess: String?, source: ImportSource?, reason: String) {
        self.field = field
        self.guess = guess
        self.source = source
        self.reason = reason
    }

    public var description: String {
        let written = guess.map { "暂按“\($0)”" + (source.map { "（\($0)）" } ?? "") + "导入" } ?? "暂时留空"
        return "[问题] \(field.label)无法确定：\(reason)；\(written)。请用 \(field.option) 指定。"
    }
}

/// The result of importing a published report.
public struct ImportResult: Sendable {
    /// The report, with every cell as printed (nothing recomputed or fixed).
    public var report: Report
    /// Everything noticed, in input order.
    public var problems: [ImportProblem]
    /// The shape of the input.
    public var inputKind: ImportInputKind
    /// Where the form version came from.
    public var formSource: ImportSource
    /// Where the year came from.
    public var yearSource: ImportSource
    /// Where the agency came from.
    public var agencySource: ImportSource
    /// Agency or year read with less than certainty (the import fails on them unless `partial`).
    public var questions: [ImportQuestion] = []
    /// Page headers and footers dropped from the text.
    public var droppedPageMarks: Int = 0

    /// The detected form version.
    public var form: FormVersion { report.form }
    public var year: Int { report.year }
    public var agency: String { report.agency }

    /// True when at least one cell or row could not be read.
    public var hasErrors: Bool { problems.contains { $0.level == .error } }
}

/// Why an input could not be imported at all, or (without `partial`) why it was refused.
public enum ImportError: Error, Sendable, CustomStringConvertible {
    /// The file is empty or holds only whitespace.
    case empty
    /// The file holds NUL bytes: not a text file.
    case binary
    /// The file is not valid UTF-8 (often GBK); the byte offset of the first bad byte.
    case notUTF8(offset: Int)
    /// A report written before the 2019 unified form (概述 / 依申请公开政府信息情况 …).
    case preStandardReport(evidence: String, location: ImportLocation?)
    /// Headings 二–四 are present but the tables are not (usually pictures).
    case tablesMissing(hasImages: Bool)
    /// No table text at all, and not the headings 二–四 either (an excerpt, a news page, a notice);
    /// the headings that were found.
    case noTableText(foundHeadings: [String])
    /// The agency or the year is uncertain and was not given; the result holds what was read.
    case unconfirmedMetadata(ImportResult)
    /// Nothing in the input looks like an annual report.
    case notAReport
    /// The year and/or agency could not be found and were not given.
    case missingMetadata(year: Bool, agency: Bool)
    /// The year (read from the input, or given) is outside what a report file can hold (2019–2100).
    case yearOutOfRange(year: Int, source: ImportSource)
    /// The form version could not be decided.
    case formUndetermined
    /// Some cells could not be read and `partial` was not set; the result holds what was read.
    case unreadableCells(ImportResult)
    /// The input goes beyond what any report needs (`ImportLimits`): refused, not read.
    case overLimit(ImportLimitExceeded)

    public var description: String {
        switch self {
        case .empty:
            return "文件为空：没有可以导入的内容。"
        case .binary:
            return "这不是文本文件（含有 NUL 字节），可能是 PDF、Word 或图片本身。请先把报告另存为网页（.html）或复制出文字再导入。"
        case .notUTF8(let offset):
            return "文件不是 UTF-8 编码（第 \(offset + 1) 个字节无效），可能是 GBK/GB18030。请先转换编码，例如：iconv -f GB18030 -t UTF-8 原文件 > 新文件"
        case .preStandardReport(let evidence, let location):
            let at = location.map { "（\($0)）" } ?? ""
            return "这是 2019 年统一格式之前的年度报告（出现“\(evidence)”\(at)），结构与现行格式不同，本工具不支持导入。"
        case .tablesMissing(let hasImages):
            return hasImages
                ? "找到了第二至四部分的标题，但没有表格数据：页面中的表格是图片（<img>），无法读取。请找到文字版的报告再导入。"
                : "找到了第二至四部分的标题，但没有表格数据（可能是图片或附件）。请找到含表格文字的版本再导入。"
        case .noTableText(let found):
            let headings = found.isEmpty ? "也没有找到第二至四部分的标题" : "只找到" + found.joined(separator: "、")
            return "没有找到表格二至四的文字（\(headings)）。这可能是摘录、通知或表格以图片发布的页面；请找到含表格文字的完整报告再导入。"
        case .unconfirmedMetadata(let result):
            return result.questions.map(\.description).joined(separator: "\n") + "\n核对后用 --agency/--year 指定，或使用 --partial 按上述暂定值导入。"
        case .notAReport:
            return "没有找到政府信息公开工作年度报告的标题、章节或表格，这似乎不是年度报告。"
        case .missingMetadata(let year, let agency):
            var missing: [String] = []
            if year { missing.append("年度（--year）") }
            if agency { missing.append("机关名称（--agency）") }
            return "没有在标题中找到" + missing.joined(separator: "和") + "。请用 "
                + (year ? "--year 2020 " : "") + (agency ? "--agency 机关名称 " : "") + "指定后重新导入。"
        case .yearOutOfRange(let year, let source):
            var why = "年度 \(year) 不在有效范围内。"
            do { _ = try FormVersion.expected(forYear: year) } catch { why = error.description }
            return source == .option ? "--year：" + why
                : "\(source)中的" + why + "可能是录入或识别错误；核对原文后用 --year 指定年度再导入。"
        case .formUndetermined:
            return "无法从表格标签判断报告格式（2019 版或 2021 版），也没有年度可供推定。请用 --year 指定年度。"
        case .overLimit(let limit):
            return limit.description
        case .unreadableCells(let result):
            let count = result.problems.filter { $0.level == .error }.count
            return "有 \(count) 处单元格或表格行无法读取（见上方列表）。核对原文后修正输入，或使用 --partial 导入其余内容（无法读取的单元格留空）。"
        }
    }

    /// Exit status for the command line: 1 for unreadable cells, 2 for an unreadable input.
    public var exitCode: Int32 {
        if case .unreadableCells = self { return 1 }
        if case .unconfirmedMetadata = self { return 1 }
        return 2
    }
}
