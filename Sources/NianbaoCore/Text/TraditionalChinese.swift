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
        var scalars = s.unicodeScalars.makeIterator()
        // Fast path: nothing to change (ASCII, Simplified text) returns the string itself.
        var changed = false
        while let scalar = scalars.next() {
            if scalar.value >= 0x3400, simplified(scalar) != nil {
                changed = true
                break
            }
        }
        guard changed else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(scalar.value >= 0x3400 ? simplified(scalar) ?? scalar : scalar)
        }
        return String(out)
    }

    /// The Simplified form of one scalar, or nil when it has none in the table.
    public static func simplified(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let keys = TraditionalChineseTable.traditional
        let value = scalar.value
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < value { low = mid + 1 } else { high = mid }
        }
        guard low < keys.count, keys[low] == value else { return nil }
        return Unicode.Scalar(TraditionalChineseTable.simplified[low])
    }

    /// True when `s` holds at least one character the table maps (a sign of Traditional script).
    public static func hasTraditional(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value >= 0x3400 && simplified($0) != nil }
    }
}
