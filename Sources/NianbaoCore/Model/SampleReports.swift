/// Deterministic, completely filled reports for tests, benchmarks and demos.
///
/// Every cell is filled with a realistic, non-trivial number; totals are computed from their
/// parts, so a sample passes every single-report rule. The numbers depend only on the form
/// (and the year given), never on randomness.
public enum SampleReports {
    /// A completely filled, balanced report for `form`.
    ///
    /// - Parameters:
    ///   - form: the form to fill.
    ///   - year: the reporting year; defaults to the last year the form was used for (2019 form: 2020)
    ///     or its first year (2021 form: 2021), so the form matches the year.
    ///   - agency: the reporting agency; the default is a city-level department.
    public static func filled(form: FormVersion, year: Int? = nil, agency: String = "驻马店市水利局") -> Report {
        let year = year ?? (form == .v2019 ? 2020 : 2021)
        var report = Report(agency: agency, year: year, form: form)
        report.texts = texts(form: form, year: year, agency: agency)
        fillTable2(&report)
        fillTable3(&report)
        fillTable4(&report)
        report.fillComputed()
        return report
    }

    private static func texts(form: FormVersion, year: Int, agency: String) -> SectionMap<String> {
        let fee = form == .v2021
            ? "本年度向逾期未缴费的申请人发出过收费通知，申请人均未缴费，本年度未收取信息处理费。"
            : "本年度无其他需要报告的事项。"
        return [
            .s1: "\(year) 年，\(agency)认真贯彻落实《中华人民共和国政府信息公开条例》，"
                + "（一）主动公开：及时发布机构职能、政策文件和财政预决算信息。（二）依申请公开：依法按时答复每一件申请。",
            .s5: "存在的主要问题：信息发布的及时性有待提高。改进情况：建立周例会制度，逐项落实。",
            .s6: fee,
        ]
    }

    private static func set(_ report: inout Report, _ table: TableID, _ row: String, _ column: String, _ value: CellValue) {
        report[CellRef(table: table, row: row, column: column)] = value
    }

    private static func fillTable2(_ report: inout Report) {
        func c(_ row: String, _ column: String, _ n: Int64) { set(&report, .t2, row, column, .count(n)) }
        let year = Int64(report.year)
        switch report.form {
        case .v2019:
            // 对外公开总数量 grows by 本年新公开数量 each year, so that consecutive samples agree (T2a-6).
            c("reg", "made", 2); c("reg", "published", 2); c("reg", "total_published", 15 + 2 * (year - 2020))
            c("norm", "made", 5); c("norm", "published", 5); c("norm", "total_published", 48 + 5 * (year - 2020))
            // 上一年项目数量 follows from the 2019 figure and the yearly 本年增/减, so that consecutive
            // samples agree across years (T2a-3).
            let items: [(row: String, base2019: Int64, change: Int64, decisions: Int64?)] = [
                ("lic", 14, -2, 54), ("svc", 40, 3, 712), ("pun", 79, 0, 4), ("coe", 17, -1, 2), ("fee", 1, 0, nil),
            ]
            for item in items {
                c(item.row, "prev_items", max(0, item.base2019 + item.change * (year - 2019)))
                c(item.row, "change", item.change)
                if let d = item.decisions { c(item.row, "decisions", d) }
            }
            c("proc", "proc_items", 33)
            // 3194.752 万元, written exactly as units and scale.
            set(&report, .t2, "proc", "proc_amount", .amount(Amount(normalizing: 3_194_752, scale: 3)))
        case .v2021:
            // 现行有效件数 grows by 制发 − 废止 each year, so that consecutive samples agree (T2b-2).
            let docs: [(row: String, valid2020: Int64, issued: Int64, abolished: Int64)] = [
                ("reg", 2, 1, 0), ("norm", 37, 6, 2),
            ]
            for doc in docs {
                c(doc.row, "issued", doc.issued)
                c(doc.row, "abolished", doc.abolished)
                c(doc.row, "valid", max(0, doc.valid2020 + (doc.issued - doc.abolished) * (year - 2020)))
            }
            c("lic", "decisions", 54)
            c("pun", "decisions", 4)
            c("coe", "decisions", 2)
            set(&report, .t2, "fee", "fee_amount", .amount(Amount(normalizing: 125, scale: 1)))
        }
    }

    /// Relative sizes of the six applicant columns (自然人 … 其他).
    private static let columnScale: [Int64] = [23, 4, 1, 1, 2, 3]
    /// Relative frequency of the outcome rows, cycled over （一）…（六）.
    private static let outcomeWeight: [Int64] = [8, 3, 1, 0, 1, 0, 2, 1, 0, 1, 5, 2, 1, 2, 1, 0, 1, 1, 2, 1, 1, 0, 1]

    private static func fillTable3(_ report: inout Report) {
        let columns = TableDefinition.applicantColumnIDs
        let outcomes = report.definition.table(.t3).allRows.filter { $0.id.hasPrefix("r3_") && !$0.isComputed }
        for (j, column) in columns.enumerated() {
            let scale = columnScale[j]
            var concluded: Int64 = 0
            for (k, row) in outcomes.enumerated() {
                let n = scale * outcomeWeight[k % outcomeWeight.count] / 2
                concluded += n
                set(&report, .t3, row.id, column, .count(n))
            }
            // 结转下年度 of year N is 上年结转 of year N+1, so consecutive samples agree (T3-6).
            let carriedIn = carried(scale, year: report.year - 1)
            let carriedOut = carried(scale, year: report.year)
            set(&report, .t3, "r2", column, .count(carriedIn))
            set(&report, .t3, "r4", column, .count(carriedOut))
            set(&report, .t3, "r1", column, .count(concluded + carriedOut - carriedIn))
        }
    }

    /// Applications still open at the end of `year` in a column of relative size `scale`.
    private static func carried(_ scale: Int64, year: Int) -> Int64 {
        scale / 3 + Int64(year % 3)
    }

    private static func fillTable4(_ report: inout Report) {
        let values: [String: [Int64]] = ["rv": [2, 1, 0, 1], "ld": [1, 0, 0, 0], "lr": [1, 0, 1, 0]]
        for (row, parts) in values {
            for (column, n) in zip(["keep", "fix", "other", "pend"], parts) {
                set(&report, .t4, row, column, .count(n))
            }
        }
    }
}
