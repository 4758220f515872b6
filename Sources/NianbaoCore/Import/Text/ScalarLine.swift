/// One line of text whose scalars are all characters of their own (`UTF8Scalars.isStandalone`,
/// true of nearly every report), as its scalars and their byte offsets. The text readers' fast
/// path: a character offset is a scalar index, and a cell's text is a slice of the line's bytes
/// (no Character walking, no String built scalar by scalar). Lines with combining marks, emoji
/// sequences or Hangul are read Character by Character instead; tests pin both to the same cells.
struct ScalarLine {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The line's scalars.
    let scalars: UnsafeBufferPointer<Unicode.Scalar>
    /// The byte offset of each scalar, then the byte count.
    let starts: UnsafeBufferPointer<Int>

    /// Runs `body` on `raw` as a `ScalarLine`; nil when some scalar of `raw` may join its
    /// neighbour into one character (then read it by Characters). The scalars and offsets live
    /// in temporary storage (on the stack for short lines) for the duration of `body`.
    static func with<R>(_ raw: Substring, _ body: (ScalarLine) -> R) -> R? {
        let result: R?? = raw.utf8.withContiguousStorageIfAvailable { bytes -> R? in
            withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: bytes.count) { scalars -> R? in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: bytes.count + 1) { starts -> R? in
                    var n = 0
                    var i = 0
                    while i < bytes.count {
                        let (scalar, length) = UTF8Scalars.decode(bytes, at: i)
                        guard UTF8Scalars.isStandalone(scalar.value) else { return nil }
                        scalars.initializeElement(at: n, to: scalar)
                        starts.initializeElement(at: n, to: i)
                        n += 1
                        i += length
                    }
                    starts.initializeElement(at: n, to: bytes.count)
                    let line = ScalarLine(bytes: bytes, scalars: UnsafeBufferPointer(rebasing: scalars[0..<n]),
                                          starts: UnsafeBufferPointer(rebasing: starts[0...n]))
                    return body(line)
                }
            }
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
