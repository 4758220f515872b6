import Testing
@testable import NianbaoCore

/// T2a-1, -2, -4, -5, -7: table 二 of the 2019 form.
@Suite struct T2aRulesTests {
    @Test func sampleNumbers() {
        let b = ReportBuilder(.v2019)
        #expect(b.report.year == 2020)
        #expect(b["t2.lic.prev_items"] == .count(12))
        #expect(b["t2.lic.change"] == .count(-2))
        #expect(b["t2.proc.proc_amount"] == .amount(Amount("3194.752")!))
        for id in ["T2a-1", "T2a-2", "T2a-4", "T2a-5", "T2a-7"] {
            #expect(findings(id, b.report).isEmpty, "\(id)")
        }
    }

    @Test func t2aRulesDoNotRunOn2021Form() {
        let b = ReportBuilder(.v2021)
        b.set("t2.reg.issued", -1)
        let ids = Set(Validator.validate(b.report).map(\.ruleID))
        #expect(ids.isDisjoint(with: ["T2a-1", "T2a-2", "T2a-4", "T2a-5", "T2a-7"]))
        #expect(ids.contains("T2b-1"))
    }

    // MARK: T2a-1 kinds

    @Test func t2a_1_negativeChangeIsFine() {
        let b = ReportBuilder(.v2019)
        b.set("t2.svc.change", -11)
        #expect(findings("T2a-1", b.report).isEmpty)
        #expect(findings("T2a-2", b.report).isEmpty)
    }

    @Test func t2a_1_fourDecimalsIsFine() {
        let b = ReportBuilder(.v2019)
        b.set("t2.proc.proc_amount", amount: "3194.7521")
        #expect(findings("T2a-1", b.report).isEmpty)
    }

    @Test func t2a_1_fiveDecimalsFails() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.proc.proc_amount", amount: "3194.75201")
        let found = findings("T2a-1", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == ["t2.proc.proc_amount"])
        #expect(f.expected == "最多 4 位小数")
        #expect(f.actual == "3194.75201")
        #expect(f.section == .s2)
        #expect(f.message.contains(label("t2.proc.proc_amount", .v2019)))
        #expect(f.message.contains("采购总金额"))
    }

    @Test func t2a_1_negativeAmountFails() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.proc.proc_amount", amount: "-0.5")
        let f = try #require(findings("T2a-1", b.report).first)
        #expect(cellIDs(f) == ["t2.proc.proc_amount"])
        #expect(f.expected == "≥ 0")
        #expect(f.actual == "-0.5")
    }

    @Test(arguments: ["t2.lic.decisions", "t2.reg.made", "t2.fee.prev_items", "t2.proc.proc_items"])
    func t2a_1_negativeCountFails(id: String) throws {
        let b = ReportBuilder(.v2019)
        b.set(id, -3)
        let found = findings("T2a-1", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == [id])
        #expect(f.expected == "≥ 0")
        #expect(f.actual == "-3")
        #expect(f.message.contains(label(id, .v2019)))
    }

    @Test func t2a_1_fractionInCountFails() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.lic.change", amount: "-1.5")
        let f = try #require(findings("T2a-1", b.report).first)
        #expect(cellIDs(f) == ["t2.lic.change"])
        #expect(f.expected == "整数")
        #expect(f.message.contains("本年增/减"))
    }

    // MARK: T2a-2 上一年项目数量 + 本年增/减 ≥ 0

    @Test func t2a_2_zeroItemsLeftIsFine() {
        let b = ReportBuilder(.v2019)
        b.set("t2.lic.change", -12)
        #expect(findings("T2a-2", b.report).isEmpty)
    }

    @Test func t2a_2_negativeItemsLeftFails() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.lic.change", -13)
        let found = findings("T2a-2", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == ["t2.lic.prev_items", "t2.lic.change"])
        #expect(f.expected == "≥ 0")
        #expect(f.actual == "-1")
        #expect(f.message.contains("行政许可"))
        #expect(f.message.contains("上一年项目数量") && f.message.contains("本年增/减"))
    }

    @Test func t2a_2_blankChangeDoesNotFire() {
        let b = ReportBuilder(.v2019)
        b.set("t2.fee.prev_items", 0).clear("t2.fee.change")
        #expect(findings("T2a-2", b.report).isEmpty)
        #expect(findings("X-10", b.report).map(cellIDs) == [["t2.fee.change"]])
    }

    // MARK: T2a-4 本年新公开数量 ≤ 本年新制作数量

    @Test func t2a_4_fewerPublishedThanMadeWarns() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.norm.published", 3)
        let found = findings("T2a-4", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(cellIDs(f) == ["t2.norm.published", "t2.norm.made"])
        #expect(f.expected == "= 5")
        #expect(f.actual == "3")
        #expect(f.message.contains("规范性文件"))
        #expect(!Validator.validate(b.report).contains { $0.severity.blocksSubmission })
    }

    @Test func t2a_4_morePublishedThanMadeWarns() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.reg.published", 3)
        let f = try #require(findings("T2a-4", b.report).first)
        #expect(cellIDs(f) == ["t2.reg.published", "t2.reg.made"])
        #expect(f.message.contains("规章"))
        #expect(f.message.contains("大于"))
    }

    // MARK: T2a-5 对外公开总数量 ≥ 本年新公开数量

    @Test func t2a_5_equalIsFine() {
        let b = ReportBuilder(.v2019)
        b.set("t2.reg.total_published", 2)
        #expect(findings("T2a-5", b.report).isEmpty)
    }

    @Test func t2a_5_totalBelowNewWarns() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.reg.total_published", 1)
        let found = findings("T2a-5", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(cellIDs(f) == ["t2.reg.total_published", "t2.reg.published"])
        #expect(f.expected == "≥ 2")
        #expect(f.actual == "1")
        #expect(f.message.contains("规章") && f.message.contains("对外公开总数量"))
    }

    // MARK: T2a-7 采购项目数量 = 0 ⇔ 采购总金额 = 0

    @Test func t2a_7_bothZeroIsFine() {
        let b = ReportBuilder(.v2019)
        b.set("t2.proc.proc_items", 0).set("t2.proc.proc_amount", amount: "0")
        #expect(findings("T2a-7", b.report).isEmpty)
    }

    @Test func t2a_7_amountWithoutItemsWarns() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.proc.proc_items", 0)
        let found = findings("T2a-7", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .warning)
        #expect(cellIDs(f) == ["t2.proc.proc_items", "t2.proc.proc_amount"])
        #expect(f.actual == "0 / 3194.752")
        #expect(f.message.contains("政府集中采购"))
        #expect(f.message.contains("3,194.752"))
    }

    @Test func t2a_7_itemsWithoutAmountWarns() throws {
        let b = ReportBuilder(.v2019)
        b.set("t2.proc.proc_amount", amount: "0.0")
        let f = try #require(findings("T2a-7", b.report).first)
        #expect(cellIDs(f) == ["t2.proc.proc_items", "t2.proc.proc_amount"])
        #expect(f.actual == "33 / 0")
        #expect(f.message.contains("33"))
    }

    @Test func t2a_7_blankAmountIsIncompleteNotZero() {
        let b = ReportBuilder(.v2019)
        b.set("t2.proc.proc_items", 0).clear("t2.proc.proc_amount")
        #expect(findings("T2a-7", b.report).isEmpty)
        let blank = findings("X-10", b.report)
        #expect(blank.map(cellIDs) == [["t2.proc.proc_amount"]])
        #expect(blank.first?.message.contains("采购总金额") == true)
    }
}
