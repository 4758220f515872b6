#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A list of paths read from a file or standard input (`--files-from`).
///
/// Entries are separated by NUL when the list has one (as `find -print0` writes; see `Reader`
/// for how that is decided), otherwise by newlines (a trailing CR is dropped, for lists written
/// on Windows). Empty entries are skipped. Read all at once, a list holds at most `maxBytes`.
public enum FileList {
    /// Largest list accepted (about two million typical paths).
    public static let maxBytes = 128 * 1024 * 1024

    /// Why a list could not be read, in Chinese.
    public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// The paths in a list file, or in standard input for `-`, all at once (`Reader` reads them
    /// as they are asked for).
    public static func read(_ source: String) throws(ReadError) -> [String] {
        let reader = try Reader(source)
        var paths: [String] = []
        var bytes = 0
        while let path = reader.next() {
            bytes += path.utf8.count + 1
            if bytes > maxBytes { throw ReadError(message: "\(reader.name)：文件列表超过 \(maxBytes / 1024 / 1024) MiB 上限。") }
            paths.append(path)
        }
        if let failure = reader.failure { throw failure }
        return paths
    }

    /// The entries of a list's bytes.
    public static func parse(_ bytes: [UInt8]) -> [String] {
        Array(IteratorSequence(Reader(bytes: bytes)))
    }
}

extension FileList {
    /// The entries of a list read a chunk at a time, as they are asked for (`--files-from` of any length).
    ///
    /// Entries are separated by NUL when the list has one, as `find -print0` writes; that is
    /// decided from the first NUL or, when none comes, from the first `decisionBytes` (or the
    /// whole list when shorter): a NUL-separated list has one after its first path, which is at
    /// most `PATH_MAX` bytes. Otherwise by newlines, a trailing CR dropped. Empty entries are skipped.
    /// A read that fails part way ends the entries and is kept in `failure`.
    public final class Reader: IteratorProtocol {
        /// Bytes looked at for a NUL before a list is taken as one path a line.
        public static let decisionBytes = 1 << 16
        /// Longest entry accepted (paths are at most 4 KiB): a list that is not one stops there.
        public static let longestEntry = 1 << 20

        /// The list's name in messages (`标准输入` for `-`).
        public let name: String
        /// Why reading stopped early, when it did.
        public private(set) var failure: ReadError?
        /// The open list; nil for bytes already in memory.
        private let fd: Int32?
        private var buffer: [UInt8] = []
        private var start = 0
        private var atEnd = false
        private var separator: UInt8?
        private var chunk = [UInt8](repeating: 0, count: 1 << 16)

        /// Opens a list file, or standard input for `-`; refuses a folder or a file that cannot be opened.
        public init(_ source: String) throws(ReadError) {
            name = source == "-" ? "标准输入" : source
            let fd: Int32
            if source == "-" {
                fd = 0
            } else {
                fd = open(source, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { throw ReadError(message: "\(name)：无法打开文件列表：\(String(cString: strerror(errno)))。") }
            }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                if fd != 0 { close(fd) }
                throw ReadError(message: "\(name)：这是一个目录，不是文件列表。")
            }
            self.fd = fd
        }

        /// The entries of a list already in memory.
        public init(bytes: [UInt8]) {
            name = "文件列表"
            fd = nil
            buffer = bytes
            atEnd = true
        }

        deinit { if let fd, fd != 0 { close(fd) } }

        /// The entry read ahead by `isEmpty` (nil: none; .some(nil): the list has ended).
        private var peeked: String??

        /// True when the list has no entry at all (reads as far as the first one).
        public func isEmpty() -> Bool {
            if peeked == nil { peeked = .some(nextEntry()) }
            return peeked! == nil
        }

        public func next() -> String? {
            if let entry = peeked {
                peeked = nil
                return entry
            }
            return nextEntry()
        }

        private func nextEntry() -> String? {
            while true {
                decideSeparator()
                let sep = separator ?? 0x0A
                if let end = buffer[start...].firstIndex(of: sep) {
                    let entry = take(upTo: end, separator: sep)
                    start = end + 1
                    if let entry { return entry }
                    continue
                }
                if atEnd {
                    guard start < buffer.count else { return nil }
                    let entry = take(upTo: buffer.count, separator: sep)
                    start = buffer.count
                    if let entry { return entry }
                    return nil
                }
                if buffer.count - start > Self.longestEntry {
                    failure = ReadError(message: "\(name)：文件列表中有一项超过 \(Self.longestEntry / 1024) KiB 还没有结束，不是文件名；其后的部分未读。")
                    atEnd = true
                    buffer = []
                    start = 0
                    return nil
                }
                fill()
            }
        }

        private func take(upTo end: Int, separator sep: UInt8) -> String? {
            var entry = buffer[start..<end]
            if sep == 0x0A, entry.last == 0x0D { entry = entry.dropLast() }
            return entry.isEmpty ? nil : String(decoding: entry, as: UTF8.self)
        }

        /// Reads until a NUL is seen, `decisionBytes` are buffered, or the list ends.
        private func decideSeparator() {
            while separator == nil {
                if buffer.contains(0) { separator = 0; return }
                if atEnd || buffer.count >= Self.decisionBytes { separator = 0x0A; return }
                fill()
            }
        }

        /// Appends the next chunk, dropping what has been taken.
        private func fill() {
            guard !atEnd, let fd else { return }
            if start > 0 && start >= buffer.count / 2 {
                buffer.removeFirst(start)
                start = 0
            }
            while true {
                let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = ReadError(message: "\(name)：读取文件列表失败：\(String(cString: strerror(errno)))。")
                    atEnd = true
                    return
                }
                if n == 0 { atEnd = true; return }
                buffer += chunk[..<n]
                return
            }
        }
    }
}
