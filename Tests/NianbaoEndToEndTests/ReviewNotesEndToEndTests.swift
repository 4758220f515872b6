import Foundation
import NianbaoCore
import Testing

/// Issue 13 end to end: a reviewer adds a note in `view`, saves it with Ctrl-S, and only the
/// file's review block changes (the content digest stays the same).
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux); end-to-end tests skipped"))
struct ReviewNotesEndToEndTests {
    typealias Scratch = EditorEndToEndTests.Scratch

    func binary() throws -> String { try #require(Tmux.binary, "the nianbao binary is not built next to the tests") }

    @Test func aNoteAddedInViewIsSavedInTheReviewBlock() throws {
        let scratch = try Scratch()
        let original = SampleReports.seed
        let file = try scratch.write(original, "seed.json")
        let before = try Tmux.run(try binary(), ["digest", file])
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' view '\(file)'", env: scratch.env)
        try t.require { $0.contains("[只读]") }
        try t.keys("M-3")
        try t.require { $0.contains("三、收到和处理政府信息公开申请情况") }
        try t.keys("M-m")
        try t.require { $0.contains("请先写姓名") }
        try t.literal("张三")
        try t.keys("Enter")
        try t.require { $0.contains("理由或内容") }
        try t.literal("请与登记簿核对")
        try t.keys("Enter")
        try t.require { $0.contains("已记录意见") && $0.contains("[已修改]") }
        try t.keys("C-s")
        try t.require { $0.contains("已保存") && !$0.contains("[已修改]") }
        try t.keys("C-x")
        let saved = try ReportFile.load(path: file)
        #expect(saved.review.notes.count == 1)
        let note = try #require(saved.review.notes.first)
        #expect(note.author == "张三" && note.text == "请与登记簿核对" && note.status == nil)
        if case .cells(let ids) = note.target { #expect(ids.count == 1) } else { Issue.record("target \(note.target)") }
        var rest = saved
        rest.review = original.review
        #expect(rest == original, "only the review block may change")
        let after = try Tmux.run(try binary(), ["digest", file])
        #expect(before.status == 0 && after.status == 0)
        #expect(before.output == after.output, "the digest must not change when a note is added")
    }
}
