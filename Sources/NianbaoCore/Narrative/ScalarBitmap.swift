/// A set of Basic Multilingual Plane scalar values as a bitmap, to test a text's scalars
/// against the first scalars of a word list before a dictionary lookup (which hashes).
///
/// Scalars above U+FFFF are always "maybe": the caller then asks its dictionary.
struct ScalarBitmap: Sendable {
    private var words = [UInt64](repeating: 0, count: 1024)

    init(_ values: some Sequence<UInt32>) {
        for value in values where value < 0x10000 { words[Int(value >> 6)] |= 1 << (value & 63) }
    }

    /// False only when no value of the set is `value`.
    @inline(__always)
    func mayContain(_ value: UInt32) -> Bool {
        value >= 0x10000 || words[Int(value >> 6)] & (1 << (value & 63)) != 0
    }
}
