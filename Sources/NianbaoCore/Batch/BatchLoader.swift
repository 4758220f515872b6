/// Reads report files for a batch without ever blocking on one.
///
/// `ReportFile.readBytes(path:)` opens with `O_NONBLOCK` and checks the type with `fstat` before
/// reading, so a FIFO put in place of a report between the walk and the read does not hang the
/// batch; anything but a regular file is refused with the same message as everywhere else.
public enum BatchLoader {
    /// The report in a file, or why it could not be read.
    public static func load(path: String) throws(ReportFileError) -> Report {
        try ReportFile.load(path: path)
    }

    /// The bytes of a regular file, with `ReportFile`'s limits and messages.
    public static func readBytes(path: String) throws(ReportFileError) -> [UInt8] {
        try ReportFile.readBytes(path: path)
    }
}
