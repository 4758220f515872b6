/// Traditional → Simplified Chinese, character by character, for matching the labels of
/// Traditional-script copies of a report (`規章` → `规章`, `第二十條` → `第二十条`).
///
/// The table is generated from OpenCC's character and phrase tables by
/// `scripts/generate-traditional-mapping.py`; characters that OpenCC simplifies differently in
/// different words (乾, 於, 覆 …) are left as printed. Text that is already Simplified is
/// returned unchanged, and so is every official label.
public enum TraditionalChinese {
    /// `s` with every Traditional character that has one Simplified form replaced by it.
    public static func toSimplified(_ s: String) -> String {
        // Fast path: nothing to change (ASCII, Simplified text) returns the string itself.
        guard s.unicodeScalars.contains(where: isMapped) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(scalar.value >= 0x3400 ? simplified(scalar) ?? scalar : scalar)
        }
        return String(out)
    }

    /// The Simplified form of one scalar, or nil when it has none in the table.
    public static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard isMapped(scalar), let at = tableIndex(scalar.value) else { return nil }
        return Unicode.Scalar(TraditionalChineseTable.simplified[at])
    }

    /// True when `s` holds at least one character the table maps (a sign of Traditional script).
    public static func hasTraditional(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: isMapped)
    }

    /// True when the table has a Simplified form for `scalar`: one bit test for the Basic
    /// Multilingual Plane (so Simplified text is checked at the cost of a load per character),
    /// a binary search above it.
    @inline(__always)
    public static func isMapped(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x3400 { return false }
        if v < 0x10000 { return bmpBits[Int(v &>> 6)] & (1 &<< UInt64(v & 63)) != 0 }
        return tableIndex(v) != nil
    }

    /// One bit per BMP scalar: set when the table maps it.
    static let bmpBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        for key in TraditionalChineseTable.traditional where key < 0x10000 { bits[Int(key >> 6)] |= 1 << UInt64(key & 63) }
        return bits
    }()

    /// Where `value` is in the table's keys (binary search), or nil.
    static func tableIndex(_ value: UInt32) -> Int? {
        let keys = TraditionalChineseTable.traditional
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < keys.count && keys[low] == value ? low : nil
    }
}

extension TraditionalChinese {
    /// The Traditional characters the table maps to `scalar`, ascending (empty when none): the
    /// inverse of the table, for rendering Traditional-script test copies of generated reports.
    public static func traditionalForms(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        (inverse[scalar.value] ?? []).compactMap(Unicode.Scalar.init)
    }

    static let inverse: [UInt32: [UInt32]] = {
        var map: [UInt32: [UInt32]] = [:]
        for (t, s) in zip(TraditionalChineseTable.traditional, TraditionalChineseTable.simplified) { map[s, default: []].append(t) }
        return map
    }()
}
