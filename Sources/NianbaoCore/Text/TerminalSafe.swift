/// Makes untrusted text safe to send to a terminal: control and format characters become visible escapes.
///
/// A hostile draft may carry ESC sequences, carriage returns or bidi overrides in any field.
/// Every character that a terminal would interpret, or that would be invisible, is shown as
/// `^X` (C0 controls and DEL) or `<U+XXXX>` (C1 controls, bidi and zero-width format characters).
public enum TerminalSafe {
    /// The visible replacement for a character, or nil when it can be printed as is.
    public static func escape(_ character: Character) -> String? {
        var needsEscape = false
        for scalar in character.unicodeScalars where isUnsafe(scalar) {
            needsEscape = true
            break
        }
        guard needsEscape else { return nil }
        var out = ""
        for scalar in character.unicodeScalars {
            out += isUnsafe(scalar) ? escape(scalar) : String(scalar)
        }
        return out
    }

    /// `^[` for ESC, `^?` for DEL, `<U+202E>` for other unsafe scalars.
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let v = scalar.value
        if v < 0x20 { return "^" + String(Unicode.Scalar(UInt8(v + 0x40))) }
        if v == 0x7F { return "^?" }
        let hex = String(v, radix: 16, uppercase: true)
        return "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
    }

    /// True for scalars a terminal would act on or not show: C0, DEL, C1, bidi controls, zero-width format characters.
    @inlinable
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0..<0x20, 0x7F..<0xA0, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    /// True when no scalar of `text` is unsafe, decided on its UTF-8 bytes (quicker than
    /// decoding scalars; batch output asks this of every message and name).
    public static func isSafe(_ text: some StringProtocol) -> Bool {
        var text = String(text)
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if b < 0x20 || b == 0x7F { return false }
                    i += 1
                    continue
                }
                switch b {
                case 0xC2:  // U+0080–U+009F: C2 80–C2 9F
                    if i + 1 < n, bytes[i + 1] < 0xA0 { return false }
                case 0xE2:  // U+200B–200F, U+2028–202E: E2 80 8B–8F, A8–AE; U+2060–2069: E2 81 A0–A9
                    if i + 2 < n {
                        let b1 = bytes[i + 1], b2 = bytes[i + 2]
                        if b1 == 0x80, (0x8B...0x8F).contains(b2) || (0xA8...0xAE).contains(b2) { return false }
                        if b1 == 0x81, (0xA0...0xA9).contains(b2) { return false }
                    }
                case 0xEF:  // U+FEFF: EF BB BF; U+FFF9–FFFB: EF BF B9–BB
                    if i + 2 < n {
                        let b1 = bytes[i + 1], b2 = bytes[i + 2]
                        if b1 == 0xBB, b2 == 0xBF { return false }
                        if b1 == 0xBF, (0xB9...0xBB).contains(b2) { return false }
                    }
                default:
                    break
                }
                // Step over the whole sequence (the text is valid UTF-8): 2, 3 or 4 bytes.
                i += b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
            }
            return true
        }
    }

    /// The whole string with every unsafe character escaped (newlines too).
    public static func sanitize(_ text: some StringProtocol) -> String {
        var out = ""
        for character in text {
            if let escaped = escape(character) { out += escaped } else { out.append(character) }
        }
        return out
    }

    /// Like `sanitize`, but keeps `\n` line breaks (for multi-line output such as `nianbao check`).
    public static func sanitizeKeepingNewlines(_ text: some StringProtocol) -> String {
        var out = ""
        for character in text {
            if character == "\n" { out.append(character) } else if let escaped = escape(character) {
                out += escaped
            } else {
                out.append(character)
            }
        }
        return out
    }
}
