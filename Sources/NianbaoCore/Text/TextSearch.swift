#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding a phrase in a clerk's text.
public enum TextSearch {
    /// The first place the UTF-8 bytes of `phrase` occur in `text`, as a range of `text`'s
    /// indices (on scalar boundaries), or nil; nil for an empty phrase.
    ///
    /// For the import's long lines (a crawled page is one line of 100–200 kB):
    /// `String.firstRange(of:)` compares Characters, which took most of importing such a page.
    /// A match that ends inside a Character (the phrase followed by a combining mark) is still
    /// a match here.
    public static func firstRange(of phrase: String, in text: String) -> Range<String.Index>? {
        var text = text
        var phrase = phrase
        guard let offset = text.withUTF8({ hay in
            phrase.withUTF8 { needle -> Int? in
                guard needle.count > 0, hay.count >= needle.count else { return nil }
                // memchr for the first byte, memcmp for the rest (memmem is not in the Swift Glibc module).
                let base = UnsafeRawPointer(hay.baseAddress!)
                let last = hay.count - needle.count
                var from = 0
                while from <= last {
                    guard let hit = memchr(base + from, Int32(needle[0]), last - from + 1) else { return nil }
                    let at = UnsafeRawPointer(hit) - base
                    if memcmp(base + at, needle.baseAddress!, needle.count) == 0 { return at }
                    from = at + 1
                }
                return nil
            }
        }) else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: phrase.utf8.count)
    }

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
