#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temp files left by interrupted saves (`.NAME.tmp-PID-RANDOM`), removed when NAME is next saved.
///
/// A save killed between creating its temp file and renaming it leaves the temp behind, up to
/// the draft's size each. Only temps of the same file name are touched, only regular files owned
/// by the current user, and only when the process whose pid is in the name no longer exists.
enum StaleTemporaries {
    /// The pid in `name` when it is a temp file of `target` (`.TARGET.tmp-PID-HEX`), else nil.
    static func pid(inTemporaryName name: String, for target: String) -> Int32? {
        let prefix = "." + Posix.truncatedName(target, limit: 200) + ".tmp-"
        guard name.utf8.count > prefix.utf8.count, name.hasPrefix(prefix) else { return nil }
        let rest = name.utf8.dropFirst(prefix.utf8.count)
        guard let dash = rest.firstIndex(of: UInt8(ascii: "-")) else { return nil }
        let digits = rest[rest.startIndex..<dash]
        let random = rest[rest.index(after: dash)...]
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              !random.isEmpty, random.count <= 8,
              random.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) })
        else { return nil }
        var value: Int64 = 0
        for d in digits { value = value * 10 + Int64(d - 0x30) }
        return Int32(exactly: value)
    }

    /// Deletes the stale temps of `target` in the open folder; returns how many were removed.
    @discardableResult
    static func remove(in dirFD: Int32, directory: String, for target: String) -> Int {
        let scanFD = openat(dirFD, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard scanFD >= 0, let dir = fdopendir(scanFD) else {
            if scanFD >= 0 { close(scanFD) }
            return 0
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard let pid = pid(inTemporaryName: name, for: target), pid != getpid(),
                  !Posix.processExists(pid) else { continue }
            names.append(name)
        }
        var removed = 0
        for name in names {
            var st = stat()
            guard fstatat(dirFD, name, &st, AT_SYMLINK_NOFOLLOW) == 0,
                  Posix.type(st.st_mode) == Posix.regularFile, st.st_uid == geteuid() else { continue }
            if unlinkat(dirFD, name, 0) == 0 { removed += 1 }
        }
        return removed
    }
}
