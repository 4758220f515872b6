import Foundation
import NianbaoCore

/// Copying across agencies (与其他单位雷同) on 10,000 generated reports with planted copies:
/// time to make the signatures and to cluster them (against a same-run baseline that reads every
/// character of the same texts), and precision and recall of the pairs found against the pairs planted.
///
/// The prose of every report is drawn from one pool of stock clauses (as real reports share their
/// stock phrasing) with its own topics, figures and order, so distinct reports overlap without
/// being copies. Planted copies take another unit's section and change the agency's name and every
/// figure, and some also add, drop or reorder a sentence.
func runClusterQualityBenchmark(count: Int = 10_000) {
    var g = SampleReports.Generator(seed: 2025)
    var reports: [Report] = []
    reports.reserveCapacity(count)
    let template = SampleReports.filled(form: .v2021, year: 2025)
    for i in 0..<count {
        var r = template
        r.agency = ProseBench.agency(i)
        r.texts[.s1] = ProseBench.section(agency: r.agency, sentences: 14, using: &g)
        r.texts[.s5] = ProseBench.section(agency: r.agency, sentences: 5, using: &g)
        reports.append(r)
    }
    // Planted groups: 150 pairs and 50 triples per part, sources and copies all distinct reports.
    var truth: [TextPart: Set<[Int]>] = [:]
    var used = Set<Int>()
    func fresh() -> Int {
        while true {
            let i = Int.random(in: 0..<count, using: &g)
            if used.insert(i).inserted { return i }
        }
    }
    var edits = [0, 0, 0, 0]
    // Kind of edit behind each planted pair: 0…3 for source–copy, 4 for two copies of one source.
    var kindOf: [TextPart: [[Int]: Int]] = [:]
    for part in SimilarityClusters.defaultParts {
        guard case .section(let id) = part else { continue }
        for size in [2, 3] {
            for _ in 0..<(size == 2 ? 150 : 50) {
                let members = (0..<size).map { _ in fresh() }
                let source = reports[members[0]]
                for copy in members.dropFirst() {
                    let kind = Int.random(in: 0..<4, using: &g)
                    kindOf[part, default: [:]][[members[0], copy].sorted()] = kind
                    edits[kind] += 1
                    reports[copy].texts[id] = ProseBench.copy(source.text(id), from: source.agency, to: reports[copy].agency,
                                                              edit: kind, using: &g)
                }
                for a in members { for b in members where a < b {
                    truth[part, default: []].insert([a, b])
                    if kindOf[part]?[[a, b]] == nil { kindOf[part, default: [:]][[a, b]] = 4 }
                } }
            }
        }
    }
    let clock = ContinuousClock()
    var sink = 0
    let baselineStart = clock.now
    for r in reports { for scalar in r.text(.s1).unicodeScalars { sink &+= Int(scalar.value) }; for scalar in r.text(.s5).unicodeScalars { sink &+= Int(scalar.value) } }
    let baseline = clock.now - baselineStart
    let signStart = clock.now
    let signatures = reports.map { SimilarityClusters.Signature($0) }
    let signing = clock.now - signStart
    let clusterStart = clock.now
    let clusters = SimilarityClusters.find(signatures: signatures)
    let clustering = clock.now - clusterStart
    print("similarity clusters, \(count) generated reports (一 of 14 stock-clause sentences, 五 of 5), planted copies per part: 150 pairs + 50 triples")
    print("  copies edited: names and figures only \(edits[0]), + a sentence added \(edits[1]), + one dropped \(edits[2]), + two swapped \(edits[3])")
    print("  baseline: read every character      \(baseline)")
    print("  signatures (MinHash, 2 parts)       \(signing)")
    print("  clustering (LSH bands, union-find)  \(clustering)   clusters \(clusters.count)   (threshold 0.8, the default)")
    let kindNames = ["names+figures", "+sentence", "-sentence", "swapped", "copy–copy"]
    for threshold in [0.6, 0.7, 0.8, 0.9] {
        let found = threshold == 0.8 ? clusters : SimilarityClusters.find(signatures: signatures, threshold: threshold)
        var pairs: [TextPart: Set<[Int]>] = [:]
        for c in found { for a in c.members { for b in c.members where a < b { pairs[c.part, default: []].insert([a, b]) } } }
        for part in SimilarityClusters.defaultParts {
            let t = truth[part] ?? [], f = pairs[part] ?? []
            let hit = t.intersection(f).count
            let precision = f.isEmpty ? 1 : Double(hit) / Double(f.count)
            let recall = t.isEmpty ? 1 : Double(hit) / Double(t.count)
            var byKind = ""
            for k in 0..<kindNames.count {
                let planted = t.filter { kindOf[part]?[$0] == k }
                let got = planted.filter { f.contains($0) }.count
                byKind += " \(kindNames[k]) \(got)/\(planted.count)"
            }
            print(String(format: "  threshold %.1f %@: planted %d, found %d, correct %d — precision %.3f, recall %.3f  (%@)",
                         threshold, part.label(in: .v2021), t.count, f.count, hit, precision, recall, byKind))
        }
    }
    if sink == .min { print("") }
}

/// Generated report prose from stock clauses.
enum ProseBench {
    static let places = ["城关", "河包", "东城", "西湖", "南山", "北关", "青石", "白水", "红旗", "新华", "长安", "永和", "安乐", "清河", "太平", "富民"]
    static let bodies = ["财政局", "教育局", "水利局", "交通运输局", "卫生健康委员会", "自然资源局", "住房和城乡建设局", "农业农村局",
                         "市场监督管理局", "生态环境局", "民政局", "司法局", "统计局", "应急管理局", "文化和旅游局", "人民政府办公室",
                         "街道办事处", "镇人民政府", "审计局", "林业局", "商务局", "医疗保障局", "退役军人事务局", "信访局"]
    static let topics = ["财政预决算", "重大建设项目", "公共资源交易", "义务教育招生", "河道管理", "农村道路建设", "防汛抗旱",
                         "安全生产", "环境保护", "就业创业", "社会保障", "医疗卫生", "养老服务", "住房保障", "食品安全", "乡村振兴",
                         "营商环境", "行政审批", "行政执法", "规划管理", "征地拆迁", "扶贫资金", "惠民补贴", "政策文件", "人事任免",
                         "突发事件应对", "价格收费", "国有资产", "政府采购", "民生实事", "减税降费", "疫情防控", "地质灾害", "耕地保护"]
    static let channels = ["门户网站", "政务新媒体", "政府公报", "政务服务大厅", "新闻发布会", "公开栏", "微信公众号", "档案馆查阅点"]
    static let clauses: [String] = [
        "围绕{t}等重点领域，及时准确公开相关信息{n}条",
        "通过{c}发布{t}信息{n}条，方便群众查阅",
        "严格落实{t}信息公开要求，全年共主动公开信息{n}条",
        "组织开展{t}专题培训{n}次，参训人员{n}人次",
        "对{t}相关政策进行解读{n}篇，回应社会关切{n}次",
        "进一步规范{t}信息发布流程，落实三审三校制度",
        "在{c}开设{t}专栏，集中公开办事指南和政策文件",
        "加强{t}领域基层政务公开标准化规范化建设",
        "依法依规做好{t}信息的公开属性源头认定工作",
        "全年收到涉及{t}的依申请公开{n}件，均在法定期限内答复",
        "定期更新{t}目录，清理过时信息{n}条",
        "认真落实{t}公开工作责任，明确专人负责信息审核",
        "以{c}为主渠道，推进{t}信息集中统一发布",
        "开展{t}政策进社区活动{n}场，发放宣传资料{n}份",
        "聚焦{t}，主动回应群众关切，办理网民留言{n}条",
        "完善{t}信息公开保密审查机制，未发生泄密事件",
        "{t}工作存在公开内容不够全面、更新不够及时等问题",
        "下一步将持续深化{t}信息公开，提升公开质量",
        "部分人员对{t}公开工作的重视程度还需提高",
        "将{t}公开工作纳入年度绩效考核，强化督促检查",
    ]

    static func agency(_ i: Int) -> String {
        "\(places[i % places.count])\(["县", "区", "市"][(i / places.count) % 3])\(bodies[(i / (places.count * 3)) % bodies.count])第\(i)分部"
    }

    static func sentence(using g: inout SampleReports.Generator) -> String {
        var s = clauses.randomElement(using: &g)!
        while let r = s.range(of: "{t}") { s.replaceSubrange(r, with: topics.randomElement(using: &g)!) }
        while let r = s.range(of: "{c}") { s.replaceSubrange(r, with: channels.randomElement(using: &g)!) }
        while let r = s.range(of: "{n}") { s.replaceSubrange(r, with: String(Int.random(in: 1..<2000, using: &g))) }
        return s + "。"
    }

    static func section(agency: String, sentences: Int, using g: inout SampleReports.Generator) -> String {
        var text = "\(Int.random(in: 2019...2025, using: &g))年，\(agency)"
        for k in 0..<sentences {
            text += sentence(using: &g)
            if k % 4 == 3 { text += "\n" }
        }
        return text
    }

    /// Another unit's text taken over: its name and every figure changed, and per `edit` a sentence
    /// added (1), dropped (2) or two sentences swapped (3).
    static func copy(_ text: String, from: String, to: String, edit: Int, using g: inout SampleReports.Generator) -> String {
        var out = text.replacingOccurrences(of: from, with: to)
        out = String(out.map { $0.isASCII && $0.isNumber ? Character(String(Int.random(in: 0...9, using: &g))) : $0 })
        var sentences = out.split(separator: "。", omittingEmptySubsequences: true).map(String.init)
        switch edit {
        case 1: sentences.insert(String(sentence(using: &g).dropLast()), at: Int.random(in: 0...sentences.count, using: &g))
        case 2 where sentences.count > 3: sentences.remove(at: Int.random(in: 1..<sentences.count, using: &g))
        case 3 where sentences.count > 3:
            let i = Int.random(in: 1..<(sentences.count - 1), using: &g)
            sentences.swapAt(i, i + 1)
        default: break
        }
        return sentences.joined(separator: "。") + "。"
    }
}
