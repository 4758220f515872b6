#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows a chain of symbolic links to the file a save should really write to.
enum SymlinkResolver {
    /// Most links followed before giving up, as the kernel's own limit (40).
    static let maximumHops = 40

    /// Returns the final non-link path (which may not exist yet), or throws on a loop.
    ///
    /// Only the last component is followed, hop by hop, so that a dangling link still
    /// names the file to create and the link itself is left in place.
    static func resolve(_ path: String) throws(SaveError) -> String {
        var current = path
        var seen: Set<String> = []
        for _ in 0..<maximumHops {
            guard let st = Posix.lstatPath(current) else {
                let code = Posix.lastError
                if code == ENOENT { return current }
                throw SaveError(path: path, errno: code)
            }
            guard Posix.type(st.st_mode) == Posix.symbolicLink else { return current }
            guard seen.insert(current).inserted else { break }
            guard let destination = Posix.readLink(current) else {
                throw SaveError(path: path, errno: Posix.lastError)
            }
            current = destination.hasPrefix("/")
                ? destination
                : Posix.join(Posix.split(current).directory, destination)
        }
        throw SaveError(path: path, reason: .symlinkLoop, errno: ELOOP)
    }
}
