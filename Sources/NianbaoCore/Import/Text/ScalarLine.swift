/// One line of text whose scalars are all characters of their own (`UTF8Scalars.isStandalone`,
/// true of nearly every report), as its scalars and their byte offsets. The text readers' fast
/// path: a character offset is a scalar index, and a cell's text is a slice of the line's bytes
/// (no Character walking, no String built scalar by scalar). Lines with combining marks, emoji
/// sequences or Hangul are read Character by Character instead; tests pin both to the same cells.
struct ScalarLine {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The line's scalars.
    private(set) var scalars: [Unicode.Scalar] = []
    /// The byte offset of each scalar, then the byte count.
    private(set) var starts: [Int] = []

    /// The line, or nil when some scalar may join its neighbour into one character.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        scalars.reserveCapacity(bytes.count)
        starts.reserveCapacity(bytes.count + 1)
        var i = 0
        while i < bytes.count {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: i)
            guard UTF8Scalars.isStandalone(scalar.value) else { return nil }
            scalars.append(scalar)
            starts.append(i)
            i += length
        }
        starts.append(bytes.count)
    }

    /// Runs `body` on `raw` as a `ScalarLine`; nil when `raw` is not one (then read it by Characters).
    static func with<R>(_ raw: Substring, _ body: (ScalarLine) -> R) -> R? {
        let result: R?? = raw.utf8.withContiguousStorageIfAvailable { bytes -> R? in
            guard let line = ScalarLine(bytes) else { return nil }
            return body(line)
        }
        return result ?? nil
    }

    var count: Int { scalars.count }

    private func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[range.lowerBound]..<starts[range.upperBound]])
    }

    /// The text of scalars `range`.
    func string(_ range: Range<Int>) -> String { String(decoding: slice(range), as: UTF8.self) }

    /// `LabelKey.of` the text of scalars `range`.
    func key(_ range: Range<Int>) -> String { LabelKey.of(utf8: slice(range)) }

    @inline(__always)
    func isSpace(_ k: Int) -> Bool { LabelKey.isSpace(scalars[k]) }

    /// `range` without whitespace at either end (as `trimmingAllSpace`).
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var a = range.lowerBound, b = range.upperBound
        while a < b, isSpace(a) { a += 1 }
        while b > a, isSpace(b - 1) { b -= 1 }
        return a..<b
    }

    /// True when the key of scalars `range` certainly does not look like a value
    /// (`CellReader.looksLikeValue`), known without computing it: the text starts with a CJK
    /// ideograph and holds at least four, and ideographs are never dropped from a key, so the key
    /// starts with a non-digit and is longer than 9 bytes.
    func surelyNotValue(_ range: Range<Int>) -> Bool {
        guard let first = range.first, Self.isPlainIdeograph(scalars[first]) else { return false }
        var ideographs = 0
        for k in range where Self.isPlainIdeograph(scalars[k]) {
            ideographs += 1
            if ideographs >= 4 { return true }
        }
        return false
    }

    @inline(__always)
    static func isPlainIdeograph(_ s: Unicode.Scalar) -> Bool { s.value >= 0x4E00 && s.value <= 0x9FFF }

    /// True when the line holds the ASCII byte `byte`.
    func contains(byte: UInt8) -> Bool { bytes.contains(byte) }
}
