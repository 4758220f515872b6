/// A statement in the prose that a table can contradict (narrative-checks.md §3).
struct Claim: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// 均已办结 / 全部办结 / 答复率 100%.
        case allConcluded
        /// 未收到政府信息公开申请.
        case noApplications
        /// 未发生行政复议、行政诉讼 (which of the two it names).
        case noCases(review: Bool, lawsuit: Bool)
        /// 未收取信息处理费 / 未收取任何费用.
        case noFee
        /// 收取信息处理费 380 元 (amount > 0).
        case feeCollected
        /// 未发出收费通知.
        case noFeeNotice
        /// 均获维持 (of 复议, 诉讼, or both).
        case allUpheld(review: Bool, lawsuit: Bool)
    }

    let kind: Kind
    /// Where the words are, in scalar offsets.
    let range: Range<Int>
    let sentence: Int
}

/// Finds claims sentence by sentence.
enum ClaimReader {
    private static func words(_ list: String...) -> [[UInt32]] { list.map(\.scalarValues) }

    static let all = words("均已", "均", "全部", "已全部", "全都", "都已", "一律")
    static let concludedVerbs = words("办结", "答复", "办理完毕", "处理完毕", "答复完毕")
    static let rates = words("答复率", "办结率", "办理率")
    static let timely = words("按期", "按时", "及时", "限时", "规定时限", "法定期限", "满意")
    static let negation = words("未", "没有", "不", "尚未", "无法")
    static let noReceipt = words("未收到", "没有收到", "未接到", "没有接到", "未受理")
    static let noneOf = words("无依申请", "无政府信息公开申请", "无申请", "零申请", "无信息公开申请")
    static let applicationWords = words("申请", "要求公开")
    static let caseWords = words("复议", "诉讼", "起诉", "投诉", "举报")
    static let noHappen = words("未发生", "没有发生", "未出现", "未收到", "未接到", "未被申请", "未被提起", "未被", "无", "没有",
                                "零")
    static let afterNoHappen = words("均未发生", "未发生", "均无", "均为零", "均为0", "为零")
    static let reviewWords = words("复议")
    static let lawsuitWords = words("诉讼", "起诉")
    static let caseExceptions = words("纠错", "纠正", "败诉", "撤销", "确认违法", "被诉", "责任追究")
    static let noFeeStarts = words("未收取", "没有收取", "不收取", "未产生", "未发生", "免收", "未向申请人收取", "无")
    static let feeWords = words("信息处理费", "信息公开处理费", "处理费", "任何费用", "费用")
    static let collect = words("收取", "收缴", "收费")
    static let noNotice = words("未发出", "未发送", "未下达", "没有发出", "未出具", "未开具", "未发放")
    static let noticeWords = words("收费通知", "缴费通知")
    static let upheld = words("均获维持", "均被维持", "全部维持", "均维持", "均予以维持", "均为维持", "全部被维持", "全部获得维持",
                              "均已维持", "全部获维持", "均得到维持")

    /// Every word a claim starts from, by its first scalar, so a text is scanned once.
    static let triggers: [UInt32: [[UInt32]]] = {
        var map: [UInt32: [[UInt32]]] = [:]
        for list in [all, rates, noReceipt, noneOf, noHappen, afterNoHappen, noFeeStarts, collect, noNotice, upheld] {
            for word in list where !(map[word[0]]?.contains(word) ?? false) { map[word[0], default: []].append(word) }
        }
        return map
    }()

    /// The first scalars of the trigger words, tested before `triggers` is looked up.
    static let triggerStarts = ScalarBitmap(triggers.keys)

    /// Where each trigger word occurs in a text.
    struct TriggerIndex {
        /// The trigger words found, each with its offsets ascending: a few per text, so a list
        /// searched in order (the words asked for are the lists' own arrays, equal at a glance)
        /// costs less than hashing every word asked for.
        var offsets: [(word: [UInt32], list: [Int])] = []
        /// Every offset where some trigger word starts, ascending.
        var starts: [Int] = []

        init(_ text: NarrativeText) {
            let s = text.scalars
            for i in 0..<s.count where s[i] >= 0x4E00 && ClaimReader.triggerStarts.mayContain(s[i]) {
                guard let words = ClaimReader.triggers[s[i]] else { continue }
                var any = false
                for word in words where text.matches(word, at: i) {
                    if let k = offsets.firstIndex(where: { $0.word == word }) {
                        offsets[k].list.append(i)
                    } else {
                        offsets.append((word, [i]))
                    }
                    any = true
                }
                if any { starts.append(i) }
            }
        }

        /// True when a trigger word starts inside `range`.
        func hasStart(in range: Range<Int>) -> Bool {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < range.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            return lo < starts.count && starts[lo] < range.upperBound
        }

        /// The first place `word` occurs in `range`.
        func find(_ word: [UInt32], in range: Range<Int>) -> Int? {
            guard let list = offsets.first(where: { $0.word == word })?.list else { return nil }
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if list[mid] < range.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            guard lo < list.count, list[lo] + word.count <= range.upperBound else { return nil }
            return list[lo]
        }
    }

    static func claims(_ text: NarrativeText, figures: [Figure]) -> [Claim] {
        var claims: [Claim] = []
        let index = TriggerIndex(text)
        guard !index.offsets.isEmpty else { return [] }
        let finder = index
        for (index, sentence) in text.sentences.enumerated() {
            guard finder.hasStart(in: sentence) else { continue }
            func add(_ kind: Claim.Kind, _ range: Range<Int>) { claims.append(Claim(kind: kind, range: range, sentence: index)) }
            func negated(_ at: Int) -> Bool {
                negation.contains { text.matches($0, at: at - $0.count) }
                    || negation.contains { text.matches($0, at: at - $0.count - 1) }
            }
            // All concluded: 均（已）…办结 within a few characters; a rate of 100%.
            for word in all {
                var from = sentence.lowerBound
                while let at = finder.find(word, in: from..<sentence.upperBound) {
                    from = at + word.count
                    let window = from..<min(sentence.upperBound, from + 10)
                    guard let verbAt = concludedVerbs.compactMap({ text.find($0, in: window) }).min(), !negated(at),
                          !text.contains(any: negation, in: from..<verbAt) else { continue }
                    // The subject: the figure before, when there is one, must be the applications received.
                    if let previous = figures.last(where: { $0.range.upperBound <= at && $0.range.lowerBound >= sentence.lowerBound }),
                       previous.isExactCount, !subjectIsApplications(text, before: previous.digits.lowerBound, sentence: sentence) {
                        continue
                    }
                    add(.allConcluded, at..<(verbAt + 2))
                }
            }
            for rate in rates {
                guard let at = finder.find(rate, in: sentence) else { continue }
                if timely.contains(where: { word in text.find(word, in: max(sentence.lowerBound, at - 6)..<at) != nil }) { continue }
                let after = (at + rate.count)..<min(sentence.upperBound, at + rate.count + 6)
                if let figure = figures.first(where: { after.contains($0.digits.lowerBound) }), case .percent = figure.unit,
                   figure.units == 100 * pow10(figure.scale) {
                    add(.allConcluded, at..<figure.range.upperBound)
                }
            }
            // No applications.
            for word in noReceipt {
                guard let at = finder.find(word, in: sentence) else { continue }
                let window = (at + word.count)..<min(sentence.upperBound, at + word.count + 16)
                guard let app = applicationWords.compactMap({ text.find($0, in: window) }).min(),
                      !text.contains(any: caseWords, in: window) else { continue }
                add(.noApplications, at..<(app + 2))
                break
            }
            for word in noneOf {
                if let at = finder.find(word, in: sentence) { add(.noApplications, at..<(at + word.count)); break }
            }
            // No cases.
            for word in noHappen {
                guard let at = finder.find(word, in: sentence) else { continue }
                var clauseEnd = at + word.count
                while clauseEnd < sentence.upperBound, !NarrativeText.endsClause(text.scalars[clauseEnd]) { clauseEnd += 1 }
                let window = (at + word.count)..<min(clauseEnd, at + word.count + 24)
                guard word.count > 1 || window.count > 0 && caseHeads.contains(where: { text.matches($0, at: window.lowerBound) })
                else { continue }
                let review = text.contains(any: reviewWords, in: window)
                let lawsuit = text.contains(any: lawsuitWords, in: window)
                guard review || lawsuit, !text.contains(any: caseExceptions, in: window),
                      !figures.contains(where: { window.contains($0.digits.lowerBound) }) else { continue }
                add(.noCases(review: review, lawsuit: lawsuit), at..<window.upperBound)
                break
            }
            for word in afterNoHappen {
                guard let at = finder.find(word, in: sentence) else { continue }
                let window = max(sentence.lowerBound, at - 20)..<at
                let review = text.contains(any: reviewWords, in: window)
                let lawsuit = text.contains(any: lawsuitWords, in: window)
                guard review || lawsuit, !text.contains(any: caseExceptions, in: window),
                      !claims.contains(where: { if case .noCases = $0.kind { $0.sentence == index } else { false } })
                else { continue }
                add(.noCases(review: review, lawsuit: lawsuit), window.lowerBound..<(at + word.count))
                break
            }
            // Fees.
            for word in noFeeStarts {
                guard let at = finder.find(word, in: sentence) else { continue }
                let window = (at + word.count)..<min(sentence.upperBound, at + word.count + 14)
                guard let fee = feeWords.compactMap({ text.find($0, in: window) }).min() else { continue }
                add(.noFee, at..<(fee + 3))
                break
            }
            for word in collect {
                guard let at = finder.find(word, in: sentence), !negated(at) else { continue }
                let window = at..<sentence.upperBound
                guard text.contains(any: feeWords, in: window),
                      let amount = figures.first(where: { window.contains($0.digits.lowerBound) && $0.units > 0 }),
                      case .money = amount.unit else { continue }
                add(.feeCollected, at..<amount.range.upperBound)
                break
            }
            for word in noNotice {
                guard let at = finder.find(word, in: sentence) else { continue }
                let window = at..<min(sentence.upperBound, at + word.count + 12)
                if let notice = noticeWords.compactMap({ text.find($0, in: window) }).min() {
                    add(.noFeeNotice, at..<(notice + 4))
                    break
                }
            }
            // All upheld.
            for word in upheld {
                guard let at = finder.find(word, in: sentence) else { continue }
                let before = sentence.lowerBound..<at
                let review = text.contains(any: reviewWords, in: before)
                let lawsuit = text.contains(any: lawsuitWords, in: before)
                add(.allUpheld(review: review || !lawsuit, lawsuit: lawsuit || !review), at..<(at + word.count))
                break
            }
        }
        return claims
    }

    /// True when the words before a figure name applications received (收到 / 受理 … 申请).
    static func subjectIsApplications(_ text: NarrativeText, before offset: Int, sentence: Range<Int>) -> Bool {
        var start = offset
        while start > sentence.lowerBound, !NarrativeText.endsClause(text.scalars[start - 1]) { start -= 1 }
        let clause = start..<offset
        return text.contains(any: receivedWords, in: clause) && text.contains(any: applicationWords, in: clause)
    }

    static let receivedWords = words("收到", "受理", "新收", "接收", "接到")
    /// What may follow a one-character 无/没有-type word for it to speak of cases.
    static let caseHeads = words("行政复议", "行政诉讼", "复议", "诉讼")

    static func pow10(_ n: Int) -> Int64 { (0..<n).reduce(1) { value, _ in value * 10 } }
}
