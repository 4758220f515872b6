import Foundation
import NianbaoCore
import Testing

/// End-to-end tests of the real `nianbao` binary driven in tmux, on real report files.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux); end-to-end tests skipped"))
struct EditorEndToEndTests {
    /// A scratch folder with its own recovery-copy folder.
    final class Scratch {
        let dir: URL
        init() throws {
            dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        }
        var recovery: String { dir.appendingPathComponent("recovery").path }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        func write(_ report: Report, _ name: String) throws -> String {
            let p = path(name)
            try Data(ReportFile.encode(report)).write(to: URL(fileURLWithPath: p))
            return p
        }
        var env: [String: String] { ["NIANBAO_RECOVERY_DIR": recovery] }
        deinit { try? FileManager.default.removeItem(at: dir) }
    }

    func binary() throws -> String { try #require(Tmux.binary, "the nianbao binary is not built next to the tests") }

    static func blank2021() -> Report { Report(agency: "测试市水利局", year: 2021, form: .v2021) }

    @Test func fillA2021DraftAndSave() throws {
        let scratch = try Scratch()
        let file = scratch.path("draft.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit '\(file)' --agency 测试市水利局 --year 2021", env: scratch.env)
        try t.require { $0.contains("总体情况") && $0.contains("测试市水利局") }
        let paragraph = "2021年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。"
        try t.paste(paragraph)
        try t.require { $0.contains("字数 \(paragraph.count)") }
        try t.keys("F4", "F4")
        try t.require { $0.contains("三、收到和处理政府信息公开申请情况") }
        try t.literal("12")
        try t.keys("Right")
        try t.literal("3")
        try t.keys("Enter")
        try t.require { $0.contains("[已修改]") && $0.contains("12") }
        try t.keys("C-s")
        let saved = try t.require { $0.contains("已保存") }
        #expect(!saved.contains("[已修改]"))
        let report = try ReportFile.load(path: file)
        var expected = Self.blank2021()
        expected.texts[.s1] = paragraph
        expected["t3.r1.np"] = .count(12)
        expected["t3.r1.lp_com"] = .count(3)
        expected.fillComputed()
        #expect(report == expected)
        // The file on disk is canonical: loading and saving it again gives the same bytes.
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(ReportFile.encode(report) == bytes)
        try t.keys("C-x")
        try t.require { !$0.contains("年报 |") }
    }

    @Test func viewADraftWithABrokenTotal() throws {
        let scratch = try Scratch()
        var r = SampleReports.seed
        r["t3.r1.total"] = .count(9)  // the parts add up to 2
        let file = try scratch.write(r, "broken.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' view '\(file)'", env: scratch.env)
        try t.require { $0.contains("[只读]") }
        try t.keys("C-n")
        // The first problem is in table 三; the cursor goes to its cell and its message is shown.
        let screen = try t.require { $0.contains("三、收到和处理政府信息公开申请情况") && $0.contains("T3-3") }
        #expect(screen.contains("错误"))
        #expect(screen.contains("（七）总计") || screen.contains("总计"), "\(screen)")
        try t.literal("5")
        try t.require { $0.contains("只读模式") }
        #expect(try ReportFile.load(path: file) == r, "view must never write")
    }

    @Test func resizeTo20x5AndBack() throws {
        let scratch = try Scratch()
        let file = try scratch.write(Self.blank2021(), "r.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit '\(file)'", env: scratch.env)
        try t.require { $0.contains("总体情况") }
        try t.literal("部门：财政局")
        try t.require { $0.contains("部门：财政局") }
        let before = try t.display("#{cursor_x},#{cursor_y}")
        try t.tmux("resize-window", "-t", t.session, "-x", "20", "-y", "5")
        let small = try t.require { $0.contains("40x12") }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 20 })
        try t.tmux("resize-window", "-t", t.session, "-x", "80", "-y", "24")
        try t.require { $0.contains("部门：财政局") }
        #expect(try t.display("#{cursor_x},#{cursor_y}") == before)
        #expect(before == "13,3")
    }

    @Test func escapeSequenceInAgencyIsHarmless() throws {
        let scratch = try Scratch()
        let file = try scratch.write(Report(agency: "恶意\u{1B}[2J\u{1B}]0;pwned\u{07}机关", year: 2021, form: .v2021), "evil.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' view '\(file)'; exec sh", env: scratch.env)
        let screen = try t.require { $0.contains("[只读]") }
        #expect(screen.contains("恶意^[[2J^[]0;pwned^G机关"), "\(screen)")
        #expect(try t.display("#{pane_title}") != "pwned")
        // nianbao check prints it harmlessly too.
        try t.keys("C-x")
        try t.require { !$0.contains("[只读]") }
        try t.literal("'\(try binary())' check '\(file)' | head -3")
        try t.keys("Enter")
        let checked = try t.require { $0.contains("恶意^[[2J") }
        #expect(try t.display("#{pane_title}") != "pwned", "\(checked)")
    }

    @Test func crashRestoresTheTerminal() throws {
        let scratch = try Scratch()
        let file = try scratch.write(Self.blank2021(), "c.json")
        var env = scratch.env
        env["NIANBAO_DEBUG_CRASH"] = "1"
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit '\(file)'; echo EXITED; stty -a; sleep 30", env: env)
        try t.require { $0.contains("总体情况") }
        #expect(try t.display("#{alternate_on}") == "1")
        try t.keys("F12")
        let screen = try t.require(timeout: 30) { $0.contains("EXITED") && $0.contains("icanon") }
        #expect(try t.display("#{alternate_on}") == "0")
        #expect(screen.contains(" icanon") && screen.contains(" echo "), "\(screen)")
        #expect(!screen.contains("-icanon"))
    }

    /// Issue 4: a closed terminal (SIGHUP) in the middle of typing loses nothing.
    @Test func hangupWhileTypingThenRecover() throws {
        let scratch = try Scratch()
        let file = try scratch.write(Self.blank2021(), "h.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())' edit '\(file)'; echo EXITED; sleep 30", env: scratch.env)
        try t.require { $0.contains("总体情况") }
        let typed = "本机关全年主动公开政府信息１２３条，“三安全一稳定”依法不予公开。"
        try t.literal(typed)
        try t.require { $0.contains("字数 \(typed.count)") }
        let pid = try t.display("#{pane_pid}")
        // The pane runs sh, whose child is nianbao: hang it up as a closed terminal would.
        let child = try Tmux.run("/usr/bin/pgrep", ["-P", pid, "nianbao"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!child.isEmpty)
        _ = try Tmux.run("/bin/kill", ["-HUP", child])
        try t.require { $0.contains("EXITED") }
        #expect(try ReportFile.load(path: file).text(.s1) == "", "the file itself was not saved")
        // Reopen: the recovery copy is offered; recover it and save.
        t.kill()
        let t2 = Tmux()
        defer { t2.kill() }
        try t2.start("'\(try binary())' edit '\(file)'", env: scratch.env)
        try t2.require { $0.contains("恢复副本") && $0.contains("[R]") }
        try t2.keys("d", "Enter")
        try t2.require { $0.contains("正文 0 字 → \(typed.count) 字") }
        try t2.keys("r", "Enter")
        try t2.require { $0.contains("已从恢复副本恢复") }
        try t2.keys("C-s")
        try t2.require { $0.contains("已保存") }
        #expect(try ReportFile.load(path: file).text(.s1) == typed, "every character came back")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scratch.recovery))?.filter { $0.hasSuffix(".recovery.json") }.isEmpty ?? true,
                "a clean save removes the recovery copy")
    }

    /// Issue 4: a second editor on an open file is warned, as vim's swap-file warning does.
    @Test func twoEditorsOnOneFile() throws {
        let scratch = try Scratch()
        let file = try scratch.write(Self.blank2021(), "two.json")
        let first = Tmux()
        defer { first.kill() }
        try first.start("'\(try binary())' edit '\(file)'", env: scratch.env)
        try first.require { $0.contains("总体情况") }
        let second = Tmux()
        defer { second.kill() }
        try second.start("'\(try binary())' edit '\(file)'; echo EXITED; sleep 30", env: scratch.env)
        let warning = try second.require { $0.contains("正在被") && $0.contains("[O] 只读打开") }
        #expect(warning.contains("进程"))
        try second.keys("Enter")  // default: open read-only
        try second.require { $0.contains("[只读]") }
        try second.keys("C-x")
        try second.require { $0.contains("EXITED") }
        // After the first editor quits, the lock is gone and a new editor opens without a question.
        try first.keys("C-x")
        try first.require { !$0.contains("年报 |") }
        let third = Tmux()
        defer { third.kill() }
        try third.start("'\(try binary())' edit '\(file)'", env: scratch.env)
        let opened = try third.require { $0.contains("总体情况") }
        #expect(!opened.contains("正在被编辑"))
    }

    /// `nianbao` with no arguments opens the built-in sample.
    @Test func noArgumentsOpensTheSample() throws {
        let scratch = try Scratch()
        var env = scratch.env
        env["TMPDIR"] = scratch.dir.path  // its temporary copy goes (and is removed) here
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try binary())'; echo EXITED; sleep 30", env: env)
        let screen = try t.require { $0.contains("驻马店市水利局") && $0.contains("2020 年度") }
        #expect(screen.contains("(一)主动公开情况"))
        try t.keys("C-x")
        try t.require { $0.contains("EXITED") }
    }
}

/// Issue 4: terminals the editor cannot use, and suspending.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux); end-to-end tests skipped"))
struct TerminalEndToEndTests {
    @Test(arguments: ["dumb", "vt-nonexistent"])
    func unusableTermGivesAClearError(term: String) throws {
        let scratch = try EditorEndToEndTests.Scratch()
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "t.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("TERM=\(term) '\(try #require(Tmux.binary))' view '\(file)'; echo rc=$?; sleep 30", env: scratch.env)
        let screen = try t.require { $0.contains("rc=") }
        #expect(screen.contains("TERM=\(term)"), "\(screen)")
        #expect(screen.contains("rc=2"))
        #expect(!screen.contains("[?2004"), "no stray escape sequences")
    }

    @Test func ctrlZSuspendsAndFgRedraws() throws {
        let scratch = try EditorEndToEndTests.Scratch()
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "z.json")
        let t = Tmux()
        defer { t.kill() }
        try t.start("sh", env: scratch.env)
        try t.literal("'\(try #require(Tmux.binary))' edit '\(file)'")
        try t.keys("Enter")
        try t.require { $0.contains("总体情况") }
        try t.literal("暂停前")
        try t.require { $0.contains("暂停前") }
        try t.keys("C-z")
        try t.require { $0.contains("Stopped") }
        #expect(try t.display("#{alternate_on}") == "0")
        try t.literal("fg")
        try t.keys("Enter")
        let back = try t.require { $0.contains("总体情况") && $0.contains("暂停前") }
        #expect(back.contains("[已修改]"))
        #expect(try t.display("#{alternate_on}") == "1")
        try t.keys("C-x")
        try t.require { $0.contains("保存吗") }
        try t.literal("n")
    }

    /// NO_COLOR: no colour at all; reverse and bold carry the meaning.
    @Test func noColorUsesReverseAndBoldOnly() throws {
        let scratch = try EditorEndToEndTests.Scratch()
        var r = SampleReports.seed
        r["t3.r1.total"] = .count(9)
        let file = try scratch.write(r, "nc.json")
        var env = scratch.env
        env["NO_COLOR"] = "1"
        let t = Tmux()
        defer { t.kill() }
        try t.start("'\(try #require(Tmux.binary))' view '\(file)'", env: env)
        try t.require { $0.contains("[只读]") }
        let styled = try t.tmux("capture-pane", "-e", "-p", "-t", t.session)
        let colour = try Regex(#"\x1B\[(?:[0-9;]*;)?(?:3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+)(?:;[0-9;]*)?m"#)
        #expect(styled.firstMatch(of: colour) == nil, "colour escape found with NO_COLOR set")
        #expect(styled.contains("\u{1B}[7m"), "reverse video marks the header")
        // Without NO_COLOR the same screen does use colour.
        t.kill()
        let t2 = Tmux()
        defer { t2.kill() }
        try t2.start("'\(try #require(Tmux.binary))' view '\(file)'", env: scratch.env)
        try t2.require { $0.contains("[只读]") }
        let coloured = try t2.tmux("capture-pane", "-e", "-p", "-t", t2.session)
        #expect(coloured.firstMatch(of: colour) != nil, "\(coloured.debugDescription.prefix(600))")
    }
}
