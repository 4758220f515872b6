import Foundation
import NianbaoCore
import Testing

/// Issue 14: a terminal that goes away without a SIGHUP (the pty is not the editor's controlling
/// terminal, as under `nohup`/`setsid` or when an ssh link drops) ends the editor within seconds,
/// with the typing in a recovery copy and exit status 129, instead of a loop spinning on the CPU.
///
/// Runs the editor on a pseudo-terminal of its own rather than in tmux: tmux would send SIGHUP.
@Suite(.serialized)
struct VanishedTerminalEndToEndTests {
    typealias Scratch = EditorEndToEndTests.Scratch

    /// A pseudo-terminal pair: the test holds the master, the editor gets the slave.
    struct PseudoTerminal {
        var master: Int32
        var slave: Int32

        /// glibc's `unlockpt` and `ptsname_r`, which the Glibc module does not import.
        private static func function<T>(_ name: String, as type: T.Type) throws -> T {
            let symbol = try #require(dlsym(UnsafeMutableRawPointer(bitPattern: 0), name), "no \(name) in libc")
            return unsafeBitCast(symbol, to: type)
        }

        init() throws {
            typealias Unlock = @convention(c) (Int32) -> Int32
            typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
            master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            try #require(master >= 0, "cannot open /dev/ptmx: errno \(errno)")
            try #require(try Self.function("unlockpt", as: Unlock.self)(master) == 0)
            var name = [CChar](repeating: 0, count: 128)
            try #require(try Self.function("ptsname_r", as: Name.self)(master, &name, name.count) == 0)
            let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            slave = open(path, O_RDWR | O_NOCTTY)
            try #require(slave >= 0, "cannot open \(path)")
        }

        /// Reads what the editor drew for up to `seconds`, until `until` holds for all read so far.
        func read(for seconds: Double, until: (String) -> Bool = { _ in false }) -> String {
            var bytes: [UInt8] = []
            let end = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while Date() < end {
                var fd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&fd, 1, 50) > 0 else { continue }
                let n = Glibc.read(master, &buffer, buffer.count)
                if n <= 0 { break }
                bytes += buffer[0..<n]
                if until(String(decoding: bytes, as: UTF8.self)) { break }
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        func write(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { Glibc.write(master, $0.baseAddress, $0.count) }
        }
    }

    @Test func theEditorEndsAndKeepsTheTypingWhenItsTerminalVanishes() throws {
        let binary = try #require(Tmux.binary, "the nianbao binary is not built next to the tests")
        let scratch = try Scratch()
        let file = try scratch.write(EditorEndToEndTests.blank2021(), "gone.json")
        var pty = try PseudoTerminal()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["edit", file]
        var env = ProcessInfo.processInfo.environment.merging(scratch.env) { $1 }
        env["TERM"] = "xterm-256color"
        env["LINES"] = "24"
        env["COLUMNS"] = "80"
        process.environment = env
        let terminal = FileHandle(fileDescriptor: pty.slave, closeOnDealloc: false)
        process.standardInput = terminal
        process.standardOutput = terminal
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        close(pty.slave)
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
            if pty.master >= 0 { close(pty.master) }
        }
        #expect(pty.read(for: 15) { $0.contains("总体情况") }.contains("总体情况"))
        pty.write("\u{1B}OS\u{1B}OS")  // F4 F4: to table 三
        _ = pty.read(for: 10) { $0.contains("收到和处理政府信息公开申请情况") }
        pty.write("4321")
        // The digits are drawn one by one between escapes; the hint shows a cell is being typed.
        #expect(pty.read(for: 10) { $0.contains("输入中") }.contains("输入中"), "the cell is being typed")
        _ = pty.read(for: 0.5)

        close(pty.master)
        pty.master = -1
        let closed = Date()
        while process.isRunning, Date().timeIntervalSince(closed) < 10 { usleep(50_000) }
        let seconds = Date().timeIntervalSince(closed)
        try #require(!process.isRunning, "the editor was still running 10 s after its terminal vanished")
        #expect(seconds < 5, "it took \(seconds) s to notice")
        #expect(process.terminationStatus == 129, "exit status \(process.terminationStatus)")
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("终端已断开"), "\(stderr)")
        let copy = try #require(RecoveryStore(directory: scratch.recovery).load(for: file))
        let recovered = try ReportFile.decode(copy.bytes, path: "copy")
        #expect(recovered["t3.r1.np"] == .count(4321), "the number typed but not committed came back")
    }
}
