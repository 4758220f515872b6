/// Makes text from untrusted files safe to show on a terminal.
///
/// Control characters and escape sequences are never sent raw: each C0/C1 control
/// character (except the line feed and tab when allowed) becomes a visible `^X` or
/// `<U+XXXX>` form, so a hostile draft cannot move the cursor, change colours or set the title.
public enum VisibleText {
    /// The visible form of one scalar, or nil when it may be shown as it is.
    public static func escape(_ scalar: Unicode.Scalar, allowNewlines: Bool = false) -> String? {
        let v = scalar.value
        switch v {
        case 0x0A where allowNewlines, 0x09 where allowNewlines:
            return nil
        case 0x00..<0x20:
            return "^" + String(UnicodeScalar(UInt8(v + 0x40)))
        case 0x7F:
            return "^?"
        case 0x80..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069:
            // C1 controls (incl. the 8-bit CSI) and bidi overrides that could reorder what the user sees.
            return "<U+\(String(v, radix: 16, uppercase: true))>"
        default:
            return nil
        }
    }

    /// True when `text` has nothing that needs escaping.
    public static func isSafe(_ text: String, allowNewlines: Bool = false) -> Bool {
        text.unicodeScalars.allSatisfy { escape($0, allowNewlines: allowNewlines) == nil }
    }

    /// `text` with every control character replaced by its visible form.
    public static func sanitize(_ text: String, allowNewlines: Bool = false) -> String {
        if isSafe(text, allowNewlines: allowNewlines) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if let visible = escape(scalar, allowNewlines: allowNewlines) { out += visible } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
