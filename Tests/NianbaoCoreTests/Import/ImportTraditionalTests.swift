import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// Traditional-script copies of reports: labels, headings and the title are read through the
/// Traditional → Simplified table (pinyin annotations dropped); the narrative stays as printed.
@Suite struct ImportTraditionalTests {
    static func imported(_ text: String) throws -> ImportResult {
        try ReportImporter.import(text: text, options: ImportOptions(partial: true))
    }

    /// Generated reports in Traditional script import exactly like their Simplified originals,
    /// with the narrative kept in Traditional.
    @Test(arguments: [(PublishedShape.traditionalPipe, 0 as UInt64), (.traditionalPipe, 1), (.traditionalOneLine, 2), (.traditionalOneLine, 3)])
    func generatedCopy(_ shape: PublishedShape, _ seed: UInt64) throws {
        let report = PublishedShapes.report(seed: seed, form: seed % 2 == 0 ? .v2021 : .v2019)
        let simplified = try Self.imported(PublishedShapes.render(report, as: shape.base, seed: seed))
        let text = PublishedShapes.render(report, as: shape, seed: seed)
        #expect(TraditionalChinese.sample([text]).isTraditional)
        let traditional = try Self.imported(text)
        #expect(traditional.report.cells == simplified.report.cells)
        #expect(traditional.agency == report.agency && traditional.year == report.year && traditional.form == report.form)
        #expect(traditional.questions == simplified.questions)
        #expect(traditional.problems.filter { $0.level == .error }.map(\.cell) == simplified.problems.filter { $0.level == .error }.map(\.cell))
        let note = try #require(traditional.problems.first { $0.kind == .traditionalScript })
        #expect(note.level == .note && note.message.contains("繁体字") && note.message.contains(report.agency))
        // The narrative as printed: Traditional, and the same text once read as Simplified.
        for id in [SectionID.s1, .s5] where !simplified.report.text(id).isEmpty {
            let printed = traditional.report.text(id)
            #expect(printed != simplified.report.text(id))
            #expect(TraditionalChinese.hasTraditional(printed))
            #expect(TraditionalChinese.readingForm(printed) == simplified.report.text(id))
        }
    }

    /// A web page converted to Traditional: HTML tables read through the same keys.
    @Test func htmlPage() throws {
        let report = PublishedShapes.report(seed: 11, form: .v2021)
        let simplified = try Self.imported(ReportExporter.html(report))
        let traditional = try Self.imported(PublishedShapes.traditional(ReportExporter.html(report), seed: 11))
        #expect(traditional.inputKind == .html)
        #expect(traditional.report.cells == simplified.report.cells)
        #expect(traditional.report.cells.filter { !$0.isEmpty }.count > 100)
        #expect(traditional.agency == report.agency && traditional.year == report.year)
    }

    /// Headings with pinyin annotations, as corpus 014 prints them, and the title read from them.
    @Test func annotatedHeadingsAndTitle() throws {
        let text = """
        下宮鎮(zhèn)人民政府2023年政府信息公開工作年度報(bào)告
        根據(jù)《中華人民共和國政府信息公開條例》,編制本報(bào)告。
        一、總體情況
        本年度主動公開政府信息234條。
        二、主動公開政府信息情況
        | 信息內(nèi)容 | 本年制發(fā)件數(shù) | 本年廢止件數(shù) | 現(xiàn)行有效件數(shù) |
        | 規(guī)章 | 0 | 0 | 0 |
        | 行政規(guī)範(fàn)性文件 | 2 | 1 | 15 |
        三、收到和處(chǔ)理政府信息公開申請(qǐng)情況
        四、政府信息公開行政復(fù)議、行政訴訟情況
        五、存在的主要問題及改進(jìn)情況
        問題依然存在。
        六、其他需要報(bào)告的事項(xiàng)
        無。
        下宮鎮(zhèn)人民政府
        2024年1月20日
        """
        let result = try Self.imported(text)
        #expect(result.year == 2023)
        #expect(result.agency == "下宫镇人民政府")
        #expect(result.questions.isEmpty)
        #expect(result.report["t2.reg.issued"] == .count(0))
        #expect(result.report["t2.norm.issued"] == .count(2) && result.report["t2.norm.valid"] == .count(15))
        #expect(!result.problems.contains { $0.kind == .missingSection })
        // As printed: annotations and Traditional characters stay in the narrative and the sign-off.
        #expect(result.report.preface == "根據(jù)《中華人民共和國政府信息公開條例》,編制本報(bào)告。")
        #expect(result.report.text(.s5) == "問題依然存在。")
        #expect(result.report.signOff == SignOff(agency: "下宮鎮(zhèn)人民政府", date: CalendarDate(year: 2024, month: 1, day: 20)))
        #expect(result.problems.contains { $0.kind == .traditionalScript && $0.message.contains("拼音") })
    }

    /// The real excerpt (corpus 014, Traditional with pinyin annotations, cut before its tables):
    /// refused for its missing tables, never as "not a report".
    @Test func corpusExcerptIsNotNotAReport() throws {
        let bytes = try Fixtures.bytes("corpus/014.txt")
        #expect(throws: ImportError.self) { try ReportImporter.import(bytes: bytes, options: ImportOptions(partial: true)) }
        do {
            _ = try ReportImporter.import(bytes: bytes, options: ImportOptions(partial: true))
        } catch {
            guard case .noTableText(let found) = error else { Issue.record("014: \(error)"); return }
            #expect(found.contains("一、总体情况"))
        }
        // Its first paragraph alone (no heading, no title): still not "not a report".
        let first = String(decoding: bytes, as: UTF8.self).split(separator: "\n")[0]
        do {
            _ = try ReportImporter.import(text: String(first), options: ImportOptions(partial: true))
            Issue.record("a preface alone imported")
        } catch {
            if case .notAReport = error { Issue.record("Traditional text called not a report") }
            #expect(!error.description.contains("不是年度报告"))
        }
    }

    /// Simplified text is read as printed: a name with a character the table also maps (於潜镇) keeps it.
    @Test func simplifiedNameKeepsItsCharacters() throws {
        let report = SampleReports.filled(form: .v2021, year: 2023, agency: "於潜镇人民政府")
        let text = PublishedShapes.render(report, as: .pipeLeading, seed: 5)
        #expect(!TraditionalChinese.sample([text]).isTraditional)
        let result = try Self.imported(text)
        #expect(result.agency == "於潜镇人民政府")
        #expect(!result.problems.contains { $0.kind == .traditionalScript })
        #expect(result.report.cells == report.cells)
    }

    @Test func keysMapTraditionalAndDropAnnotations() {
        #expect(LabelKey.of("政府信息公開行政復(fù)議、行政訴訟情況") == "政府信息公开行政复议、行政诉讼情况")
        #expect(LabelKey.of("其他需要報(bào)告的事項(xiàng)") == "其他需要报告的事项")
        #expect(LabelKey.of("本年收費(fèi)金額（單位：萬元）") == "本年收费金额(单位:万元)")
        #expect(LabelKey.of("無") == "无")
        // Not annotations: parentheses after digits or Latin text, notes with ideographs, capitals.
        #expect(LabelKey.of("(二)部分公开(区分处理的,只计这一情形)") == "(二)部分公开(区分处理的,只计这一情形)")
        #expect(LabelKey.of("行政许可(2)") == "行政许可(2)")
        #expect(LabelKey.of("abc(de)") == "abc(de)")
        #expect(LabelKey.of("规章(PDF)") == "规章(PDF)")
        #expect(LabelKey.of("规章(xyz)") == "规章(xyz)")  // no vowel: not pinyin
        // The fast path still answers for Simplified text, and only for it.
        #expect(LabelKey.isAlreadyKey("行政许可"))
        #expect(!LabelKey.isAlreadyKey("行政許可"))
        #expect(!LabelKey.isAlreadyKey("务(wù)"))
    }

    @Test func readingForm() {
        #expect(TraditionalChinese.readingForm("年度報(bào)告") == "年度报告")
        #expect(TraditionalChinese.readingForm("政府信息公开工作年度报告") == "政府信息公开工作年度报告")
        #expect(TraditionalChinese.readingForm("（wù）開始") == "（wù）开始")  // nothing before it to annotate
        var sample = TraditionalChinese.sample(["中华人民共和国政府信息公开条例第二十条规定，本机关主动公开政府信息"])
        #expect(!sample.isTraditional)
        sample = TraditionalChinese.sample(["根據(jù)《中華人民共和國政府信息公開條例》及國務(wù)院辦公廳"])
        #expect(sample.isTraditional && sample.annotations == 2)
    }
}
