import Foundation
import NianbaoCore
import Testing
@testable import nianbao

/// The pipeline, the status board's renderings, `sum` over files, and `review`'s targets.
@Suite struct DeskCommandTests {
    @Test func pipelineKeepsInputOrderWithABoundedWindow() {
        let inFlight = Counter()
        var seen: [Int] = []
        OrderedPipeline.run(count: 500, window: 8, workers: 4, { i -> Int in
            inFlight.change(+1)
            if i % 7 == 0 { usleep(200) }   // some slow items, so later ones finish first
            return i
        }, consume: { i, value in
            #expect(i == value)
            seen.append(value)
            inFlight.change(-1)
        })
        #expect(seen == Array(0..<500))
        #expect(inFlight.peak <= 8, "at most the window is held: \(inFlight.peak)")
    }

    @Test func pipelineTakesItemsFromALazySourceOnlyAsTheWindowAllows() {
        let inFlight = Counter()
        let source = LazySource(count: 700, inFlight: inFlight)
        var seen: [Int] = []
        OrderedPipeline.run(next: { source.next() }, window: 8, workers: 3, { i -> Int in
            if i % 5 == 0 { usleep(300) }
            return i * 2
        }, consume: { index, value in
            #expect(value == index * 2)
            seen.append(index)
            inFlight.change(-1)
        })
        #expect(seen == Array(0..<700))
        #expect(inFlight.peak <= 8, "items taken and not yet consumed: \(inFlight.peak)")
        #expect(source.callsAfterEnd == 0, "the source is not asked again once it has ended")
        OrderedPipeline.run(next: { nil as Int? }, workers: 2, { $0 }, consume: { _, _ in Issue.record("nothing to consume") })
    }

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "nianbao-desk-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ report: Report, _ path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(ReportFile.encode(report)))
    }

    @Test func sumsAFolderAndRefusesMixedYears() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/乡镇", withIntermediateDirectories: true)
        var expected = SumAccumulator(form: .v2021, year: 2025)
        for i in 0..<30 {
            var r = SampleReports.report(seed: UInt64(100 + i), form: .v2021)
            r.year = 2025
            r.agency = "某县第\(i)单位"
            Self.write(r, dir + (i % 3 == 0 ? "/乡镇" : "") + "/u\(i).json")
        }
        // Independent order: the walk's order (sorted names, folders in place).
        for input in ReportWalker.expand([dir]) { try expected.add(try BatchLoader.load(path: input.path), unit: try BatchLoader.load(path: input.path).agency) }
        let batch = try UnitBatch.accumulate(ReportWalker.expand([dir]))
        #expect(batch.sum.units == expected.units)
        #expect(batch.sum.summedCells() == expected.summedCells())
        var odd = SampleReports.report(seed: 1, form: .v2021)
        odd.year = 2024
        Self.write(odd, dir + "/zz.json")
        #expect(throws: CommandFailure.self) { try UnitBatch.accumulate(ReportWalker.expand([dir])) }
    }

    @Test func sumWithARosterTakesOnlyItsUnits() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (i, name) in ["某县人民政府办公室", "某县卫生健康委员会", "某县统计局"].enumerated() {
            var r = Report(agency: name, year: 2025, form: .v2021)
            for c in r.cells.indices { r.cells[c] = r.definition.cells[c].kind == .amount ? .amount(Amount(integer: 1)) : .count(Int64(i + 1)) }
            r.fillComputed()
            Self.write(r, dir + "/\(i).json")
        }
        let roster = try Roster.parse("单位名称\n某县政府办\n某县卫生健康委\n城关街道\n", source: "名单")
        let batch = try UnitBatch.accumulate(ReportWalker.expand([dir]), filter: UnitBatch.Filter(roster: roster))
        #expect(batch.sum.units == ["某县政府办", "某县卫生健康委"])
        #expect(batch.notes.contains { $0.contains("不在名单上") && $0.contains("某县统计局") })
        #expect(batch.notes.contains { $0.contains("城关街道") })
        let draft = try GovernmentSum.make(from: batch.sum, agency: "某县人民政府")
        #expect(draft.report["t3.r1.np"] == .count(3))
    }

    static func board() throws -> StatusBoard {
        let roster = try Roster.parse("单位名称,层级,上级\n某县人民政府办公室,部门,某县人民政府\n城关街道办事处,街道,某县人民政府\n某县<水利>局,部门,\n", source: "名单")
        let reports = [
            FiledReport(path: "a.json", agency: "某县政府办", year: 2025, form: .v2021, errors: 0, blanks: 0, warnings: 1, allZero: false,
                        signedOn: CalendarDate(year: 2026, month: 1, day: 10), decision: .accepted),
            FiledReport(path: "b.json", agency: "别的单位|\u{1B}[2J", year: 2025, form: .v2021, errors: 2, blanks: 0, warnings: 0, allZero: false),
        ]
        return StatusBoard(roster: roster, year: 2025, reports: reports)
    }

    @Test func boardRenderingsCarryTheTotalsAndEscapeNames() throws {
        let b = try Self.board()
        let text = BoardRendering.text(b, unreadable: ["x.json: 坏了"])
        #expect(text.contains("应公布年度报告单位 3 个，已报 1 个，未报 2 个"))
        #expect(text.contains("按时公布率 33.3%"))
        #expect(text.contains("未报（2 个）：城关街道办事处、某县<水利>局"))
        #expect(!text.contains("\u{1B}"), "names never reach the terminal raw")
        let md = BoardRendering.markdown(b, unreadable: [])
        #expect(md.contains("某县\\<水利\\>局") && md.contains("别的单位\\|"))
        #expect(md.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| 序号") }.count == 3)
        let html = BoardRendering.html(b, unreadable: [])
        #expect(html.contains("某县&lt;水利&gt;局") && !html.contains("<水利>"))
        #expect(html.contains("<tr class=\"missing\">"))
        let tsv = BoardRendering.tsv(b)
        let rows = tsv.split(separator: "\n")
        #expect(rows.count == 1 + 3 + 1)
        #expect(rows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 14 })
        #expect(rows.last!.contains("unmatched"))
    }

    @Test func reviewTargetsParse() throws {
        #expect(try Review.target("report") == .report)
        #expect(try Review.target("text:s5") == .text(.section(.s5)))
        #expect(try Review.target("text:sign_off") == .text(.signOff))
        #expect(try Review.target("row:t3.r1") == .row(table: .t3, row: "r1"))
        #expect(try Review.target("t3.r7.np,t3.r1.np") == .cells(["t3.r1.np", "t3.r7.np"]))
        #expect(throws: CommandFailure.self) { try Review.target("text:s2") }
        #expect(throws: CommandFailure.self) { try Review.target("row:t9.r1") }
        #expect(throws: CommandFailure.self) { try Review.target("随便") }
    }
}

/// Counts items in flight and remembers the most at once.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var peak = 0
    func change(_ delta: Int) {
        lock.lock()
        now += delta
        peak = max(peak, now)
        lock.unlock()
    }
}

/// Items 0..<count, counting those taken (through `inFlight`) and calls after the end.
final class LazySource: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    private let count: Int
    private let inFlight: Counter
    private(set) var callsAfterEnd = 0
    private var ended = false

    init(count: Int, inFlight: Counter) {
        self.count = count
        self.inFlight = inFlight
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        if ended { callsAfterEnd += 1 }
        guard n < count else { ended = true; return nil }
        inFlight.change(+1)
        defer { n += 1 }
        return n
    }
}
