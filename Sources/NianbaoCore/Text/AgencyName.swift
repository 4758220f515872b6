/// The one normaliser of agency and unit names (机关、乡镇、街道), used wherever two names are
/// compared: roster matching (`status`, `sum --roster`), pairing last year's report
/// (`check --previous`, `--previous-dir`), and the copying check across agencies.
///
/// The same unit is written in several ways: `某县人民政府办公室` and `某县政府办`,
/// `某市卫生健康委员会` and `某市卫生健康委` and `某市卫健委`, `城关街道办事处` and `城关街道`,
/// `河包镇人民政府` and `河包镇`, `凤县人力资源和社会保障局` and `凤县人社局`. The key is the label
/// key (NFKC, format-spec §1.4) without whitespace, punctuation or a bracketed alias, with the long
/// official forms reduced to the common short ones and the common department names abbreviated.
public enum AgencyName {
    /// Long official forms and the short form each becomes, applied in this order.
    static let reductions: [(long: String, short: String)] = [
        ("人民政府办公室", "政府办"),
        ("人民政府办公厅", "政府办公厅"),
        ("政府办公室", "政府办"),
        ("管理委员会", "管委会"),
        ("委员会", "委"),
        ("街道办事处", "街道"),
        ("人民政府", "政府"),
    ]

    /// Department names and the abbreviations reports also use (after the reductions above).
    static let abbreviations: [(long: String, short: String)] = [
        ("人力资源和社会保障局", "人社局"), ("市场监督管理局", "市场监管局"), ("交通运输局", "交通局"),
        ("住房和城乡建设局", "住建局"), ("自然资源和规划局", "自然资源局"), ("发展和改革委", "发改委"),
        ("卫生健康委", "卫健委"), ("卫生和健康委", "卫健委"), ("教育和体育局", "教体局"), ("农业农村局", "农业局"),
        ("生态环境局", "环境局"),
    ]

    /// The comparison key of a name.
    public static func key(_ name: some StringProtocol) -> String {
        // On scalars, not Characters: a batch takes the key of every file's agency.
        var scalars = Array(LabelKey.of(name).unicodeScalars)
        // Full-width brackets became ASCII under NFKC; a bracketed alias (e.g. `（县政务公开办）`) is not part of the name.
        if scalars.last == ")", let open = scalars.firstIndex(of: "("), open > 0 {
            scalars.removeSubrange(open...)
        }
        scalars.removeAll(where: isPunctuation)
        for (long, short) in reductionScalars { replace(long, with: short, in: &scalars) }
        for (long, short) in abbreviationScalars { replace(long, with: short, in: &scalars) }
        // A township's government is the township: 河包镇政府 → 河包镇, 某乡政府 → 某乡.
        if scalars.count > 3, scalars[scalars.count - 2] == "政", scalars[scalars.count - 1] == "府",
           scalars[scalars.count - 3] == "镇" || scalars[scalars.count - 3] == "乡" {
            scalars.removeLast(2)
        }
        var key = String.UnicodeScalarView()
        key.append(contentsOf: scalars)
        return String(key)
    }

    private static let reductionScalars = reductions.map { (Array($0.long.unicodeScalars), Array($0.short.unicodeScalars)) }
    private static let abbreviationScalars = abbreviations.map { (Array($0.long.unicodeScalars), Array($0.short.unicodeScalars)) }

    /// Every occurrence of `long` in `scalars` replaced by `short`, left to right.
    static func replace(_ long: [Unicode.Scalar], with short: [Unicode.Scalar], in scalars: inout [Unicode.Scalar]) {
        guard scalars.count >= long.count, let first = long.first else { return }
        var i = 0
        var out: [Unicode.Scalar]?
        var copied = 0
        while i <= scalars.count - long.count {
            if scalars[i] == first, scalars[i..<(i + long.count)].elementsEqual(long) {
                if out == nil { out = [] ; out!.reserveCapacity(scalars.count) }
                out!.append(contentsOf: scalars[copied..<i])
                out!.append(contentsOf: short)
                i += long.count
                copied = i
            } else {
                i += 1
            }
        }
        guard var result = out else { return }
        result.append(contentsOf: scalars[copied...])
        scalars = result
    }

    /// The key of a name (the same as `key`).
    public static func normalized(_ name: String) -> String { key(name) }

    /// True when the two names have the same key.
    public static func same(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        key(a) == key(b)
    }

    /// True when the names are the same agency: the same key, or one is the other with a province,
    /// city or county prefix (`水利局` / `驻马店市水利局`) and at least 3 characters left.
    public static func isSame(_ a: String, _ b: String) -> Bool {
        let x = key(a), y = key(b)
        if x == y { return true }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard short.count >= 3 else { return false }
        return long.hasSuffix(short) && regionPrefix(String(long.dropLast(short.count)))
    }

    /// True when `prefix` reads as a place (`驻马店市`, `河南省驻马店市`, `凤县`).
    static func regionPrefix(_ prefix: String) -> Bool {
        guard let last = prefix.last else { return true }
        return "省市县区州盟旗".contains(last)
    }

    /// ASCII controls, spaces and punctuation, CJK punctuation, full-width punctuation and curly quotes.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x30 || (v >= 0x3A && v <= 0x40) || (v >= 0x5B && v <= 0x60) || (v >= 0x7B && v <= 0x7F)
            || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFF0F) || v == 0x201C || v == 0x201D
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
