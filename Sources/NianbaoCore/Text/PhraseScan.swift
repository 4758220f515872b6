/// Which of a fixed list of phrases occur in a text, by UTF-8 bytes, in one pass over the text
/// (instead of one search per phrase: a search for a CJK phrase stops at nearly every character,
/// since CJK characters share a handful of lead bytes).
struct PhraseScan: Sendable {
    let phrases: [[UInt8]]
    /// Per first byte, the phrases starting with it.
    private let byFirstByte: [[Int]]

    /// At most 64 phrases (the hits are kept in one word).
    init(_ phrases: [String]) {
        precondition(phrases.count <= 64, "PhraseScan holds at most 64 phrases")
        self.phrases = phrases.map { Array($0.utf8) }
        var table = [[Int]](repeating: [], count: 256)
        for (k, p) in self.phrases.enumerated() where !p.isEmpty { table[Int(p[0])].append(k) }
        byFirstByte = table
    }

    /// The indices of the phrases found in `text`, in list order; each at most once.
    func found(in text: String) -> [Int] {
        var text = text
        let hits: UInt64 = text.withUTF8 { bytes in
            var hits: UInt64 = 0
            let n = bytes.count
            for i in 0..<n {
                for k in byFirstByte[Int(bytes[i])] where hits & (1 << UInt64(k)) == 0 {
                    let p = phrases[k]
                    guard i + p.count <= n else { continue }
                    var j = 1
                    while j < p.count, bytes[i + j] == p[j] { j += 1 }
                    if j == p.count { hits |= 1 << UInt64(k) }
                }
            }
            return hits
        }
        return hits == 0 ? [] : phrases.indices.filter { hits & (1 << UInt64($0)) != 0 }
    }
}
