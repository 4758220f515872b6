import Foundation
import Testing

/// Drives the real `nianbao` binary inside a private tmux server.
final class Tmux {
    let socket = "nianbao-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    let session = "e2e"

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
        try Self.run(Self.tmuxPath!, ["-L", socket] + args).output
    }

    /// Starts `command` (run by sh) in a detached session of the given size.
    func start(_ command: String, columns: Int = 80, rows: Int = 24, env: [String: String] = [:]) throws {
        // A known environment whatever the test runner has (some runners set NO_COLOR).
        var full = "unset NO_COLOR ESCDELAY; export TERM=xterm-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no;"
        for (k, v) in env { full += " export \(k)='\(v)';" }
        full += " " + command
        try Self.run(Self.tmuxPath!, ["-L", socket, "new-session", "-d", "-s", session, "-x", "\(columns)",
                                      "-y", "\(rows)", "sh", "-c", full], capture: false)
        try tmux("set-option", "-t", session, "escape-time", "0")
    }

    func keys(_ keys: String...) throws {
        try Self.run(Self.tmuxPath!, ["-L", socket, "send-keys", "-t", session] + keys)
    }

    func literal(_ text: String) throws { try tmux("send-keys", "-t", session, "-l", text) }

    func paste(_ text: String) throws {
        try tmux("set-buffer", "-b", "e2e", text)
        try tmux("paste-buffer", "-p", "-b", "e2e", "-t", session)
    }

    func screen() throws -> String { try tmux("capture-pane", "-p", "-t", session) }

    func display(_ format: String) throws -> String {
        try tmux("display", "-p", "-t", session, format).trimmingCharacters(in: .whitespacesAndNewlines)
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

    func kill() { _ = try? tmux("kill-server") }

    deinit { kill() }
}
