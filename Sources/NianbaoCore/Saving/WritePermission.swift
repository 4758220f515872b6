#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether we may write a file or create files in a directory.
///
/// For ordinary users this asks the kernel (`faccessat` with effective ids). Root
/// bypasses permission bits in the kernel, so `access` always says yes; for root we
/// deliberately look at the mode bits ourselves and refuse a file or directory that
/// has no write bit for anyone. A user who chmod'ed a report to 0444 (or its folder to
/// 0555) meant "do not change this", and the editor honours that even when run as root.
enum WritePermission {
    /// Returns the errno that forbids creating files in the open directory, or nil.
    static func directoryDenial(_ dirFD: Int32, mode: mode_t) -> Int32? {
        if Posix.isRoot {
            if UInt32(mode) & 0o222 == 0 { return EACCES }
            // Still ask the kernel: it reports EROFS for read-only mounts even to root.
        }
        if faccessat(dirFD, ".", W_OK | X_OK, AT_EACCESS) != 0 { return errno }
        return nil
    }

    /// Returns the errno that forbids writing the existing file `name` in the directory, or nil.
    static func fileDenial(_ dirFD: Int32, name: String, mode: mode_t) -> Int32? {
        if Posix.isRoot, UInt32(mode) & 0o222 == 0 { return EACCES }
        if faccessat(dirFD, name, W_OK, AT_EACCESS) != 0 { return errno }
        return nil
    }
}
