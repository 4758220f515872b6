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
    /// Writes a recovery copy of the report (atomically); says where it went, or throws
    /// `RecoveryWriteFailure` with every place tried.
    func write(_ report: Report) throws(RecoveryWriteFailure) -> RecoveryWritten
    /// Removes the recovery copy after a clean save or quit.
    func remove()
    /// Which folder a copy would go to now, without writing one (checked when the editor opens).
    func probe() -> Result<RecoveryWritten, RecoveryWriteFailure>
}

