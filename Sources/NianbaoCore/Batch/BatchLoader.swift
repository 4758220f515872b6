#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads report files for a batch without ever blocking on one.
///
/// The file is opened with `O_NONBLOCK`, so a FIFO put in place of a report between the walk
/// and the read does not hang the batch; anything but a regular file is then refused.
public enum BatchLoader {
    /// The report in a file, or why it could not be read.
    public static func load(path: String) throws(ReportFileError) -> Report {
        try ReportFile.decode(try readBytes(path: path), path: path)
    }

    /// The bytes of a regular file, with `ReportFile`'s limits and messages.
    public static func readBytes(path: String) throws(ReportFileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw ReportFileError(path: path, message: "文件不存在。")
            case EACCES: throw ReportFileError(path: path, message: "没有读取权限。")
            default: throw ReportFileError(path: path, message: "无法打开文件：\(String(cString: strerror(code)))。")
            }
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type != S_IFREG && type != S_IFDIR {
                throw ReportFileError(path: path, message: ReportWalker.nonRegularReason(mode: info.st_mode))
            }
        }
        return try ReportFile.readBytes(descriptor: fd, path: path)
    }
}
