/// Why a file could not be opened, unpacked or converted for import, before any of its
/// content was read as a report: which file, and what happened.
public struct ImportSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file as named by the user.
    public let path: String
    /// What happened, in Chinese.
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(TerminalSafe.sanitize(path))：\(message)" }
}
