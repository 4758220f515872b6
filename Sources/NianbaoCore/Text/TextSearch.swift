/// Finding a phrase in a clerk's text.
public enum TextSearch {
    /// Whether `text` contains `phrase`: by UTF-8 bytes, and failing that after NFKC, so that
    /// compatibility forms (the compatibility ideograph 理 U+F9E4, full-width letters) match too.
    ///
    /// `String.contains(_:)` would do: it comes from the string-processing library, whose first
    /// search makes the runtime look up conformances across the whole program, and which
    /// builds a search table on every call (the rules run after every keystroke).
    public static func contains(_ text: String, _ phrase: String) -> Bool {
        containsBytes(text, phrase) || containsBytes(LabelKey.nfkc(text), LabelKey.nfkc(phrase))
    }

    /// Whether the UTF-8 bytes of `phrase` occur in those of `text` (never for an empty phrase,
    /// as with `String.contains`).
    public static func containsBytes(_ text: String, _ phrase: String) -> Bool {
        let needle = Array(phrase.utf8)
        guard let first = needle.first else { return false }
        let haystack = Array(text.utf8)
        guard haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count, haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
