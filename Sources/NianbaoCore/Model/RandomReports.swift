/// Deterministic generator of varied (not necessarily consistent) reports, for round-trip tests, fuzz seeds and benchmarks.
///
/// Counts include 0 and very large numbers, 本年增/减 may be negative, amounts have up to
/// four decimals, some cells are empty, texts mix Chinese, ASCII and punctuation, and agency
/// names may contain `<&>"'`. Totals are random (not consistent), as in badly drafted reports.
extension SampleReports {
    /// SplitMix64: small, fast and identical on every platform.
    public struct Generator: RandomNumberGenerator, Sendable {
        private var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let syllables = Array("政府信息公开工作年度报告市县区镇街道办事处水利交通财政教育卫生健康委员会管理服务平台建设监督保障依申请主动规范性文件解读回应培训考核")
    static let punctuation = Array("，。、；：？！“”（）《》—…·%")
    static let ascii = Array("abcXYZ0123456789 -+./()[]<>&\"'#*_|")
    static let agencyParts = ["驻马店市", "上海市", "杭州市西湖区", "某县", "河包镇", "A&B<开发区>", "“新区”", "O'Brien\"镇\"", "第3"]
    static let agencyKinds = ["水利局", "人民政府办公室", "交通运输局", "财政局", "街道办事处", "管委会"]

    /// A report of `form` built from `seed`.
    public static func report(seed: UInt64, form: FormVersion) -> Report {
        var g = Generator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ (form == .v2019 ? 1 : 2))
        let year = form == .v2019 ? Int.random(in: 2019...2020, using: &g) : Int.random(in: 2021...2026, using: &g)
        let agency = agencyParts.randomElement(using: &g)! + agencyKinds.randomElement(using: &g)!
        var report = Report(agency: agency, year: year, form: form, scope: Bool.random(using: &g) ? .agency : .government)
        let definition = report.definition
        for cell in definition.cells {
            let roll = Int.random(in: 0..<100, using: &g)
            if roll < 5 {
                report.cells[cell.index] = .empty
                continue
            }
            switch cell.kind {
            case .count, .signedCount:
                var n: Int64
                switch roll {
                case 5..<45: n = 0
                case 45..<85: n = Int64.random(in: 1...99, using: &g)
                case 85..<95: n = Int64.random(in: 100...99_999, using: &g)
                default: n = Int64.random(in: 100_000...999_999_999_999, using: &g)
                }
                if cell.kind == .signedCount, Bool.random(using: &g) { n = -n }
                report.cells[cell.index] = .count(n)
            case .amount:
                let scale = Int.random(in: 0...4, using: &g)
                let units = roll < 20 ? 0 : Int64.random(in: 0...9_999_999_999, using: &g)
                report.cells[cell.index] = .amount(Amount(normalizing: units, scale: scale))
            }
        }
        for section in Report.textSections {
            report.texts[section] = text(using: &g)
        }
        return report
    }

    /// Random narrative: 0–4 lines (sometimes empty), lines never start or end with whitespace.
    static func text(using g: inout Generator) -> String {
        let lineCount = Int.random(in: 0...4, using: &g)
        var lines: [String] = []
        for i in 0..<lineCount {
            var line = ""
            let length = Int.random(in: 1...60, using: &g)
            for _ in 0..<length {
                switch Int.random(in: 0..<10, using: &g) {
                case 0..<6: line.append(syllables.randomElement(using: &g)!)
                case 6..<8: line.append(punctuation.randomElement(using: &g)!)
                default: line.append(ascii.randomElement(using: &g)!)
                }
            }
            line = String(line.trimmingAllSpace)
            if line.isEmpty { line = "无" }
            // An empty line between paragraphs now and then.
            if i > 0, Int.random(in: 0..<6, using: &g) == 0 { lines.append("") }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
