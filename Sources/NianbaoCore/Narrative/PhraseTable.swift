/// What a figure in the prose restates (narrative-checks.md §2).
public enum FigureTarget: String, Sendable, Hashable, CaseIterable {
    /// 本年新收 / 收到 / 受理 … 申请 N 件 → 三 一 › 总计.
    case received
    /// 上年结转 N 件 → 三 二 › 总计.
    case carriedIn
    /// 办结 / 答复 / 办理 … N 件 → 三 （七）总计 › 总计.
    case concluded
    /// 结转下年度 N 件 → 三 四 › 总计.
    case carriedOut
    /// 予以公开 → （一）.
    case granted
    /// 部分公开 → （二）.
    case partlyGranted
    /// 予以公开及部分公开, 予以公开（含部分公开）→ （一）+（二）.
    case grantedOrPartly
    /// 不予公开 → Σ（三）.
    case refused
    /// 无法提供 → Σ（四）.
    case unavailable
    /// 不予处理 → Σ（五）.
    case notProcessed
    /// 其他处理 → （六）(2019) or Σ（六）(2021).
    case otherOutcome
    /// 行政复议 → 四 行政复议 › 总计.
    case review
    /// 行政诉讼 → 四 未经复议直接起诉 › 总计 + 复议后起诉 › 总计.
    case lawsuit
    /// 制发 / 制定 / 印发 规范性文件 → 二 规范性文件 › 本年制发件数 (2019: 本年新制作数量).
    case normIssued
    /// 废止 规范性文件 → 二 规范性文件 › 本年废止件数 (2021 only).
    case normAbolished
    /// 现行有效 规范性文件 → 二 规范性文件 › 现行有效件数 (2021 only).
    case normValid
    /// 制发 / 制定 规章 → 二 规章 › 本年制发件数 (2019: 本年新制作数量).
    case regIssued
    /// 废止 规章 (2021 only).
    case regAbolished
    /// 现行有效 规章 (2021 only).
    case regValid

    /// The phrase the report would use, for messages.
    public var phrase: String {
        switch self {
        case .received: "本年新收申请"
        case .carriedIn: "上年结转"
        case .concluded: "办结（答复）"
        case .carriedOut: "结转下年度"
        case .granted: "予以公开"
        case .partlyGranted: "部分公开"
        case .grantedOrPartly: "予以公开及部分公开"
        case .refused: "不予公开"
        case .unavailable: "无法提供"
        case .notProcessed: "不予处理"
        case .otherOutcome: "其他处理"
        case .review: "行政复议"
        case .lawsuit: "行政诉讼"
        case .normIssued: "制发规范性文件"
        case .normAbolished: "废止规范性文件"
        case .normValid: "现行有效规范性文件"
        case .regIssued: "制发规章"
        case .regAbolished: "废止规章"
        case .regValid: "现行有效规章"
        }
    }

    /// A total of the year's applications (its splits are not new totals).
    var isApplicationTotal: Bool { self == .received || self == .concluded }

    /// The cells whose sum the figure restates, as dotted ids, for a form (empty: the form has no such cell).
    public func cellIDs(form: FormVersion) -> [String] {
        func t3(_ rows: [String]) -> [String] { rows.map { "t3.\($0).total" } }
        let table3 = form.definition.table(.t3)
        func group(_ prefix: String) -> [String] {
            t3(table3.allRows.map(\.id).filter { $0.hasPrefix(prefix) })
        }
        switch self {
        case .received: return t3(["r1"])
        case .carriedIn: return t3(["r2"])
        case .concluded: return t3(["r3_7"])
        case .carriedOut: return t3(["r4"])
        case .granted: return t3(["r3_1"])
        case .partlyGranted: return t3(["r3_2"])
        case .grantedOrPartly: return t3(["r3_1", "r3_2"])
        case .refused: return group("r3_3_")
        case .unavailable: return group("r3_4_")
        case .notProcessed: return group("r3_5_")
        case .otherOutcome: return form == .v2019 ? t3(["r3_6"]) : group("r3_6_")
        case .review: return ["t4.rv.total"]
        case .lawsuit: return ["t4.ld.total", "t4.lr.total"]
        case .normIssued: return [form == .v2019 ? "t2.norm.made" : "t2.norm.issued"]
        case .normAbolished: return form == .v2019 ? [] : ["t2.norm.abolished"]
        case .normValid: return form == .v2019 ? [] : ["t2.norm.valid"]
        case .regIssued: return [form == .v2019 ? "t2.reg.made" : "t2.reg.issued"]
        case .regAbolished: return form == .v2019 ? [] : ["t2.reg.abolished"]
        case .regValid: return form == .v2019 ? [] : ["t2.reg.valid"]
        }
    }
}

/// A word of the phrase table and what it means next to a figure.
enum Lexeme: Sendable, Equatable {
    /// The figure restates a cell.
    case target(FigureTarget)
    /// A word that makes the figure mean something else (a channel, an outcome of a case, a
    /// different business): the figure is left alone. A strong one counts anywhere in the clause.
    case blocker(strong: Bool)
    /// 规范性文件 / 规章: the verb before it says which column.
    case documents(isRegulation: Bool)
    /// 制定 / 制发 / 印发 / 出台, 废止, 现行有效.
    case documentVerb(DocumentVerb)
    /// 结转 / 转结 without 上年 or 下年: resolved by a year that follows.
    case carry
    /// 其中, 包括: the figures that follow split the one before.
    case split
    /// 处理: too vague on its own (处理申请 may mean received or concluded).
    case vague

    enum DocumentVerb: Sendable, Equatable { case issued, abolished, valid }
}

/// The phrase table, longest words first at each position.
enum PhraseTable {
    static let entries: [(word: String, lexeme: Lexeme)] = {
        var list: [(String, Lexeme)] = []
        func add(_ lexeme: Lexeme, _ words: String...) { for w in words { list.append((w, lexeme)) } }
        add(.target(.received), "新收", "收到", "受理", "接收", "接到", "收悉", "共收", "新增申请")
        add(.target(.carriedIn), "上年结转", "上年度结转", "上年度转结", "上年转结", "上一年度结转", "上一年结转",
            "上一年度转结", "去年结转", "上年度遗留", "上年遗留", "往年结转")
        add(.target(.concluded), "办结", "答复", "办理", "办复", "完成答复", "作出答复", "处理完毕", "办理完毕")
        add(.target(.carriedOut), "结转下年", "转结下年", "结转至下", "结转到下", "转入下年", "结转下一年", "转至下年",
            "结转次年", "转结次年", "结转至次年", "延续至下", "结转至20", "结转到20", "转结至下", "转到下年")
        add(.target(.granted), "予以公开", "同意公开", "全部公开", "予以全部公开")
        add(.target(.partlyGranted), "部分公开", "予以部分公开")
        add(.target(.grantedOrPartly), "予以公开及部分公开", "予以公开和部分公开", "予以公开或部分公开", "予以公开、部分公开",
            "全部或部分公开", "予以全部或部分公开", "公开及部分公开", "公开和部分公开", "全部公开和部分公开", "全部公开及部分公开")
        add(.target(.refused), "不予公开")
        add(.target(.unavailable), "无法提供")
        add(.target(.notProcessed), "不予处理")
        add(.target(.otherOutcome), "其他处理")
        add(.target(.review), "行政复议", "复议")
        add(.target(.lawsuit), "行政诉讼", "诉讼")
        add(.documents(isRegulation: false), "规范性文件", "行政规范性文件")
        add(.documents(isRegulation: true), "规章")
        add(.documentVerb(.issued), "制定", "制发", "印发", "出台")
        add(.documentVerb(.abolished), "废止")
        add(.documentVerb(.valid), "现行有效")
        add(.carry, "结转", "转结")
        add(.split, "其中", "包括", "含")
        add(.vague, "处理", "依申请公开办理", "申请办理情况", "公开办理情况")
        // Blockers. Weak ones (a channel, an applicant type, a case outcome) matter only next to
        // the figure; strong ones (other business) anywhere in the clause before it.
        add(.blocker(strong: false), "网络", "网上", "线上", "线下", "信函", "当面", "现场", "电子邮件", "邮件", "邮寄",
            "传真", "电话", "窗口", "渠道", "在线", "邮箱", "来访", "自然人申请", "自然人提出", "法人申请", "法人提出",
            "法人或其他组织", "其他组织", "公民申请")
        add(.blocker(strong: false), "起诉", "复议后起诉", "正在复议", "复议中", "尚未审结", "审理中", "正在审理", "维持",
            "纠正", "纠错", "撤回", "败诉", "胜诉", "结果", "审结")
        add(.blocker(strong: true), "信箱", "建议", "提案", "信访", "投诉", "咨询", "留言", "热线", "来信", "12345",
            "督办", "政务服务", "办件", "审批", "许可", "处罚", "政策解读", "回应", "主动公开", "发布", "转载", "推送",
            "规章制度", "规章库", "规范性文件库", "网站", "公众号", "微博")
        return list.sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
    }()

    /// The entries by first scalar, longest first.
    static let byFirstScalar: [UInt32: [(word: [UInt32], lexeme: Lexeme)]] = {
        var map: [UInt32: [(word: [UInt32], lexeme: Lexeme)]] = [:]
        for (word, lexeme) in entries {
            let scalars = word.scalarValues
            map[scalars[0], default: []].append((scalars, lexeme))
        }
        return map
    }()

    /// The first scalars of the entries, tested before `byFirstScalar` is looked up.
    static let firstScalars = ScalarBitmap(byFirstScalar.keys)

    /// Every phrase-table word in `text`, leftmost-longest, none inside another.
    static func hits(in text: NarrativeText) -> [LexemeHit] {
        let s = text.scalars
        var hits: [LexemeHit] = []
        var i = 0
        while i < s.count {
            if s[i] >= 0x4E00 || isDigit(s[i]), firstScalars.mayContain(s[i]), let candidates = byFirstScalar[s[i]],
               let found = candidates.first(where: { text.matches($0.word, at: i) }) {
                hits.append(LexemeHit(lexeme: found.lexeme, range: i..<(i + found.word.count)))
                i += found.word.count
            } else {
                i += 1
            }
        }
        return hits
    }
}

/// One phrase-table word found in a text.
struct LexemeHit: Sendable, Equatable {
    let lexeme: Lexeme
    let range: Range<Int>
}
