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
    ///
    /// The NFKC pass is skipped when it cannot find more: for a phrase of unified ideographs
    /// only, NFKC can add a match only through a scalar whose compatibility form holds an
    /// ideograph (U+F9E4 理, ⼀ U+2F00, ㈠ U+3220); a text with none matches after NFKC exactly
    /// where it matched before (`sameAsFullSearch` pins this to the full search).
    public static func contains(_ text: String, _ phrase: String) -> Bool {
        if containsBytes(text, phrase) { return true }
        if isUnifiedIdeographs(phrase), !hasIdeographForm(text) { return false }
        return containsBytes(LabelKey.nfkc(text), LabelKey.nfkc(phrase))
    }

    /// The search before the shortcut: bytes, then NFKC of both.
    static func fullSearch(_ text: String, _ phrase: String) -> Bool {
        containsBytes(text, phrase) || containsBytes(LabelKey.nfkc(text), LabelKey.nfkc(phrase))
    }

    /// Whether the UTF-8 bytes of `phrase` occur in those of `text` (never for an empty phrase,
    /// as with `String.contains`).
    public static func containsBytes(_ text: String, _ phrase: String) -> Bool {
        firstRange(of: phrase, in: text) != nil
    }

    /// Whether every scalar of a non-empty `phrase` is a CJK unified ideograph (U+4E00–U+9FFF),
    /// which NFKC leaves alone.
    static func isUnifiedIdeographs(_ phrase: String) -> Bool {
        !phrase.isEmpty && phrase.unicodeScalars.allSatisfy { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
    }

    /// Whether some scalar of `text` has a compatibility form containing a unified ideograph.
    static func hasIdeographForm(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where LabelKey.needsCompatibilityMapping(scalar) {
            if ideographForms.contains(scalar.value) { return true }
        }
        return false
    }

    /// The scalars whose NFKC form contains a unified ideograph, from the generated table.
    static let ideographForms: Set<UInt32> = {
        var result: Set<UInt32> = []
        for (i, scalar) in CompatibilityMapping.scalars.enumerated() {
            let range = Int(CompatibilityMapping.offsets[i])..<Int(CompatibilityMapping.offsets[i + 1])
            if CompatibilityMapping.mapped[range].contains(where: { $0 >= 0x4E00 && $0 <= 0x9FFF }) { result.insert(scalar) }
        }
        return result
    }()
}
