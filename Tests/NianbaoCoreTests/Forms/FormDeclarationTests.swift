import Testing
@testable import NianbaoCore

/// The two forms as declared data, checked against format-spec §2.
@Suite struct FormDeclarationTests {
    @Test func ordinalsAreThePositionsInAllCases() {
        #expect(FormVersion.allCases.map(\.ordinal) == Array(FormVersion.allCases.indices))
    }

    @Test func table3RowCounts() {
        for (form, rows) in [(FormVersion.v2019, 23), (.v2021, 25)] {
            let t3 = form.definition.table(.t3)
            #expect(t3.allRows.count == rows)
            for row in t3.allRows {
                #expect(form.definition.rowCells(.t3, row.id).count == 7, "\(row.id)")
            }
            #expect(form.definition.cells.filter { $0.ref.table == .t3 }.count == rows * 7)
            #expect(t3.blocks[0].columns.map(\.id) == ["np", "lp_com", "lp_res", "lp_ngo", "lp_law", "lp_oth", "total"])
        }
    }

    @Test(arguments: FormVersion.allCases)
    func table4Has15Cells(form: FormVersion) {
        let cells = form.definition.cells.filter { $0.ref.table == .t4 }
        #expect(cells.count == 15)
        #expect(cells.map(\.ref.description) == ["rv", "ld", "lr"].flatMap { r in
            ["keep", "fix", "other", "pend", "total"].map { "t4.\(r).\($0)" }
        })
        #expect(cells.filter(\.isComputed).map(\.ref.column) == ["total", "total", "total"])
    }

    @Test func table2Cells() {
        let ids2019 = FormDefinition.v2019.cells.filter { $0.ref.table == .t2 }.map(\.ref.description)
        #expect(ids2019 == [
            "t2.reg.made", "t2.reg.published", "t2.reg.total_published",
            "t2.norm.made", "t2.norm.published", "t2.norm.total_published",
            "t2.lic.prev_items", "t2.lic.change", "t2.lic.decisions",
            "t2.svc.prev_items", "t2.svc.change", "t2.svc.decisions",
            "t2.pun.prev_items", "t2.pun.change", "t2.pun.decisions",
            "t2.coe.prev_items", "t2.coe.change", "t2.coe.decisions",
            "t2.fee.prev_items", "t2.fee.change",
            "t2.proc.proc_items", "t2.proc.proc_amount",
        ])
        let ids2021 = FormDefinition.v2021.cells.filter { $0.ref.table == .t2 }.map(\.ref.description)
        #expect(ids2021 == [
            "t2.reg.issued", "t2.reg.abolished", "t2.reg.valid",
            "t2.norm.issued", "t2.norm.abolished", "t2.norm.valid",
            "t2.lic.decisions", "t2.pun.decisions", "t2.coe.decisions", "t2.fee.fee_amount",
        ])
        #expect(FormDefinition.v2019.cells.count == 22 + 161 + 15)
        #expect(FormDefinition.v2021.cells.count == 10 + 175 + 15)
    }

    @Test func cellKinds() {
        let v19 = FormDefinition.v2019, v21 = FormDefinition.v2021
        #expect(v19.cells.filter { $0.kind == .signedCount }.map(\.ref.row) == ["lic", "svc", "pun", "coe", "fee"])
        #expect(v19.cells.filter { $0.kind == .amount }.map(\.ref.description) == ["t2.proc.proc_amount"])
        #expect(v21.cells.filter { $0.kind == .amount }.map(\.ref.description) == ["t2.fee.fee_amount"])
        #expect(!v21.cells.contains { $0.kind == .signedCount })
    }

    @Test(arguments: FormVersion.allCases)
    func idsAreUniqueAndAscii(form: FormVersion) {
        let def = form.definition
        let ids = def.cells.map(\.ref.description)
        #expect(Set(ids).count == ids.count)
        func ascii(_ s: String) -> Bool {
            !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
        for cell in def.cells {
            #expect(ascii(cell.ref.table.rawValue) && ascii(cell.ref.row) && ascii(cell.ref.column), "\(cell.ref)")
            #expect(CellRef(cell.ref.description) == cell.ref)
            #expect(def.index(of: cell.ref) == cell.index)
        }
        for table in def.tables {
            for block in table.blocks { #expect(ascii(block.id)) }
        }
        #expect(def.sections.map(\.id.rawValue) == ["s1", "s2", "s3", "s4", "s5", "s6"])
    }

    @Test(arguments: FormVersion.allCases)
    func computedCellsHaveFormulas(form: FormVersion) {
        let def = form.definition
        let targets = Set(def.formulas.map(\.target))
        #expect(targets == Set(def.cells.filter(\.isComputed).map(\.index)))
        #expect(def.formulas.allSatisfy { ["T3-2", "T3-3", "T4-1"].contains($0.ruleID) })
    }

    /// The formulas, derived from the row structure, equal a plain derivation that looks every
    /// part up by its table, row and column id.
    @Test(arguments: FormVersion.allCases)
    func formulasMatchALookupByID(form: FormVersion) {
        let def = form.definition
        var columnSums: [[Int]] = [], rowSums: [[Int]] = [], totalRowColumnSums: [[Int]] = []
        func at(_ table: TableID, _ row: String, _ column: String) -> Int? {
            def.index(of: CellRef(table: table, row: row, column: column))
        }
        for table in def.tables {
            for block in table.blocks {
                for row in block.rows {
                    for column in block.columns {
                        guard let parts = column.sumOf, let target = at(table.id, row.id, column.id) else { continue }
                        let formula = [target] + parts.compactMap { at(table.id, row.id, $0) }
                        if row.isComputed { totalRowColumnSums.append(formula) } else { columnSums.append(formula) }
                    }
                }
                for row in block.rows {
                    guard let parts = row.sumOf else { continue }
                    for column in block.columns {
                        guard let target = at(table.id, row.id, column.id) else { continue }
                        rowSums.append([target] + parts.compactMap { at(table.id, $0, column.id) })
                    }
                }
            }
        }
        #expect(def.formulas.map { [$0.target] + $0.addends } == columnSums + rowSums + totalRowColumnSums)
        #expect(def.formulas.allSatisfy { $0.addends.count >= 2 })
    }

    @Test(arguments: FormVersion.allCases)
    func rowCellsAreTheRowsCellsInColumnOrder(form: FormVersion) {
        let def = form.definition
        for table in def.tables {
            for block in table.blocks {
                for row in block.rows {
                    let expected = block.columns.compactMap { def.index(of: CellRef(table: table.id, row: row.id, column: $0.id)) }
                    #expect(def.rowCells(table.id, row.id) == expected, "\(table.id).\(row.id)")
                }
            }
        }
        #expect(def.rowCells(.t3, "no_such_row").isEmpty)
        for table in def.tables {
            #expect(def.rowCellIndices(of: table.id) == table.allRows.map { def.rowCells(table.id, $0.id) })
            #expect(Array(def.cellRange(of: table.id)) == def.cells.filter { $0.ref.table == table.id }.map(\.index))
        }
    }

    @Test func sectionTitles() {
        #expect(FormDefinition.v2021.sections.map(\.title) == [
            "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
        ])
    }

    @Test func table3LabelsVerbatim() {
        let rows2021 = FormDefinition.v2021.table(.t3).allRows
        #expect(rows2021.map(\.label) == [
            "一、本年新收政府信息公开申请数量",
            "二、上年结转政府信息公开申请数量",
            "（一）予以公开",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
            "1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
            "（七）总计",
            "四、结转下年度继续办理",
        ])
        let quoted = rows2021[6].label.unicodeScalars.filter { $0 == "\u{201C}" || $0 == "\u{201D}" }
        #expect(quoted.map(\.value) == [0x201C, 0x201D])
        let rows2019 = FormDefinition.v2019.table(.t3).allRows
        #expect(rows2019[20].id == "r3_6" && rows2019[20].label == "（六）其他处理")
        #expect(rows2019[20].groups == ["三、本年度办理结果"])
        #expect(rows2021[20].groups == ["三、本年度办理结果", "（六）其他处理"])
        #expect(rows2021[4].groups == ["三、本年度办理结果", "（三）不予公开"])
        #expect(rows2021[12].groups == ["三、本年度办理结果", "（四）无法提供"])
        #expect(rows2021[15].groups == ["三、本年度办理结果", "（五）不予处理"])
        let t3 = FormDefinition.v2019.table(.t3)
        #expect(t3.cornerNote == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
        #expect(t3.blocks[0].columns.map(\.label) == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"])
        #expect(t3.blocks[0].columns[1].headerGroups == ["申请人情况", "法人或其他组织"])
        #expect(t3.blocks[0].columns[0].headerGroups == ["申请人情况"])
        #expect(FormDefinition.v2019.cell(CellRef("t3.r3_7.total")!)?.label
            == "三 › 三、本年度办理结果 › （七）总计 › 申请人情况 › 总计")
    }

    @Test func table2LabelsVerbatim() {
        let t2a = FormDefinition.v2019.table(.t2)
        #expect(t2a.rowHeader == "信息内容")
        #expect(t2a.blocks.map { $0.caption ?? "" } == [
            "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项",
        ])
        #expect(t2a.blocks[0].columns.map(\.label) == ["本年新制作数量", "本年新公开数量", "对外公开总数量"])
        #expect(t2a.blocks[1].columns.map(\.label) == ["上一年项目数量", "本年增/减", "处理决定数量"])
        #expect(t2a.blocks[3].columns.map(\.label) == ["上一年项目数量", "本年增/减"])
        #expect(t2a.blocks[4].columns.map(\.label) == ["采购项目数量", "采购总金额"])
        #expect(t2a.allRows.map(\.label) == [
            "规章", "规范性文件", "行政许可", "其他对外管理服务事项", "行政处罚", "行政强制", "行政事业性收费", "政府集中采购",
        ])
        let t2b = FormDefinition.v2021.table(.t2)
        #expect(t2b.blocks.map { $0.caption ?? "" } == [
            "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
        ])
        #expect(t2b.blocks[0].columns.map(\.label) == ["本年制发件数", "本年废止件数", "现行有效件数"])
        #expect(t2b.blocks[1].columns.map(\.label) == ["本年处理决定数量"])
        #expect(t2b.blocks[3].columns.map(\.label) == ["本年收费金额（单位：万元）"])
        #expect(t2b.allRows.map(\.label) == ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"])
    }

    @Test func table4LabelsVerbatim() {
        let t4 = FormDefinition.v2021.table(.t4)
        #expect(t4.blocks[0].columns.map(\.label) == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
        #expect(t4.allRows.map(\.labelPath) == [["行政复议"], ["行政诉讼", "未经复议直接起诉"], ["行政诉讼", "复议后起诉"]])
    }

    // MARK: FormVersion.expected(forYear:)

    @Test func yearBefore2019IsRefused() {
        #expect(throws: FormVersionError.yearBeforeForms(2018)) { try FormVersion.expected(forYear: 2018) }
        let message = FormVersionError.yearBeforeForms(2018).description
        #expect(message.contains("2019"))
        #expect(message.contains("2018"))
    }

    @Test(arguments: [(2019, FormVersion.v2019), (2020, .v2019), (2021, .v2021), (2025, .v2021)])
    func expectedForm(year: Int, form: FormVersion) throws {
        #expect(try FormVersion.expected(forYear: year) == form)
    }

    @Test func farFutureYearIsRefused() {
        #expect(throws: FormVersionError.yearOutOfRange(2101)) { try FormVersion.expected(forYear: 2101) }
    }

    @Test func notices() {
        #expect(FormVersion.v2019.notice == "国办公开办函〔2019〕60号")
        #expect(FormVersion.v2021.notice == "国办公开办函〔2021〕30号")
        #expect(FormVersion.v2019.officialTitle.hasSuffix("（试行）"))
        #expect(!FormVersion.v2021.officialTitle.contains("试行"))
    }
}
