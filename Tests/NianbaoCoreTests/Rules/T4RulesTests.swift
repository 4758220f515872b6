import Testing
@testable import NianbaoCore

/// T4-1, T4-2: table 四, identical in both forms.
@Suite struct T4RulesTests {
    @Test(arguments: FormVersion.allCases)
    func t4_passesOnSample(form: FormVersion) {
        let b = ReportBuilder(form)
        #expect(b["t4.rv.total"] == .count(4))
        #expect(b["t4.lr.total"] == .count(2))
        #expect(findings("T4-1", b.report).isEmpty)
        #expect(findings("T4-2", b.report).isEmpty)
    }

    @Test(arguments: FormVersion.allCases)
    func t4_1_reviewWithoutEarlierLitigationIsAllowed(form: FormVersion) {
        // T4-3: 复议后起诉 > 0 while 行政复议 = 0 is allowed (seed 2020).
        let b = ReportBuilder(form)
        for c in ["keep", "fix", "other", "pend"] { b.set("t4.rv.\(c)", 0) }
        b.fillComputed()
        #expect(Validator.validate(b.report).isEmpty)
    }

    @Test(arguments: FormVersion.allCases)
    func t4_1_wrongTotalFails(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.set("t4.rv.total", 5)
        let found = findings("T4-1", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == ["t4.rv.total", "t4.rv.keep", "t4.rv.fix", "t4.rv.other", "t4.rv.pend"])
        #expect(f.expected == "4")
        #expect(f.actual == "5")
        #expect(f.section == .s4)
        #expect(f.message.contains(label("t4.rv.total", form)))
        #expect(f.message.contains("行政复议"))
    }

    @Test(arguments: FormVersion.allCases)
    func t4_1_litigationBlockLabelsIncludeGroup(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.set("t4.lr.total", 0)
        let f = try #require(findings("T4-1", b.report).first)
        #expect(cellIDs(f) == ["t4.lr.total", "t4.lr.keep", "t4.lr.fix", "t4.lr.other", "t4.lr.pend"])
        #expect(f.message.contains("四 › 行政诉讼 › 复议后起诉 › 总计"))
        #expect(f.expected == "2" && f.actual == "0")
    }

    @Test(arguments: FormVersion.allCases)
    func t4_1_blankPartDoesNotFire(form: FormVersion) {
        let b = ReportBuilder(form)
        b.clear("t4.ld.fix")
        #expect(findings("T4-1", b.report).isEmpty)
        #expect(findings("X-10", b.report).map(cellIDs) == [["t4.ld.fix"]])
    }

    @Test(arguments: FormVersion.allCases)
    func t4_2_negativeCountFails(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.set("t4.ld.keep", -1)
        let found = findings("T4-2", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == ["t4.ld.keep"])
        #expect(f.expected == "≥ 0")
        #expect(f.actual == "-1")
        #expect(f.message.contains(label("t4.ld.keep", form)))
        #expect(f.message.contains("未经复议直接起诉"))
    }
}
