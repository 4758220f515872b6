import NianbaoCore
import Testing
@testable import NianbaoTUI

/// A 本级政府汇总 draft made by `GovernmentSum` from the reports of real-looking units, some of
/// which left cells blank.
func summedDraft(units: [String] = ["驻马店市教育局", "驻马店市财政局", "驻马店市水利局", "驿城区人民政府", "西平县人民政府", "上蔡县人民政府"],
                 blankIn: [Int: [String]] = [1: ["t3.r1.np", "t3.r3_1.np"], 4: ["t3.r1.np"], 5: ["t3.r1.np"]],
                 overflow: String? = nil) throws -> Report {
    var sum = SumAccumulator(form: .v2021, year: 2021)
    for (u, name) in units.enumerated() {
        var r = filledReport()
        r.agency = name
        for id in blankIn[u] ?? [] { r[id] = .empty }
        if let overflow { r[overflow] = .count(CellValue.maxCount) }
        r.fillComputed()
        try sum.add(r, unit: name)
    }
    return try GovernmentSum.make(from: sum, agency: "驻马店市人民政府").report
}

/// All rows of a frame as text.
func screenText(_ frame: Frame) -> [String] { (0..<frame.grid.rows).map { frame.grid.text(row: $0) } }

@Suite struct SumProvenanceTests {
    /// The status block of the cursor cell, row by row.
    static func statusRows(_ s: EditorState) -> [String] {
        Renderer.statusLines(s, nil).map(\.text)
    }

    @Test func aCellSomeUnitsLeftBlankNamesThem() throws {
        var s = at(EditorState(report: try summedDraft(), fileName: "汇总.json", columns: 120, rows: 40), "t3.r1.np")
        #expect(Self.statusRows(s).last == "汇总自 6 个单位；其中 3 个单位未填：驻马店市财政局、西平县人民政府、上蔡县人民政府")
        #expect(Renderer.statusLines(s, nil).last?.role == .findingInfo)
        // Narrower: cut after a whole name.
        s = send(s, [.resize(columns: 80, rows: 24)]).0
        #expect(Self.statusRows(s).last == "汇总自 6 个单位；其中 3 个单位未填：驻马店市财政局、西平县人民政府…")
    }

    @Test func aCompleteCellSaysHowManyUnits() throws {
        let s = at(EditorState(report: try summedDraft(), fileName: "汇总.json"), "t3.r4.np")
        #expect(Self.statusRows(s).last == "汇总自 6 个单位")
    }

    /// A total some of whose parts units left blank names those units once each.
    @Test func aTotalNamesTheUnitsThatLeftItsPartsBlank() throws {
        let s = at(EditorState(report: try summedDraft(), fileName: "汇总.json", columns: 120, rows: 40), "t3.r1.total")
        #expect(s.report["t3.r1.total"] == .empty)
        #expect(Self.statusRows(s).last == "汇总自 6 个单位；分项中 3 个单位有未填：驻马店市财政局、西平县人民政府、上蔡县人民政府")
        let complete = at(s, "t3.r2.total")
        #expect(Self.statusRows(complete).last == "汇总自 6 个单位")
    }

    @Test func theRegulationRowIsNotSummed() throws {
        let report = try summedDraft()
        let regulation = GovernmentSum.governmentOwnCells(.v2021)
        #expect(!regulation.isEmpty)
        for cell in regulation {
            let s = at(EditorState(report: report, fileName: "汇总.json"), report.definition.cells[cell].ref.description)
            #expect(Self.statusRows(s).last?.hasPrefix("规章由本级政府制定，未从部门汇总") == true)
        }
    }

    @Test func anOverflowedCellSaysSo() throws {
        let s = at(EditorState(report: try summedDraft(blankIn: [:], overflow: "t3.r1.lp_com"), fileName: "汇总.json"), "t3.r1.lp_com")
        #expect(Self.statusRows(s).last == "汇总自 6 个单位；合计超出单元格可存的数值，未汇总")
        #expect(Self.statusRows(at(s, "t3.r1.total")).last == "汇总自 6 个单位；有分项合计超出单元格可存的数值，未汇总")
    }

    @Test func aDraftNotSummedShowsNothing() {
        let s = at(EditorState(report: filledReport(), fileName: "a.json"), "t3.r1.np")
        #expect(!Self.statusRows(s).contains { $0.contains("汇总") })
    }

    /// Many blank units at a narrow screen: the list stops at a whole name, ends in …, and fits
    /// the width in cells (CJK names are two cells a character).
    @Test(arguments: [40, 57, 80, 120])
    func aLongListIsCutAtANameToFit(columns: Int) throws {
        let units = (1...40).map { "第\($0)街道办事处" }
        let report = try summedDraft(units: units, blankIn: Dictionary(uniqueKeysWithValues: (0..<40).map { ($0, ["t3.r1.np"]) }))
        let s = at(EditorState(report: report, fileName: "汇总.json", columns: columns, rows: 24), "t3.r1.np")
        let line = try #require(Self.statusRows(s).last)
        #expect(ScreenGrid.cellWidth(of: line) <= columns - 1)
        #expect(line.hasSuffix("…"))
        let listed = line.dropLast().split(separator: "：", maxSplits: 1, omittingEmptySubsequences: false).last
            .map { $0.split(separator: "、") } ?? []
        #expect(listed.allSatisfy { units.contains(String($0)) }, "\(line)")
        #expect(line.hasPrefix("汇总自 40 个单位；其中 40 个单位未填："))
        // The frame shows the same line, within the screen.
        let rows = screenText(Renderer.render(s))
        #expect(rows.contains { $0.hasPrefix(line) })
    }

    /// Unit names come from the file: control characters and line breaks are shown escaped.
    @Test func unitNamesAreSanitised() throws {
        let units = ["恶意\u{1B}[2J局", "换行\n镇", "反向\u{202E}乡"]
        let report = try summedDraft(units: units, blankIn: [0: ["t3.r1.np"], 1: ["t3.r1.np"], 2: ["t3.r1.np"]])
        var s = at(EditorState(report: report, fileName: "汇总.json", columns: 120, rows: 40), "t3.r1.np")
        let frame = Renderer.render(s)
        let cells = frame.grid.cells.map(\.character)
        #expect(!cells.contains("\u{1B}") && !cells.contains("\n") && !cells.contains("\u{202E}"))
        #expect(screenText(frame).contains { $0.contains("恶意^[[2J局、换行^J镇、反向<U+202E>乡") })
        (s, _) = send(s, [.alt("i")])
        let info = Renderer.render(s)
        #expect(!info.grid.cells.map(\.character).contains("\u{1B}"))
        #expect(screenText(info).contains { $0.contains("恶意^[[2J局、") })
    }

    @Test func theInfoPageListsTheUnits() throws {
        let s = send(EditorState(report: try summedDraft(), fileName: "汇总.json"), [.alt("i")]).0
        let rows = screenText(Renderer.render(s))
        let first = try #require(rows.firstIndex { $0.hasPrefix("汇总单位") })
        // Wrapped at whole names, continuation rows indented under the first.
        let list = rows[first...].prefix { $0.hasPrefix("汇总单位") || $0.hasPrefix("           ") && $0.contains("、") || $0.hasSuffix("政府") }
        let joined = list.joined().replacingOccurrences(of: "汇总单位", with: "").replacingOccurrences(of: " ", with: "")
        #expect(joined == "共6个：驻马店市教育局、驻马店市财政局、驻马店市水利局、驿城区人民政府、西平县人民政府、上蔡县人民政府", "\(rows)")
    }

    /// Hundreds of units: the page shows what fits and counts the rest exactly.
    @Test func theInfoPageCountsTheUnitsNotShown() throws {
        let units = (1...300).map { "第\($0)单位" }
        let report = try summedDraft(units: units, blankIn: [:])
        let s = send(EditorState(report: report, fileName: "汇总.json"), [.alt("i")]).0
        let rows = screenText(Renderer.render(s))
        let first = try #require(rows.firstIndex { $0.hasPrefix("汇总单位") })
        let last = try #require(rows.firstIndex { $0.contains("……另有 ") })
        let shown = rows[first..<last].joined().replacingOccurrences(of: "汇总单位", with: "")
            .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "共300个：", with: "")
            .split(separator: "、").map(String.init).filter { !$0.isEmpty }
        #expect(shown == Array(units.prefix(shown.count)), "\(shown)")
        #expect(rows[last].contains("……另有 \(300 - shown.count) 个单位未列出"))
        #expect(rows.allSatisfy { ScreenGrid.cellWidth(of: $0) == 80 })
    }
}

@Suite struct SumProvenanceSnapshotTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func blankCell(size: (Int, Int)) throws {
        let s = at(EditorState(report: try summedDraft(), fileName: "驻马店市2021汇总.json", columns: size.0, rows: size.1), "t3.r1.np")
        assertSnapshot(Renderer.render(s), named: "summed-blank-cell-\(size.0)x\(size.1)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func infoPage(size: (Int, Int)) throws {
        let s = send(EditorState(report: try summedDraft(), fileName: "驻马店市2021汇总.json", columns: size.0, rows: size.1),
                     [.alt("i")]).0
        assertSnapshot(Renderer.render(s), named: "summed-info-\(size.0)x\(size.1)")
    }
}
