import NianbaoCore

/// Why the editor will not open a report.
public struct EditorRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, in Chinese.
    public let message: String

    public var description: String { message }
}

/// What the editor can keep responsive: a text section larger than this is refused on opening.
///
/// Every keystroke in a text section re-splits and re-wraps the section, in time linear in its
/// size: measured in a debug build, 12 ms at 5 KB, 111 ms at 51 KB, 638 ms at 393 KB, 2.3 s at
/// 1.5 MB; the release build types in a 5 KB section in under 0.7 ms (p99), so 256 KiB is about
/// 35 ms a key and the 10 MB section 0.5–1.1 s. A whole real report is a few KB (the
/// seed, all six parts, is 8.8 KB), so 256 KiB leaves room for any report.
public enum EditorLimits {
    /// Largest text section the editor opens, in UTF-8 bytes.
    public static let maxSectionBytes = 256 * 1024

    /// Nil when every text section fits, else a message naming the section, its size and the limit.
    public static func refusal(for report: Report) -> EditorRefusal? {
        let parts = [("前言", report.preface)]
            + Report.textSections.map { (report.definition.section($0).title, report.text($0)) }
        for (title, text) in parts {
            let bytes = text.utf8.count
            guard bytes > maxSectionBytes else { continue }
            return EditorRefusal(message: """
                无法在编辑器中打开：“\(title)”的正文有 \(sizeText(bytes))，超过编辑器的上限 \(sizeText(maxSectionBytes))\
                （一份真实报告全文通常只有几 KB）。可以用 nianbao check 检查、nianbao export 导出，或先缩短这一部分。
                """)
        }
        return nil
    }

    static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1024 * 1024 {
            let tenths = bytes * 10 / (1024 * 1024)
            return "\(tenths / 10).\(tenths % 10) MiB"
        }
        return "\(bytes / 1024) KiB"
    }
}
