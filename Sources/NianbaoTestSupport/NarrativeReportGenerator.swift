import NianbaoCore

/// Generates reports whose section 一 is written from their own tables in many real phrasings
/// (narrative-checks.md §2, the corpus), with the traps real reports set: figures in brackets,
/// splits after 其中, merged rows, channel and applicant breakdowns, other years, other business
/// with its own figures, approximate figures, percentages. Used to measure the narrative rules:
/// a consistent report must draw no narrative finding, and a cell changed after the prose was
/// written must be found.
public struct NarrativeReportGenerator {
    /// One generated report and what its prose states.
    public struct Generated: Sendable {
        public var report: Report
        /// The dotted-id cells whose sum each stated figure restates, with the figure.
        public var stated: [(cells: [String], value: Int64)]
    }

    private var g: SampleReports.Generator

    public init(seed: UInt64) { g = SampleReports.Generator(seed: seed) }

    private mutating func int(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &g) }
    private mutating func pick<T>(_ options: [T]) -> T { options.randomElement(using: &g)! }
    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &g) < percent }

    /// A consistent report: balanced tables, prose that restates them.
    public mutating func next() -> Generated {
        let form: FormVersion = chance(30) ? .v2019 : .v2021
        let year = form == .v2019 ? Int.random(in: 2019...2020, using: &g) : Int.random(in: 2021...2025, using: &g)
        let agency = pick(["驻马店市水利局", "某市教育局", "某县人民政府办公室", "某市市场监督管理局", "某区财政局", "某镇人民政府"])
        var report = SampleReports.filled(form: form, year: year, agency: agency)
        report.scope = agency.contains("人民政府") && !agency.contains("镇") ? .government : .agency
        fillTables(&report)
        var stated: [(cells: [String], value: Int64)] = []
        let prose = writeSectionOne(report, stated: &stated)
        report.texts[.s1] = prose
        report.texts[.s5] = pick([
            "存在的主要问题：政策解读形式较单一。下一步，我局将丰富解读形式，\(year + 1)年计划开展培训 2 次。",
            "一是信息发布的及时性有待提高；二是依申请公开答复的规范性仍需加强。改进措施：建立周例会制度，逐项落实。",
        ])
        report.texts[.s6] = form == .v2021 ? feeStatement(report) : pick(["无。", "本年度无其他需要报告的事项。"])
        return Generated(report: report, stated: stated)
    }

    /// The same report with one stated figure's cell changed (the prose now disagrees with the table).
    public mutating func disagreeing(_ generated: Generated) -> (report: Report, cell: String, prose: Int64, table: Int64)? {
        let candidates = generated.stated.filter { $0.cells.count >= 1 }
        guard !candidates.isEmpty else { return nil }
        let statement = pick(candidates)
        var report = generated.report
        let delta = pick([1, 2, 3, 5, 10] as [Int64])
        let cell = statement.cells[0]
        guard let current = report[cell].count else { return nil }
        report[cell] = .count(current + delta)
        return (report, cell, statement.value, statement.value + delta)
    }

    // MARK: Tables

    private mutating func fillTables(_ report: inout Report) {
        let columns = ["np", "lp_com", "lp_res", "lp_ngo", "lp_law", "lp_oth"]
        let outcomes = report.definition.table(.t3).allRows.map(\.id).filter { $0.hasPrefix("r3_") && $0 != "r3_7" }
        let busy = chance(70)
        for column in columns {
            let scale: Int64 = column == "np" ? (busy ? 12 : 2) : (busy && chance(50) ? 3 : 0)
            var concluded: Int64 = 0
            for row in outcomes {
                let n = scale == 0 || chance(45) ? 0 : int(0...scale)
                report["t3.\(row).\(column)"] = .count(n)
                concluded += n
            }
            let carriedOut = chance(60) ? 0 : int(0...max(0, scale / 3))
            let carriedIn = chance(60) ? 0 : int(0...min(concluded + carriedOut, max(0, scale / 3)))
            report["t3.r2.\(column)"] = .count(carriedIn)
            report["t3.r4.\(column)"] = .count(carriedOut)
            report["t3.r1.\(column)"] = .count(concluded + carriedOut - carriedIn)
        }
        let casesOften = chance(50)
        for block in ["rv", "ld", "lr"] {
            for column in ["keep", "fix", "other", "pend"] {
                report["t4.\(block).\(column)"] = .count(casesOften && chance(50) ? int(0...3) : 0)
            }
        }
        if report.form == .v2021 {
            report["t2.norm.issued"] = .count(int(0...8))
            report["t2.norm.abolished"] = .count(int(0...3))
            report["t2.norm.valid"] = .count(int(8...60))
        }
        if chance(15) {  // a quiet year: nothing received, nothing carried
            for row in report.definition.table(.t3).allRows.map(\.id) {
                for column in columns { report["t3.\(row).\(column)"] = .count(0) }
            }
        }
        report.fillComputed()
    }

    private func total(_ report: Report, _ row: String) -> Int64 { report["t3.\(row).total"].count ?? 0 }

    private func group(_ report: Report, _ prefix: String) -> Int64 {
        report.definition.table(.t3).allRows.map(\.id).filter { $0.hasPrefix(prefix) }
            .reduce(0) { $0 + (report["t3.\($1).total"].count ?? 0) }
    }

    // MARK: Prose

    private mutating func writeSectionOne(_ report: Report, stated: inout [(cells: [String], value: Int64)]) -> String {
        let year = report.year
        let r1 = total(report, "r1"), r2 = total(report, "r2"), r37 = total(report, "r3_7"), r4 = total(report, "r4")
        let granted = total(report, "r3_1"), partly = total(report, "r3_2")
        let refused = group(report, "r3_3_"), unavailable = group(report, "r3_4_"), notProcessed = group(report, "r3_5_")
        let other = report.form == .v2019 ? total(report, "r3_6") : group(report, "r3_6_")
        var out: [String] = []
        // (一) 主动公开: a list with its parts, some distractors.
        let parts = (0..<Int.random(in: 2...5, using: &g)).map { _ in int(0...300) }
        let rest = int(0...40)
        let exhaustive = chance(50)
        let listTotal = parts.reduce(0, +) + (exhaustive ? rest : rest + int(1...50))
        let names = ["工作动态", "政策文件", "通知公告", "财政预决算信息", "人事信息", "规划计划", "重大项目"]
        var list = "\(pick(["全年", "\(year)年，"]))通过门户网站主动公开政府信息\(listTotal)条，其中"
        list += parts.enumerated().map { "\(names[$0.offset % names.count])\($0.element)条" }.joinedText(separator: pick(["，", "、"]))
        if exhaustive { list += "，其他信息\(rest)条" }
        list += "。"
        out.append("（一）主动公开情况")
        out.append(list + pick(["通过政务新媒体发布信息\(int(10...900))条。", "政府公开信箱办结\(int(1...400))件。",
                                "网站发布信息900余条。", "办理人大代表建议\(int(1...30))件、政协提案\(int(1...30))件。",
                                "12345热线受理群众诉求\(int(10...500))件。"]))
        if report.form == .v2021, let issued = report["t2.norm.issued"].count, let abolished = report["t2.norm.abolished"].count,
           let valid = report["t2.norm.valid"].count, chance(60) {
            out.append("\(year)年，共制发行政规范性文件\(issued)件，废止\(abolished)件，现行有效的行政规范性文件\(valid)件。")
            stated += [(["t2.norm.issued"], issued), (["t2.norm.abolished"], abolished), (["t2.norm.valid"], valid)]
        }
        // (二) 依申请公开.
        out.append(pick(["（二）依申请公开情况", "（二）依申请公开办理情况", "（二）依申请公开方面"]))
        var s = ""
        if r1 == 0 && r2 == 0 {
            s = pick(["本年度未收到政府信息公开申请。", "\(year)年，本机关未收到政府信息公开申请。",
                      "全年新收政府信息公开申请数量0件，上年结转政府信息公开申请数量0件。"])
            if s.hasPrefix("全年新收") { stated += [(["t3.r1.total"], 0), (["t3.r2.total"], 0)] }
            out.append(s)
        } else {
            let lead = pick(["\(year)年，", "全年", "本年度", "", "依法依规办好政府信息公开申请，"])
            s = lead + pick(["共收到政府信息公开申请\(r1)件", "共受理政府信息公开申请\(r1)件", "新收政府信息公开申请\(r1)件",
                             "共接收政府信息公开申请\(r1)件", "收到依申请公开申请\(r1)件"])
            stated.append((["t3.r1.total"], r1))
            if chance(40) {  // a channel breakdown that adds up
                let online = int(0...r1)
                s += "（其中网上申请\(online)件、信函申请\(r1 - online)件）"
            } else if chance(30), let np = report["t3.r1.np"].count {
                s += "，其中自然人申请\(np)件，法人或其他组织申请\(r1 - np)件"
            }
            if r2 > 0 || chance(30) {
                s += pick(["，上年结转\(r2)件", "，上年度结转\(r2)件", "，上年度转结申请\(r2)件"])
                stated.append((["t3.r2.total"], r2))
            }
            s += "。"
            switch Int.random(in: 0..<3, using: &g) {
            case 0:
                s += "答复政府信息公开申请\(r37)件（含上年度转结申请\(r2)件，另有\(r4)件申请转结下年度继续办理）。"
                stated += [(["t3.r3_7.total"], r37), (["t3.r2.total"], r2), (["t3.r4.total"], r4)]
            case 1:
                s += pick(["全年依法办结\(r37)件", "已经答复\(r37)件", "办结\(r37)件"])
                stated.append((["t3.r3_7.total"], r37))
                if r4 > 0 || chance(50) {
                    s += pick(["，结转下年度继续办理\(r4)件", "，\(r4)件结转下年办理", "，结转\(year + 1)年办理\(r4)件"])
                    stated.append((["t3.r4.total"], r4))
                }
                s += "。"
            default:
                s += pick(["共办理依申请公开信息\(r37)件。", "全年共办理依申请公开信息\(r37)件，全部严格按照要求及时办理答复。"])
                stated.append((["t3.r3_7.total"], r37))
            }
            if r4 == 0, chance(50) { s += pick(["所有申请均已按时办结。", "政府信息公开申请答复率达100%。"]) }
            if r37 > 0 { s += outcomes(report, r37, granted, partly, refused, unavailable, notProcessed, other, &stated) }
            out.append(s)
        }
        // Cases.
        let rv = report["t4.rv.total"].count ?? 0
        let lawsuits = (report["t4.ld.total"].count ?? 0) + (report["t4.lr.total"].count ?? 0)
        if rv == 0 && lawsuits == 0 {
            out.append(pick(["本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。", "行政复议0件，行政诉讼0件。"]))
            if out.last!.hasPrefix("行政复议0件") { stated += [(["t4.rv.total"], 0), (["t4.ld.total", "t4.lr.total"], 0)] }
        } else {
            out.append(pick(["因政府信息公开引起的行政复议\(rv)件、行政诉讼\(lawsuits)件。",
                             "产生行政复议\(rv)件和行政诉讼\(lawsuits)件。",
                             "政府信息公开行政复议案件\(rv)件，行政诉讼案件\(lawsuits)件。"]))
            stated += [(["t4.rv.total"], rv), (["t4.ld.total", "t4.lr.total"], lawsuits)]
            let fixes = ["rv", "ld", "lr"].reduce(Int64(0)) { $0 + (report["t4.\($1).fix"].count ?? 0) + (report["t4.\($1).pend"].count ?? 0) }
            if fixes == 0 { out.append("所有案件均获维持。") }
        }
        // A sentence about another year, and an approximate figure: never compared.
        if chance(40) { out.append("与\(year - 1)年相比，申请数量有所变化，办理质量稳步提升，累计培训\(int(1...9))次、参训人员30余人。") }
        return out.joinedText(separator: "\n")
    }

    private mutating func outcomes(_ report: Report, _ base: Int64, _ granted: Int64, _ partly: Int64, _ refused: Int64,
                                   _ unavailable: Int64, _ notProcessed: Int64, _ other: Int64,
                                   _ stated: inout [(cells: [String], value: Int64)]) -> String {
        let otherCells = report.form == .v2019 ? ["t3.r3_6.total"] : ["t3.r3_6_1.total", "t3.r3_6_2.total", "t3.r3_6_3.total"]
        func pct(_ n: Int64, _ decimals: Int) -> String {
            let scale: Int64 = decimals == 2 ? 100 : 10
            let v = (2 * n * 100 * scale + base) / (2 * base)
            let whole = v / scale, frac = v % scale
            let fracText = decimals == 2 ? (frac < 10 ? "0\(frac)" : "\(frac)") : "\(frac)"
            return "\(whole).\(fracText)%"
        }
        let decimals = chance(50) ? 2 : 1
        let withPercent = chance(40)
        func item(_ phrase: String, _ n: Int64, _ cells: [String]) -> String {
            stated.append((cells, n))
            return phrase + "\(n)件" + (withPercent ? "，占\(pct(n, decimals))" : "")
        }
        var items: [String] = []
        if chance(40) {
            items.append(item(pick(["予以公开及部分公开的", "予以公开和部分公开"]), granted + partly, ["t3.r3_1.total", "t3.r3_2.total"]))
        } else {
            items.append(item(pick(["予以公开", "同意公开"]), granted, ["t3.r3_1.total"]))
            items.append(item("部分公开", partly, ["t3.r3_2.total"]))
        }
        let groups = report.definition.table(.t3).allRows.map(\.id)
        items.append(item("不予公开", refused, groups.filter { $0.hasPrefix("r3_3_") }.map { "t3.\($0).total" }))
        items.append(item(pick(["无法提供", "因本机关不掌握等原因无法提供的"]), unavailable,
                          groups.filter { $0.hasPrefix("r3_4_") }.map { "t3.\($0).total" }))
        items.append(item("不予处理", notProcessed, groups.filter { $0.hasPrefix("r3_5_") }.map { "t3.\($0).total" }))
        items.append(item("其他处理", other, otherCells))
        let separator = withPercent ? "；" : pick(["，", "、"])
        return pick(["所有答复件中，", "其中，", "办理结果：", ""]) + items.joinedText(separator: separator) + "。"
    }

    private mutating func feeStatement(_ report: Report) -> String {
        let unpaid = report["t3.r3_6_2.total"].count ?? 0
        if unpaid > 0 {
            return "本年度发出收费通知\(unpaid)件，申请人均未在期限内缴费，未收取信息处理费。"
        }
        return pick(["本年度未收取信息处理费。", "本年度未收取信息公开处理费。", "本机关未收取任何费用。",
                     "本年度没有收取政府信息公开信息处理费。", "无收取信息处理费情况。"])
    }
}
