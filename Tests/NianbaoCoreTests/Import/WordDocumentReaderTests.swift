import Testing
@testable import NianbaoCore

/// `word/document.xml` → `WordDocument` → the importer's `SourceDocument`.
@Suite struct WordDocumentReaderTests {
    static func xml(_ body: String) -> [UInt8] {
        Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\(body)</w:body></w:document>
        """.utf8)
    }

    static func cell(_ text: String, props: String = "") -> String {
        "<w:tc><w:tcPr>\(props)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
    }

    @Test func runsTabsBreaksAndSkippedText() throws {
        let document = try WordDocumentReader.read(Self.xml("""
        <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>\
        <w:r><w:t>一、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">总体 </w:t></w:r>\
        <w:r><w:tab/><w:t>情况</w:t><w:br/><w:t>&lt;a&amp;b&gt;&#x4E00;&#19968;</w:t></w:r>\
        <w:del><w:r><w:delText>删掉的</w:delText><w:t>也删掉</w:t></w:r></w:del>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
        <mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>框</w:t></w:r></mc:Choice>\
        <mc:Fallback><w:r><w:t>框</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p>\
        <w:p/><w:p><w:r><w:drawing/></w:r></w:p>
        """))
        #expect(document.body == [.paragraph(WordParagraph("一、总体 \t情况\n<a&b>一一框")), .paragraph(WordParagraph("")),
                                  .paragraph(WordParagraph(""))])
        #expect(document.hasImages)
    }

    @Test func gridSpansMergesAndGridBefore() throws {
        // 3 grid columns: A spans 2 and merges down; B; then a row that continues A; then gridBefore 1.
        let document = try WordDocumentReader.read(Self.xml("""
        <w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>\
        <w:tr>\(Self.cell("A", props: "<w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/>"))\(Self.cell("B"))</w:tr>\
        <w:tr>\(Self.cell("", props: "<w:gridSpan w:val=\"2\"/><w:vMerge/>"))\(Self.cell("C"))</w:tr>\
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>\(Self.cell("D"))\(Self.cell("E", props: "<w:vMerge w:val=\"continue\"/>"))</w:tr>\
        </w:tbl>
        """))
        guard case .table(let table) = document.body.first else {
            Issue.record("no table")
            return
        }
        #expect(table.gridColumns == 3)
        #expect(table.rows.map(\.cells.count) == [2, 2, 2])
        #expect(table.rows[2].gridBefore == 1)
        let source = try SourceDocument.word(document)
        let rows = source.lines.filter(\.isTable)
        #expect(rows.map { $0.cells.map(\.raw) } == [["A", "B"], ["C"], ["D", "E"]])
        #expect(rows[1].cells[0].location.tableColumn == 3)
        // D sits after the empty grid column; E continues a merge that does not exist above it, so it is read.
        #expect(rows[2].cells.map { $0.location.tableColumn } == [2, 3])
        #expect(rows[0].cells[0].location.htmlTable == 1 && rows[2].cells[1].location.tableRow == 3)
    }

    @Test func cellParagraphsNestedTablesAndHorizontalMerge() throws {
        let document = try WordDocumentReader.read(Self.xml("""
        <w:p><w:r><w:t>标题</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve"> （区分处理的）</w:t></w:r></w:p>\
        <w:tbl><w:tr>\(Self.cell("内"))</w:tr></w:tbl></w:tc>\
        \(Self.cell("1", props: "<w:hMerge w:val=\"restart\"/>"))\(Self.cell("x", props: "<w:hMerge/>"))\(Self.cell("2"))</w:tr></w:tbl>
        """))
        let source = try SourceDocument.word(document)
        #expect(source.lines.map(\.text) == ["标题", "内", "（二）部分公开 （区分处理的） | 1 | 2"])
        let outer = source.lines[2]
        #expect(outer.cells.map { $0.location.tableColumn } == [1, 2, 4])
        #expect(outer.cells.allSatisfy { $0.location.htmlTable == 1 })
        #expect(source.lines[1].cells[0].location.htmlTable == 2)
        #expect(outer.location.line == 3 && outer.cells[0].location.line == 3)
    }

    @Test func tablesTypedAsParagraphsAreReadAsText() throws {
        let document = try WordDocumentReader.read(Self.xml("""
        <w:p><w:r><w:t>规章</w:t><w:tab/><w:t>1</w:t><w:tab/><w:t>2</w:t><w:tab/><w:t>3</w:t></w:r></w:p>
        """))
        let source = try SourceDocument.word(document)
        #expect(source.lines.count == 1)
        #expect(source.lines[0].cells.map(\.raw) == ["规章", "1", "2", "3"])
    }

    /// Malformed XML ends in an error that says where and what was expected.
    @Test(arguments: [
        ("<w:p><w:r><w:t>x</w:r></w:p>", "结束标签 </w:r> 与开始标签 <w:t> 不匹配"),
        ("<w:p><w:r>", "结束标签 </w:body> 与开始标签 <w:r> 不匹配"),
        ("<w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p>", "未定义的实体 &nbsp;"),
        ("<w:p><w:r><w:t>a & b</w:t></w:r></w:p>", "实体引用"),
        ("<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>", "无效的字符引用 &#0;"),
        ("<w:p w:x=1></w:p>", "属性 w:x 的值应当用引号括起来"),
        ("<w:p><w:r><w:t>a</w:t></w:r></w:p><!-- x", "注释"),
    ])
    func malformedXMLIsLocated(body: String, message: String) {
        // The body starts on line 2, after the 162 characters of `<w:document …><w:body>`.
        do {
            _ = try WordDocumentReader.read(Self.xml(body))
            Issue.record("accepted: \(body)")
        } catch {
            #expect(error.message.contains(message), "\(error)")
            #expect(error.line == 2 && error.column > 162, "\(error)")
            #expect(error.description.contains("word/document.xml 第 2 行第 \(error.column) 列"))
        }
    }

    @Test func truncatedXMLIsNamedAsSuch() {
        let bytes = Self.xml("<w:p><w:r><w:t>abc</w:t></w:r></w:p>")
        do {
            _ = try WordDocumentReader.read(Array(bytes.prefix(bytes.count - 22)))
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("<w:body> 结束之前") && error.message.contains("截断"), "\(error)")
        }
        do {
            _ = try WordDocumentReader.read(Array(bytes.prefix(bytes.count - 12)))
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("截断"), "\(error)")
        }
    }

    @Test func doctypeAndDeepNestingAndBadUTF8Refused() {
        let doctype = Array("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x/>".utf8)
        #expect(throws: WordXMLError.self) { try WordDocumentReader.read(doctype) }
        let deep = Array((String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)).utf8)
        do {
            _ = try WordDocumentReader.read(deep)
            Issue.record("deep nesting accepted")
        } catch {
            #expect(error.message.contains("256"))
        }
        do {
            _ = try WordDocumentReader.read(Array("<x>".utf8) + [0xC3, 0x28] + Array("</x>".utf8))
            Issue.record("bad UTF-8 accepted")
        } catch {
            #expect(error.offset == 3 && error.column == 4)
        }
        #expect(throws: WordXMLError.self) { try WordDocumentReader.read(Array("<a/><b/>".utf8)) }
        #expect(throws: WordXMLError.self) { try WordDocumentReader.read(Array("text".utf8)) }
        #expect(throws: WordXMLError.self) { try WordDocumentReader.read([]) }
    }

    @Test func nestedTablesBeyondTheLimitAreRefused() {
        let depth = ImportLimits.maxTableNesting + 1
        let body = String(repeating: "<w:tbl><w:tr><w:tc>", count: depth) + String(repeating: "</w:tc></w:tr></w:tbl>", count: depth)
        do {
            _ = try WordDocumentReader.read(Self.xml(body))
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("表格嵌套"))
        }
    }
}
