/// Decides when a recovery copy is due: after a pause in typing, or after many edits.
///
/// Pure value type without timers: the event loop reports edits and clock ticks (in
/// monotonic seconds) and asks. Call `didWrite()` after a successful recovery write;
/// until then the policy keeps answering "due", so a failed write is retried.
public struct AutosavePolicy: Sendable, Equatable {
    /// Seconds of quiet after the last edit before a write is due.
    public let idleDelay: Double
    /// Number of unsaved edits that makes a write due even while typing continues.
    public let maximumPendingEdits: Int
    /// Edits since the last recovery write.
    public private(set) var pendingEdits = 0
    /// Time of the most recent edit, nil when nothing is pending.
    public private(set) var lastEditTime: Double?

    /// A policy; the defaults are 1.5 s of quiet or 40 edits.
    public init(idleDelay: Double = 1.5, maximumPendingEdits: Int = 40) {
        self.idleDelay = idleDelay
        self.maximumPendingEdits = maximumPendingEdits
    }

    /// Records an edit; returns true if a write is due right now (edit count reached).
    @discardableResult
    public mutating func edit(at time: Double) -> Bool {
        pendingEdits += 1
        lastEditTime = time
        return isDue(at: time)
    }

    /// Returns true if a write is due at this time.
    public func tick(at time: Double) -> Bool { isDue(at: time) }

    /// Whether unsaved edits exist and either enough time passed or enough edits piled up.
    public func isDue(at time: Double) -> Bool {
        guard pendingEdits > 0, let last = lastEditTime else { return false }
        return pendingEdits >= maximumPendingEdits || time - last >= idleDelay
    }

    /// When the next idle write becomes due (for the event loop's poll timeout), or nil.
    public var nextDeadline: Double? {
        lastEditTime.map { $0 + idleDelay }
    }

    /// Resets after a successful recovery write (or after a real save).
    public mutating func didWrite() {
        pendingEdits = 0
        lastEditTime = nil
    }
}
