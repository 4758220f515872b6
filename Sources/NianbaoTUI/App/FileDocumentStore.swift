import NianbaoCore
import Synchronization

/// A report file on disk: canonical JSON, atomic saves that keep the file's permissions and
/// write through symlinks, and a check that nobody changed the file since it was read.
public final class FileDocumentStore: DocumentStore, Sendable {
    public let path: String
    public let displayName: String
    /// The file as last read or written; held while reading or writing, so the two stay together.
    private let identity: Mutex<FileIdentity?>

    public init(path: String) {
        self.path = path
        self.displayName = path.split(separator: "/").last.map(String.init) ?? path
        self.identity = Mutex(FileIdentity.of(path: path))
    }

    public func load() throws -> Report {
        try identity.withLock { identity in
            let report = try ReportFile.load(path: path)
            identity = FileIdentity.of(path: path)
            return report
        }
    }

    public func save(_ report: Report) throws -> SaveOutcome {
        try identity.withLock { identity in
            do {
                try AtomicFileWriter.write(ReportFile.encode(report), to: path)
            } catch let error as SaveError {
                throw SaveFailure.failed(error.message)
            }
            identity = FileIdentity.of(path: path)
            return SaveOutcome(displayName: displayName)
        }
    }

    public func changedOnDisk() -> Bool {
        identity.withLock { identity in
            guard let identity else { return FileIdentity.of(path: path) != nil }
            return identity.hasChanged(at: path)
        }
    }
}

/// Recovery copies of one draft, written while editing and removed after a clean save or quit.
public struct FileRecoveryHook: RecoveryHook {
    public let store: RecoveryStore
    public let draftPath: String

    public init(store: RecoveryStore = .standard(), draftPath: String) {
        self.store = store
        self.draftPath = draftPath
    }

    public func write(_ report: Report) throws(RecoveryWriteFailure) -> RecoveryWritten {
        try store.write(bytes: ReportFile.encode(report), for: draftPath)
    }

    public func remove() {
        try? store.remove(for: draftPath)
    }

    public func probe() -> Result<RecoveryWritten, RecoveryWriteFailure> {
        store.probe(for: draftPath)
    }
}
