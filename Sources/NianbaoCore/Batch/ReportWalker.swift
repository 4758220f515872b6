#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input of a batch: a file to read, or a path refused before reading, with the reason.
public enum BatchInput: Sendable, Equatable {
    /// A regular file to check.
    case file(String)
    /// A path that is not read (missing, not a regular file, an unreadable folder), with why, in Chinese.
    case refused(path: String, reason: String)

    /// The path as the user or the walk named it.
    public var path: String {
        switch self {
        case .file(let p), .refused(let p, _): p
        }
    }
}

/// Expands files and folders into the report files of a batch, in a deterministic order.
///
/// A named file is taken whatever its name; a folder is walked recursively for `.json` files.
/// Entries are visited in byte order of their names; hidden entries (starting with `.`) are
/// skipped. Symbolic links are followed, and a folder already visited (same device and inode)
/// is not walked again, so link loops end. Anything that is not a regular file or a folder
/// (a FIFO, a socket, a device) is refused without being opened: opening a FIFO would block.
public enum ReportWalker {
    /// The inputs under `roots`, in order (all at once; `Stream` gives them one by one in the same order).
    public static func expand(_ roots: [String]) -> [BatchInput] {
        Array(IteratorSequence(Stream(roots.makeIterator())))
    }

    /// The inputs under a sequence of roots, produced one at a time as they are asked for.
    ///
    /// Only the folders being walked are held (each one's sorted names and the position in
    /// them) and the identities of the folders visited, so a walk of any number of files takes
    /// memory in proportion to the depth and the largest folder, not to the files found. A root
    /// is taken from `roots` only when everything before it has been produced.
    public struct Stream: IteratorProtocol {
        private var roots: any IteratorProtocol<String>
        private var stack: [Frame] = []
        private var visited: Set<DirectoryID> = []

        /// One folder being walked: its path with a final `/`, its names in byte order, the next one to look at.
        private struct Frame {
            let prefix: String
            let names: [[UInt8]]
            var next = 0
        }

        public init(_ roots: some IteratorProtocol<String>) {
            self.roots = roots
        }

        public mutating func next() -> BatchInput? {
            while true {
                if let input = nextInFolders() { return input }
                guard let root = roots.next() else { return nil }
                if let input = visit(root: root) { return input }
            }
        }

        /// A named path: a file is taken whatever its name; a folder is opened for walking.
        private mutating func visit(root: String) -> BatchInput? {
            if root.utf8.contains(0) { return .refused(path: root, reason: "路径中含有 NUL 字符，不是有效的文件名。") }
            let (kind, dev, ino) = ReportWalker.kind(of: root)
            switch kind {
            case .regular: return .file(root)
            case .directory: return enter(directory: root, id: DirectoryID(dev: UInt64(dev), ino: UInt64(ino)))
            case .other(let reason), .missing(let reason): return .refused(path: root, reason: reason)
            }
        }

        /// The next input inside the folders being walked, depth first, or nil when they are done.
        private mutating func nextInFolders() -> BatchInput? {
            while let top = stack.indices.last {
                guard stack[top].next < stack[top].names.count else {
                    stack.removeLast()
                    continue
                }
                let name = stack[top].names[stack[top].next]
                stack[top].next += 1
                let path = stack[top].prefix + String(decoding: name, as: UTF8.self)
                let (kind, dev, ino) = ReportWalker.kind(of: path)
                switch kind {
                case .directory:
                    if let refused = enter(directory: path, id: DirectoryID(dev: UInt64(dev), ino: UInt64(ino))) { return refused }
                case .regular:
                    if ReportWalker.isReportName(name) { return .file(path) }
                case .other(let reason), .missing(let reason):
                    // A dangling link or a FIFO named like a report is worth a line; anything else is not ours.
                    if ReportWalker.isReportName(name) { return .refused(path: path, reason: reason) }
                }
            }
            return nil
        }

        /// Reads and sorts a folder's names and puts it on the stack (nil), or says why it cannot be opened.
        private mutating func enter(directory: String, id: DirectoryID) -> BatchInput? {
            guard visited.insert(id).inserted else { return nil }
            guard let dir = opendir(directory) else {
                return .refused(path: directory, reason: "无法打开文件夹：\(String(cString: strerror(errno)))。")
            }
            var names: [[UInt8]] = []
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> [UInt8] in
                    let bytes = raw.bindMemory(to: UInt8.self)
                    let end = bytes.firstIndex(of: 0) ?? bytes.count
                    return Array(bytes[..<end])
                }
                if name.first == UInt8(ascii: ".") { continue }  // ".", "..", hidden files and folders
                names.append(name)
            }
            closedir(dir)
            names.sort { $0.lexicographicallyPrecedes($1) }
            stack.append(Frame(prefix: directory.hasSuffix("/") ? directory : directory + "/", names: names))
            return nil
        }
    }

    /// The kind of a file system object, from `stat` (links followed).
    enum Kind {
        case regular, directory, other(String), missing(String)
    }

    static func kind(of path: String) -> (Kind, dev_t, ino_t) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            switch code {
            case ENOENT: return (.missing("文件不存在。"), 0, 0)
            case ELOOP: return (.missing("符号链接循环，无法打开。"), 0, 0)
            case EACCES: return (.missing("没有访问权限。"), 0, 0)
            default: return (.missing("无法读取文件信息：\(String(cString: strerror(code)))。"), 0, 0)
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return (.regular, info.st_dev, info.st_ino)
        case S_IFDIR: return (.directory, info.st_dev, info.st_ino)
        default: return (.other(nonRegularReason(mode: info.st_mode)), info.st_dev, info.st_ino)
        }
    }

    /// Why a non-regular file is refused, naming its kind, in `ReportFile.readBytes`'s words.
    public static func nonRegularReason(mode: mode_t) -> String {
        "这是\(ReportFile.nonRegularKind(mode) ?? "一个特殊文件")，不是普通文件；报告文件只能是普通文件。"
    }

    private struct DirectoryID: Hashable {
        let dev: UInt64
        let ino: UInt64
    }

    /// True for names ending in `.json` (any case).
    static func isReportName(_ name: [UInt8]) -> Bool {
        guard name.count > 5 else { return false }
        let tail = name.suffix(5).map { $0 | 0x20 }
        return tail == Array(".json".utf8)
    }
}
