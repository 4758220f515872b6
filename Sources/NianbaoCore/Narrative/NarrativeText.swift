/// A text section prepared for reading figures: one normalised scalar per scalar of the text,
/// its sentences, and the way back from scalar offsets to Character offsets.
///
/// Normalisation is one for one, so offsets stay valid: full-width ASCII forms become ASCII
/// (`（` → `(`, `，` → `,`, `０` → `0`), the ideographic space becomes a space, and a
/// compatibility ideograph becomes its unified form. Nothing is removed.
struct NarrativeText: Sendable {
    /// The text as written.
    let text: String
    /// Normalised scalar values, one per scalar of `text`.
    let scalars: [UInt32]
    /// Sentences, as scalar ranges, in order.
    let sentences: [Range<Int>]
    /// The paragraph (line) index of each sentence.
    let paragraphOfSentence: [Int]
    /// UTF-8 offset in `text` of each scalar, and one past the last: slices and quotes cut the
    /// text here instead of walking it from the start for every finding.
    let utf8Offsets: [Int32]
    /// Character (grapheme cluster) offset of each scalar, and one past the last; empty when
    /// every scalar is a Character of its own (see `isOwnCharacter`), as in nearly all reports.
    let characterOffsets: [Int32]

    init(_ text: String) {
        self.text = text
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count / 2)
        var utf8Offsets: [Int32] = []
        utf8Offsets.reserveCapacity(text.utf8.count / 2 + 1)
        var utf8Offset: Int32 = 0
        var everyScalarOwnCharacter = true
        for scalar in text.unicodeScalars {
            scalars.append(Self.normalise(scalar))
            utf8Offsets.append(utf8Offset)
            utf8Offset += Int32(UTF8.width(scalar))
            if everyScalarOwnCharacter, !Self.isOwnCharacter(scalar) { everyScalarOwnCharacter = false }
        }
        utf8Offsets.append(utf8Offset)
        self.scalars = scalars
        self.utf8Offsets = utf8Offsets
        if everyScalarOwnCharacter {
            self.characterOffsets = []
        } else {
            // Some scalars join their neighbours (CR LF, combining marks, emoji sequences): count once.
            var offsets: [Int32] = []
            offsets.reserveCapacity(scalars.count + 1)
            var characterIndex: Int32 = 0
            for character in text {
                for _ in character.unicodeScalars { offsets.append(characterIndex) }
                characterIndex += 1
            }
            offsets.append(characterIndex)
            self.characterOffsets = offsets
        }
        var sentences: [Range<Int>] = []
        var paragraphs: [Int] = []
        var start = 0
        var paragraph = 0
        for (i, s) in scalars.enumerated() {
            let isBreak = s == 0x0A
            if isBreak || Self.endsSentence(s) {
                let end = isBreak ? i : i + 1
                if end > start { sentences.append(start..<end); paragraphs.append(paragraph) }
                start = i + 1
                if isBreak { paragraph += 1 }
            }
        }
        if scalars.count > start { sentences.append(start..<scalars.count); paragraphs.append(paragraph) }
        self.sentences = sentences
        self.paragraphOfSentence = paragraphs
    }

    /// True when `scalar` is one Character whatever is next to it, by the grapheme break rules
    /// (UAX #29): it is none of CR, Extend, SpacingMark, ZWJ, Prepend, a regional indicator or a
    /// Hangul jamo, and nothing in these blocks extends the scalar before it. Covers ASCII
    /// but CR, Latin-1, general punctuation, CJK symbols and ideographs, full-width forms.
    @inline(__always)
    static func isOwnCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        case 0x0A, 0x09, 0x20...0x7E, 0xA0...0xFF: return true
        case 0x2010...0x2027, 0x2030...0x205E: return true
        case 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF: return true  // 302A–302F, 3099–309A combine
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
        case 0xFF01...0xFF5E, 0xFFE0...0xFFE6: return true
        default: return false
        }
    }

    /// The scalar a text scalar is compared as.
    static func normalise(_ scalar: Unicode.Scalar) -> UInt32 {
        let v = scalar.value
        if v < 0x80 { return v }
        if v >= 0xFF01 && v <= 0xFF5E { return v - 0xFF01 + 0x21 }
        if v == 0x3000 || v == 0x00A0 { return 0x20 }
        if LabelKey.needsCompatibilityMapping(scalar), let range = LabelKey.mapping(of: scalar),
           range.count == 1 {
            return CompatibilityMapping.mapped[range.lowerBound]
        }
        return v
    }

    /// 。！？；and their ASCII forms end a sentence.
    static func endsSentence(_ s: UInt32) -> Bool {
        s == 0x3002 || s == 0x21 || s == 0x3F || s == 0x3B
    }

    /// Punctuation that ends a clause inside a sentence: `,` `:` and brackets.
    static func endsClause(_ s: UInt32) -> Bool {
        s == 0x2C || s == 0x3A || s == 0x28 || s == 0x29 || s == 0x5B || s == 0x5D
            || s == 0x3010 || s == 0x3011
    }

    /// The index of the sentence holding scalar `offset`.
    func sentenceIndex(of offset: Int) -> Int {
        var lo = 0, hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].lowerBound <= offset { lo = mid } else { hi = mid - 1 }
        }
        return max(0, lo)
    }

    /// The text of a scalar range, as written.
    func slice(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let lower = utf8Offsets[min(max(range.lowerBound, 0), utf8Offsets.count - 1)]
        let upper = utf8Offsets[min(max(range.upperBound, range.lowerBound, 0), utf8Offsets.count - 1)]
        let start = utf8.index(utf8.startIndex, offsetBy: Int(lower))
        let end = utf8.index(start, offsetBy: Int(upper - lower))
        return String(text[start..<end])
    }

    /// A scalar range converted to Character (grapheme cluster) offsets of `text`.
    ///
    /// A bound inside a Character (a combining mark after its letter) moves to the end of that
    /// Character: the range starts at the first Character that starts in it and ends after the
    /// last Character it touches. It is never reversed.
    func characterRange(_ range: Range<Int>) -> Range<Int> {
        let last = scalars.count
        let lower = min(max(range.lowerBound, 0), last)
        let upper = min(max(range.upperBound, lower), last)
        guard !characterOffsets.isEmpty else { return lower..<upper }
        let lowerCharacter = characterBoundary(atOrAfter: lower)
        return lowerCharacter..<max(lowerCharacter, characterBoundary(atOrAfter: upper))
    }

    /// The Character offset of the first Character boundary at or after scalar offset `s`.
    private func characterBoundary(atOrAfter s: Int) -> Int {
        let c = Int(characterOffsets[s])
        return s == 0 || s == scalars.count || characterOffsets[s - 1] != characterOffsets[s] ? c : c + 1
    }

    /// The quoted sentence of a range: its sentence with surrounding spaces trimmed.
    func quote(sentence index: Int) -> (range: Range<Int>, text: String) {
        var r = sentences[index]
        while r.lowerBound < r.upperBound, scalars[r.lowerBound] == 0x20 || scalars[r.lowerBound] == 0x09 {
            r = (r.lowerBound + 1)..<r.upperBound
        }
        return (r, slice(r))
    }

    /// True when `word` occurs at `offset`.
    @inline(__always)
    func matches(_ word: [UInt32], at offset: Int) -> Bool {
        guard offset >= 0, offset + word.count <= scalars.count else { return false }
        for k in 0..<word.count where scalars[offset + k] != word[k] { return false }
        return true
    }

    /// The first offset in `range` where `word` occurs.
    func find(_ word: [UInt32], in range: Range<Int>) -> Int? {
        guard let first = word.first, range.count >= word.count else { return nil }
        var i = range.lowerBound
        let last = range.upperBound - word.count
        while i <= last {
            if scalars[i] == first, matches(word, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// True when any of `words` occurs in `range`.
    func contains(any words: [[UInt32]], in range: Range<Int>) -> Bool {
        words.contains { find($0, in: range) != nil }
    }
}

extension String {
    /// The string's scalar values, for matching against `NarrativeText.scalars`.
    var scalarValues: [UInt32] { unicodeScalars.map { NarrativeText.normalise($0) } }
}

@inline(__always) func isDigit(_ s: UInt32) -> Bool { s >= 0x30 && s <= 0x39 }
