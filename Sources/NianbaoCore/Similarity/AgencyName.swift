/// Whether two reports are by the same agency, from their names as written.
public enum AgencyName {
    /// Long forms and the short forms reports also use, so both compare alike.
    static let abbreviations: [(long: String, short: String)] = [
        ("人力资源和社会保障局", "人社局"), ("市场监督管理局", "市场监管局"), ("人民政府办公室", "政府办"),
        ("人民政府办公厅", "政府办"), ("交通运输局", "交通局"), ("住房和城乡建设局", "住建局"),
        ("自然资源和规划局", "自然资源局"), ("发展和改革委员会", "发改委"), ("卫生健康委员会", "卫健委"),
        ("卫生和健康委员会", "卫健委"), ("教育和体育局", "教体局"), ("农业农村局", "农业局"), ("生态环境局", "环境局"),
        ("街道办事处", "街道"), ("人民政府", "政府"),
    ]

    /// The name with whitespace, punctuation and compatibility forms removed and long forms shortened.
    public static func normalized(_ name: String) -> String {
        var key = LabelKey.of(name)
        key = String(key.unicodeScalars.filter { scalar in
            let v = scalar.value
            return !(v < 0x30 || (v >= 0x3A && v <= 0x40) || (v >= 0x5B && v <= 0x60) || (v >= 0x7B && v <= 0x7F)
                || (v >= 0x3000 && v <= 0x303F) || (v >= 0xFF00 && v <= 0xFF0F) || v == 0x201C || v == 0x201D)
        }.map(Character.init))
        for (long, short) in abbreviations {
            key = replacing(long, with: short, in: key)
        }
        return key
    }

    /// True when the names are the same agency: equal after normalising, or one is the other with
    /// a province, city or county prefix (`水利局` / `驻马店市水利局`) of at least 3 characters left.
    public static func isSame(_ a: String, _ b: String) -> Bool {
        let x = normalized(a), y = normalized(b)
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

    private static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        let t = Array(text), n = Array(needle)
        guard t.count >= n.count else { return text }
        var out: [Character] = []
        var i = 0
        while i < t.count {
            if i + n.count <= t.count, t[i..<(i + n.count)].elementsEqual(n) {
                out += replacement
                i += n.count
            } else {
                out.append(t[i])
                i += 1
            }
        }
        return String(out)
    }
}
