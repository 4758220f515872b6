/// Last year's report beside this year's: every cell with its change, the ratios reviewers work
/// out by hand (narrative-checks.md §6) with a flag for a jump, how much of each text section is
/// last year's, and the cross-year rules as findings. `nianbao diff` prints it.
public struct YearOverYear: Sendable {
    /// One cell in both years.
    public struct CellChange: Sendable {
        public let id: String
        public let label: String
        public let last: CellValue
        public let this: CellValue
        /// this − last, when both are filled.
        public var change: CellValue? {
            if let x = last.count, let y = this.count { return .count(y - x) }
            guard let a = last.asAmount, let b = this.asAmount,
                  let d = b.adding(Amount(normalizing: -a.units, scale: a.scale)) else { return nil }
            return .amount(d)
        }
    }

    /// A ratio of narrative-checks.md §6.
    public struct Ratio: Sendable {
        public let name: String
        public let formula: String
        public let last: Double?
        public let this: Double?
        /// this / last, when both are above 0.
        public var factor: Double? {
            guard let last, let this, last > 0 else { return nil }
            return this / last
        }
        /// A jump: more than ×5 or less than ×0.2 (or from 0 to a share of at least 20 %).
        public var isJump: Bool {
            if let factor { return factor > 5 || factor < 0.2 }
            if let last, let this, last == 0 { return this >= 0.2 }
            return false
        }
    }

    /// How much of a text section is last year's.
    public struct SectionSimilarity: Sendable {
        public let part: TextPart
        public let overlap: TextOverlap
        /// The identical passages, quoted.
        public let passages: [TextSpan]
    }

    public let previous: Report
    public let report: Report
    /// Why the two files should not be compared, when they should not.
    public let mismatch: PreviousReportMismatch?
    /// Cells present in both forms, in this year's printed order.
    public let cells: [CellChange]
    public let ratios: [Ratio]
    public let sections: [SectionSimilarity]
    /// The cross-year rules (T3-6, T2b-2, T2a-3, T2a-6, X-7) on this year's report.
    public let findings: [Finding]

    public init(previous: Report, report: Report) {
        self.previous = previous
        self.report = report
        mismatch = report.mismatch(withPrevious: previous)
        var cells: [CellChange] = []
        for cell in report.definition.cells {
            guard let i = previous.definition.index(of: cell.ref) else { continue }
            cells.append(CellChange(id: cell.ref.description, label: cell.label, last: previous.cells[i], this: report.cells[cell.index]))
        }
        self.cells = cells
        ratios = Self.ratios(previous, report)
        sections = Report.textSections.map { section in
            let text = report.text(section)
            let overlap = TextOverlap(text, previous: previous.text(section))
            let characters = Array(text)
            let passages = overlap.passages.map { TextSpan(part: .section(section), range: $0, quote: String(characters[$0])) }
            return SectionSimilarity(part: .section(section), overlap: overlap, passages: passages)
        }
        let crossYear = Set(Validator.rules.filter(\.needsPrevious).map(\.id))
        findings = Validator.validate(report, previous: previous).filter { crossYear.contains($0.ruleID) }
    }

    static func ratios(_ last: Report, _ this: Report) -> [Ratio] {
        func n(_ r: Report, _ id: String) -> Double? { r[id].count.map(Double.init) }
        func sum(_ r: Report, _ prefix: String) -> Double? {
            let ids = r.definition.table(.t3).allRows.map(\.id).filter { $0.hasPrefix(prefix) }
            var total = 0.0
            for id in ids { guard let v = n(r, "t3.\(id).total") else { return nil }; total += v }
            return total
        }
        func share(_ part: Double?, _ base: Double?) -> Double? {
            guard let part, let base, base > 0 else { return nil }
            return part / base
        }
        typealias Compute = (Report) -> Double?
        let list: [(String, String, Compute)] = [
            ("实质公开率", "（（一）予以公开 + （二）部分公开）/（七）总计", { r in
                share(n(r, "t3.r3_1.total").flatMap { a in n(r, "t3.r3_2.total").map { a + $0 } }, n(r, "t3.r3_7.total")) }),
            ("无法提供占比", "（四）无法提供 / （七）总计", { r in share(sum(r, "r3_4_"), n(r, "t3.r3_7.total")) }),
            ("不予处理占比", "（五）不予处理 / （七）总计", { r in share(sum(r, "r3_5_"), n(r, "t3.r3_7.total")) }),
            ("结转率", "四、结转下年度 /（一、本年新收 + 二、上年结转）", { r in
                share(n(r, "t3.r4.total"), n(r, "t3.r1.total").flatMap { a in n(r, "t3.r2.total").map { a + $0 } }) }),
            ("复议纠错率", "行政复议 结果纠正 /（总计 − 尚未审结）", { r in
                share(n(r, "t4.rv.fix"), n(r, "t4.rv.total").flatMap { t in n(r, "t4.rv.pend").map { t - $0 } }) }),
            ("诉讼纠错率", "行政诉讼 结果纠正 /（总计 − 尚未审结），两类起诉合计", { r in
                let fix = n(r, "t4.ld.fix").flatMap { a in n(r, "t4.lr.fix").map { a + $0 } }
                let total = n(r, "t4.ld.total").flatMap { a in n(r, "t4.lr.total").map { a + $0 } }
                let pend = n(r, "t4.ld.pend").flatMap { a in n(r, "t4.lr.pend").map { a + $0 } }
                return share(fix, total.flatMap { t in pend.map { t - $0 } })
            }),
        ]
        return list.map { Ratio(name: $0.0, formula: $0.1, last: $0.2(last), this: $0.2(this)) }
    }
}
