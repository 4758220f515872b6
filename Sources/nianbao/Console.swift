#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoCore

/// Standard input, output and error through POSIX, and local time for prompts.
///
/// The command line keeps to the C library and FoundationEssentials, so the binary needs no
/// ICU; that keeps `nianbao edit` quick to start.
enum Console {
    /// Writes all of `bytes` to a file descriptor, retrying short writes and EINTR.
    static func write(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// Writes text to standard error, with any control or format character from a file or a
    /// path shown visibly (`^[`, `<U+202E>`); line breaks are kept.
    static func error(_ text: String) { write(Array(TerminalSafe.sanitizeKeepingNewlines(text).utf8), to: 2) }

    /// Writes bytes to standard output.
    static func output(_ bytes: [UInt8]) { write(bytes, to: 1) }

    /// `yyyy-MM-dd HH:mm:ss` in local time for seconds since the epoch.
    static func timestamp(secondsSince1970 seconds: Int) -> String {
        var t = time_t(seconds)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return String(seconds) }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }

    /// The current year in local time.
    static var currentYear: Int {
        var t = time(nil)
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return 1970 + Int(t / 31_556_952) }
        return Int(parts.tm_year) + 1900
    }
}
