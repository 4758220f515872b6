/// Comparison keys for the names of reporting units (机关、乡镇、街道).
///
/// The same unit is written in several ways: `某县人民政府办公室` and `某县政府办`,
/// `某市卫生健康委员会` and `某市卫生健康委`, `城关街道办事处` and `城关街道`,
/// `河包镇人民政府` and `河包镇`. The key is the label key (NFKC, no spaces, no quotation
/// marks, format-spec §1.4) with the long official forms reduced to the common short ones.
///
/// This is the desk's own normaliser until the narrative checks' Core name matcher is merged.
public enum UnitName {
    /// Long forms and the short form each becomes, applied in this order.
    static let reductions: [(String, String)] = [
        ("人民政府办公室", "政府办"),
        ("人民政府办公厅", "政府办公厅"),
        ("政府办公室", "政府办"),
        ("管理委员会", "管委会"),
        ("委员会", "委"),
        ("街道办事处", "街道"),
        ("人民政府", "政府"),
    ]

    /// The comparison key of a unit name.
    public static func key(_ name: some StringProtocol) -> String {
        var key = LabelKey.of(name)
        // Full-width brackets became ASCII under NFKC; a bracketed alias (e.g. `（县政务公开办）`) is not part of the name.
        if let open = key.firstIndex(of: "("), key.last == ")", open != key.startIndex {
            key = String(key[..<open])
        }
        for (long, short) in reductions where key.contains(long) {
            key = key.replacingAll(long, with: short)
        }
        // A township's government is the township: 河包镇政府 → 河包镇, 某乡政府 → 某乡.
        for town in ["镇政府", "乡政府"] where key.hasSuffix(town) && key.count > town.count {
            key = String(key.dropLast(2))
        }
        return key
    }

    /// True when two names are the same unit's.
    public static func same(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        key(a) == key(b)
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (Character-wise, left to right).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target)
        guard !pattern.isEmpty else { return self }
        let chars = Array(self)
        var out = ""
        var i = 0
        while i < chars.count {
            if i + pattern.count <= chars.count, chars[i] == pattern[0], Array(chars[i..<(i + pattern.count)]) == pattern {
                out += replacement
                i += pattern.count
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        return out
    }
}
