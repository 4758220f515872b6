#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed save, with the path, the errno and a Simplified Chinese message for the user.
public struct SaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why the save failed, independent of the exact errno.
    public enum Reason: Sendable, Equatable {
        /// The containing directory does not allow creating files (permissions or mode bits).
        case directoryReadOnly
        /// The existing file does not allow writing (permissions or mode bits).
        case fileReadOnly
        /// The file system is mounted read-only (EROFS).
        case readOnlyFileSystem
        /// No space left or quota exceeded (ENOSPC, EDQUOT).
        case diskFull
        /// Some other permission problem (EACCES, EPERM).
        case permissionDenied
        /// A chain of symbolic links loops or is too long (ELOOP).
        case symlinkLoop
        /// The target exists but is a directory, device or other non-regular file.
        case notRegularFile
        /// The containing directory does not exist (ENOENT, ENOTDIR).
        case directoryMissing
        /// A folder other users can write to (or that belongs to someone else), unsafe for private copies.
        case unsafeDirectory
        /// A low-level I/O failure (EIO) or anything else.
        case system
    }

    /// The path the user asked to save to.
    public let path: String
    /// The errno behind the failure (EACCES for refusals made by our own mode-bit checks).
    public let errnoCode: Int32
    /// The classified cause.
    public let reason: Reason
    /// The containing directory, when the cause is about the directory.
    public let directory: String?

    /// Creates an error with an explicit reason.
    public init(path: String, reason: Reason, errno code: Int32, directory: String? = nil) {
        self.path = path
        self.reason = reason
        self.errnoCode = code
        self.directory = directory
    }

    /// Creates an error by classifying an errno value.
    public init(path: String, errno code: Int32, directory: String? = nil) {
        let reason: Reason
        switch code {
        case EROFS: reason = .readOnlyFileSystem
        case ENOSPC, EDQUOT: reason = .diskFull
        case EACCES, EPERM: reason = directory == nil ? .permissionDenied : .directoryReadOnly
        case ELOOP: reason = .symlinkLoop
        case EISDIR: reason = .notRegularFile
        case ENOENT, ENOTDIR: reason = .directoryMissing
        default: reason = .system
        }
        self.init(path: path, reason: reason, errno: code, directory: directory)
    }

    /// The full user-facing message, e.g. `无法保存 /x/y.json：磁盘已满（ENOSPC）`.
    public var message: String { "无法保存 \(path)：\(cause)" }

    /// The cause part of the message, ending with the errno name in full-width brackets.
    public var cause: String {
        let name = SaveError.errnoName(errnoCode)
        switch reason {
        case .directoryReadOnly:
            if let directory { return "所在目录 \(directory) 只读，无法在其中创建文件（\(name)）" }
            return "所在目录只读（\(name)）"
        case .fileReadOnly: return "文件只读，没有写入权限（\(name)）"
        case .readOnlyFileSystem: return "所在文件系统为只读挂载（\(name)）"
        case .diskFull: return errnoCode == EDQUOT ? "超出磁盘配额（\(name)）" : "磁盘已满（\(name)）"
        case .permissionDenied: return "没有写入权限（\(name)）"
        case .symlinkLoop: return "符号链接形成循环或层级过深（\(name)）"
        case .notRegularFile: return "目标不是普通文件（\(name)）"
        case .unsafeDirectory:
            let folder = directory ?? path
            return "目录 \(folder) 不属于当前用户或可被其他用户写入，不能安全存放恢复副本（\(name)）"
        case .directoryMissing:
            if let directory { return "所在目录 \(directory) 不存在（\(name)）" }
            return "所在目录不存在（\(name)）"
        case .system:
            switch errnoCode {
            case EIO: return "磁盘读写错误（\(name)）"
            case ENAMETOOLONG: return "文件名过长（\(name)）"
            case EXDEV: return "不能跨文件系统改名（\(name)）"
            default: return "系统错误：\(String(cString: strerror(errnoCode)))（\(name)）"
            }
        }
    }

    public var description: String { message }

    /// The symbolic name of common errno values (`ENOSPC`), or `errno N`.
    public static func errnoName(_ code: Int32) -> String {
        switch code {
        case EPERM: return "EPERM"
        case ENOENT: return "ENOENT"
        case EINTR: return "EINTR"
        case EIO: return "EIO"
        case EBADF: return "EBADF"
        case EAGAIN: return "EAGAIN"
        case ENOMEM: return "ENOMEM"
        case EACCES: return "EACCES"
        case EBUSY: return "EBUSY"
        case EEXIST: return "EEXIST"
        case EXDEV: return "EXDEV"
        case ENOTDIR: return "ENOTDIR"
        case EISDIR: return "EISDIR"
        case EINVAL: return "EINVAL"
        case ENFILE: return "ENFILE"
        case EMFILE: return "EMFILE"
        case ETXTBSY: return "ETXTBSY"
        case EFBIG: return "EFBIG"
        case ENOSPC: return "ENOSPC"
        case EROFS: return "EROFS"
        case ENAMETOOLONG: return "ENAMETOOLONG"
        case ELOOP: return "ELOOP"
        case EDQUOT: return "EDQUOT"
        case ENOLCK: return "ENOLCK"
        default: return "errno \(code)"
        }
    }
}
