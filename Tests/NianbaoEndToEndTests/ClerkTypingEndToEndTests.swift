import Foundation
import NianbaoCore
import Testing

/// Issue 10 end to end: the real binary in tmux, typed at the way a clerk types.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux); end-to-end tests skipped"))
struct ClerkTypingEndToEndTests {
    typealias Scratch = EditorEndToEndTests.Scratch

    func binary() throws -> String { try #require(Tmux.binary, "the nianbao binary is not built next to the tests") }

    /// Opens a blank 2021 draft in table 三 at its first cell; returns the tmux session and the file.
    func openTable3(_ scratch: Scratch, columns: Int = 80, rows: Int = 24) throws -> (Tmux, String) {
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "draft.json")
        let t = Tmux()
        try t.start("'\(try binary())' edit '\(file)'", columns: columns, rows: rows, env: scratch.env)
        try t.require { $0.contains("总体情况") }
        try t.keys("M-3")
        try t.require { $0.contains("三、收到和处理政府信息公开申请情况") }
        return (t, file)
    }

    func saveAndLoad(_ t: Tmux, _ file: String) throws -> Report {
        try t.keys("C-s")
        // Wait for this save, not a message left by an earlier one: the header loses [已修改].
        try t.require { $0.contains("已保存") && !$0.contains("[已修改]") }
        return try ReportFile.load(path: file)
    }

    @Test func tabMovesAlongTheRow() throws {
        let scratch = try Scratch()
        let (t, file) = try openTable3(scratch)
        defer { t.kill() }
        try t.literal("12")
        try t.keys("Tab")
        try t.literal("3")
        try t.keys("Tab")
        try t.literal("4")
        try t.keys("Enter")
        let screen = try t.require { $0.contains("[已修改]") }
        #expect(screen.contains("F6 切换窗格"), "the key bar names the pane key")
        let r = try saveAndLoad(t, file)
        #expect(r["t3.r1.np"] == .count(12))
        #expect(r["t3.r1.lp_com"] == .count(3))
        #expect(r["t3.r1.lp_res"] == .count(4))
    }

    @Test(arguments: ["1.5", "-5", "1 2"])
    func refusedEntriesAreNeverSaved(typed: String) throws {
        let scratch = try Scratch()
        let (t, file) = try openTable3(scratch)
        defer { t.kill() }
        try t.literal(typed)
        try t.keys("Enter")
        try t.require { $0.contains("未填入") }
        // The reason stays while the clerk presses other keys.
        try t.keys("Down", "Tab")
        let screen = try t.require { $0.contains("未填入") }
        #expect(screen.contains(typed + "!"), "the entry is still open and marked:\n\(screen)")
        try t.keys("Escape")
        try t.require { !$0.contains("未填入") }
        try t.literal("7")
        try t.keys("Enter")
        let r = try saveAndLoad(t, file)
        #expect(r["t3.r1.np"] == .count(7), "\(typed) was not saved; the 7 typed after Esc was")
    }

    @Test func escThenDigitInOneWriteCancels() throws {
        let scratch = try Scratch()
        let (t, file) = try openTable3(scratch)
        defer { t.kill() }
        try t.literal("99")
        try t.require { $0.contains("输入中") }
        // ESC and 5 in one write, as a laggy SSH link delivers them.
        try t.raw([0x1B, 0x35])
        try t.keys("Enter")
        let screen = try t.require { $0.contains("[已修改]") }
        #expect(screen.contains("三、收到和处理政府信息公开申请情况"), "no jump to section 五:\n\(screen)")
        let r = try saveAndLoad(t, file)
        #expect(r["t3.r1.np"] == .count(5))
    }

    @Test func blockPasteFromExcelAndFillZero() throws {
        let scratch = try Scratch()
        let (t, file) = try openTable3(scratch)
        defer { t.kill() }
        // Two rows of seven as Excel copies them (the 总计 column included), one quoted cell.
        try t.paste("12\t3\t0\t\"0\"\t0\t0\t15\r\n2\t0\t0\t0\t0\t0\t2\r\n")
        try t.require { $0.contains("粘贴 7×2：写入 12 格，跳过 2 个合计格，0 个无法识别") }
        try t.keys("C-o")
        try t.require { $0.contains("填为 0") }
        try t.literal("t")
        try t.require { $0.contains("已把全表") }
        var r = try saveAndLoad(t, file)
        #expect(r["t3.r1.np"] == .count(12))
        #expect(r["t3.r1.total"] == .count(15))
        #expect(r["t3.r2.np"] == .count(2))
        let t3 = r.definition.cells.filter { $0.ref.table == .t3 && !$0.isComputed }
        #expect(t3.allSatisfy { !r.cells[$0.index].isEmpty }, "every input cell of 三 is filled")
        // One undo step takes the fill back.
        try t.keys("C-u")
        try t.require { $0.contains("[已修改]") }
        r = try saveAndLoad(t, file)
        #expect(r["t3.r3_1.np"] == .empty)
        #expect(r["t3.r1.np"] == .count(12))
    }

    @Test func tableFourAsOnePrintedRow() throws {
        let scratch = try Scratch()
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "t4.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit '\(file)'", env: scratch.env)
        try t.require { $0.contains("总体情况") }
        try t.keys("M-4")
        try t.require { $0.contains("行政复议") }
        try t.paste("1 0 0 0 1 2 0 1 0 3 0 0 0 0 0")
        try t.require { $0.contains("写入 12 格，跳过 3 个合计格") }
        let r = try saveAndLoad(t, file)
        #expect(r["t4.rv.keep"] == .count(1))
        #expect(r["t4.ld.keep"] == .count(2))
        #expect(r["t4.ld.total"] == .count(3))
        #expect(r["t4.lr.pend"] == .count(0))
    }

    /// `nianbao` with no arguments removes its temporary sample copy on a clean quit.
    @Test func sampleCopyIsRemovedOnCleanQuit() throws {
        let scratch = try Scratch()
        let tmp = scratch.path("tmp")
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        var env = scratch.env
        env["TMPDIR"] = tmp
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())'; echo EXITED; sleep 30", env: env)
        try t.require { $0.contains("驻马店市水利局") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).contains { $0.hasPrefix("nianbao-sample-") })
        try t.keys("C-x")
        try t.require { $0.contains("EXITED") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty, "the sample copy is gone")
        // With unsaved changes kept in a recovery copy (a hang-up), it stays and the path is said.
        let t2 = Tmux()
        defer { t2.kill() }
        try t2.start("'\(try binary())' 2>'\(scratch.path("err.txt"))'; echo EXITED; sleep 30", env: env)
        try t2.require { $0.contains("驻马店市水利局") }
        try t2.literal("改动")
        try t2.require { $0.contains("[已修改]") }
        let pid = try t2.display("#{pane_pid}")
        let child = try Tmux.run("/usr/bin/pgrep", ["-P", pid, "nianbao"]).output.trimmed
        _ = try Tmux.run("/bin/kill", ["-HUP", child])
        try t2.require { $0.contains("EXITED") }
        let left = try FileManager.default.contentsOfDirectory(atPath: tmp)
        #expect(left.contains { $0.hasPrefix("nianbao-sample-") })
        let err = (try? String(contentsOfFile: scratch.path("err.txt"), encoding: .utf8)) ?? ""
        #expect(err.contains("已保留") && err.contains("nianbao-sample-"), "\(err)")
    }

    @Test func lastRowStaleTotalsUndoAndSmallWindow() throws {
        let scratch = try Scratch()
        var stale = EditorEndToEndTests.blank2021()
        for column in ["np", "lp_com", "lp_res", "lp_ngo", "lp_law", "lp_oth"] { stale["t3.r4.\(column)"] = .count(0) }
        stale["t3.r4.np"] = .count(2)
        stale["t3.r4.total"] = .count(9)  // the parts add up to 2
        let file = try scratch.write(stale, "stale.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit '\(file)'", env: scratch.env)
        // Every recomputed total is listed, old → new.
        let list = try t.require { $0.contains("合计与分项不符") }
        #expect(list.contains("9 → 2"), "\(list)")
        try t.keys("Escape")
        try t.require { $0.contains("总体情况") && $0.contains("[已修改]") }
        // Undo brings the printed total back, and the file is as saved again.
        try t.keys("C-u")
        try t.require { !$0.contains("[已修改]") }
        try t.keys("C-r")
        try t.require { $0.contains("[已修改]") }
        // Enter on the last row of 三 says so.
        try t.keys("M-3", "C-End")
        try t.literal("1")
        try t.keys("Enter")
        try t.require { $0.contains("最后一行") }
        // Below the minimum size nothing typed acts.
        try t.tmux("resize-window", "-t", t.session, "-x", "30", "-y", "8")
        try t.require { $0.contains("40x12") }
        try t.literal("777")
        try t.keys("C-x")
        usleep(300_000)
        try t.tmux("resize-window", "-t", t.session, "-x", "80", "-y", "24")
        let back = try t.require { $0.contains("三、收到和处理政府信息公开申请情况") }
        #expect(!back.contains("777") && !back.contains("保存吗"), "\(back)")
        // Help pages show every line.
        try t.keys("F1")
        try t.require { $0.contains("编辑器 帮助") }
        try t.keys("NPage")
        let page = try t.require { $0.contains("第 ") && $0.contains("行，共") }
        #expect(page.contains("PgDn"))
    }
}
