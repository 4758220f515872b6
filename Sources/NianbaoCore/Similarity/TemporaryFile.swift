#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch file in the temporary folder (`TMPDIR`, else `/tmp`) that has no name: it is
/// unlinked as soon as it is made, so it is gone however the process ends, and its space is
/// freed when it is closed. Written by appending (buffered), read back at any offset.
///
/// A failure to write is kept in `failure` (in Chinese) and later writes are dropped: the owner
/// checks it once, at the end, instead of at every append.
final class TemporaryFile {
    private let fd: Int32
    /// Where the file lives, for messages.
    let directory: String
    private var pending: [UInt8] = []
    private var written: UInt64 = 0
    /// Why the file cannot be relied on, when something failed.
    private(set) var failure: String?

    /// Bytes held before a write.
    static let bufferSize = 1 << 16

    /// The temporary folder: `TMPDIR` when set, else `/tmp`.
    static var defaultDirectory: String {
        if let dir = getenv("TMPDIR"), dir.pointee != 0 { return String(cString: dir) }
        return "/tmp"
    }

    /// Why a scratch file could not be made, in Chinese.
    struct CreateError: Error, Sendable, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// A new scratch file in `directory`, already unlinked.
    init(directory: String = TemporaryFile.defaultDirectory) throws(CreateError) {
        self.directory = directory
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        var template = Array((base + "nianbao-similar-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CreateError(message: "无法在临时文件夹 \(directory) 中建立临时文件：\(String(cString: strerror(errno)))")
        }
        let name = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        guard unlink(name) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw CreateError(message: "无法删除临时文件 \(name) 的名字：\(reason)")
        }
        self.fd = fd
        pending.reserveCapacity(Self.bufferSize)
    }

    /// A scratch file over an open descriptor (tests: `/dev/full` fails every write).
    init(descriptor: Int32, directory: String) {
        self.fd = descriptor
        self.directory = directory
        pending.reserveCapacity(Self.bufferSize)
    }

    deinit { close(fd) }

    /// Bytes appended so far (the offset of the next append).
    var size: UInt64 { written + UInt64(pending.count) }

    func append(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        if pending.count + bytes.count > Self.bufferSize { flush() }
        if bytes.count > Self.bufferSize {
            writeAll(bytes)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    func append(_ bytes: some Collection<UInt8>) {
        guard failure == nil else { return }
        if bytes.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) != nil { return }
        Array(bytes).withUnsafeBytes { append($0) }
    }

    func append<T: BitwiseCopyable>(value: T) {
        withUnsafeBytes(of: value) { append($0) }
    }

    /// Writes what is buffered.
    func flush() {
        guard failure == nil, !pending.isEmpty else { return }
        pending.withUnsafeBytes { writeAll($0) }
        pending.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) {
        var done = 0
        while done < bytes.count, failure == nil {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(written))
            if n < 0 {
                if errno == EINTR { continue }
                failure = "写入临时文件失败（临时文件夹 \(directory)）：\(String(cString: strerror(errno)))"
                return
            }
            if n == 0 {
                failure = "写入临时文件失败（临时文件夹 \(directory)）：写不进去"
                return
            }
            done += n
            written += UInt64(n)
        }
    }

    /// Fills `buffer` from `offset`; false (and `failure` set) when that cannot be done.
    @discardableResult
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        if offset + UInt64(buffer.count) > written { flush() }
        guard failure == nil else { return false }
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                failure = "读取临时文件失败（临时文件夹 \(directory)）：\(String(cString: strerror(errno)))"
                return false
            }
            if n == 0 {
                failure = "读取临时文件失败（临时文件夹 \(directory)）：文件比写入的短"
                return false
            }
            done += n
        }
        return true
    }

    /// The value of type `T` stored at `offset` (zero bits when it cannot be read; see `failure`).
    func read<T: BitwiseCopyable>(_: T.Type, at offset: UInt64, zero: T) -> T {
        var value = zero
        _ = withUnsafeMutableBytes(of: &value) { read(at: offset, into: $0) }
        return value
    }
}
