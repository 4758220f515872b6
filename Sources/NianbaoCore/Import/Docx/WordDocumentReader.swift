/// Reads `word/document.xml` into a `WordDocument`: a small, strict XML reader (well-formed
/// XML only, no DTD, the five predefined entities and character references) and the
/// WordprocessingML elements a report uses.
///
/// Text comes from `w:t` in runs, `w:tab` as a tab, `w:br`/`w:cr` as a line feed; deleted and
/// moved-away text (`w:del`, `w:moveFrom`), field codes and `mc:Fallback` copies are left out.
/// Tables keep their grid: `w:tblGrid`, `w:gridBefore`, `w:gridSpan`, `w:vMerge` and the legacy
/// `w:hMerge`. Linear in the input, with the nesting, cell and paragraph counts of `ImportLimits`.
public enum WordDocumentReader {
    /// The WordprocessingML main namespace, transitional and strict.
    public static let mainNamespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    /// The markup-compatibility namespace (`mc:AlternateContent`).
    static let compatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    /// Widest span honoured in a row (Word itself allows 63 columns).
    static let maxGridSpan = 64

    /// Reads the body of a Word document from the bytes of its main part.
    public static func read(_ bytes: [UInt8], part: String = "word/document.xml") throws(WordXMLError) -> WordDocument {
        var parser = Parser(bytes: bytes, part: part)
        try parser.run()
        return WordDocument(body: parser.containers.first ?? [], hasImages: parser.hasImages)
    }

    /// What an element is to the reader.
    enum Kind {
        case paragraph, run, text, tab, lineBreak, noBreakHyphen
        case table, grid, gridColumn, row, rowProperties, gridBefore
        case cell, cellProperties, gridSpan, verticalMerge, horizontalMerge
        case picture, skipped, other
    }

    struct OpenTable {
        var gridColumns = 0
        var rows: [WordTableRow] = []
        var row: WordTableRow? = nil
    }

    struct OpenCell {
        var gridSpan = 1
        var verticalMerge: WordTableCell.VerticalMerge? = nil
        var mergesLeft = false
    }

    struct Parser {
        let bytes: [UInt8]
        let part: String
        var i = 0
        /// Open elements: qualified name and kind.
        var stack: [(name: String, kind: Kind)] = []
        /// Prefix → namespace URI, from every `xmlns` declaration seen (`""` for the default).
        var namespaces: [String: String] = [:]
        /// Depth of the outermost skipped element, while inside one.
        var skipDepth: Int? = nil
        var textDepth = 0
        /// Open paragraphs' text (a text box's paragraphs open inside another paragraph).
        var paragraphs: [[UInt8]] = []
        /// The body, then one container per open cell.
        var containers: [[WordBlock]] = [[]]
        var tables: [OpenTable] = []
        var cells: [OpenCell] = []
        var hasImages = false
        var sawRoot = false
        var lineCount = 0
        var cellCount = 0

        init(bytes: [UInt8], part: String) {
            self.bytes = bytes
            self.part = part
        }

        func error(_ message: String, at offset: Int? = nil) -> WordXMLError {
            WordXMLError.at(offset ?? i, in: bytes, part: part, message)
        }

        // MARK: scanning

        mutating func run() throws(WordXMLError) {
            if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
                throw error("文件是 UTF-16 编码；Word 文档的内容应为 UTF-8。")
            }
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
            if let bad = ReportImporter.firstInvalidUTF8(bytes[i...]) {
                throw error("不是有效的 UTF-8 文本。", at: i + bad)
            }
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<") {
                    try markup()
                } else {
                    try characterData()
                }
            }
            if let open = stack.last {
                throw error("文件在元素 <\(open.name)> 结束之前就结束了（文件可能被截断）。")
            }
            if !sawRoot { throw error("没有找到任何 XML 元素。") }
        }

        func starts(with literal: StaticString, at offset: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard offset + count <= bytes.count else { return false }
            return literal.withUTF8Buffer { buffer in
                for k in 0..<count where bytes[offset + k] != buffer[k] { return false }
                return true
            }
        }

        /// The offset just past the first `terminator` at or after `from`, or nil.
        func find(_ terminator: StaticString, from: Int) -> Int? {
            let count = terminator.utf8CodeUnitCount
            return terminator.withUTF8Buffer { t -> Int? in
                var k = from
                while k + count <= bytes.count {
                    if bytes[k] == t[0] {
                        var match = true
                        for m in 1..<count where bytes[k + m] != t[m] {
                            match = false
                            break
                        }
                        if match { return k + count }
                    }
                    k += 1
                }
                return nil
            }
        }

        mutating func markup() throws(WordXMLError) {
            let start = i
            if starts(with: "<?", at: i) {
                guard let end = find("?>", from: i + 2) else { throw error("处理指令 <? 没有以 ?> 结束。") }
                i = end
            } else if starts(with: "<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { throw error("注释 <!-- 没有以 --> 结束。") }
                i = end
            } else if starts(with: "<![CDATA[", at: i) {
                guard let end = find("]]>", from: i + 9) else { throw error("CDATA 段没有以 ]]> 结束。") }
                guard !stack.isEmpty else { throw error("根元素之外出现了 CDATA 段。") }
                text(bytes[(i + 9)..<(end - 3)])
                i = end
            } else if starts(with: "<!", at: i) {
                throw error("不支持 DOCTYPE 或其他 <! 声明（Word 文档不会有）。")
            } else if starts(with: "</", at: i) {
                i += 2
                let name = try self.name()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else { throw error("结束标签 </\(name)> 缺少“>”。") }
                i += 1
                guard let open = stack.last else { throw error("多余的结束标签 </\(name)>。", at: start) }
                guard open.name == name else {
                    throw error("结束标签 </\(name)> 与开始标签 <\(open.name)> 不匹配。", at: start)
                }
                stack.removeLast()
                try end(open.kind)
            } else {
                try startTag()
            }
        }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        }

        static func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: ":") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b >= 0x80
        }

        mutating func name() throws(WordXMLError) -> String {
            let start = i
            while i < bytes.count, Self.isNameByte(bytes[i]) { i += 1 }
            guard i < bytes.count else { throw error("文件在名称处意外结束（文件可能被截断）。") }
            guard i > start else { throw error("这里应当是元素或属性的名称。") }
            let first = bytes[start]
            guard !(first >= 0x30 && first <= 0x39) && first != UInt8(ascii: "-") && first != UInt8(ascii: ".") else {
                throw error("名称不能以数字、“-”或“.”开头。", at: start)
            }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }

        mutating func startTag() throws(WordXMLError) {
            let start = i
            i += 1
            let name = try self.name()
            if stack.isEmpty && sawRoot { throw error("XML 只能有一个根元素，这里又出现了 <\(name)>。", at: start) }
            sawRoot = true
            var attributes: [(String, String)] = []
            var selfClosing = false
            while true {
                let before = i
                skipSpace()
                guard i < bytes.count else { throw error("标签 <\(name)> 没有结束（缺少“>”）。", at: start) }
                let b = bytes[i]
                if b == UInt8(ascii: ">") {
                    i += 1
                    break
                }
                if b == UInt8(ascii: "/") {
                    guard i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: ">") else { throw error("“/”后面应当是“>”。") }
                    i += 2
                    selfClosing = true
                    break
                }
                guard i > before else { throw error("属性之间应当有空格。") }
                let attribute = try self.name()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { throw error("属性 \(attribute) 后面应当是“=”。") }
                i += 1
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else {
                    throw error("属性 \(attribute) 的值应当用引号括起来。")
                }
                let quote = bytes[i]
                i += 1
                let valueStart = i
                while i < bytes.count, bytes[i] != quote {
                    if bytes[i] == UInt8(ascii: "<") { throw error("属性值里不能有“<”。") }
                    i += 1
                }
                guard i < bytes.count else { throw error("属性 \(attribute) 的值没有结束引号。", at: valueStart) }
                let value = try decode(bytes[valueStart..<i])
                i += 1
                attributes.append((attribute, value))
            }
            for (attribute, value) in attributes {
                if attribute == "xmlns" {
                    namespaces[""] = value
                } else if attribute.utf8.starts(with: "xmlns:".utf8) {
                    namespaces[String(attribute.dropFirst(6))] = value
                }
            }
            guard stack.count < ImportLimits.maxXMLDepth else {
                throw error("元素嵌套超过 \(ImportLimits.maxXMLDepth) 层。", at: start)
            }
            let kind = classify(name)
            stack.append((name, kind))
            try begin(kind, attributes: attributes, at: start)
            if selfClosing {
                let closed = stack.removeLast()
                try end(closed.kind)
            }
        }

        mutating func characterData() throws(WordXMLError) {
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
            let slice = bytes[start..<i]
            if stack.isEmpty {
                guard slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else {
                    throw error("根元素之外不能有文字。", at: start)
                }
                return
            }
            guard textDepth > 0, skipDepth == nil, !paragraphs.isEmpty else {
                // Not text a reader sees, but a broken reference is still an error.
                if slice.contains(UInt8(ascii: "&")) { _ = try decode(slice, offset: start) }
                return
            }
            if slice.contains(UInt8(ascii: "&")) {
                let decoded = try decode(slice, offset: start)
                paragraphs[paragraphs.count - 1].append(contentsOf: decoded.utf8)
            } else {
                paragraphs[paragraphs.count - 1].append(contentsOf: slice)
            }
        }

        mutating func text(_ slice: ArraySlice<UInt8>) {
            guard textDepth > 0, skipDepth == nil, !paragraphs.isEmpty else { return }
            paragraphs[paragraphs.count - 1].append(contentsOf: slice)
        }

        /// Text with its references (`&amp;` … `&#x4E00;`) replaced.
        func decode(_ slice: ArraySlice<UInt8>, offset: Int? = nil) throws(WordXMLError) -> String {
            guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(slice.count)
            var k = slice.startIndex
            while k < slice.endIndex {
                let b = slice[k]
                guard b == UInt8(ascii: "&") else {
                    out.append(b)
                    k += 1
                    continue
                }
                guard let semicolon = slice[k...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                    throw error("“&”后面应当是实体引用（如 &amp;）并以“;”结束。", at: k)
                }
                let body = slice[(k + 1)..<semicolon]
                let scalar: Unicode.Scalar?
                switch String(decoding: body, as: UTF8.self) {
                case "lt": scalar = "<"
                case "gt": scalar = ">"
                case "amp": scalar = "&"
                case "quot": scalar = "\""
                case "apos": scalar = "'"
                default:
                    if body.first == UInt8(ascii: "#") {
                        var digits = body.dropFirst()
                        var radix: UInt32 = 10
                        if digits.first == UInt8(ascii: "x") {
                            radix = 16
                            digits = digits.dropFirst()
                        }
                        var value: UInt32 = 0
                        var valid = !digits.isEmpty
                        for d in digits {
                            let v: UInt32
                            switch d {
                            case 0x30...0x39: v = UInt32(d - 0x30)
                            case 0x61...0x66 where radix == 16: v = UInt32(d - 0x61 + 10)
                            case 0x41...0x46 where radix == 16: v = UInt32(d - 0x41 + 10)
                            default: v = 0; valid = false
                            }
                            value = value &* radix &+ v
                        }
                        let allowed = value == 0x09 || value == 0x0A || value == 0x0D || value >= 0x20
                        scalar = valid && allowed && value <= 0x10FFFF ? Unicode.Scalar(value) : nil
                    } else {
                        throw error("未定义的实体 &\(String(decoding: body, as: UTF8.self));（Word 文档只用 &lt; &gt; &amp; &quot; &apos;）。", at: k)
                    }
                }
                guard let scalar else { throw error("无效的字符引用 &\(String(decoding: body, as: UTF8.self));。", at: k) }
                out.append(contentsOf: String(Character(scalar)).utf8)
                k = semicolon + 1
            }
            return String(decoding: out, as: UTF8.self)
        }

        // MARK: WordprocessingML

        func classify(_ name: String) -> Kind {
            var prefix = Substring("")
            var local = Substring(name)
            if let colon = name.firstIndex(of: ":") {
                prefix = name[..<colon]
                local = name[name.index(after: colon)...]
            }
            guard let namespace = namespaces[String(prefix)] else { return .other }
            if namespace == WordDocumentReader.compatibilityNamespace {
                return local == "Fallback" ? .skipped : .other
            }
            guard WordDocumentReader.mainNamespaces.contains(namespace) else {
                return local == "pic" || local == "graphic" ? .picture : .other
            }
            switch local {
            case "p": return .paragraph
            case "r": return .run
            case "t": return .text
            case "tab": return .tab
            case "br", "cr": return .lineBreak
            case "noBreakHyphen": return .noBreakHyphen
            case "tbl": return .table
            case "tblGrid": return .grid
            case "gridCol": return .gridColumn
            case "tr": return .row
            case "trPr": return .rowProperties
            case "gridBefore": return .gridBefore
            case "tc": return .cell
            case "tcPr": return .cellProperties
            case "gridSpan": return .gridSpan
            case "vMerge": return .verticalMerge
            case "hMerge": return .horizontalMerge
            case "drawing", "pict", "object": return .picture
            case "del", "moveFrom", "instrText", "delText", "delInstrText": return .skipped
            default: return .other
            }
        }

        /// The kind of the parent of the element just opened.
        var parentKind: Kind? { stack.count >= 2 ? stack[stack.count - 2].kind : nil }

        static func value(_ attributes: [(String, String)]) -> String? {
            for (name, value) in attributes where name == "w:val" || name.hasSuffix(":val") || name == "val" { return value }
            return nil
        }

        static func count(_ attributes: [(String, String)], max limit: Int) -> Int {
            guard let text = value(attributes) else { return 1 }
            var n = 0
            for d in text.utf8 {
                guard d >= 0x30 && d <= 0x39 else { return n == 0 ? 1 : n }
                n = n * 10 + Int(d - 0x30)
                if n >= limit { return limit }
            }
            return n
        }

        mutating func begin(_ kind: Kind, attributes: [(String, String)], at offset: Int) throws(WordXMLError) {
            if skipDepth != nil { return }
            switch kind {
            case .skipped:
                skipDepth = stack.count
            case .paragraph:
                paragraphs.append([])
            case .text:
                textDepth += 1
            case .tab:
                if parentKind == .run { append(0x09) }
            case .lineBreak:
                if parentKind == .run { append(0x0A) }
            case .noBreakHyphen:
                if parentKind == .run { append(UInt8(ascii: "-")) }
            case .picture:
                hasImages = true
            case .table:
                guard tables.count < ImportLimits.maxTableNesting else {
                    throw error("表格嵌套超过 \(ImportLimits.maxTableNesting) 层。", at: offset)
                }
                tables.append(OpenTable())
            case .gridColumn:
                if parentKind == .grid, !tables.isEmpty { tables[tables.count - 1].gridColumns += 1 }
            case .row:
                guard !tables.isEmpty else {
                    stack[stack.count - 1].kind = .other
                    return
                }
                try countLine(at: offset)
                tables[tables.count - 1].row = WordTableRow(cells: [])
            case .gridBefore:
                if parentKind == .rowProperties, !tables.isEmpty, tables[tables.count - 1].row != nil {
                    tables[tables.count - 1].row!.gridBefore = Self.count(attributes, max: WordDocumentReader.maxGridSpan)
                }
            case .cell:
                guard !tables.isEmpty, tables[tables.count - 1].row != nil else {
                    // A cell outside a row is read as if its tags were not there.
                    stack[stack.count - 1].kind = .other
                    return
                }
                cellCount += 1
                guard cellCount <= ImportLimits.maxCells else {
                    throw error("表格单元格超过 \(ImportLimits.maxCells) 个。", at: offset)
                }
                cells.append(OpenCell())
                containers.append([])
            case .gridSpan:
                if parentKind == .cellProperties, !cells.isEmpty {
                    cells[cells.count - 1].gridSpan = max(1, Self.count(attributes, max: WordDocumentReader.maxGridSpan))
                }
            case .verticalMerge:
                if parentKind == .cellProperties, !cells.isEmpty {
                    cells[cells.count - 1].verticalMerge = Self.value(attributes) == "restart" ? .restart : .continue
                }
            case .horizontalMerge:
                if parentKind == .cellProperties, !cells.isEmpty, Self.value(attributes) != "restart" {
                    cells[cells.count - 1].mergesLeft = true
                }
            case .run, .grid, .rowProperties, .cellProperties, .other:
                break
            }
        }

        mutating func append(_ byte: UInt8) {
            if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].append(byte) }
        }

        mutating func countLine(at offset: Int) throws(WordXMLError) {
            lineCount += 1
            guard lineCount <= ImportLimits.maxLines else {
                throw error("段落和表格行超过 \(ImportLimits.maxLines) 个。", at: offset)
            }
        }

        mutating func end(_ kind: Kind) throws(WordXMLError) {
            if let depth = skipDepth {
                if stack.count < depth { skipDepth = nil }
                return
            }
            switch kind {
            case .paragraph:
                guard let text = paragraphs.popLast() else { return }
                try countLine(at: i)
                containers[containers.count - 1].append(.paragraph(WordParagraph(String(decoding: text, as: UTF8.self))))
            case .text:
                textDepth -= 1
            case .table:
                guard let table = tables.popLast() else { return }
                var rows = table.rows
                if let row = table.row { rows.append(row) }
                containers[containers.count - 1].append(.table(WordTable(gridColumns: table.gridColumns, rows: rows)))
            case .row:
                guard !tables.isEmpty, let row = tables[tables.count - 1].row else { return }
                tables[tables.count - 1].rows.append(row)
                tables[tables.count - 1].row = nil
            case .cell:
                guard let open = cells.popLast(), containers.count > 1 else { return }
                let content = containers.removeLast()
                let last = tables.count - 1
                guard last >= 0, tables[last].row != nil else { return }
                if open.mergesLeft, !tables[last].row!.cells.isEmpty {
                    // Legacy horizontal merge: this cell widens the one before it.
                    let previous = tables[last].row!.cells.count - 1
                    tables[last].row!.cells[previous].gridSpan += open.gridSpan
                } else {
                    tables[last].row!.cells.append(WordTableCell(gridSpan: open.gridSpan, verticalMerge: open.verticalMerge, content: content))
                }
            default:
                break
            }
        }
    }
}
