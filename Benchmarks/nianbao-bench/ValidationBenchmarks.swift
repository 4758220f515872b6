import NianbaoCore

/// Benchmark 1: full validation of a completely filled 2021 report (runs on every keystroke).
///
/// Times `Validator.validate` on `SampleReports.filled(form: .v2021)` over many iterations and
/// prints the median and p99 time per run in µs (target: median < 50 µs). A baseline measured in
/// the same run — summing every cell of the same report with a plain loop — puts the figure in
/// proportion to the machine's speed.
func runValidationBenchmarks() {
    let report = SampleReports.filled(form: .v2021)
    let previous = SampleReports.filled(form: .v2021, year: 2020)
    let iterations = 20_000
    let clock = ContinuousClock()

    func measure(_ body: () -> Int) -> (median: Double, p99: Double, sink: Int) {
        var sink = 0
        for _ in 0..<(iterations / 10) { sink &+= body() }  // warm up
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = clock.now
            sink &+= body()
            let elapsed = clock.now - start
            let (seconds, attoseconds) = elapsed.components
            samples.append(Double(seconds) * 1e6 + Double(attoseconds) / 1e12)
        }
        samples.sort()
        let p99 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]
        return (samples[samples.count / 2], p99, sink)
    }

    let baseline = measure {
        var total: Int64 = 0
        for value in report.cells {
            if case .count(let n) = value { total &+= n } else if case .amount(let a) = value { total &+= a.units }
        }
        return Int(truncatingIfNeeded: total)
    }
    let validation = measure { Validator.validate(report).count }
    let crossYear = measure { Validator.validate(report, previous: previous).count }

    // The same report with a 2,000-character section 一 in real phrasing, figures and all.
    var long = report
    long.texts[.s1] = longSectionOne(report)
    let longText = long.text(.s1)
    // A keystroke in a table leaves the text as it was: the narrative analysis comes from its cache.
    let tableKeystroke = measure { Validator.validate(long).count }
    // A keystroke in section 一 changes the text: the analysis is made again.
    var flip = 0
    var typed = long
    let textKeystroke = measure {
        flip &+= 1
        typed.texts[.s1] = longText + (flip % 2 == 0 ? "。" : "，") + String(flip)
        return Validator.validate(typed).count
    }

    func fmt(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        return String(scaled)
    }
    print("validation (2021 form, \(report.cells.count) cells, all filled, \(iterations) runs):")
    print("  baseline: sum every cell      median \(fmt(baseline.median)) µs   p99 \(fmt(baseline.p99)) µs")
    print("  Validator.validate            median \(fmt(validation.median)) µs   p99 \(fmt(validation.p99)) µs"
        + "   target < 50 µs: \(validation.median < 50 ? "met" : "NOT met")")
    print("  Validator.validate + previous median \(fmt(crossYear.median)) µs   p99 \(fmt(crossYear.p99)) µs")
    let ratio = baseline.median > 0 ? validation.median / baseline.median : .infinity
    print("  ratio validate / baseline (median): \(fmt(ratio))×")
    print("  with a \(longText.count)-character section 一 (narrative rules reading it):")
    print("    table keystroke (text cached) median \(fmt(tableKeystroke.median)) µs   p99 \(fmt(tableKeystroke.p99)) µs"
        + "   target < 50 µs: \(tableKeystroke.median < 50 ? "met" : "NOT met")"
        + "   ratio / baseline \(fmt(tableKeystroke.median / max(baseline.median, 0.001)))×")
    print("    text keystroke (text read again) median \(fmt(textKeystroke.median)) µs   p99 \(fmt(textKeystroke.p99)) µs"
        + "   ratio / baseline \(fmt(textKeystroke.median / max(baseline.median, 0.001)))×")
    if baseline.sink == .min || validation.sink == .min || crossYear.sink == .min || tableKeystroke.sink == .min
        || textKeystroke.sink == .min { print("") }  // keep results alive
}

/// About 2,000 characters of section 一 written the way real reports write it, restating the report's own tables.
func longSectionOne(_ report: Report) -> String {
    func t(_ id: String) -> String { report[id].description }
    let year = report.year
    var text = "\(year)年，\(report.agency)坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，"
        + "按照上级关于推进新时代政务公开工作的要求，依法履行公开职责，进一步提升政府信息公开质量和服务效能。\n"
        + "（一）主动公开方面\n\(year)年，通过门户网站发布政府信息1464条，其中文件15条，政策解读10条，工作动态1437条，其他信息2条；"
        + "发布新闻发布会信息29场，编辑公报12期，并在门户网站同步发布电子版。\n"
        + "（二）依申请公开方面\n\(year)年，共受理政府信息公开申请\(t("t3.r1.total"))件，其中自然人申请\(t("t3.r1.np"))件。"
        + "答复政府信息公开申请\(t("t3.r3_7.total"))件（含上年度转结申请\(t("t3.r2.total"))件，另有\(t("t3.r4.total"))件申请转结下年度继续办理），"
        + "均按规定在法定期内予以答复。所有答复件中，予以公开\(t("t3.r3_1.total"))件，部分公开\(t("t3.r3_2.total"))件。"
        + "因政府信息公开引起的行政复议\(t("t4.rv.total"))件，所有案件均按照法定程序办理。\n"
        + "（三）政府信息管理方面\n对现行有效的规章、规范性文件集中公开；制定政策文件标签目录，"
        + "本年共制发行政规范性文件\(t("t2.norm.issued"))件，废止\(t("t2.norm.abolished"))件，现行有效的行政规范性文件\(t("t2.norm.valid"))件。\n"
    let filler = "（四）政府信息公开平台建设方面\n持续加强门户网站和政务新媒体建设，优化栏目设置，规范信息发布流程，严格落实“三审三校”制度，"
        + "确保发布内容准确、及时、规范，全年网站运行平稳，未发生安全事故。政务新媒体发布信息712条，回应公众关切36次。\n"
        + "（五）监督保障方面\n建立健全政务公开工作领导小组，明确专人负责，组织开展业务培训3次，参训人员30余人，"
        + "将政务公开纳入年度绩效考核，强化责任落实，推动各项工作任务落地见效。\n"
    while text.count < 2000 { text += filler }
    return String(text.prefix(2000))
}

/// Clustering near-identical sections across 10,000 reports (target: seconds), against a same-run
/// baseline that only reads every character of the same texts.
func runClusterBenchmark() {
    let vocabulary = Array("政府信息公开工作年度报告市县区镇街道办事处水利交通财政教育卫生健康委员会管理服务平台建设监督保障依申请主动规范性文件解读回应培训考核农村道路桥梁河道防汛安全生产环境保护就业社保医疗养老住房")
    var g = SampleReports.Generator(seed: 7)
    let template = SampleReports.filled(form: .v2021, year: 2024)
    var reports: [Report] = []
    reports.reserveCapacity(10_000)
    for i in 0..<10_000 {
        var r = template
        r.agency = "某县第\(i)局"
        var s1 = "", s5 = ""
        for k in 0..<600 { s1.append(vocabulary.randomElement(using: &g)!); if k % 25 == 24 { s1.append("，") } }
        for _ in 0..<200 { s5.append(vocabulary.randomElement(using: &g)!) }
        r.texts[.s1] = s1
        r.texts[.s5] = s5
        reports.append(r)
    }
    for copy in stride(from: 100, to: 10_000, by: 1_000) { reports[copy].texts[.s1] = "本单位" + reports[7].text(.s1) }
    let clock = ContinuousClock()
    var sink = 0
    let baselineStart = clock.now
    for r in reports { for scalar in r.text(.s1).unicodeScalars { sink &+= Int(scalar.value) }; sink &+= r.text(.s5).utf8.count }
    let baseline = clock.now - baselineStart
    let start = clock.now
    let clusters = SimilarityClusters.find(in: reports)
    let elapsed = clock.now - start
    print("similarity clusters over \(reports.count) reports (一 of 600 characters, 五 of 200):")
    print("  baseline: read every character   \(baseline)")
    print("  SimilarityClusters.find          \(elapsed)   clusters \(clusters.count), members of the first \(clusters.first?.members.count ?? 0)")
    if sink == .min { print("") }
}
