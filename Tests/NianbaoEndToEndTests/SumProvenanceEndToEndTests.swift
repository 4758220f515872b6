import Foundation
import NianbaoCore
import Testing

/// Issue 13 end to end: `nianbao sum` makes a draft from three units' files, one of which left a
/// cell blank, and `nianbao edit` on the draft says where that cell's sum comes from and lists
/// the units on the report-details page.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux); end-to-end tests skipped"))
struct SumProvenanceEndToEndTests {
    typealias Scratch = EditorEndToEndTests.Scratch

    func binary() throws -> String { try #require(Tmux.binary, "the nianbao binary is not built next to the tests") }

    @Test func theEditorShowsWhoLeftASummedCellBlank() throws {
        let scratch = try Scratch()
        var files: [String] = []
        for (i, name) in ["驻马店市教育局", "驻马店市财政局", "西平县人民政府"].enumerated() {
            var r = SampleReports.filled(form: .v2021)
            r.agency = name
            if i == 1 { r["t3.r1.np"] = .empty }
            r.fillComputed()
            files.append(try scratch.write(r, "unit\(i).json"))
        }
        let draft = scratch.path("汇总.json")
        let made = try Tmux.run(try binary(), ["sum", "--agency", "驻马店市人民政府", "-o", draft] + files)
        #expect(made.status == 0, "\(made.output)")
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit '\(draft)'", env: scratch.env)
        try t.require { $0.contains("驻马店市人民政府") }
        try t.keys("M-3")
        // The cursor starts on 一、本年新收 › 自然人, the cell the 财政局 left blank.
        try t.require { $0.contains("汇总自 3 个单位；其中 1 个单位未填：驻马店市财政局") }
        try t.keys("M-i")
        let page = try t.require { $0.contains("汇总单位") }
        #expect(page.contains("共 3 个：驻马店市教育局、驻马店市财政局、西平县人民政府"), "\(page)")
        try t.keys("Escape")
        try t.keys("C-x")
    }
}
