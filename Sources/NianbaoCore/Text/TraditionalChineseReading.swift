/// Reading Traditional-script copies of a report for matching: the Traditional → Simplified
/// mapping plus the pinyin some converting CMSs print after each character they changed
/// (`根據(jù)`, `國務(wù)院`, `行政復(fù)議`). Only what is compared goes through here (labels,
/// headings, the title); the narrative stays as printed.
extension TraditionalChinese {
    /// `s` mapped to Simplified, pinyin annotations after characters removed; `s` itself when
    /// there is nothing to change (Simplified text costs one scan).
    public static func readingForm(_ s: String) -> String {
        guard needsReading(s) else { return s }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if scalars[i] == "(" || scalars[i] == "（", i > 0, let n = annotationLength(scalars, at: i) {
                i += n
                continue
            }
            out.append(simplified(scalars[i]) ?? scalars[i])
            i += 1
        }
        return String(out)
    }

    /// True when `readingForm` would change `s`.
    static func needsReading(_ s: String) -> Bool {
        var previousIdeograph = false
        var afterParen = false
        for scalar in s.unicodeScalars {
            if afterParen, isPinyinLetter(scalar) { return true }
            if isMapped(scalar) { return true }
            afterParen = previousIdeograph && (scalar == "(" || scalar == "（")
            previousIdeograph = isIdeograph(scalar)
        }
        return false
    }

    /// The length in scalars of a pinyin annotation starting at `i` (an opening parenthesis
    /// right after an ideograph, 1–7 pinyin letters with at least one vowel, a closing
    /// parenthesis), or nil.
    public static func annotationLength(_ scalars: [Unicode.Scalar], at i: Int) -> Int? {
        guard i > 0, i < scalars.count, isIdeograph(scalars[i - 1]), let end = annotationEnd(scalars, from: i) else { return nil }
        return end - i
    }

    /// Where a pinyin annotation starting at `i` ends (past its closing parenthesis), or nil;
    /// the caller checks that an ideograph comes before it.
    public static func annotationEnd<C: Collection>(_ scalars: C, from i: C.Index) -> C.Index? where C.Element == Unicode.Scalar {
        guard i < scalars.endIndex, scalars[i] == "(" || scalars[i] == "（" else { return nil }
        var j = scalars.index(after: i)
        var letters = 0
        var vowel = false
        while j < scalars.endIndex, letters <= 7, isPinyinLetter(scalars[j]) {
            if isPinyinVowel(scalars[j]) { vowel = true }
            letters += 1
            j = scalars.index(after: j)
        }
        guard vowel, letters >= 1, letters <= 7, j < scalars.endIndex, scalars[j] == ")" || scalars[j] == "）" else { return nil }
        return scalars.index(after: j)
    }

    /// CJK ideographs (unified, extension A and beyond, compatibility ideographs).
    @inline(__always)
    public static func isIdeograph(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x3134F).contains(v)
    }

    /// Lowercase Latin letters, ü, the tone-marked vowels and combining tone marks.
    static func isPinyinLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v >= 0x61 && v <= 0x7A { return true }
        if (0x300...0x30C).contains(v) { return true }
        return pinyinVowels.contains(s)
    }

    static func isPinyinVowel(_ s: Unicode.Scalar) -> Bool {
        "aeiouv".unicodeScalars.contains(s) || pinyinVowels.contains(s)
    }

    static let pinyinVowels: Set<Unicode.Scalar> = Set("āáǎàēéěèêīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ".unicodeScalars)

    /// How much of the start of a text is Traditional script: ideographs and mapped ideographs
    /// among the first `limit` scalars, and pinyin annotations seen.
    public struct ScriptSample: Sendable, Equatable {
        public var ideographs = 0
        public var traditional = 0
        public var annotations = 0

        /// Enough Traditional characters that the text is a Traditional copy, not Simplified
        /// text with the odd character the table also maps.
        public var isTraditional: Bool { traditional >= 8 && traditional * 12 >= ideographs }
    }

    /// Counts Traditional characters in `texts`, looking at no more than `limit` scalars in all.
    public static func sample(_ texts: some Sequence<String>, limit: Int = 6000) -> ScriptSample {
        var sample = ScriptSample()
        var seen = 0
        for text in texts {
            var previousIdeograph = false
            var afterParen = false
            for scalar in text.unicodeScalars {
                seen += 1
                if seen > limit { return sample }
                if afterParen, isPinyinLetter(scalar) { sample.annotations += 1 }
                let ideograph = isIdeograph(scalar)
                if ideograph {
                    sample.ideographs += 1
                    if isMapped(scalar) { sample.traditional += 1 }
                }
                afterParen = previousIdeograph && (scalar == "(" || scalar == "（")
                previousIdeograph = ideograph
            }
        }
        return sample
    }
}
