/// How much of this year's text is identical to last year's, after masking years and numbers.
public struct TextOverlap: Sendable, Equatable {
    /// The share (0…1) of this year's compared characters that lie in a passage also found in last
    /// year's text. Boilerplate (the 条例's title, the form's labels, prescribed phrases) is left out
    /// of both the count and the total.
    public let share: Double
    /// Characters compared (masked, boilerplate left out).
    public let compared: Int
    /// The identical passages of this year's text, as Character ranges of it, in order.
    public let passages: [Range<Int>]

    /// Compares `text` with `previous`.
    public init(_ text: String, previous: String) {
        let now = MaskedText(text)
        let before = MaskedText(previous)
        let n = Boilerplate.shingleLength
        let last = Set(before.shingles(length: n))
        var copied = [Bool](repeating: false, count: now.scalars.count)
        var boiler = [Bool](repeating: false, count: now.scalars.count)
        if now.scalars.count >= n {
            for i in 0...(now.scalars.count - n) {
                let h = now.shingle(at: i, length: n)
                if Boilerplate.shingles.contains(h) {
                    for k in i..<(i + n) { boiler[k] = true }
                } else if last.contains(h) {
                    for k in i..<(i + n) { copied[k] = true }
                }
            }
        }
        var compared = 0, same = 0
        for k in 0..<now.scalars.count where !boiler[k] {
            compared += 1
            if copied[k] { same += 1 }
        }
        for k in 0..<copied.count where boiler[k] { copied[k] = false }
        self.compared = compared
        self.share = compared == 0 ? 0 : Double(same) / Double(compared)
        // Passages: runs of copied masked characters, mapped back to the text's Characters.
        var runs: [Range<Int>] = []
        var k = 0
        while k < copied.count {
            guard copied[k] else { k += 1; continue }
            var end = k
            while end < copied.count, copied[end] { end += 1 }
            runs.append(now.origin[k].lowerBound..<now.origin[end - 1].upperBound)
            k = end
        }
        let narrative = NarrativeText(text)
        self.passages = runs.map { narrative.characterRange($0) }
    }
}
