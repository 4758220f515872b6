import Foundation
import NianbaoCore
import Testing

/// Issue 14, end to end in tmux: recovery warnings, the cell being typed on SIGHUP, signals and
/// exit statuses, a crash without the backtracer's prompt, and exports of hostile text.
@Suite(.serialized, .enabled(if: Tmux.available, "tmux is not installed (apt-get install tmux); end-to-end tests skipped"))
struct HardeningEndToEndTests {
    typealias Scratch = EditorEndToEndTests.Scratch

    func binary() throws -> String { try #require(Tmux.binary, "the nianbao binary is not built next to the tests") }

    /// The pid of the nianbao process running in the pane (the pane runs sh, whose child it is).
    func editorPid(_ t: Tmux) throws -> String {
        let pane = try t.display("#{pane_pid}")
        var child = ""
        for _ in 0..<50 {
            child = try Tmux.run("/usr/bin/pgrep", ["-P", pane, "nianbao"]).output
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if !child.isEmpty { break }
            usleep(100_000)
        }
        try #require(!child.isEmpty, "no nianbao process under the pane")
        return child
    }

    /// Ends the pane's processes (by pid: the shell and its children) and then the tmux server.
    ///
    /// `kill-server` alone can leave the server and the pane's shell running.
    func end(_ t: Tmux) {
        func descendants(_ pid: Int32) -> [Int32] {
            let children = ((try? Tmux.run("/usr/bin/pgrep", ["-P", String(pid)]).output) ?? "")
                .split(separator: "\n").compactMap { Int32($0) }.filter { $0 > 1 }
            return children.flatMap { [$0] + descendants($0) }
        }
        let server = (try? t.display("#{pid}")).flatMap { Int32($0) }
        if let pane = try? t.display("#{pane_pid}"), let pid = Int32(pane), pid > 1 {
            for process in [pid] + descendants(pid) { kill(process, SIGKILL) }
        }
        t.kill()
        // The server may have been started with SIGTERM blocked (the test thread's signal mask
        // is inherited through posix_spawn), so kill-server alone does not always end it.
        if let server, server > 1,
           let command = FileManager.default.contents(atPath: "/proc/\(server)/cmdline"),
           String(decoding: command, as: UTF8.self).contains(t.socket) {
            kill(server, SIGKILL)
        }
    }

    func signal(_ t: Tmux, _ name: String) throws {
        _ = try Tmux.run("/bin/kill", ["-\(name)", try editorPid(t)])
    }

    /// `unset …; export …;` so that only the given recovery settings apply.
    static let cleanEnvironment = "unset NIANBAO_RECOVERY_DIR XDG_STATE_HOME NIANBAO_DEBUG_FULL_DISK;"

    // MARK: Recovery warnings

    /// A read-only home: said at once on opening, and the copies go beside the draft instead.
    @Test func readOnlyHomeIsSaidAndCopiesGoBesideTheDraft() throws {
        let scratch = try Scratch()
        let home = scratch.path("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        chmod(home, 0o555)
        defer { chmod(home, 0o755) }
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "d.json")
        let t = Tmux()
        defer { end(t) }
        try t.start("\(Self.cleanEnvironment) '\(try binary())' edit '\(file)'; echo rc=$?; sleep 30",
                    columns: 200, rows: 30, env: ["HOME": home, "TMPDIR": scratch.path("")])
        let opened = try t.require { $0.contains("总体情况") }
        #expect(opened.contains("不可用"), "the unusable recovery folder is said at once:\n\(opened)")
        let typed = "只读主目录下的修改"
        try t.literal(typed)
        try t.require { $0.contains("字数 \(typed.count)") }
        try signal(t, "HUP")
        let after = try t.require { $0.contains("rc=") }
        #expect(after.contains("rc=129"), "\(after)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: scratch.dir.path)
            .filter { $0.hasPrefix(".d.json-") && $0.hasSuffix(".recovery.json") }
        try #require(beside.count == 1, "\(beside)")
        let copy = try ReportFile.decode(readAll(scratch.path(beside[0])), path: "copy")
        #expect(copy.text(.s1) == typed)
    }

    /// No place at all: the warning stays on the status line, the quit report names every place,
    /// and after SIGHUP the exit status says the edits are lost.
    @Test func noPlaceForACopyIsSaidPersistentlyAndInTheExitStatus() throws {
        let scratch = try Scratch()
        let home = scratch.path("home")
        let drafts = scratch.path("drafts")
        for dir in [home, drafts] { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        let file = drafts + "/n.json"
        try Data(ReportFile.encode(EditorEndToEndTests.blank2021())).write(to: URL(fileURLWithPath: file))
        chmod(home, 0o555)
        chmod(drafts, 0o555)
        defer { chmod(home, 0o755); chmod(drafts, 0o755) }
        try Data().write(to: URL(fileURLWithPath: scratch.path("tmpfile")))
        let t = Tmux()
        defer { end(t) }
        try t.start("\(Self.cleanEnvironment) '\(try binary())' edit '\(file)'; echo rc=$?; sleep 30",
                    columns: 200, rows: 30, env: ["HOME": home, "TMPDIR": scratch.path("tmpfile")])
        let opened = try t.require { $0.contains("总体情况") && $0.contains("恢复副本无法写入") }
        #expect(opened.contains("警告"))
        try t.literal("无处可存")
        try t.require { $0.contains("无处可存") }
        // Still there after the idle write was tried (1.5 s after typing) and another key.
        usleep(2_200_000)
        try t.literal("。")
        let later = try t.require { $0.contains("无处可存。") }
        #expect(later.contains("恢复副本无法写入"), "the warning is persistent:\n\(later)")
        try signal(t, "HUP")
        let after = try t.require { $0.contains("rc=") }
        #expect(after.contains("rc=3"), "\(after)")
        #expect(after.contains("未保存的修改已丢失"), "\(after)")
    }

    /// A full disk shared by draft and recovery folder: the failed save says the copy failed too.
    @Test func fullDiskSaveSaysWhatHappenedToTheCopy() throws {
        let scratch = try Scratch()
        let mount = scratch.path("small")
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let mounted = geteuid() == 0
            && (try? Tmux.run("/bin/mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mount]))?.status == 0
        defer { if mounted { _ = try? Tmux.run("/bin/umount", ["-l", mount]) } }
        let file = mount + "/full.json"
        try Data(ReportFile.encode(EditorEndToEndTests.blank2021())).write(to: URL(fileURLWithPath: file))
        var env = ["NIANBAO_RECOVERY_DIR": mount + "/recovery", "TMPDIR": mount]
        if !mounted { env["NIANBAO_DEBUG_FULL_DISK"] = "1" }
        let t = Tmux()
        defer { end(t) }
        try t.start("'\(try binary())' edit '\(file)'; echo rc=$?; sleep 30", columns: 200, rows: 30, env: env)
        try t.require { $0.contains("总体情况") }
        if mounted {
            // Fill the disk once the editor is open.
            _ = try Tmux.run("/bin/dd", ["if=/dev/zero", "of=\(mount)/filler", "bs=4k"])
        }
        try t.literal("满盘")
        try t.require { $0.contains("满盘") }
        try t.keys("C-s")
        let failed = try t.require { $0.contains("保存失败") }
        #expect(!failed.contains("并已写入恢复副本"), "\(failed)")
        #expect(failed.contains("磁盘已满（ENOSPC）；恢复副本也无法写入"), "\(failed)")
        try t.keys("C-x")
        try t.require { $0.contains("保存吗") }
        try t.literal("n")
        try t.require { $0.contains("rc=") }
    }

    // MARK: The cell being typed

    @Test func theCellBeingTypedIsInTheRecoveryCopyOnSIGHUP() throws {
        let scratch = try Scratch()
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "cell.json")
        let t = Tmux()
        defer { end(t) }
        try t.start("'\(try binary())' edit '\(file)'; echo rc=$?; sleep 30", env: scratch.env)
        try t.require { $0.contains("总体情况") }
        try t.keys("F4", "F4")
        try t.require { $0.contains("三、收到和处理政府信息公开申请情况") }
        try t.literal("4321")
        try t.require { $0.contains("4321") }
        try signal(t, "HUP")
        let after = try t.require { $0.contains("rc=") }
        #expect(after.contains("rc=129"), "\(after)")
        let copy = try #require(RecoveryStore(directory: scratch.recovery).load(for: file))
        let recovered = try ReportFile.decode(copy.bytes, path: "copy")
        #expect(recovered["t3.r1.np"] == .count(4321), "the number typed but not committed came back")
    }

    // MARK: Signals and exit statuses

    @Test(arguments: [("INT", 130), ("TERM", 143), ("HUP", 129), ("USR1", 138), ("USR2", 140), ("ALRM", 142)])
    func aSignalRestoresTheTerminalAndExits128PlusSignal(name: String, status: Int) throws {
        let scratch = try Scratch()
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "s.json")
        let t = Tmux()
        defer { end(t) }
        try t.start("'\(try binary())' edit '\(file)'; echo rc=$?; stty -a; sleep 30", env: scratch.env)
        try t.require { $0.contains("总体情况") }
        #expect(try t.display("#{alternate_on}") == "1")
        try signal(t, name)
        let after = try t.require { $0.contains("rc=") && $0.contains("icanon") }
        #expect(after.contains("rc=\(status)"), "\(after)")
        #expect(try t.display("#{alternate_on}") == "0")
        #expect(!after.contains("-icanon"), "\(after)")
    }

    @Test func sigpipeIsIgnoredInTheEditor() throws {
        let scratch = try Scratch()
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "p.json")
        let t = Tmux()
        defer { end(t) }
        try t.start("'\(try binary())' edit '\(file)'; echo rc=$?; sleep 30", env: scratch.env)
        try t.require { $0.contains("总体情况") }
        try signal(t, "PIPE")
        usleep(500_000)
        try t.literal("仍在运行")
        try t.require { $0.contains("仍在运行") }
        try t.keys("C-x")
        try t.require { $0.contains("保存吗") }
        try t.literal("n")
        let after = try t.require { $0.contains("rc=") }
        #expect(after.contains("rc=0"), "\(after)")
    }

    /// SIGQUIT and a crash: the terminal comes back, the report goes to stderr below the shell's
    /// screen, and the process ends at once, without the backtracer's 30 s prompt.
    @Test(arguments: ["QUIT", "crash"])
    func aCrashOrQuitEndsPromptlyWithTheTerminalRestored(kind: String) throws {
        let scratch = try Scratch()
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "q.json")
        var env = scratch.env
        env["NIANBAO_DEBUG_CRASH"] = "1"
        let log = scratch.path("stderr.txt")
        let t = Tmux()
        defer { end(t) }
        // The harness sets SWIFT_BACKTRACE=interactive=no; the program must manage without it.
        try t.start("unset SWIFT_BACKTRACE; '\(try binary())' edit '\(file)' 2>'\(log)'; echo rc=$?; stty -a; sleep 30", env: env)
        try t.require { $0.contains("总体情况") }
        let start = Date()
        if kind == "QUIT" { try signal(t, "QUIT") } else { try t.keys("F12") }
        let after = try t.require(timeout: 25) { $0.contains("rc=") && $0.contains("icanon") }
        #expect(Date().timeIntervalSince(start) < 20, "no 30 s interactive prompt")
        #expect(after.contains(kind == "QUIT" ? "rc=131" : "rc=132"), "\(after)")
        #expect(try t.display("#{alternate_on}") == "0")
        #expect(!after.contains("-icanon"), "\(after)")
        let report = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        #expect(report.contains("nianbao: 程序异常终止"), "\(report.prefix(400))")
        #expect(!after.contains("Press space to interact"), "\(after)")
    }

    // MARK: Oversized input

    /// A text section the editor could not keep responsive is refused on opening, with the limit.
    @Test func anOversizedTextSectionIsRefusedWithItsLimit() throws {
        let scratch = try Scratch()
        var report = EditorEndToEndTests.blank2021()
        report.texts[.s1] = String(repeating: "政府信息公开。", count: 20_000)  // 420 KB
        let file = try scratch.write(report, "big.json")
        let t = Tmux()
        defer { end(t) }
        try t.start("'\(try binary())' view '\(file)'; echo rc=$?; sleep 30", columns: 200, rows: 30, env: scratch.env)
        let screen = try t.require { $0.contains("rc=") }
        #expect(screen.contains("rc=2"), "\(screen)")
        #expect(screen.contains("超过编辑器的上限 256 KiB"), "\(screen)")
        #expect(try t.display("#{alternate_on}") == "0")
    }

    /// `check a.json fifo.json b.json` refuses the FIFO at once and still checks the others.
    @Test func checkRefusesAFIFOWithoutBlocking() throws {
        let scratch = try Scratch()
        let a = try scratch.write(EditorEndToEndTests.blank2021(), "a.json")
        let b = try scratch.write(EditorEndToEndTests.blank2021(), "b.json")
        let fifo = scratch.path("fifo.json")
        try #require(mkfifo(fifo, 0o600) == 0)
        let start = Date()
        let result = try Tmux.run("/usr/bin/timeout", ["-s", "KILL", "10", try binary(), "check", a, fifo, b])
        #expect(result.status != 137 && result.status != 124, "check blocked on the FIFO")
        #expect(Date().timeIntervalSince(start) < 8)
        #expect(result.status == 2)
        #expect(result.output.contains("fifo.json: 这是一个命名管道（FIFO）"), "\(result.output)")
        #expect(result.output.contains("共 3 个文件"), "\(result.output)")
    }

    // MARK: Hostile text

    /// Exports and messages of a hostile draft, shown in a pane, change nothing in the terminal.
    @Test func hostileTextInExportsAndMessagesIsShownNotObeyed() throws {
        let scratch = try Scratch()
        var report = Report(agency: "恶意\u{1B}]0;pwned\u{07}机关\u{202E}", year: 2021, form: .v2021)
        report.texts[.s1] = "鼠标\u{1B}[?1000h屏幕\u{1B}[?1049h标题\u{1B}]2;pwned\u{07}剪贴板\u{1B}]52;c;ZXZpbA==\u{07}末尾"
        let file = try scratch.write(report, "evil.json")
        let script = scratch.path("run.sh")
        let bin = try binary()
        let hostileName = scratch.path("新\u{1B}]0;pwned\u{07}.json")
        try """
            '\(bin)' export '\(file)' --to text | head -5
            '\(bin)' export '\(file)' --to markdown | head -5
            '\(bin)' check '\(file)' | head -2
            '\(bin)' new --year 2021 --agency '机关' -o '\(hostileName)'
            echo DONE
            sleep 30
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let t = Tmux()
        defer { end(t) }
        try t.start("sh '\(script)'", env: scratch.env)
        let screen = try t.require { $0.contains("DONE") }
        #expect(try t.display("#{pane_title}") != "pwned", "\(screen)")
        #expect(try t.display("#{alternate_on}") == "0")
        #expect(try t.display("#{mouse_any_flag}") == "0")
        #expect(screen.contains("鼠标^[[?1000h屏幕"), "\(screen)")
        #expect(screen.contains("<U+202E>"), "bidi override shown by check and export:\n\(screen)")
        #expect(screen.contains("已创建") && screen.contains("新^[]0;pwned^G.json"), "\(screen)")
    }

    /// Machine output keeps the text exact (it is JSON); the text output shows the override.
    @Test func checkJSONKeepsTextExactWhileTextOutputShowsIt() throws {
        let scratch = try Scratch()
        let agency = "机关\u{202E}txt.exe\u{1B}[31m"
        let file = try scratch.write(Report(agency: agency, year: 2021, form: .v2021), "bidi.json")
        let json = try Tmux.run(try binary(), ["check", "--format", "json", file])
        let parsed = try JSONParser().parse(Array(json.output.utf8))
        let first = parsed.objectValue?["files"]?.arrayValue?.first?.objectValue
        #expect(first?["agency"]?.stringValue == agency, "\(json.output.prefix(300))")
        let text = try Tmux.run(try binary(), ["check", file])
        #expect(text.output.contains("机关<U+202E>txt.exe^[[31m"), "\(text.output.prefix(300))")
        #expect(!text.output.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" })
    }

    func readAll(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
