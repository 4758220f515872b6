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
    /// The draft's absolute real path, from the sidecar.
    public let originalPath: String?
    /// The pid of the editor that wrote it, from the sidecar.
    public let pid: Int32?
    /// The host of the editor that wrote it, from the sidecar.
    public let host: String?
    /// Where the copy was found.
    public var path: String = ""
    /// The copy's modification time in nanoseconds since the epoch.
    public var modificationNanoseconds: Int64 = 0
}

/// Recovery copies of drafts being edited, one file per draft, tried in several places in turn.
///
/// Each draft `/a/b/report.json` maps to `report.json-<16 hex of sha256(realpath)>.recovery.json`
/// holding the draft bytes, plus a `….recovery.meta.json` sidecar with the original path,
/// pid, host and time. The standard store tries its own folder first (`NIANBAO_RECOVERY_DIR`,
/// `XDG_STATE_HOME` or `~/.local/state`), then a hidden copy beside the draft, then a private
/// folder under `$TMPDIR`; a copy that could not be written anywhere is reported with every
/// place tried. Files are created without following links (`O_EXCL`, `O_NOFOLLOW`), a private
/// folder must belong to the user and not be writable by others, and a copy is only offered
/// when it belongs to the user and its sidecar names the same draft.
public struct RecoveryStore: Sendable {
    /// One place a recovery copy can go.
    public enum Place: Sendable, Equatable {
        /// A private folder of the user's (created 0700; refused when others can write to it).
        case folder(String)
        /// Hidden files (`.report.json-….recovery.json`) in the draft's own folder.
        case besideDraft
    }

    /// The places tried, in order.
    public let places: [Place]

    /// The first private folder (where copies normally go).
    public var directory: String {
        for place in places { if case .folder(let path) = place { return path } }
        return "."
    }

    /// A store in one explicit folder.
    public init(directory: String) {
        self.places = [.folder(directory)]
    }

    /// A store trying several places in turn.
    public init(places: [Place]) {
        self.places = places
    }

    /// The standard places: `$NIANBAO_RECOVERY_DIR`, else `$XDG_STATE_HOME/nianbao/recovery`,
    /// else `~/.local/state/nianbao/recovery`; then beside the draft; then `$TMPDIR/nianbao-recovery-UID`.
    public static func standard() -> RecoveryStore {
        standard { name in getenv(name).map { String(cString: $0) } }
    }

    /// The standard places for a given environment.
    public static func standard(environment: [String: String]) -> RecoveryStore {
        standard { environment[$0] }
    }

    private static func standard(variable: (String) -> String?) -> RecoveryStore {
        let primary: String
        if let override = variable("NIANBAO_RECOVERY_DIR"), !override.isEmpty {
            primary = override
        } else if let state = variable("XDG_STATE_HOME"), state.hasPrefix("/") {
            // The XDG spec says relative values must be ignored.
            primary = Posix.join(state, "nianbao/recovery")
        } else {
            let home = variable("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? Posix.homeDirectory()
            primary = Posix.join(home, ".local/state/nianbao/recovery")
        }
        let tmp = variable("TMPDIR").flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        let temporary = Posix.join(tmp, "nianbao-recovery-\(geteuid())")
        return RecoveryStore(places: [.folder(primary), .besideDraft, .folder(temporary)])
    }

    // MARK: Names

    /// The recovery file for a draft in the first place (the draft need not exist yet).
    public func path(for draftPath: String) -> String {
        path(for: draftPath, in: places.first ?? .folder("."))
    }

    /// The sidecar with the original path, pid, host and time, in the first place.
    public func metadataPath(for draftPath: String) -> String {
        String(path(for: draftPath).dropLast(".json".count)) + ".meta.json"
    }

    /// The recovery file for a draft in a given place.
    public func path(for draftPath: String, in place: Place) -> String {
        let canonical = Posix.canonicalPath(draftPath)
        return Posix.join(folder(of: place, canonicalDraft: canonical), Self.fileName(canonical, place))
    }

    /// The folder a place stands for, for one draft.
    func folder(of place: Place, canonicalDraft: String) -> String {
        switch place {
        case .folder(let path): path
        case .besideDraft: Posix.split(canonicalDraft).directory
        }
    }

    static func fileName(_ canonical: String, _ place: Place) -> String {
        let digest = SHA256.hash(data: Array(canonical.utf8))
        let hex = digest.prefix(8).map { byte in
            let s = String(byte, radix: 16)
            return byte < 16 ? "0" + s : s
        }.joined()
        let base = Posix.truncatedName(Posix.split(canonical).name, limit: 180)
        let hidden = place == .besideDraft ? "." : ""
        return "\(hidden)\(base)-\(hex).recovery.json"
    }

    static func metadataName(_ fileName: String) -> String {
        String(fileName.dropLast(".json".count)) + ".meta.json"
    }

    // MARK: Writing

    /// Writes a recovery copy of the draft in the first place that takes it; returns where it went.
    ///
    /// Copies of the same draft left in the other places are removed, so the newest copy is
    /// the only one. Throws with every place tried and why each refused.
    @discardableResult
    public func write(bytes: [UInt8], for draftPath: String) throws(RecoveryWriteFailure) -> RecoveryWritten {
        try write(bytes: bytes, for: draftPath, io: .current)
    }

    func write(bytes: [UInt8], for draftPath: String, io: SaveIO) throws(RecoveryWriteFailure) -> RecoveryWritten {
        let canonical = Posix.canonicalPath(draftPath)
        let meta: JSONValue = .object(JSONObject([
            ("app", .string("nianbao")),
            ("originalPath", .string(canonical)),
            ("pid", .number(JSONNumber(Int64(getpid())))),
            ("host", .string(Posix.hostName())),
            ("savedAt", .number(JSONNumber(Int64(Date().timeIntervalSince1970)))),
        ]))
        let metaBytes = PrettyCanonicalWriter.bytes(meta)
        var attempts: [RecoveryAttempt] = []
        for (index, place) in places.enumerated() {
            let folder = folder(of: place, canonicalDraft: canonical)
            do throws(SaveError) {
                let dirFD = try openFolder(place, folder, create: true)
                defer { close(dirFD) }
                let name = Self.fileName(canonical, place)
                try AtomicFileWriter.writePrivate(bytes, directoryFD: dirFD, directory: folder, name: name, io: io)
                try AtomicFileWriter.writePrivate(metaBytes, directoryFD: dirFD, directory: folder,
                                                  name: Self.metadataName(name), io: io)
                for (other, otherPlace) in places.enumerated() where other != index {
                    removeCopy(canonical, in: otherPlace)
                }
                return RecoveryWritten(path: Posix.join(folder, name), earlierFailures: attempts)
            } catch {
                attempts.append(RecoveryAttempt(folder: folder, cause: error.cause))
            }
        }
        throw RecoveryWriteFailure(attempts: attempts)
    }

    /// The first folder a copy could be written to now, with the places that refused before it,
    /// or every refusal (checks the folders only; writes nothing).
    public func probe(for draftPath: String) -> Result<RecoveryWritten, RecoveryWriteFailure> {
        let canonical = Posix.canonicalPath(draftPath)
        var attempts: [RecoveryAttempt] = []
        for place in places {
            let folder = folder(of: place, canonicalDraft: canonical)
            do throws(SaveError) {
                let dirFD = try openFolder(place, folder, create: true)
                close(dirFD)
                return .success(RecoveryWritten(path: folder, earlierFailures: attempts))
            } catch {
                attempts.append(RecoveryAttempt(folder: folder, cause: error.cause))
            }
        }
        return .failure(RecoveryWriteFailure(attempts: attempts))
    }

    // MARK: Reading

    /// The newest recovery copy for a draft across all places, or nil if there is none.
    ///
    /// Only regular files owned by the current user are read, without following links, and
    /// only when their sidecar names this same draft.
    public func load(for draftPath: String) -> RecoveryCopy? {
        let canonical = Posix.canonicalPath(draftPath)
        var best: RecoveryCopy?
        for place in places {
            guard let copy = load(canonical, in: place) else { continue }
            if best.map({ copy.modificationNanoseconds > $0.modificationNanoseconds }) ?? true { best = copy }
        }
        return best
    }

    private func load(_ canonical: String, in place: Place) -> RecoveryCopy? {
        let folder = folder(of: place, canonicalDraft: canonical)
        guard let dirFD = try? openFolder(place, folder, create: false) else { return nil }
        defer { close(dirFD) }
        let name = Self.fileName(canonical, place)
        guard let (bytes, st) = Self.readOwnFile(dirFD, name, limit: ReportFile.maxFileBytes),
              let (metaBytes, _) = Self.readOwnFile(dirFD, Self.metadataName(name), limit: 64 * 1024),
              case .object(let object)? = try? JSONParser().parse(metaBytes),
              object["originalPath"]?.stringValue == canonical
        else { return nil }
        let seconds = Double(Posix.mtimeNanoseconds(st)) / 1_000_000_000
        var copy = RecoveryCopy(
            bytes: bytes, modificationDate: Date(timeIntervalSince1970: seconds),
            originalPath: canonical,
            pid: object["pid"]?.numberValue?.int64.flatMap { Int32(exactly: $0) },
            host: object["host"]?.stringValue)
        copy.path = Posix.join(folder, name)
        copy.modificationNanoseconds = Posix.mtimeNanoseconds(st)
        return copy
    }

    /// Reads a regular file of the current user's, without following a link or blocking on a FIFO.
    static func readOwnFile(_ dirFD: Int32, _ name: String, limit: Int) -> ([UInt8], stat)? {
        let fd = openat(dirFD, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, Posix.type(st.st_mode) == Posix.regularFile, st.st_uid == geteuid(),
              Int(st.st_size) <= limit
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            count += n
        }
        guard count <= limit else { return nil }
        return (Array(bytes[0..<count]), st)
    }

    // MARK: Removing

    /// Deletes the recovery copies and sidecars of a draft in every place; a missing copy is not an error.
    public func remove(for draftPath: String) throws(SaveError) {
        let canonical = Posix.canonicalPath(draftPath)
        var failure: SaveError?
        for place in places {
            if let error = removeCopy(canonical, in: place) { failure = failure ?? error }
        }
        if let failure { throw failure }
    }

    @discardableResult
    private func removeCopy(_ canonical: String, in place: Place) -> SaveError? {
        let folder = folder(of: place, canonicalDraft: canonical)
        let dirFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { return nil }
        defer { close(dirFD) }
        let name = Self.fileName(canonical, place)
        for file in [name, Self.metadataName(name)] {
            var st = stat()
            // Only our own files: in a shared folder, someone else's file of that name stays.
            guard fstatat(dirFD, file, &st, AT_SYMLINK_NOFOLLOW) == 0, st.st_uid == geteuid() else { continue }
            if unlinkat(dirFD, file, 0) != 0, errno != ENOENT {
                return SaveError(path: Posix.join(folder, file), errno: errno)
            }
        }
        return nil
    }

    /// Whether a recovery copy exists that is newer than the draft (or the draft is gone).
    public func hasNewerCopy(than draftPath: String) -> Bool {
        guard let copy = load(for: draftPath) else { return false }
        guard let draft = Posix.statPath(draftPath) else { return true }
        return copy.modificationNanoseconds > Posix.mtimeNanoseconds(draft)
    }

    // MARK: Folders

    /// Opens a place's folder (creating a private folder 0700 when asked) after checking it is safe.
    func openFolder(_ place: Place, _ folder: String, create: Bool) throws(SaveError) -> Int32 {
        if create, case .folder = place { try Self.createDirectories(folder) }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SaveError(path: folder, errno: errno, directory: folder) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            close(fd)
            throw SaveError(path: folder, errno: code)
        }
        let mode = UInt32(st.st_mode)
        let safe: Bool
        switch place {
        case .folder:
            // A private folder: ours, and nobody else may add, rename or remove entries.
            safe = st.st_uid == geteuid() && mode & 0o022 == 0
        case .besideDraft:
            // The draft's own folder may be shared with colleagues, but not open to everyone
            // without the sticky bit (anyone could then replace our files).
            safe = mode & 0o002 == 0 || mode & 0o1000 != 0
        }
        guard safe else {
            close(fd)
            throw SaveError(path: folder, reason: .unsafeDirectory, errno: EPERM, directory: folder)
        }
        if create, let denial = WritePermission.directoryDenial(fd, mode: st.st_mode) {
            close(fd)
            throw SaveError(path: folder, errno: denial, directory: folder)
        }
        return fd
    }

    /// `mkdir -p` with mode 0700 for every folder we create; a parent without write bits is
    /// refused even for root (the same policy as saving).
    static func createDirectories(_ directory: String) throws(SaveError) {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            let parent = prefix.isEmpty ? "/" : prefix
            prefix += "/" + component
            if let st = Posix.statPath(prefix) {
                guard Posix.type(st.st_mode) == Posix.directory else {
                    throw SaveError(path: directory, reason: .directoryMissing, errno: ENOTDIR, directory: prefix)
                }
                continue
            }
            if Posix.isRoot, let st = Posix.statPath(parent), UInt32(st.st_mode) & 0o222 == 0 {
                throw SaveError(path: directory, errno: EACCES, directory: parent)
            }
            if mkdir(prefix, 0o700) != 0 {
                let code = errno
                if code == EEXIST, let st = Posix.statPath(prefix), Posix.type(st.st_mode) == Posix.directory {
                    continue
                }
                throw SaveError(path: directory, errno: code, directory: parent)
            }
        }
    }
}

/// One place a recovery copy could not go, and why.
public struct RecoveryAttempt: Sendable, Equatable {
    /// The folder tried.
    public let folder: String
    /// Why it refused, in Chinese (ends with the errno name).
    public let cause: String
}

/// Where a recovery copy went, and the places that refused it first.
public struct RecoveryWritten: Sendable, Equatable {
    /// The recovery file written.
    public let path: String
    /// Places tried before it, with their reasons (empty when the first place took it).
    public let earlierFailures: [RecoveryAttempt]

    public init(path: String, earlierFailures: [RecoveryAttempt] = []) {
        self.path = path
        self.earlierFailures = earlierFailures
    }
}

/// A recovery copy that could not be written anywhere: every place tried and why.
public struct RecoveryWriteFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// Each place tried, in order.
    public let attempts: [RecoveryAttempt]

    public init(attempts: [RecoveryAttempt]) { self.attempts = attempts }

    /// `无法写入恢复副本：已尝试 3 处——A：原因；B：原因；C：原因`.
    public var message: String {
        "无法写入恢复副本：已尝试 \(attempts.count) 处——" + places
    }

    /// `A：原因；B：原因`.
    public var places: String {
        attempts.map { "\($0.folder)：\($0.cause)" }.joined(separator: "；")
    }

    public var description: String { message }
}
