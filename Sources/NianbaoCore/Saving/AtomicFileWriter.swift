#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file's content atomically: temp file in the same directory, fsync, rename, fsync dir.
///
/// Unlike `Data.write(options: .atomic)` on Linux this keeps the file's mode and owner,
/// writes through symbolic links (the link stays a link), fsyncs the directory, and
/// refuses to replace a file the user made read-only. On any failure the temp file is
/// removed and the original file is left untouched (a failure of the final directory
/// fsync is reported after the rename has already happened).
public enum AtomicFileWriter {
    /// Atomically writes `bytes` to `path`, creating the file if needed.
    ///
    /// - Parameter newFileMode: permission bits for a file that does not exist yet;
    ///   nil means `0644 & ~umask`. An existing file always keeps its own mode.
    public static func write(_ bytes: [UInt8], to path: String, newFileMode: mode_t? = nil) throws(SaveError) {
        try write(bytes, to: path, newFileMode: newFileMode, io: .current)
    }

    /// The implementation, with injectable syscalls for tests.
    static func write(_ bytes: [UInt8], to path: String, newFileMode: mode_t? = nil, io: SaveIO) throws(SaveError) {
        let target = try SymlinkResolver.resolve(path)
        let (directory, name) = Posix.split(target)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw SaveError(path: path, reason: .notRegularFile, errno: EISDIR)
        }

        let dirFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw SaveError(path: path, errno: errno, directory: directory) }
        defer { close(dirFD) }

        var dirStat = stat()
        guard fstat(dirFD, &dirStat) == 0 else { throw SaveError(path: path, errno: errno) }
        if let denial = WritePermission.directoryDenial(dirFD, mode: dirStat.st_mode) {
            throw SaveError(path: path, errno: denial, directory: directory)
        }

        var existing = stat()
        let exists: Bool
        if fstatat(dirFD, name, &existing, AT_SYMLINK_NOFOLLOW) == 0 {
            exists = true
            guard Posix.type(existing.st_mode) == Posix.regularFile else {
                throw SaveError(path: path, reason: .notRegularFile, errno: EISDIR)
            }
            if let denial = WritePermission.fileDenial(dirFD, name: name, mode: existing.st_mode) {
                let reason: SaveError.Reason = denial == EROFS ? .readOnlyFileSystem : .fileReadOnly
                throw SaveError(path: path, reason: reason, errno: denial)
            }
        } else if errno == ENOENT {
            exists = false
        } else {
            throw SaveError(path: path, errno: errno)
        }

        let mode: mode_t = exists
            ? existing.st_mode & 0o7777
            : (newFileMode ?? (0o644 & ~Posix.currentUmask()))

        try replace(name, in: dirFD, directory: directory, path: path, with: bytes, io: io, openFlags: 0) { fd throws(SaveError) in
            if exists, fchown(fd, existing.st_uid, existing.st_gid) != 0, errno != EPERM {
                throw SaveError(path: path, errno: errno)
            }
            guard fchmod(fd, mode) == 0 else { throw SaveError(path: path, errno: errno) }
        }
    }

    /// Atomically writes a private file (mode 0600) named `name` in an open folder, never following links.
    ///
    /// For recovery copies in a folder others might reach: the temp file is created with
    /// `O_EXCL | O_NOFOLLOW`, and the rename replaces whatever entry has the name (a planted
    /// symbolic link is replaced, not written through). The existing file's mode and owner are
    /// not copied.
    static func writePrivate(_ bytes: [UInt8], directoryFD dirFD: Int32, directory: String, name: String,
                             io: SaveIO = .current) throws(SaveError) {
        let path = Posix.join(directory, name)
        var existing = stat()
        if fstatat(dirFD, name, &existing, AT_SYMLINK_NOFOLLOW) == 0 {
            let type = Posix.type(existing.st_mode)
            guard type == Posix.regularFile || type == Posix.symbolicLink else {
                throw SaveError(path: path, reason: .notRegularFile, errno: EISDIR)
            }
        } else if errno != ENOENT {
            throw SaveError(path: path, errno: errno)
        }
        try replace(name, in: dirFD, directory: directory, path: path, with: bytes, io: io, openFlags: O_NOFOLLOW) { fd throws(SaveError) in
            guard fchmod(fd, 0o600) == 0 else { throw SaveError(path: path, errno: errno) }
        }
    }

    /// The steps every atomic write shares: a new temp file (`O_EXCL`, plus `openFlags`) filled
    /// with `bytes`, `prepare` (owner, mode), fsync, rename over `name`, fsync of the folder, and
    /// removal of temp files left by interrupted saves of the same name.
    private static func replace(_ name: String, in dirFD: Int32, directory: String, path: String, with bytes: [UInt8],
                                io: SaveIO, openFlags: Int32,
                                prepare: (Int32) throws(SaveError) -> Void) throws(SaveError) {
        var tempName = ""
        var fd: Int32 = -1
        for _ in 0..<16 {
            tempName = temporaryName(for: name)
            fd = openat(dirFD, tempName, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | openFlags, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw SaveError(path: path, errno: errno, directory: directory) }

        do throws(SaveError) {
            try fill(fd, with: bytes, path: path, io: io)
            try prepare(fd)
            let syncError = io.fsync(fd)
            // Never retry a failed fsync: after EIO the kernel may have dropped the pages.
            guard syncError == 0 else { throw SaveError(path: path, errno: syncError) }
        } catch {
            close(fd)
            unlinkat(dirFD, tempName, 0)
            throw error
        }
        guard close(fd) == 0 else {
            let code = errno
            unlinkat(dirFD, tempName, 0)
            throw SaveError(path: path, errno: code)
        }
        guard renameat(dirFD, tempName, dirFD, name) == 0 else {
            let code = errno
            unlinkat(dirFD, tempName, 0)
            throw SaveError(path: path, errno: code, directory: directory)
        }
        // Some file systems cannot fsync a directory (EINVAL); the rename itself is done.
        if fsync(dirFD) != 0, errno != EINVAL {
            throw SaveError(path: path, errno: errno)
        }
        StaleTemporaries.remove(in: dirFD, directory: directory, for: name)
    }

    /// `.NAME.tmp-PID-RANDOM`, with NAME shortened so the result fits in NAME_MAX.
    static func temporaryName(for name: String) -> String {
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        return "." + Posix.truncatedName(name, limit: 200) + ".tmp-\(getpid())-" + random
    }

    /// Writes every byte, looping over short writes and EINTR.
    private static func fill(_ fd: Int32, with bytes: [UInt8], path: String, io: SaveIO) throws(SaveError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let (written, code) = io.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if code == EINTR || code == EAGAIN { continue }
                    failure = code
                    return
                }
                if written == 0 {
                    failure = EIO
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw SaveError(path: path, errno: failure) }
    }
}
