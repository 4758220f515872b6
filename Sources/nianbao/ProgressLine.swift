#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoCore

extension Console {
    /// True when the descriptor is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// True when the descriptor is a pipe or a socket.
    static func isPipe(_ fd: Int32) -> Bool {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFSOCK
    }
}

/// One line on standard error saying how far a batch has got: files done, per second, found so far,
/// and how many files there are once the walk has found them all.
///
/// Shown only when standard error is a terminal and standard output is not a pipe (so
/// `nianbao check DIR | less` and scripts never see it); redrawn at most ten times a second,
/// from the second file on.
final class ProgressLine {
    private let start = ProgressLine.now()
    private var lastDraw = 0.0
    private var shown = false
    private var lastText = ""

    private init() {}

    /// A progress line when the terminal wants one, else nil.
    static func forTerminal(enabled: Bool) -> ProgressLine? {
        guard enabled, Console.isTerminal(2), !Console.isPipe(1) else { return nil }
        return ProgressLine()
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// The line's text: `total` is nil while the walk is still finding files.
    static func text(done: Int, total: Int?, rate: Int, found: SeverityCounts) -> String {
        let files = total.map { "\(done)/\($0)" } ?? "\(done)"
        return "已检查 \(files) 个文件，每秒 \(rate) 个；发现错误 \(found.error)、未填 \(found.incomplete)、警告 \(found.warning)"
    }

    func update(done: Int, total: Int?, found: SeverityCounts) {
        guard done > 1 else { return }
        let now = Self.now()
        guard now - lastDraw >= 0.1 || done == total else { return }
        lastDraw = now
        let elapsed = max(now - start, 0.001)
        lastText = Self.text(done: done, total: total, rate: Int((Double(done) / elapsed).rounded()), found: found)
        Console.error("\r\u{1B}[K" + lastText)
        shown = true
    }

    /// Removes the line (before other output is written).
    func clear() {
        guard shown else { return }
        Console.error("\r\u{1B}[K")
        shown = false
    }

    /// Ends the batch: the line is cleared.
    func finish() { clear() }
}
