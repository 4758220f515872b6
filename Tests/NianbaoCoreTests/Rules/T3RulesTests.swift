import Testing
@testable import NianbaoCore

/// T3-1 … T3-5: table 三, both forms.
@Suite struct T3RulesTests {
    static let forms = FormVersion.allCases

    func n(_ b: ReportBuilder, _ id: String) -> Int64 { b[id].count! }

    // MARK: T3-1 一 + 二 = （七）总计 + 四

    @Test(arguments: forms)
    func t3_1_passesOnBalancedColumns(form: FormVersion) {
        let b = ReportBuilder(form)
        for c in t3ColumnIDs {
            #expect(n(b, "t3.r1.\(c)") + n(b, "t3.r2.\(c)") == n(b, "t3.r3_7.\(c)") + n(b, "t3.r4.\(c)"))
        }
        #expect(findings("T3-1", b.report).isEmpty)
    }

    @Test(arguments: forms)
    func t3_1_firesForEachUnbalancedColumnIncludingTotal(form: FormVersion) throws {
        let b = ReportBuilder(form)
        let r4 = n(b, "t3.r4.np")
        b.set("t3.r4.np", r4 + 1).fillComputed()
        let found = findings("T3-1", b.report)
        #expect(found.count == 2)
        let np = try #require(found.first { cellIDs($0).contains("t3.r4.np") })
        #expect(np.severity == .error)
        #expect(cellIDs(np) == ["t3.r1.np", "t3.r2.np", "t3.r3_7.np", "t3.r4.np"])
        let lhs = n(b, "t3.r1.np") + n(b, "t3.r2.np")
        #expect(np.expected == String(lhs))
        #expect(np.actual == String(lhs + 1))
        #expect(np.section == .s3)
        #expect(np.message.contains("自然人"))
        #expect(np.message.contains("本年新收") && np.message.contains("结转下年度"))
        let total = try #require(found.first { cellIDs($0).contains("t3.r4.total") })
        #expect(cellIDs(total) == ["t3.r1.total", "t3.r2.total", "t3.r3_7.total", "t3.r4.total"])
        #expect(total.message.contains("总计"))
    }

    @Test(arguments: forms)
    func t3_1_blankCellIsNotTakenAsZero(form: FormVersion) {
        let b = ReportBuilder(form)
        // With 上年结转 blank, 一 + 二 cannot be evaluated: no T3-1, but X-10 reports the blank.
        b.clear("t3.r2.lp_res")
        #expect(findings("T3-1", b.report).isEmpty)
        let blank = findings("X-10", b.report)
        #expect(blank.count == 1)
        #expect(blank.first.map(cellIDs) == ["t3.r2.lp_res"])
        #expect(blank.first?.severity == .incomplete)
    }

    // MARK: T3-2 （七）总计 = Σ outcome rows

    static func outcomeRows(_ form: FormVersion) -> [String] {
        form.definition.table(.t3).allRows.map(\.id).filter { $0.hasPrefix("r3_") && $0 != "r3_7" }
    }

    @Test(arguments: forms)
    func t3_2_passes(form: FormVersion) {
        let b = ReportBuilder(form)
        let sum = Self.outcomeRows(form).map { n(b, "t3.\($0).np") }.reduce(0, +)
        #expect(sum == n(b, "t3.r3_7.np"))
        #expect(findings("T3-2", b.report).isEmpty)
    }

    @Test(arguments: forms)
    func t3_2_firesWithEveryOutcomeCellOfTheColumn(form: FormVersion) throws {
        let b = ReportBuilder(form)
        let right = n(b, "t3.r3_7.np")
        b.set("t3.r3_7.np", right + 1)
        let found = findings("T3-2", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.ruleID == "T3-2")
        #expect(f.severity == .error)
        let expectedCells = Set(["t3.r3_7.np"] + Self.outcomeRows(form).map { "t3.\($0).np" })
        #expect(cellIDs(f) == expectedCells)
        #expect(cellIDs(f).count == (form == .v2019 ? 20 : 22))  // 19 or 21 outcome rows + （七）总计
        #expect(f.expected == String(right))
        #expect(f.actual == String(right + 1))
        #expect(f.message.contains(label("t3.r3_7.np", form)))
        #expect(f.message.contains("（七）总计"))
    }

    @Test(arguments: forms)
    func t3_2_oneBlankPartDoesNotFire(form: FormVersion) {
        let b = ReportBuilder(form)
        // r3_7 keeps its old value; the blank part is not read as 0, so no sum rule fires.
        b.clear("t3.r3_4_2.np")
        #expect(findings("T3-2", b.report).isEmpty)
        #expect(findings("T3-3", b.report).isEmpty)
        let blank = findings("X-10", b.report)
        #expect(blank.map(cellIDs) == [["t3.r3_4_2.np"]])
        #expect(blank.first?.severity == .incomplete)
        #expect(blank.first?.message.contains("2.没有现成信息需要另行制作") == true)
        #expect(blank.first?.message.contains("自然人") == true)
        #expect(Validator.validate(b.report).contains { $0.severity.blocksSubmission })
    }

    @Test(arguments: forms)
    func t3_2_v2021SplitsOtherHandlingInto3Rows(form: FormVersion) {
        let rows = Self.outcomeRows(form)
        if form == .v2019 {
            #expect(rows.contains("r3_6") && !rows.contains("r3_6_1"))
        } else {
            #expect(!rows.contains("r3_6") && rows.contains("r3_6_1") && rows.contains("r3_6_3"))
        }
        let b = ReportBuilder(form)
        b.set(form == .v2019 ? "t3.r3_6.lp_law" : "t3.r3_6_2.lp_law", 9)
        // The row total is recomputed, （七）总计 is not.
        b.report.fillComputedRow("r3_6", "r3_6_2")
        let found = findings("T3-2", b.report)
        #expect(found.count == 2)  // 法律服务机构 and 总计 columns
        #expect(found.allSatisfy { $0.cells.count == rows.count + 1 })
    }

    // MARK: T3-3 row total

    @Test(arguments: forms)
    func t3_3_passes(form: FormVersion) {
        #expect(findings("T3-3", ReportBuilder(form).report).isEmpty)
    }

    @Test(arguments: forms)
    func t3_3_fires(form: FormVersion) throws {
        let b = ReportBuilder(form)
        let total = n(b, "t3.r1.total")
        b.set("t3.r1.total", total + 3)
        let found = findings("T3-3", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == Set(t3ColumnIDs.map { "t3.r1.\($0)" }))
        #expect(f.cellRefs.first?.description == "t3.r1.total")
        #expect(f.expected == String(total))
        #expect(f.actual == String(total + 3))
        #expect(f.message.contains(label("t3.r1.total", form)))
        #expect(f.message.contains("一、本年新收政府信息公开申请数量"))
    }

    @Test(arguments: forms)
    func t3_3_blankTotalIsIncompleteNotWrong(form: FormVersion) {
        let b = ReportBuilder(form)
        b.clear("t3.r3_1.total")
        #expect(findings("T3-3", b.report).isEmpty)
        let blank = findings("X-10", b.report)
        #expect(blank.map(cellIDs) == [["t3.r3_1.total"]])
        #expect(blank.first?.message.contains("合计") == true)
    }

    // MARK: T3-4 counts ≥ 0

    @Test(arguments: forms)
    func t3_4_zeroIsFine(form: FormVersion) {
        let b = ReportBuilder(form)
        b.set("t3.r3_3_1.np", 0).set("t3.r3_3_1.lp_com", 0)
        #expect(findings("T3-4", b.report).isEmpty)
    }

    @Test(arguments: forms)
    func t3_4_negativeCountFails(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.set("t3.r3_3_3.np", -1)
        let f = try #require(findings("T3-4", b.report).first)
        #expect(findings("T3-4", b.report).count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == ["t3.r3_3_3.np"])
        #expect(f.expected == "≥ 0")
        #expect(f.actual == "-1")
        #expect(f.message.contains(label("t3.r3_3_3.np", form)))
        #expect(f.message.contains("3.危及“三安全一稳定”"))
    }

    @Test(arguments: forms)
    func t3_4_fractionInCountCellFails(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.set("t3.r1.lp_ngo", amount: "1.5")
        let f = try #require(findings("T3-4", b.report).first)
        #expect(cellIDs(f) == ["t3.r1.lp_ngo"])
        #expect(f.expected == "整数")
        #expect(f.actual == "1.5")
        #expect(f.message.contains("社会公益组织"))
    }

    // MARK: T3-5 bounds

    @Test(arguments: forms)
    func t3_5_passesAtTheBound(form: FormVersion) {
        let b = ReportBuilder(form)
        let available = n(b, "t3.r1.lp_law") + n(b, "t3.r2.lp_law")
        b.set("t3.r4.lp_law", available)
        #expect(findings("T3-5", b.report).isEmpty)
        #expect(!findings("T3-1", b.report).isEmpty)
    }

    @Test(arguments: forms)
    func t3_5_carriedOutAboveAvailableFails(form: FormVersion) throws {
        let b = ReportBuilder(form)
        let available = n(b, "t3.r1.lp_law") + n(b, "t3.r2.lp_law")
        b.set("t3.r4.lp_law", available + 2)
        let found = findings("T3-5", b.report)
        let f = try #require(found.first)
        #expect(found.count == 1)
        #expect(f.severity == .error)
        #expect(cellIDs(f) == ["t3.r4.lp_law", "t3.r1.lp_law", "t3.r2.lp_law"])
        #expect(f.expected == "≤ \(available)")
        #expect(f.actual == String(available + 2))
        #expect(f.message.contains("法律服务机构"))
        #expect(f.message.contains("结转下年度继续办理"))
    }

    @Test(arguments: forms)
    func t3_5_concludedAboveAvailableFails(form: FormVersion) throws {
        let b = ReportBuilder(form)
        b.set("t3.r1.np", 0).set("t3.r2.np", 0).fillComputed()
        let found = findings("T3-5", b.report)
        let f = try #require(found.first { cellIDs($0).contains("t3.r3_7.np") })
        #expect(cellIDs(f) == ["t3.r3_7.np", "t3.r1.np", "t3.r2.np"])
        #expect(f.expected == "≤ 0")
        #expect(f.message.contains("办理结果总计"))
    }
}

extension Report {
    /// Recomputes the 总计 cell of whichever of `rows` this form has, leaving （七）总计 alone.
    mutating func fillComputedRow(_ rows: String...) {
        for row in rows {
            guard let target = definition.index(of: CellRef(table: .t3, row: row, column: "total")) else { continue }
            let parts = TableDefinition.applicantColumnIDs.compactMap { definition.index(of: CellRef(table: .t3, row: row, column: $0)) }
            cells[target] = CellValue.sum(of: parts, in: cells) ?? .empty
        }
    }
}
