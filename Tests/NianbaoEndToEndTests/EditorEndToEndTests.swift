import Foundation
import Testing

/// End-to-end tests of `nianbao edit`/`view` in tmux. They need tmux and the `edit`/`view`
/// subcommands wired into the root command; otherwise they are skipped with a message.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed; end-to-end tests skipped"),
        .enabled(if: Tmux.editWired, "the nianbao binary has no edit/view subcommands yet (root command wiring)"))
struct EditorEndToEndTests {

    func binary() throws -> String { try #require(Tmux.binary) }

    @Test func fillA2021DraftAndSave() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let dump = dir.appendingPathComponent("saved.txt").path
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit '\(dir.path)/draft.json' --agency 测试市水利局 --year 2021",
                    env: ["NIANBAO_DEBUG_SAVE_DUMP": dump])
        try t.waitFor { $0.contains("总体情况") && $0.contains("测试市水利局") }
        let paragraph = "2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。"
        try t.paste(paragraph)
        var screen = try t.waitFor { $0.contains("字数 \(paragraph.count)") }
        #expect(screen.contains("字数 \(paragraph.count)"), "\(screen)")
        try t.keys("F4", "F4")
        try t.waitFor { $0.contains("三、收到和处理政府信息公开申请情况") }
        try t.literal("12")
        try t.keys("Right")
        try t.literal("3")
        try t.keys("Enter")
        screen = try t.waitFor { $0.contains("[已修改]") && $0.contains("12") }
        try t.keys("C-s")
        screen = try t.waitFor { $0.contains("已保存") }
        #expect(screen.contains("已保存"), "\(screen)")
        #expect(!screen.contains("[已修改]"))
        // TODO(integration): compare the canonical JSON file once the JSON store is wired.
        let saved = try String(contentsOfFile: dump, encoding: .utf8)
        #expect(saved.contains("text.s1=\(paragraph)"))
        #expect(saved.contains("t3.r1.np=12"))
        #expect(saved.contains("t3.r1.lp_com=3"))
        try t.keys("C-x")
        try t.waitFor { !$0.contains("年报") }
    }

    @Test func viewADraftWithABrokenTotal() throws {
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' view broken.json", env: ["NIANBAO_DEBUG_FIXTURE": "broken-total"])
        try t.waitFor { $0.contains("[只读]") }
        try t.keys("C-n")
        let screen = try t.waitFor { $0.contains("T3-3") }
        #expect(screen.contains("T3-3"), "\(screen)")
        #expect(screen.contains("错误"))
        try t.literal("5")
        let refused = try t.waitFor { $0.contains("只读模式") }
        #expect(refused.contains("只读模式"))
    }

    @Test func resizeTo20x5AndBack() throws {
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit r.json", env: ["NIANBAO_DEBUG_FIXTURE": "blank-2021"])
        try t.waitFor { $0.contains("总体情况") }
        try t.literal("部门：财政局")
        try t.waitFor { $0.contains("部门：财政局") }
        let before = try t.display("#{cursor_x},#{cursor_y}")
        try t.tmux("resize-window", "-t", t.session, "-x", "20", "-y", "5")
        let small = try t.waitFor { $0.contains("40x12") }
        #expect(small.contains("40x12"), "\(small)")
        try t.tmux("resize-window", "-t", t.session, "-x", "80", "-y", "24")
        let back = try t.waitFor { $0.contains("部门：财政局") }
        #expect(back.contains("部门：财政局"))
        #expect(try t.display("#{cursor_x},#{cursor_y}") == before)
        #expect(before == "13,3")
    }

    @Test func escapeSequenceInAgencyIsHarmless() throws {
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' view evil.json", env: ["NIANBAO_DEBUG_FIXTURE": "escape-agency"])
        let screen = try t.waitFor { $0.contains("[只读]") }
        #expect(screen.contains("恶意^[[2J^[]0;pwned^G机关"), "\(screen)")
        #expect(try t.display("#{pane_title}") != "pwned")
    }

    @Test func crashRestoresTheTerminal() throws {
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit c.json; echo EXITED; stty -a; sleep 30",
                    env: ["NIANBAO_DEBUG_FIXTURE": "blank-2021", "NIANBAO_DEBUG_CRASH": "1"])
        try t.waitFor { $0.contains("总体情况") }
        #expect(try t.display("#{alternate_on}") == "1")
        try t.keys("F12")
        let screen = try t.waitFor(timeout: 20) { $0.contains("EXITED") && $0.contains("icanon") }
        #expect(try t.display("#{alternate_on}") == "0")
        #expect(screen.contains(" icanon") && screen.contains(" echo "), "\(screen)")
        #expect(!screen.contains("-icanon"))
    }
}
