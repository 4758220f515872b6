import Testing
@testable import NianbaoCore

/// Fixtures in the shapes real reports come in.
@Suite struct ImportShapesTests {
    static func load(_ name: String, _ options: ImportOptions = ImportOptions(partial: true)) throws -> ImportResult {
        try ReportImporter.import(bytes: try Fixtures.bytes(name), options: options)
    }

    static func counts(_ report: Report, _ table: String, _ row: String, _ columns: [String]) -> [Int64?] {
        columns.map { report["\(table).\(row).\($0)"].count }
    }

    static let t3Columns = ["np", "lp_com", "lp_res", "lp_ngo", "lp_law", "lp_oth", "total"]
    static let t4Columns = ["keep", "fix", "other", "pend", "total"]

    @Test func htmlWithMergedCellsNotesEntitiesAndScript() throws {
        let result = try Self.load("html-merged-cells-2019.html")
        let r = result.report
        #expect(result.inputKind == .html)
        #expect(result.form == .v2019)
        #expect(result.year == 2019)
        #expect(result.agency == "胡市镇")
        #expect(result.yearSource == .title(line: 3))
        // Headers with notes and <br> inside labels; the <script>'s fake table is ignored.
        #expect(Self.counts(r, "t2", "reg", ["made", "published", "total_published"]) == [0, 0, 0])
        #expect(Self.counts(r, "t2", "norm", ["made", "published", "total_published"]) == [2, 2, 15])
        #expect(Self.counts(r, "t2", "lic", ["prev_items", "change"]) == [12, -11])
        #expect(r["t2.lic.decisions"] == .empty)  // &nbsp; is not 0
        #expect(Self.counts(r, "t2", "svc", ["prev_items", "change", "decisions"]) == [3, 0, 1024])  // full-width digits, 1,024
        #expect(Self.counts(r, "t2", "pun", ["prev_items", "change", "decisions"]) == [4, 0, 7])
        #expect(Self.counts(r, "t2", "fee", ["prev_items", "change"]) == [0, 0])
        #expect(r["t2.proc.proc_items"] == .count(2))
        // 12.5 under a header without a unit may be 元 or 万元: left blank and reported, not guessed.
        #expect(r["t2.proc.proc_amount"] == .empty)
        // T3 with rowspan/colspan: row labels after the merged group cells.
        #expect(Self.counts(r, "t3", "r1", Self.t3Columns) == [5, 1, 0, 0, 0, 0, 6])
        #expect(Self.counts(r, "t3", "r3_1", Self.t3Columns) == [3, 1, 0, 0, 0, 0, 4])
        #expect(Self.counts(r, "t3", "r3_2", Self.t3Columns) == [1, 0, 0, 0, 0, 0, 1])
        #expect(Self.counts(r, "t3", "r3_4_1", Self.t3Columns) == [1, 0, 0, 0, 0, 0, 1])
        #expect(Self.counts(r, "t3", "r3_7", Self.t3Columns) == [5, 1, 0, 0, 0, 0, 6])
        #expect(Self.counts(r, "t3", "r4", Self.t3Columns) == [1, 0, 0, 0, 0, 0, 1])
        #expect(Self.counts(r, "t4", "rv", Self.t4Columns) == [1, 0, 0, 0, 1])
        #expect(Self.counts(r, "t4", "lr", Self.t4Columns) == [0, 0, 0, 0, 0])
        // Narrative: entities decoded, heading variant for 五 accepted, text outside sections noted.
        #expect(r.text(.s1) == "2019年，胡市镇认真贯彻落实新修订的《条例》——主动公开政府信息120条。\n二是加强平台建设，更新栏目\u{A0}5\u{A0}个。")
        #expect(r.text(.s5) == "一是公开内容不够全面；二是解读形式单一。\n下一步将加强培训。")
        #expect(r.text(.s6) == "无。")
        // The text between the title and 一 is the preface; the breadcrumb and the repeated title are not.
        #expect(r.preface == "根据《中华人民共和国政府信息公开条例》要求，编制本报告。统计期限为2019年1月1日至12月31日。")
        // Problems: the &nbsp; cell (an error naming the cell, with its place in the table grid) and the default unit.
        let blank = try #require(result.problems.first { $0.kind == .blankCell })
        #expect(blank.cell == CellRef("t2.lic.decisions"))
        #expect(blank.location.htmlTable == 1 && blank.location.tableRow == 7 && blank.location.tableColumn == 4)
        #expect(blank.message.contains("行政许可") && blank.message.contains("处理决定数量"))
        #expect(result.problems.filter { $0.level == .error }.count == 2)
        let unit = try #require(result.problems.first { $0.kind == .unitDefaulted })
        #expect(unit.level == .error && unit.cell == CellRef("t2.proc.proc_amount") && unit.published == "12.5")
        #expect(unit.message.contains("“12.5”") && unit.message.contains("万元"))
    }

    @Test func htmlBlankCellFailsWithoutPartial() throws {
        #expect {
            // 胡市镇 is a short name (a question of its own), so the agency is given.
            try ReportImporter.import(bytes: try Fixtures.bytes("html-merged-cells-2019.html"), options: ImportOptions(agency: "胡市镇"))
        } throws: { error in
            guard let e = error as? ImportError, case .unreadableCells(let result) = e else { return false }
            return e.exitCode == 1 && result.problems.contains { $0.kind == .blankCell }
        }
    }

    @Test func shanghaiStyleYuanBecomesWanYuan() throws {
        let result = try Self.load("shanghai-style-yuan-2019.html", ImportOptions())
        #expect(result.agency == "上海市人民政府办公厅")
        #expect(result.report["t2.proc.proc_amount"] == .amount(Amount("25.1")!))
        let note = try #require(result.problems.first { $0.kind == .unitConverted })
        #expect(note.level == .note && note.published == "251000元")
        #expect(!result.hasErrors)
    }

    @Test func pdfTextWithBrokenLabels() throws {
        let result = try Self.load("pdf-text-broken-labels-2020.txt", ImportOptions())
        let r = result.report
        #expect(result.inputKind == .lineText)
        #expect(result.form == .v2019)
        #expect(result.year == 2020 && result.agency == "驻马店市某县交通运输局")
        #expect(!result.hasErrors, "\(result.problems)")
        #expect(Self.counts(r, "t2", "norm", ["made", "published", "total_published"]) == [1, 1, 9])  // 规范性\n文件
        #expect(Self.counts(r, "t2", "lic", ["prev_items", "change", "decisions"]) == [20, -2, 311])
        #expect(Self.counts(r, "t2", "fee", ["prev_items", "change"]) == [0, 0])
        #expect(r["t2.proc.proc_amount"] == .amount(Amount("118.0625")!))
        #expect(Self.counts(r, "t3", "r1", Self.t3Columns) == [3, 1, 0, 0, 0, 0, 4])
        #expect(Self.counts(r, "t3", "r3_1", Self.t3Columns) == [2, 1, 0, 0, 0, 0, 3])
        #expect(Self.counts(r, "t3", "r3_2", Self.t3Columns) == [0, 0, 0, 0, 0, 0, 0])  // label broken over two lines
        #expect(Self.counts(r, "t3", "r3_4_1", Self.t3Columns) == [1, 0, 0, 0, 0, 0, 1])
        #expect(Self.counts(r, "t3", "r3_5_5", Self.t3Columns) == [0, 0, 0, 0, 0, 0, 0])
        #expect(Self.counts(r, "t3", "r3_7", Self.t3Columns) == [3, 1, 0, 0, 0, 0, 4])
        #expect(Self.counts(r, "t4", "rv", Self.t4Columns) == [0, 0, 0, 0, 0])
        #expect(r.text(.s1) == "2020年，本局主动公开政府信息 86 条。")
        #expect(r.text(.s6) == "无")
        #expect(Validator.validate(r).filter { $0.severity == .error }.isEmpty)
    }

    @Test func wrongTotalsImportAsPrinted() throws {
        let result = try Self.load("flattened-wrong-totals-2021.txt", ImportOptions())
        let r = result.report
        #expect(result.form == .v2021 && result.year == 2022 && result.agency == "某市财政局")
        #expect(!result.hasErrors, "\(result.problems)")
        #expect(Self.counts(r, "t2", "norm", ["issued", "abolished", "valid"]) == [3, 1, 12])
        #expect(r["t2.lic.decisions"] == .count(41))
        #expect(r["t2.fee.fee_amount"] == .amount(Amount("1200.5")!))
        // The printed (wrong) totals are kept.
        #expect(Self.counts(r, "t3", "r3_1", Self.t3Columns) == [6, 1, 0, 0, 0, 0, 8])
        #expect(Self.counts(r, "t3", "r3_6_1", Self.t3Columns) == [1, 0, 0, 0, 0, 0, 1])
        #expect(Self.counts(r, "t3", "r3_7", Self.t3Columns) == [10, 1, 0, 0, 0, 0, 12])
        #expect(Self.counts(r, "t3", "r4", Self.t3Columns) == [3, 1, 0, 0, 1, 0, 5])
        let rules = Set(Validator.validate(r).filter { $0.severity == .error }.map(\.ruleID))
        #expect(rules.contains("T3-3"))
        #expect(rules.contains("T3-1"))
    }

    @Test func placeholdersAreNotZero() throws {
        let result = try Self.load("flattened-placeholders-2020.txt")
        let r = result.report
        #expect(result.year == 2020 && result.agency == "驻马店市水利局" && result.yearSource == .title(line: 1))
        let expected: [(String, ImportProblem.Kind, String)] = [
            ("t2.lic.prev_items", .placeholderCell, "—"),
            ("t2.svc.decisions", .placeholderCell, "/"),
            ("t2.pun.prev_items", .blankCell, ""),
            ("t3.r2.np", .placeholderCell, "无"),
        ]
        for (id, kind, published) in expected {
            #expect(r[id] == .empty, "\(id)")
            let problem = result.problems.first { $0.cell == CellRef(id) }
            #expect(problem?.kind == kind, "\(id)")
            #expect(problem?.published == published, "\(id)")
            #expect(problem?.level == .error)
            #expect(problem?.message.contains("不等于 0") == true)
        }
        #expect(result.problems.filter { $0.level == .error }.count == 4)
        // Neighbouring cells are untouched.
        #expect(Self.counts(r, "t2", "lic", ["change", "decisions"]) == [0, 54])
        #expect(r["t3.r2.lp_com"] == .count(0))
        // Without --partial the import fails and lists each cell with its line.
        #expect {
            try ReportImporter.import(bytes: try Fixtures.bytes("flattened-placeholders-2020.txt"))
        } throws: { error in
            guard let e = error as? ImportError, case .unreadableCells(let partial) = e else { return false }
            return partial.problems.filter { $0.level == .error }.map(\.location.line).allSatisfy { $0 > 1 }
        }
    }

    @Test func notAReportInputs() throws {
        func failure(_ name: String) -> ImportError? {
            do {
                _ = try ReportImporter.import(bytes: try Fixtures.bytes(name))
                return nil
            } catch let error as ImportError {
                return error
            } catch {
                return nil
            }
        }
        guard case .empty = failure("empty.txt") else { Issue.record("empty"); return }
        guard case .binary = failure("binary.bin") else { Issue.record("binary"); return }
        guard case .notUTF8 = failure("gbk-encoded.txt") else { Issue.record("gbk"); return }
        guard case .preStandardReport = failure("pre-2019-report.txt") else { Issue.record("pre-2019"); return }
        guard case .tablesMissing(hasImages: true) = failure("tables-as-images-2019.html") else { Issue.record("images"); return }
        guard case .notAReport = failure("not-a-report.html") else { Issue.record("not a report"); return }
        for name in ["empty.txt", "binary.bin", "gbk-encoded.txt", "pre-2019-report.txt", "tables-as-images-2019.html", "not-a-report.html"] {
            let error = try #require(failure(name))
            #expect(error.exitCode == 2)
            #expect(error.description.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "Chinese message for \(name)")
        }
        #expect(failure("tables-as-images-2019.html")!.description.contains("图片"))
        #expect(failure("pre-2019-report.txt")!.description.contains("2019"))
        // Whitespace only counts as empty.
        #expect(throws: ImportError.self) { try ReportImporter.import(text: " \n\n  ") }
    }

    @Test func formYearMismatchIsAWarningNotAFailure() throws {
        let result = try Self.load("flattened-wrong-totals-2021.txt", ImportOptions(year: 2020))
        #expect(result.form == .v2021)
        #expect(result.year == 2020)
        #expect(result.problems.contains { $0.kind == .formYearMismatch && $0.level == .warning })
        #expect(result.problems.contains { $0.kind == .optionOverridesTitle })
    }

    @Test func cellReader() {
        func read(_ text: String, _ kind: CellKind = .count, _ unit: CellReader.MoneyUnit? = nil) -> CellReader.Reading {
            CellReader.read(key: LabelKey.of(text), kind: kind, headerUnit: unit)
        }
        #expect(read("0") == .value(.count(0), unitNote: nil))
        #expect(read("-11", .signedCount) == .value(.count(-11), unitNote: nil))
        #expect(read("１，２３４") == .value(.count(1234), unitNote: nil))
        #expect(read(" 7 件") == .value(.count(7), unitNote: nil))
        #expect(read("3,194.752", .amount, .wanYuan) == .value(.amount(Amount("3194.752")!), unitNote: nil))
        #expect(read("251000元", .amount) == .value(.amount(Amount("25.1")!), unitNote: .convertedFromYuan(fromValue: true)))
        #expect(read("251000", .amount, .yuan) == .value(.amount(Amount("25.1")!), unitNote: .convertedFromYuan(fromValue: false)))
        #expect(read("12.5", .amount) == .value(.amount(Amount("12.5")!), unitNote: .defaulted))
        #expect(read("3万元", .amount, .yuan) == .value(.amount(Amount("3")!), unitNote: .conflict(header: .yuan, value: .wanYuan)))
        #expect(read("") == .blank)
        #expect(read("\u{A0}") == .blank)
        #expect(read("—") == .placeholder("—"))
        #expect(read("／") == .placeholder("/"))
        #expect(read("无") == .placeholder("无"))
        if case .unreadable = read("2.5") {} else { Issue.record("2.5 is not a count") }
        if case .unreadable = read("12,34") {} else { Issue.record("bad grouping") }
        if case .unreadable = read("两") {} else { Issue.record("Chinese numerals are not read") }
        if case .unreadable = read("5元") {} else { Issue.record("money in a count cell") }
    }
}
