#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// Who holds (or held) a lock file, as written in it.
public struct LockOwner: Sendable, Equatable {
    /// The owner's process id (0 if the lock file was unreadable).
    public let pid: Int32
    /// The owner's user name.
    public let user: String
    /// The owner's host name.
    public let host: String
    /// When the owner took the lock.
    public let startedAt: Date?
    /// Whether the owner ran on this host (so `processAlive` is meaningful).
    public let isThisHost: Bool
    /// Whether the owner's pid exists now; nil for another host.
    public let processAlive: Bool?
}

/// The outcome of trying to lock a file for editing.
public enum LockResult: Sendable {
    /// We created the lock file and hold it.
    case acquired(FileLock)
    /// A running editor holds the lock; open read-only or ask the user.
    case heldByOther(LockOwner)
    /// A leftover lock (no editor holds it, e.g. after a crash) was taken over; we now hold
    /// the returned lock. The previous owner is reported so the caller can offer recovery.
    case stale(LockOwner, FileLock)
    /// Locking is impossible here (read-only folder etc.); the message, in Chinese, says why.
    /// The caller should still open the file.
    case unavailable(String)
}

/// A vim-swap-style advisory lock: `.NAME.nianbao-lock` next to the file, held with `flock`.
///
/// The lock file is created with `O_EXCL` and holds a JSON object with pid, user, host and
/// start time. The kernel releases the `flock` when the process dies, so a lock file whose
/// flock can be taken is stale. A class because it owns a file descriptor; the descriptor
/// is guarded by a lock, which makes the type safe to share.
public final class FileLock: @unchecked Sendable {
    /// The lock file's path.
    public let lockPath: String
    /// The file being edited (after following symbolic links).
    public let targetPath: String
    /// The lock file's descriptor, or -1 once released.
    private let descriptor: Mutex<Int32>

    private init(fd: Int32, lockPath: String, targetPath: String) {
        self.descriptor = Mutex(fd)
        self.lockPath = lockPath
        self.targetPath = targetPath
    }

    deinit { release() }

    /// Whether the lock is still held.
    public var isHeld: Bool { descriptor.withLock { $0 >= 0 } }

    /// Removes the lock file (if it is still ours) and releases the flock. Idempotent.
    public func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            // Unlink before unlocking, so nobody can lock a file we are about to delete.
            if FileLock.isSameFile(fd, lockPath) { unlink(lockPath) }
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    /// The lock file path for a target: `.NAME.nianbao-lock` in the same folder.
    public static func lockPath(for target: String) -> String {
        let (directory, name) = Posix.split(target)
        return Posix.join(directory, "." + Posix.truncatedName(name, limit: 200) + ".nianbao-lock")
    }

    /// Tries to lock `path` for editing (following symbolic links to the real file).
    public static func acquire(for path: String) -> LockResult {
        let target: String
        do {
            target = try SymlinkResolver.resolve(path)
        } catch {
            return .unavailable("无法为 \(path) 加锁：\(error.cause)")
        }
        let (directory, _) = Posix.split(target)
        let lockPath = lockPath(for: target)

        // Same deliberate policy as saving: a folder without write bits is read-only even for root.
        if let st = Posix.statPath(directory), Posix.isRoot, UInt32(st.st_mode) & 0o222 == 0 {
            return unavailable(lockPath, EACCES)
        }

        // The lock file says who edits the draft and where: readable by whoever may read the draft.
        let mode = Posix.statPath(target).map { $0.st_mode & 0o666 } ?? (0o644 & ~Posix.currentUmask())
        var previous: LockOwner?
        for _ in 0..<8 {
            let fd = open(lockPath, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 {
                _ = fchmod(fd, mode)
                guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                    // Another editor opened our brand-new file and locked it first.
                    let owner = readOwner(fd)
                    close(fd)
                    return .heldByOther(owner)
                }
                writeOwnerRecord(fd, target: target)
                let lock = FileLock(fd: fd, lockPath: lockPath, targetPath: target)
                if let previous { return .stale(previous, lock) }
                return .acquired(lock)
            }
            let createError = errno
            guard createError == EEXIST else { return unavailable(lockPath, createError) }

            let existing = open(lockPath, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard existing >= 0 else {
                if errno == ENOENT { continue }  // removed meanwhile: try creating again
                return unavailable(lockPath, errno)
            }
            let owner = readOwner(existing)
            guard flock(existing, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                close(existing)
                if code == EWOULDBLOCK { return .heldByOther(owner) }
                return unavailable(lockPath, code)
            }
            // Nobody holds it: stale. Delete it (only if it is still the same file) and retry.
            previous = previous ?? owner
            if isSameFile(existing, lockPath), unlink(lockPath) != 0, errno != ENOENT {
                let code = errno
                close(existing)
                return unavailable(lockPath, code)
            }
            close(existing)
        }
        return .unavailable("无法为 \(path) 加锁：锁文件 \(lockPath) 反复被其他进程改动")
    }

    private static func unavailable(_ lockPath: String, _ code: Int32) -> LockResult {
        let cause = SaveError(path: lockPath, errno: code, directory: Posix.split(lockPath).directory).cause
        return .unavailable("无法创建锁文件 \(lockPath)：\(cause)；将在不加锁的情况下打开")
    }

    private static func isSameFile(_ fd: Int32, _ path: String) -> Bool {
        var open = stat()
        guard fstat(fd, &open) == 0, let named = Posix.lstatPath(path) else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    private static func writeOwnerRecord(_ fd: Int32, target: String) {
        let record: JSONValue = .object(JSONObject([
            ("app", .string("nianbao")),
            ("pid", .number(JSONNumber(Int64(getpid())))),
            ("user", .string(Posix.userName())),
            ("host", .string(Posix.hostName())),
            ("started", .number(JSONNumber(Int64(Date().timeIntervalSince1970)))),
            ("target", .string(target)),
        ]))
        let bytes = PrettyCanonicalWriter.bytes(record)
        _ = ftruncate(fd, 0)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = pwrite(fd, buffer.baseAddress! + offset, buffer.count - offset, off_t(offset))
                if written < 0, errno == EINTR { continue }
                if written <= 0 { return }  // the record is informative only
                offset += written
            }
        }
    }

    /// Parses the lock file's JSON record (missing fields become empty / unknown).
    static func readOwner(_ fd: Int32) -> LockOwner {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < 65536 {
            let count = pread(fd, &chunk, chunk.count, off_t(bytes.count))
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        let object = (try? JSONParser().parse(bytes))?.objectValue ?? JSONObject()
        let pid = object["pid"]?.numberValue?.int64.flatMap { Int32(exactly: $0) } ?? 0
        let host = object["host"]?.stringValue ?? ""
        let started = object["started"]?.numberValue.map { Date(timeIntervalSince1970: $0.double) }
        let thisHost = host == Posix.hostName()
        return LockOwner(
            pid: pid, user: object["user"]?.stringValue ?? "", host: host, startedAt: started,
            isThisHost: thisHost, processAlive: thisHost ? Posix.processExists(pid) : nil)
    }
}
