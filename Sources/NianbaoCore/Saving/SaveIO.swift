#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few syscalls of a save that tests replace to simulate a full disk or short writes.
struct SaveIO: Sendable {
    /// `write(2)`: returns bytes written, or -1 together with the errno.
    var write: @Sendable (_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> (result: Int, errno: Int32)
    /// `fsync(2)` on the temp file: returns 0, or the errno.
    var fsync: @Sendable (_ fd: Int32) -> Int32

    /// The real system calls.
    static let system = SaveIO(
        write: { fd, buffer, count in systemWrite(fd, buffer, count) },
        fsync: { fd in systemFsync(fd) }
    )

    /// A disk that is always full: every write fails with ENOSPC.
    static let fullDisk = SaveIO(
        write: { _, _, _ in (-1, ENOSPC) },
        fsync: { fd in systemFsync(fd) }
    )

    /// What saves use: the real calls, or in debug builds a full disk when the end-to-end tests
    /// set `NIANBAO_DEBUG_FULL_DISK=1` (for machines where they cannot mount a small tmpfs).
    static var current: SaveIO {
        #if DEBUG
        if let flag = getenv("NIANBAO_DEBUG_FULL_DISK"), String(cString: flag) == "1" { return fullDisk }
        #endif
        return system
    }
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> (result: Int, errno: Int32) {
    let written = write(fd, buffer, count)
    return (written, written < 0 ? errno : 0)
}

private func systemFsync(_ fd: Int32) -> Int32 {
    fsync(fd) == 0 ? 0 : errno
}
