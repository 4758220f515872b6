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

    init(_ text: String) {
        self.text = text
        var scalars: [UInt32] = []
        scalars.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars {
            scalars.append(Self.normalise(scalar))
        }
        self.scalars = scalars
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
        var view = String.UnicodeScalarView()
        var i = 0
        for scalar in text.unicodeScalars {
            if i >= range.upperBound { break }
            if i >= range.lowerBound { view.append(scalar) }
            i += 1
        }
        return String(view)
    }

    /// A scalar range converted to Character (grapheme cluster) offsets of `text`.
    func characterRange(_ range: Range<Int>) -> Range<Int> {
        var characterIndex = 0
        var scalarIndex = 0
        var lower = 0, upper = 0
        var foundLower = false
        for character in text {
            if !foundLower, scalarIndex >= range.lowerBound { lower = characterIndex; foundLower = true }
            if scalarIndex >= range.upperBound { upper = characterIndex; return lower..<max(lower, upper) }
            scalarIndex += character.unicodeScalars.count
            characterIndex += 1
        }
        if !foundLower { lower = characterIndex }
        return lower..<characterIndex
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
