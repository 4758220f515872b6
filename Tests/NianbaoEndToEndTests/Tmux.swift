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


    @discardableResult
    static func run(_ path: String, _ args: [String], capture: Bool = true) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let pipe = Pipe()
        // The tmux server started by new-session inherits stdout: never wait on a pipe it holds.
        p.standardOutput = capture ? pipe : FileHandle.nullDevice
        p.standardError = capture ? pipe : FileHandle.nullDevice
        try p.run()
        if !capture {
            p.waitUntilExit()
            return (p.terminationStatus, "")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @discardableResult
    func tmux(_ args: String...) throws -> String {
        try Self.run(Self.tmuxPath!, ["-L", socket] + args).output
    }

    /// Starts `command` (run by sh) in a detached session of the given size.
    func start(_ command: String, columns: Int = 80, rows: Int = 24, env: [String: String] = [:]) throws {
        var full = "export TERM=xterm-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no;"
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
