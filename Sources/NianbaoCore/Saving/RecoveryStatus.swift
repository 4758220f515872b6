/// What became of the recovery copies during one editing session, and the messages that say so.
///
/// The safety net must never fail silently: the editor records every write here and shows
/// `warning` on the status line for as long as copies cannot be written, says truthfully what
/// happened to the copy when a save fails, and prints `exitReport` when it quits.
public struct RecoveryStatus: Sendable, Equatable {
    /// The last copy written, if any.
    public private(set) var lastWritten: RecoveryWritten?
    /// The failure of the latest attempt, nil once a copy has been written again.
    public private(set) var failure: RecoveryWriteFailure?
    /// The first failure of the session, kept for the report on quit.
    public private(set) var firstFailure: RecoveryWriteFailure?

    public init() {}

    /// Records a write attempt; returns a message to show now when something changed.
    @discardableResult
    public mutating func record(_ result: Result<RecoveryWritten, RecoveryWriteFailure>) -> String? {
        switch result {
        case .failure(let error):
            failure = error
            if firstFailure == nil { firstFailure = error }
            return warning
        case .success(let written):
            let recovered = failure != nil
            let moved = !written.earlierFailures.isEmpty && lastWritten?.path != written.path
            failure = nil
            lastWritten = written
            if recovered { return "恢复副本已重新写入 \(written.path)。" }
            if moved, let first = written.earlierFailures.first {
                return "注意：恢复副本改存到 \(written.path)（\(first.folder)：\(first.cause)）。"
            }
            return nil
        }
    }

    /// Records the folder check made when the editor opens; returns a message when the first
    /// place is refused (`probe.path` is then the folder copies will go to instead).
    public mutating func recordProbe(_ result: Result<RecoveryWritten, RecoveryWriteFailure>) -> String? {
        switch result {
        case .failure(let error):
            failure = error
            if firstFailure == nil { firstFailure = error }
            return warning
        case .success(let probe):
            guard let first = probe.earlierFailures.first else { return nil }
            return "注意：恢复目录 \(first.folder) 不可用（\(first.cause)），恢复副本将写到 \(probe.path)。"
        }
    }

    /// True while copies cannot be written anywhere.
    public var isFailing: Bool { failure != nil }

    /// The status-line warning while copies cannot be written, nil otherwise.
    public var warning: String? {
        guard let failure else { return nil }
        return "警告：恢复副本无法写入，关闭终端或断线将丢失修改，请尽快按 ^S 保存。已尝试：" + failure.places
    }

    /// The message for a failed save, after the recovery copy that follows it was attempted.
    public func saveFailedMessage(_ cause: String) -> String {
        if let failure {
            return "保存失败：\(cause)；恢复副本也无法写入（\(failure.places)）。修改只在编辑器中，请腾出空间或修正权限后再按 ^S。"
        }
        if let lastWritten {
            return "保存失败：\(cause)（修改仍在编辑器中，恢复副本已写入 \(lastWritten.path)）"
        }
        return "保存失败：\(cause)（修改仍在编辑器中）"
    }

    /// Lines for standard error when the editor has ended, nil when there is nothing to say.
    ///
    /// `unsavedEdits` is true when the editor ended with changes that were neither saved nor
    /// written to a recovery copy.
    public func exitReport(unsavedEdits: Bool) -> String? {
        if unsavedEdits, let failure {
            return "nianbao: 未保存的修改已丢失：\(failure.message)。\n"
        }
        if let firstFailure {
            return "nianbao: 警告：本次编辑中恢复副本曾无法写入（\(firstFailure.places)）。"
                + "请检查这些目录，或用 NIANBAO_RECOVERY_DIR 指定可写的目录。\n"
        }
        return nil
    }
}
