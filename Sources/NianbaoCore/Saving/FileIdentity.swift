#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A snapshot of a file's device, inode, size and mtime, to notice changes made by others.
public struct FileIdentity: Sendable, Hashable, CustomStringConvertible {
    /// Device number (`st_dev`).
    public let device: UInt64
    /// Inode number (`st_ino`); an atomic save by another program changes it.
    public let inode: UInt64
    /// Size in bytes.
    public let size: Int64
    /// Modification time in nanoseconds since the epoch.
    public let modificationNanoseconds: Int64

    /// Creates an identity from its parts.
    public init(device: UInt64, inode: UInt64, size: Int64, modificationNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modificationNanoseconds = modificationNanoseconds
    }

    init(_ st: stat) {
        self.init(
            device: UInt64(st.st_dev), inode: UInt64(st.st_ino), size: Int64(st.st_size),
            modificationNanoseconds: Posix.mtimeNanoseconds(st))
    }

    /// The identity of the file at `path` (following symbolic links), or nil if it cannot be stat'ed.
    public static func of(path: String) -> FileIdentity? {
        Posix.statPath(path).map(FileIdentity.init)
    }

    /// Whether the file at `path` is no longer the one this snapshot describes (changed, replaced or deleted).
    public func hasChanged(at path: String) -> Bool {
        FileIdentity.of(path: path) != self
    }

    public var description: String {
        "dev \(device) ino \(inode) size \(size) mtime \(modificationNanoseconds)ns"
    }
}
