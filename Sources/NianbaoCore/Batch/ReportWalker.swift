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
    /// The inputs under `roots`, in order.
    public static func expand(_ roots: [String]) -> [BatchInput] {
        var walk = Walk()
        for root in roots { walk.visit(root: root) }
        return walk.inputs
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

    private struct Walk {
        var inputs: [BatchInput] = []
        var visited: Set<DirectoryID> = []

        mutating func visit(root: String) {
            let (kind, dev, ino) = ReportWalker.kind(of: root)
            switch kind {
            case .regular: inputs.append(.file(root))
            case .directory: walk(directory: root, id: DirectoryID(dev: UInt64(dev), ino: UInt64(ino)))
            case .other(let reason), .missing(let reason): inputs.append(.refused(path: root, reason: reason))
            }
        }

        mutating func walk(directory: String, id: DirectoryID) {
            guard visited.insert(id).inserted else { return }
            guard let dir = opendir(directory) else {
                inputs.append(.refused(path: directory, reason: "无法打开文件夹：\(String(cString: strerror(errno)))。"))
                return
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
            let prefix = directory.hasSuffix("/") ? directory : directory + "/"
            for name in names {
                let path = prefix + String(decoding: name, as: UTF8.self)
                let (kind, dev, ino) = ReportWalker.kind(of: path)
                switch kind {
                case .directory:
                    walk(directory: path, id: DirectoryID(dev: UInt64(dev), ino: UInt64(ino)))
                case .regular:
                    if ReportWalker.isReportName(name) { inputs.append(.file(path)) }
                case .other(let reason):
                    if ReportWalker.isReportName(name) { inputs.append(.refused(path: path, reason: reason)) }
                case .missing(let reason):
                    // A dangling link named like a report is worth a line; anything else is not ours.
                    if ReportWalker.isReportName(name) { inputs.append(.refused(path: path, reason: reason)) }
                }
            }
        }
    }

    /// True for names ending in `.json` (any case).
    static func isReportName(_ name: [UInt8]) -> Bool {
        guard name.count > 5 else { return false }
        let tail = name.suffix(5).map { $0 | 0x20 }
        return tail == Array(".json".utf8)
    }
}
