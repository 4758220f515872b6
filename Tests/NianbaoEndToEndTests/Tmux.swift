import Foundation
import Testing

/// Drives the real `nianbao` binary inside a private tmux server.
///
/// Each instance owns one tmux server on its own socket (`-S`, in a temporary folder of its
/// own) and ends everything it started: `kill()` (also run by `deinit`) kills the processes of
/// every pane by process group, asks the server to exit, kills it if it does not, and removes
/// the socket folder. `swift test` leaves no tmux server, editor or folder behind.
final class Tmux {
    /// The folder holding this server's socket; removed by `kill()`.
    let directory: String
    /// The socket path, passed to every tmux command with `-S`.
    let socket: String
    let session = "e2e"
    /// Server and pane processes seen so far, ended by `kill()`.
    private var serverPID: pid_t?
    private var panePIDs: Set<pid_t> = []
    private var killed = false

    init() {
        var template = Array((FileManager.default.temporaryDirectory.path + "/nianbao-e2e-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        directory = made.map { String(cString: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-e2e-\(UUID().uuidString)").path
        if made == nil { try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        socket = directory + "/tmux.sock"
    }

    static var available: Bool { tmuxPath != nil }
    static let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The built `nianbao` binary next to the test bundle (`.build/debug/nianbao`).
    static let binary: String? = {
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        for _ in 0..<6 {
            url = url.deletingLastPathComponent()
            let candidate = url.appendingPathComponent("nianbao").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../.build/debug/nianbao").standardized.path
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }()

    /// Runs a program with posix_spawn and waitpid (Foundation's Process can hang reaping tmux clients).
    @discardableResult
    static func run(_ path: String, _ args: [String], capture: Bool = true) throws -> (status: Int32, output: String) {
        let out = capture ? FileManager.default.temporaryDirectory
            .appendingPathComponent("nianbao-e2e-out-\(UUID().uuidString)").path : "/dev/null"
        defer { if capture { unlink(out) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let text = capture ? ((try? String(contentsOfFile: out, encoding: .utf8)) ?? "") : ""
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), text)
    }

    @discardableResult
    func tmux(_ args: String...) throws -> String {
        try Self.run(Self.tmuxPath!, ["-S", socket] + args).output
    }

    /// Starts `command` (run by sh) in a detached session of the given size.
    func start(_ command: String, columns: Int = 80, rows: Int = 24, env: [String: String] = [:]) throws {
        // A known environment whatever the test runner has (some runners set NO_COLOR).
        var full = "unset NO_COLOR ESCDELAY TMUX; export TERM=xterm-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no;"
        for (k, v) in env { full += " export \(k)='\(v)';" }
        full += " " + command
        // `-f /dev/null`: no user configuration; the server exits when its last session ends.
        try Self.run(Self.tmuxPath!, ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", session,
                                      "-x", "\(columns)", "-y", "\(rows)", "sh", "-c", full], capture: false)
        try tmux("set-option", "-t", session, "escape-time", "0")
        try tmux("set-option", "-g", "exit-empty", "on")
        recordProcesses()
    }

    /// Notes the server's and the panes' process ids, so that `kill()` can end them.
    private func recordProcesses() {
        if let pid = try? tmux("display", "-p", "-t", session, "#{pid}"), let n = pid_t(pid.trimmed) { serverPID = n }
        if let panes = try? tmux("list-panes", "-a", "-F", "#{pane_pid}") {
            for line in panes.split(separator: "\n") { if let n = pid_t(String(line).trimmed) { panePIDs.insert(n) } }
        }
    }

    func keys(_ keys: String...) throws {
        try Self.run(Self.tmuxPath!, ["-S", socket, "send-keys", "-t", session] + keys)
    }

    /// Types text as it is (`--`: text starting with `-`, such as `-5`, is not an option).
    func literal(_ text: String) throws { try tmux("send-keys", "-t", session, "-l", "--", text) }

    /// Sends raw bytes in one write to the pane (e.g. Esc and a digit together, as a laggy link does).
    func raw(_ bytes: [UInt8]) throws {
        try Self.run(Self.tmuxPath!, ["-S", socket, "send-keys", "-t", session, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    func paste(_ text: String) throws {
        try tmux("set-buffer", "-b", "e2e", text)
        try tmux("paste-buffer", "-p", "-b", "e2e", "-t", session)
    }

    func screen() throws -> String { try tmux("capture-pane", "-p", "-t", session) }

    func display(_ format: String) throws -> String {
        try tmux("display", "-p", "-t", session, format).trimmed
    }

    /// Polls until the screen satisfies `condition`, up to `timeout` seconds; returns the last screen.
    @discardableResult
    func waitFor(timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        return last
    }

    /// Like `waitFor`, but records a test failure showing the last screen when the condition never holds.
    @discardableResult
    func require(timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (String) -> Bool) throws -> String {
        let screen = try waitFor(timeout: timeout, condition)
        if !condition(screen) {
            Issue.record("timed out after \(timeout) s; the screen was:\n\(screen)", sourceLocation: sourceLocation)
            throw TmuxTimeout()
        }
        return screen
    }

    struct TmuxTimeout: Error {}

    /// Ends everything this instance started: pane process groups, the server, the socket folder.
    /// Safe to call more than once.
    func kill() {
        guard !killed else { return }
        killed = true
        recordProcesses()
        // The panes' commands first (sh and the editor share the pane's process group), so
        // nothing outlives the server; then the server, politely and then for certain.
        for pid in panePIDs {
            _ = Glibc.kill(-pid, SIGKILL)
            _ = Glibc.kill(pid, SIGKILL)
        }
        _ = try? Self.run(Self.tmuxPath!, ["-S", socket, "kill-server"])
        if let server = serverPID {
            Self.waitUntilGone(server, timeout: 2)
            if Self.isAlive(server) {
                _ = Glibc.kill(server, SIGKILL)
                Self.waitUntilGone(server, timeout: 2)
            }
        }
        for pid in panePIDs { Self.waitUntilGone(pid, timeout: 2) }
        try? FileManager.default.removeItem(atPath: directory)
    }

    static func isAlive(_ pid: pid_t) -> Bool {
        guard Glibc.kill(pid, 0) == 0 else { return false }
        // A zombie (already ended, not yet reaped by its parent) counts as gone.
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        if let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            return state != "Z"
        }
        return true
    }

    static func waitUntilGone(_ pid: pid_t, timeout: Double) {
        let deadline = Date().addingTimeInterval(timeout)
        while isAlive(pid), Date() < deadline { usleep(20_000) }
    }

    deinit { kill() }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
