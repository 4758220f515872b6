#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A list of paths read from a file or standard input (`--files-from`).
///
/// Entries are separated by NUL when the list contains one (as `find -print0` writes),
/// otherwise by newlines (a trailing CR is dropped, for lists written on Windows). Empty
/// entries are skipped. The list may be as long as it likes up to `maxBytes`.
public enum FileList {
    /// Largest list accepted (about two million typical paths).
    public static let maxBytes = 128 * 1024 * 1024

    /// Why a list could not be read, in Chinese.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The paths in a list file, or in standard input for `-`.
    public static func read(_ source: String) throws(ReadError) -> [String] {
        let name = source == "-" ? "标准输入" : source
        let fd: Int32
        if source == "-" {
            fd = 0
        } else {
            fd = open(source, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ReadError(message: "\(name)：无法打开文件列表：\(String(cString: strerror(errno)))。") }
        }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw ReadError(message: "\(name)：这是一个目录，不是文件列表。")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(message: "\(name)：读取文件列表失败：\(String(cString: strerror(errno)))。")
            }
            if n == 0 { break }
            bytes += chunk[..<n]
            if bytes.count > maxBytes {
                throw ReadError(message: "\(name)：文件列表超过 \(maxBytes / 1024 / 1024) MiB 上限。")
            }
        }
        return parse(bytes)
    }

    /// The entries of a list's bytes.
    public static func parse(_ bytes: [UInt8]) -> [String] {
        let separator: UInt8 = bytes.contains(0) ? 0 : 0x0A
        var paths: [String] = []
        for piece in bytes.split(separator: separator, omittingEmptySubsequences: true) {
            var entry = piece[...]
            if separator == 0x0A, entry.last == 0x0D { entry = entry.dropLast() }
            if entry.isEmpty { continue }
            paths.append(String(decoding: entry, as: UTF8.self))
        }
        return paths
    }
}
