#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// Runs `body` with a fresh directory under the system temp folder, then deletes it
/// (restoring write permission first, since some tests make folders read-only).
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("nianbao-saving-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let path = url.path
    defer {
        if let walker = FileManager.default.enumerator(atPath: path) {
            for case let relative as String in walker {
                let full = path + "/" + relative
                var st = stat()
                if lstat(full, &st) == 0, st.st_mode & 0o170000 == 0o040000 { chmod(full, 0o755) }
            }
        }
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }
    return try body(path)
}

/// Reads a whole file as bytes (empty if missing).
func readBytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
}

/// Writes bytes with a plain (non-atomic) Foundation write, for test setup.
func writeBytes(_ bytes: [UInt8], _ path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// Permission bits of a file (following links).
func modeBits(_ path: String) -> mode_t {
    var st = stat()
    return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
}

/// Names in a directory, sorted.
func listing(_ path: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
}

/// Whether a path is a symbolic link (not following it).
func isSymlink(_ path: String) -> Bool {
    var st = stat()
    return lstat(path, &st) == 0 && st.st_mode & 0o170000 == 0o120000
}

/// Sets a file's modification time to `seconds` since the epoch.
func setModificationTime(_ path: String, seconds: Int) {
    var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
    _ = utimensat(AT_FDCWD, path, &times, 0)
}

/// Parent suite of every saving test, so `swift test --filter Saving` selects them.
@Suite enum SavingTests {}
