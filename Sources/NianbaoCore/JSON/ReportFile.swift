#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The canonical JSON file of one report: its layout, loading and saving bytes, and content hash.
///
/// The on-disk form is the pretty canonical form (sorted keys, 2-space indent, LF, final
/// newline, every cell present, empty cells as `null`, counts as integers, amounts as
/// decimal strings in 万元). The content hash is SHA-256 over the RFC 8785 form of the same data.
public enum ReportFile {
    /// Value of the `format` member that names a nianbao report file.
    public static let formatName = "nianbao-report"
    /// The newest schema version this build writes and reads. Version 2 added the preface, the
    /// sign-off, the origin and the review block; a report with none of them is still written
    /// as version 1, byte for byte as before (see `writtenVersion(of:)`).
    public static let schemaVersion: Int64 = 2
    /// Largest file accepted.
    public static let maxFileBytes = 16 * 1024 * 1024
    /// Longest agency name accepted, in characters.
    public static let maxAgencyLength = 200

    /// The canonical bytes of a report.
    public static func encode(_ report: Report) -> [UInt8] {
        PrettyCanonicalWriter.bytes(jsonValue(report))
    }

    /// The content hash, `sha256:<hex>`, over the RFC 8785 form of everything but the review block.
    ///
    /// The layout hashed is the one the content alone needs (version 1 when there is no preface,
    /// sign-off or origin), so adding a review note changes neither the digest nor, for a
    /// version 1 file, the bytes hashed.
    public static func digest(_ report: Report) -> String {
        DigestTemplate.digest(report) ?? ContentDigest.sha256(jsonValue(report, includeReview: false))
    }

    /// The schema version a report is written with: 1 unless it uses a version 2 addition.
    public static func writtenVersion(of report: Report) -> Int64 {
        report.hasVersion2Content || !report.review.isEmpty ? 2 : 1
    }

    /// Reads and decodes a report file.
    public static func load(path: String) throws(ReportFileError) -> Report {
        try decode(try readBytes(path: path), path: path)
    }

    /// Reads a file's bytes, refusing directories, FIFOs, sockets, devices, unreadable files and
    /// files over the size limit.
    ///
    /// The file is opened without blocking (a FIFO with no writer would otherwise hang the open
    /// or the read forever) and its type checked with `fstat` before anything is read.
    public static func readBytes(path: String) throws(ReportFileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw ReportFileError(path: path, message: "文件不存在。")
            case EACCES: throw ReportFileError(path: path, message: "没有读取权限。")
            case ENXIO: throw ReportFileError(path: path, message: "这是一个套接字或没有设备的特殊文件，不是报告文件。")
            default: throw ReportFileError(path: path, message: "无法打开文件：\(String(cString: strerror(code)))。")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ReportFileError(path: path, message: "无法读取文件信息：\(String(cString: strerror(errno)))。")
        }
        if let kind = nonRegularKind(info.st_mode) {
            throw ReportFileError(path: path, message: "这是\(kind)，不是普通文件；报告文件只能是普通文件。")
        }
        // A regular file never blocks; clear the flag so reads behave as usual.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return try readBytes(descriptor: fd, path: path)
    }

    /// The kind of a file that is not a regular file, in Chinese (`一个命名管道（FIFO）`), or nil.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "一个目录"
        case S_IFIFO: "一个命名管道（FIFO）"
        case S_IFSOCK: "一个套接字"
        case S_IFCHR: "一个字符设备"
        case S_IFBLK: "一个块设备"
        default: "一个特殊文件"
        }
    }

    /// Reads an open descriptor to its end (e.g. standard input), with the same checks and limit;
    /// `path` names it in errors.
    public static func readBytes(descriptor fd: Int32, path: String) throws(ReportFileError) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw ReportFileError(path: path, message: "无法读取文件信息：\(String(cString: strerror(errno)))。")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ReportFileError(path: path, message: "这是一个目录，不是报告文件。") }
        let tooBig = ReportFileError(path: path, message: "文件超过 \(maxFileBytes / 1024 / 1024) MiB 上限，不可能是一份年度报告。")
        if info.st_size > maxFileBytes { throw tooBig }
        // Read until end of file (pipes and /proc files report no size), never past the limit.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 4096) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > maxFileBytes { throw tooBig }
                bytes += [UInt8](repeating: 0, count: min(bytes.count, maxFileBytes + 1 - count) + 1)
            }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReportFileError(path: path, message: "读取文件失败：\(String(cString: strerror(errno)))。")
            }
            if n == 0 { break }
            count += n
        }
        if count > maxFileBytes { throw tooBig }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The JSON value of a report, with every cell of its form present.
    ///
    /// Without the review block (`includeReview: false`, for the digest) a report whose only
    /// version 2 addition is its review is laid out as version 1.
    public static func jsonValue(_ report: Report, includeReview: Bool = true) -> JSONValue {
        let def = report.definition
        var tables: [(key: String, value: JSONValue)] = []
        for table in def.tables {
            var rows: [(key: String, value: JSONValue)] = []
            for block in table.blocks {
                for row in block.rows {
                    var cells: [(key: String, value: JSONValue)] = []
                    for column in block.columns where row.hasCell(in: column.id) {
                        let value = report[CellRef(table: table.id, row: row.id, column: column.id)]
                        cells.append((column.id, cellJSON(value)))
                    }
                    rows.append((row.id, .object(JSONObject(cells))))
                }
            }
            tables.append((table.id.rawValue, .object(JSONObject(rows))))
        }
        let sections = Report.textSections.map { (key: $0.rawValue, value: JSONValue.string(report.text($0))) }
        let version = includeReview ? writtenVersion(of: report) : (report.hasVersion2Content ? 2 : 1)
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(formatName)),
            ("schema_version", .number(JSONNumber(version))),
            ("agency", .string(report.agency)),
            ("year", .number(JSONNumber(Int64(report.year)))),
            ("form", .string(report.form.rawValue)),
            ("scope", .string(report.scope.rawValue)),
            ("sections", .object(JSONObject(sections))),
            ("tables", .object(JSONObject(tables))),
        ]
        if version >= 2 {
            members += version2Members(report, includeReview: includeReview)
        }
        return .object(JSONObject(members))
    }

    static func cellJSON(_ value: CellValue) -> JSONValue {
        switch value {
        case .empty: .null
        case .count(let n): .number(JSONNumber(n))
        case .amount(let a): .string(a.description)
        }
    }
}
