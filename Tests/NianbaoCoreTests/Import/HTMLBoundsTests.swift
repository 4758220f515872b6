import Testing
@testable import NianbaoCore

/// The HTML reader's grid without materialised slots, and its limits (issue 14). Speed is
/// measured by `nianbao-bench import-bounds`, not here.
@Suite struct HTMLBoundsTests {
    /// The grid as a browser places it, with every slot materialised: the reference.
    static func naivePlacement(_ rows: [[(rowspan: Int, colspan: Int)]]) -> [[Int]] {
        var occupied: [Int: Set<Int>] = [:]
        var result: [[Int]] = []
        for (r, row) in rows.enumerated() {
            var columns: [Int] = []
            for cell in row {
                var c = 0
                while occupied[r]?.contains(c) == true { c += 1 }
                for dr in 0..<cell.rowspan {
                    for dc in 0..<cell.colspan { occupied[r + dr, default: []].insert(c + dc) }
                }
                columns.append(c + 1)
            }
            result.append(columns)
        }
        return result
    }

    @Test func placementMatchesTheMaterialisedGrid() throws {
        var g = SampleReports.Generator(seed: 7)
        for _ in 0..<300 {
            let rowCount = Int(g.next() % 12) + 1
            var rows: [[(rowspan: Int, colspan: Int)]] = []
            for _ in 0..<rowCount {
                let cells = Int(g.next() % 6)
                rows.append((0..<cells).map { _ in (Int(g.next() % 4) + 1, Int(g.next() % 3) + 1) })
            }
            var html = "<table>"
            for (r, row) in rows.enumerated() {
                html += "<tr>"
                for (k, cell) in row.enumerated() { html += "<td rowspan=\(cell.rowspan) colspan=\"\(cell.colspan)\">r\(r)c\(k)" }
            }
            html += "</table>"
            let document = try HTMLReader.read(Array(html.utf8))
            let placed = document.lines.filter(\.isTable).map { line in
                line.cells.map { $0.location.tableColumn ?? 0 }
            }
            // The reader lists a row's cells by column; the reference in source order.
            #expect(placed == Self.naivePlacement(rows).map { $0.sorted() }, "\(html)")
        }
    }

    @Test func hugeSpansCostNothingAndAreCut() throws {
        // The issue's shape: a span of 1000 × 1000, then more rows under it.
        let html = "<table><tr><td rowspan=1000 colspan=30>A<td>B" + String(repeating: "<tr><td>x", count: 5) + "</table>"
        let rows = try HTMLReader.read(Array(html.utf8)).lines.filter(\.isTable)
        #expect(rows.count == 6)
        #expect(rows[0].cells.map { $0.location.tableColumn } == [1, 31])
        #expect(rows[1...].allSatisfy { $0.cells.first?.location.tableColumn == 31 })
        // A span past the widest grid read is cut there; a cell starting beyond it is refused.
        let wide = "<table><tr><td colspan=1000>A</td></tr><tr><td>B</td></tr></table>"
        #expect(try HTMLReader.read(Array(wide.utf8)).lines.filter(\.isTable).count == 2)
        #expect(HTMLReader.span("99999999999999999999", max: 1000) == 1000)
        #expect(HTMLReader.span(" 3px", max: 1000) == 3)
        #expect(HTMLReader.span("0", max: 1000) == 1)
        #expect(HTMLReader.span("-2", max: 1000) == 1)
    }

    static func refusal(_ html: String) -> ImportLimitExceeded? {
        do {
            _ = try HTMLReader.read(Array(html.utf8))
            return nil
        } catch {
            if case .overLimit(let exceeded) = error { return exceeded }
            return nil
        }
    }

    @Test func gridWiderThanAnyReportIsRefused() throws {
        let html = "<table><tr>" + String(repeating: "<td>1", count: HTMLReader.maxColumns + 1) + "</table>"
        let exceeded = try #require(Self.refusal(html))
        #expect(exceeded.what == "表格列数")
        #expect(exceeded.location?.tableColumn == HTMLReader.maxColumns + 1)
        #expect(ImportError.overLimit(exceeded).description.contains("超过 \(HTMLReader.maxColumns)"))
        let spans = "<table><tr>" + String(repeating: "<td rowspan=1000 colspan=1000>x", count: 60) + "</table>"
        #expect(Self.refusal(spans)?.what == "表格列数")
        // Exactly at the limit is fine.
        #expect(Self.refusal("<table><tr>" + String(repeating: "<td>1", count: HTMLReader.maxColumns) + "</table>") == nil)
    }

    @Test func nestingCellsAndLinesAreCapped() throws {
        let depth = ImportLimits.maxTableNesting
        let nested = String(repeating: "<table><tr><td>", count: depth + 1)
        let exceeded = try #require(Self.refusal(nested))
        #expect(exceeded.what == "表格嵌套层数" && exceeded.limit == depth)
        #expect(Self.refusal(String(repeating: "<table><tr><td>", count: depth)) == nil)

        let rows = ImportLimits.maxCells / 10 + 1
        let cells = "<table>" + String(repeating: "<tr>" + String(repeating: "<td>1", count: 10), count: rows) + "</table>"
        #expect(Self.refusal(cells)?.what == "表格单元格")

        let paragraphs = "<html><body>" + String(repeating: "<p>x", count: ImportLimits.maxLines + 1)
        #expect(Self.refusal(paragraphs)?.what == "段落和表格行")
    }

    @Test func importerRefusesOverLimitPagesWithTheMessage() {
        let html = "<html><body><table><tr>" + String(repeating: "<td>1", count: HTMLReader.maxColumns + 1) + "</table></body></html>"
        do {
            _ = try ReportImporter.import(text: html, options: ImportOptions(year: 2021, agency: "某局", partial: true))
            Issue.record("accepted")
        } catch {
            guard case .overLimit = error else {
                Issue.record("wrong error: \(error)")
                return
            }
            #expect(error.exitCode == 2)
            #expect(error.description.contains("表格列数"))
        }
    }

    @Test func columnsCountedIncrementallyOnOneLongLine() throws {
        let html = "<p>" + String(repeating: "字", count: 5000) + "</p><table><tr><td>甲</td><td>乙</td></tr></table>"
        let document = try HTMLReader.read(Array(html.utf8))
        guard let row = document.lines.first(where: { $0.isTable }) else {
            Issue.record("no table row")
            return
        }
        // `<p>` is 3 characters, 5000 characters of text, `</p><table><tr><td>` 19 more.
        #expect(row.cells[0].location.line == 1 && row.cells[0].location.column == 3 + 5000 + 19 + 1)
    }
}
