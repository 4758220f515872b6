import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// Lines `pdftotext` hard-wrapped inside a paragraph are narrative, as the line that ends the
/// sentence is: they get no cells (issue 11's speed), while table labels, headings and items
/// that look like them keep theirs.
@Suite struct WrappedProseTests {
    static func kinds(_ text: String) -> [PlainTextReader.LineKind] {
        PlainTextReader.lineKinds(text, ranges: PlainTextReader.lineRanges(text))
    }

    static let paragraph = """
    结合“放管服”改革，组织政务公开专题培训4443场，未发生泄
    密事件。全年办理政府信息公开申请7940次，同比增长百分之十
    二。为进一步提升政务公开质量，召开新闻发布会4360条，同比
    增长百分之十二。
    """

    @Test func theWrappedLinesOfAParagraphAreProse() {
        #expect(Self.kinds(Self.paragraph) == [.wrappedProse, .prose, .prose, .prose])
        let document = SourceDocument.text(Self.paragraph)
        #expect(document.lines.allSatisfy { $0.cells.isEmpty && !$0.isTable })
        #expect(document.lines.map(\.text) == Self.paragraph.split(separator: "\n").map(String.init), "the text is kept as printed")
    }

    @Test func aPageFooterInsideAParagraphDoesNotEndIt() {
        let text = "为进一步提升政务公开质量，通过门户网站主动公开政府信息607\n- 39 -\n0条，未发生泄密事件。结合“放管服”改革，召开新闻发布会68"
            + "\n4场，同比增长百分之十二。"
        #expect(Self.kinds(text) == [.wrappedProse, .pageMark, .prose, .prose])
    }

    @Test func aBlankLineEndsTheParagraph() {
        let text = "为进一步提升政务公开质量，通过门户网站主动公开政府信息607条\n\n全年办理政府信息公开申请7940次。"
        #expect(Self.kinds(text) == [.other, .other, .prose])
    }

    /// Each of these is followed by prose and holds a `，`, yet is cut into cells as before.
    @Test(arguments: [
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）　3　0　0　0",  // a row label: starts with a bracket
        "三、收到和处理政府信息公开申请情况，本机关本年度共收到申请情况如下",  // a heading: an ordinal
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理，其政府信息公开申请",  // an item: a digit
        "第三项，本年度办理结果中予以公开的数量较上年有所增加，具体如下",  // 第
        "本年新收政府信息公开申请数量，自然人  12  商业企业  3  科研机构  0",  // columns: a run of spaces
        "本年新收政府信息公开申请数量，自然人\t12\t商业企业\t3",  // a tab
        "规章 | 本年新制作数量，3 | 本年新公开数量，3",  // a pipe
        "本年度行政复议，行政诉讼",  // too short for a page-wide line
    ])
    func lookalikesKeepTheirCells(line: String) {
        let text = line + "\n全年办理政府信息公开申请7940次，同比增长百分之十二。"
        #expect(Self.kinds(text)[0] != .wrappedProse, "\(line)")
    }

    /// A cell-per-line table: no line of it is followed by prose, so none loses its cells, even a label with a comma.
    @Test func aCellPerLineTableKeepsEveryCell() throws {
        let report = PublishedShapes.report(seed: 4, form: .v2021)
        for shape in [PublishedShape.pdfText, .cellPerLine, .cellPerParagraph, .alternatingPipes, .markdownFromPDF] {
            let text = PublishedShapes.render(report, as: shape, seed: 4)
            let kinds = Self.kinds(text)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            for (k, kind) in kinds.enumerated() where kind == .wrappedProse {
                let next = lines[(k + 1)...].first { !$0.isEmpty }
                #expect(!lines[k].contains("（二）部分公开"), "\(shape): \(lines[k])")
                #expect(next.map { PlainTextReader.isProse($0.utf8) || $0.contains("，") } ?? false, "\(shape): \(lines[k])")
            }
        }
    }
}
