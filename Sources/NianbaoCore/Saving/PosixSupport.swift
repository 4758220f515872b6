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

/// Small POSIX helpers shared by the saving code: path splitting, stat fields, identity.
enum Posix {
    static let fileTypeMask: UInt32 = 0o170000
    static let regularFile: UInt32 = 0o100000
    static let directory: UInt32 = 0o040000
    static let symbolicLink: UInt32 = 0o120000

    /// The errno of the last failed call.
    static var lastError: Int32 { errno }

    /// Splits a path into (directory, last component); `"a"` gives `(".", "a")`.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let name = String(path[path.index(after: slash)...])
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, name)
    }

    /// Joins a directory and a name without doubling the slash.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The file-type bits of a mode.
    static func type(_ mode: mode_t) -> UInt32 { UInt32(mode) & fileTypeMask }

    /// `lstat`, returning nil (errno set) on failure.
    static func lstatPath(_ path: String) -> stat? {
        var st = stat()
        return lstat(path, &st) == 0 ? st : nil
    }

    /// `stat` (following links), returning nil (errno set) on failure.
    static func statPath(_ path: String) -> stat? {
        var st = stat()
        return stat(path, &st) == 0 ? st : nil
    }

    /// Modification time of a stat buffer in nanoseconds since the epoch.
    static func mtimeNanoseconds(_ st: stat) -> Int64 {
        #if os(Linux)
        return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #else
        return Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #endif
    }

    /// The process umask, read from /proc without changing it (falls back to 022).
    static func currentUmask() -> mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
            for line in status.split(separator: "\n") where line.hasPrefix("Umask:") {
                let digits = line.dropFirst("Umask:".count).filter { $0 != " " && $0 != "\t" }
                if let value = UInt32(digits, radix: 8) { return mode_t(value) }
            }
        }
        return 0o022
    }

    /// Whether we run as root, which bypasses permission checks in the kernel.
    static var isRoot: Bool { geteuid() == 0 }

    /// This machine's host name.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "unknown" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The user's login name: `$USER` (or `$LOGNAME`), else the password database, else the uid.
    ///
    /// The environment comes first because asking the password database may mean NSS
    /// (nscd, LDAP), which is slow to start and only decorates the lock record.
    static func userName() -> String {
        for variable in ["USER", "LOGNAME"] {
            if let value = getenv(variable).map({ String(cString: $0) }), !value.isEmpty { return value }
        }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return String(geteuid())
    }

    /// The effective user's home folder from the password database (for when `HOME` is unset).
    static func homeDirectory() -> String {
        if let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir {
            let home = String(cString: dir)
            if !home.isEmpty { return home }
        }
        return "/"
    }

    /// Whether a process with this pid exists on this host.
    static func processExists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Reads a symbolic link's content.
    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `realpath(3)`, or nil when some component does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The absolute real path of a file that may not exist yet (its directory should).
    static func canonicalPath(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let (directory, name) = split(path)
        if let realDirectory = realPath(directory) { return join(realDirectory, name) }
        if path.hasPrefix("/") { return path }
        return join(FileManager.default.currentDirectoryPath, path)
    }

    /// Cuts a file name to at most `limit` UTF-8 bytes on a character boundary.
    static func truncatedName(_ name: String, limit: Int) -> String {
        var result = ""
        var used = 0
        for character in name {
            let size = character.utf8.count
            if used + size > limit { break }
            result.append(character)
            used += size
        }
        return result
    }

}
