#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoCore

/// Where the editor's report comes from and goes to (canonical JSON with atomic saving in the real app).
public protocol DocumentStore: Sendable {
    /// Short name for the header and messages, e.g. the file name.
    var displayName: String { get }
    /// Reads the report.
    func load() throws -> Report
    /// Writes the report; throws with a Chinese message when it cannot.
    func save(_ report: Report) throws -> SaveOutcome
    /// True when the file changed on disk since it was loaded or last saved.
    func changedOnDisk() -> Bool
}

/// Hooks for recovery copies (written by another component; all optional).
public protocol RecoveryHook: Sendable {
    /// Writes a recovery copy of the report (atomically).
    func write(_ report: Report) throws
    /// Removes the recovery copy after a clean save or quit.
    func remove()
}

/// A store that keeps the report in memory: for tests and the built-in sample.
public final class InMemoryDocumentStore: DocumentStore, @unchecked Sendable {
    private let lock = Lock()
    private var stored: Report
    private var externallyChanged = false
    private var failure: String?
    public let displayName: String
    /// How many times `save` succeeded.
    public private(set) var saveCount = 0

    public init(report: Report, displayName: String = "（内存）") {
        self.stored = report
        self.displayName = displayName
    }

    /// The last saved report.
    public var report: Report { lock.with { stored } }

    public func load() throws -> Report { lock.with { stored } }

    public func save(_ report: Report) throws -> SaveOutcome {
        try lock.with {
            if let failure { throw SaveFailure.failed(failure) }
            stored = report
            externallyChanged = false
            saveCount += 1
            return SaveOutcome(displayName: displayName)
        }
    }

    public func changedOnDisk() -> Bool { lock.with { externallyChanged } }

    /// Simulates another program changing the file.
    public func simulateExternalChange() { lock.with { externallyChanged = true } }

    /// Makes later saves fail with a message (nil to succeed again).
    public func failSaves(with message: String?) { lock.with { failure = message } }
}

/// A minimal mutex, so stores can be shared safely.
final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func with<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
