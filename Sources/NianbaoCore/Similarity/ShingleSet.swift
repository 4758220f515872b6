/// A fixed set of 64-bit shingle hashes, looked up with one multiply and usually one probe
/// (open addressing, a quarter full); `Set<UInt64>` hashes each key with SipHash, which was most
/// of the similarity signature's cost in a batch check.
struct ShingleSet: Sendable {
    private let slots: [UInt64]
    private let mask: Int
    private let containsZero: Bool

    init(_ keys: some Sequence<UInt64>) {
        let unique = Array(Set(keys))
        var size = 16
        while size < unique.count * 4 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        var zero = false
        for key in unique {
            if key == 0 { zero = true; continue }
            var i = Self.start(key, mask: size - 1)
            while slots[i] != 0 { i = (i + 1) & (size - 1) }
            slots[i] = key
        }
        self.slots = slots
        self.mask = size - 1
        self.containsZero = zero
    }

    var count: Int { slots.reduce(0) { $0 + ($1 == 0 ? 0 : 1) } + (containsZero ? 1 : 0) }

    @inline(__always)
    private static func start(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        if key == 0 { return containsZero }
        var i = Self.start(key, mask: mask)
        while true {
            let slot = slots[i]
            if slot == key { return true }
            if slot == 0 { return false }
            i = (i + 1) & mask
        }
    }
}
