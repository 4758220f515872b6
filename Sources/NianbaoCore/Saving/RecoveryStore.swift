#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A recovery copy found on disk: the draft bytes as they were last autosaved.
public struct RecoveryCopy: Sendable, Equatable {
    /// The draft's canonical JSON bytes, stored as-is.
    public let bytes: [UInt8]
    /// When the recovery copy was last written.
    public let modificationDate: Date
    /// The draft's absolute real path, from the sidecar (nil if the sidecar is missing).
    public let originalPath: String?
    /// The pid of the editor that wrote it, from the sidecar.
    public let pid: Int32?
    /// The host of the editor that wrote it, from the sidecar.
    public let host: String?
}

/// Recovery copies of drafts being edited, one file per draft, outside the draft's folder.
///
/// Each draft `/a/b/report.json` maps to `report.json-<16 hex of sha256(realpath)>.recovery.json`
/// holding the draft bytes, plus a `….recovery.meta.json` sidecar with the original path,
/// pid, host and time, written by hand as a tiny JSON object.
public struct RecoveryStore: Sendable {
    /// The folder holding the recovery files (created 0700 on first write).
    public let directory: String

    /// A store in an explicit folder.
    public init(directory: String) {
        self.directory = directory
    }

    /// The standard location: `$NIANBAO_RECOVERY_DIR`, else `$XDG_STATE_HOME/nianbao/recovery`,
    /// else `~/.local/state/nianbao/recovery`.
    public static func standard() -> RecoveryStore {
        standard { name in getenv(name).map { String(cString: $0) } }
    }

    /// The standard location for a given environment.
    public static func standard(environment: [String: String]) -> RecoveryStore {
        standard { environment[$0] }
    }

    private static func standard(variable: (String) -> String?) -> RecoveryStore {
        if let override = variable("NIANBAO_RECOVERY_DIR"), !override.isEmpty {
            return RecoveryStore(directory: override)
        }
        // The XDG spec says relative values must be ignored.
        if let state = variable("XDG_STATE_HOME"), state.hasPrefix("/") {
            return RecoveryStore(directory: Posix.join(state, "nianbao/recovery"))
        }
        let home = variable("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? Posix.homeDirectory()
        return RecoveryStore(directory: Posix.join(home, ".local/state/nianbao/recovery"))
    }

    /// The recovery file for a draft (the draft need not exist yet).
    public func path(for draftPath: String) -> String {
        let canonical = Posix.canonicalPath(draftPath)
        let digest = SHA256.hash(data: Array(canonical.utf8))
        let hex = digest.prefix(8).map { byte in
            let s = String(byte, radix: 16)
            return byte < 16 ? "0" + s : s
        }.joined()
        let base = Posix.truncatedName(Posix.split(canonical).name, limit: 180)
        return Posix.join(directory, "\(base)-\(hex).recovery.json")
    }

    /// The sidecar with the original path, pid, host and time.
    public func metadataPath(for draftPath: String) -> String {
        let recovery = path(for: draftPath)
        return String(recovery.dropLast(".json".count)) + ".meta.json"
    }

    /// Atomically writes a recovery copy of the draft (creating the folder 0700).
    public func write(bytes: [UInt8], for draftPath: String) throws(SaveError) {
        try createDirectory()
        let recovery = path(for: draftPath)
        try AtomicFileWriter.write(bytes, to: recovery, newFileMode: 0o600)
        let meta: JSONValue = .object(JSONObject([
            ("app", .string("nianbao")),
            ("originalPath", .string(Posix.canonicalPath(draftPath))),
            ("pid", .number(JSONNumber(Int64(getpid())))),
            ("host", .string(Posix.hostName())),
            ("savedAt", .number(JSONNumber(Int64(Date().timeIntervalSince1970)))),
        ]))
        try AtomicFileWriter.write(PrettyCanonicalWriter.bytes(meta), to: metadataPath(for: draftPath), newFileMode: 0o600)
    }

    /// The recovery copy for a draft, or nil if there is none.
    public func load(for draftPath: String) -> RecoveryCopy? {
        let recovery = path(for: draftPath)
        guard let st = Posix.statPath(recovery),
              let data = FileManager.default.contents(atPath: recovery)
        else { return nil }
        let seconds = Double(Posix.mtimeNanoseconds(st)) / 1_000_000_000
        var originalPath: String?
        var pid: Int32?
        var host: String?
        if let metaData = FileManager.default.contents(atPath: metadataPath(for: draftPath)),
           case .object(let object)? = try? JSONParser().parse([UInt8](metaData)) {
            originalPath = object["originalPath"]?.stringValue
            pid = object["pid"]?.numberValue?.int64.flatMap { Int32(exactly: $0) }
            host = object["host"]?.stringValue
        }
        return RecoveryCopy(
            bytes: [UInt8](data), modificationDate: Date(timeIntervalSince1970: seconds),
            originalPath: originalPath, pid: pid, host: host)
    }

    /// Deletes the recovery copy and its sidecar; a missing copy is not an error.
    public func remove(for draftPath: String) throws(SaveError) {
        for file in [path(for: draftPath), metadataPath(for: draftPath)] {
            if unlink(file) != 0, errno != ENOENT {
                throw SaveError(path: file, errno: errno)
            }
        }
    }

    /// Whether a recovery copy exists that is newer than the draft (or the draft is gone).
    public func hasNewerCopy(than draftPath: String) -> Bool {
        guard let recovery = Posix.statPath(path(for: draftPath)) else { return false }
        guard let draft = Posix.statPath(draftPath) else { return true }
        return Posix.mtimeNanoseconds(recovery) > Posix.mtimeNanoseconds(draft)
    }

    /// `mkdir -p` with mode 0700 for every folder we create.
    private func createDirectory() throws(SaveError) {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 {
                let code = errno
                if code == EEXIST, let st = Posix.statPath(prefix), Posix.type(st.st_mode) == Posix.directory {
                    continue
                }
                throw SaveError(path: directory, errno: code, directory: Posix.split(prefix).directory)
            }
        }
    }
}
