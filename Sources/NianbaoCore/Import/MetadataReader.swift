/// Reads the reporting year and the agency from the title (one line, two lines, a crawler's
/// `标题:` header), from the preface sentence that names the report (`现公布X2025年政府信息公开
/// 工作年度报告`), and as a guess from the body. A reading is certain only from a title or such a
/// preface sentence, with a full agency name; anything else is a question for the user.
enum MetadataReader {
    /// One reading and how sure it is.
    struct Found<Value: Sendable>: Sendable {
        var value: Value
        var source: ImportSource
        var certain: Bool
        /// Why it is not certain.
        var doubt: String?
    }

    struct Reading: Sendable {
        var agency: Found<String>?
        var year: Found<Int>?
        /// The index of the title line, if any.
        var titleLine: Int?
    }

    /// Endings of full agency names; a name ending otherwise (`中村乡`, `前进街道`, `县人社局` is
    /// fine) is a short form that needs confirming.
    static let fullNameEndings = ["局", "办公室", "办公厅", "人民政府", "委员会", "办事处", "管委会", "中心", "厅", "院", "委", "署",
                                  "站", "所", "队", "处", "会", "公司", "政府", "办", "社", "馆", "部"]
    static let markers = ["工作年度报告", "年度报告", "工作报告", "年报", "报告"]
    /// Longest line looked at as a title: 80 characters of up to 4 bytes, with room for spaces and markup.
    static let maxTitleLineBytes = 4_096
    static let prefaceVerbs = ["现公布", "现发布", "现公开", "特向社会公布", "向社会公布", "编制形成了", "现将", "公布", "发布"]

    /// `traditional`: the input is a Traditional-script copy, so lines are read through
    /// `TraditionalChinese.readingForm` and names come out Simplified; Simplified input is read as
    /// printed (a name such as 於潜镇 keeps its 於).
    static func read(_ lines: [SourceDocument.Line], before limit: Int, traditional: Bool = false,
                     isHTMLTable: (Int) -> Bool) -> Reading {
        var reading = Reading()
        func cleaned(_ text: String) -> String { MetadataReader.cleaned(text, reading: traditional) }
        let end = min(limit, lines.count)
        // Titles and crawler headers.
        for index in 0..<end where !isHTMLTable(index) {
            // A title is at most 80 characters; a long line (a crawled page on one line) is not one.
            guard lines[index].text.utf8.count <= maxTitleLineBytes else { continue }
            // Every title has 信息公开, and the line holds its 开 (a title broken after 信息公开 too):
            // a line without it (menus, breadcrumbs, chrome) is no title. Traditional text is read first.
            guard traditional || TextSearch.containsBytes(lines[index].text, "开") else { continue }
            var text = cleaned(lines[index].text)
            var source = ImportSource.title(line: lines[index].location.line)
            for header in ["标题:", "标题：", "标 题:"] where text.hasPrefix(header) {
                text = String(text.dropFirst(header.count)).trimmingAllSpace.description
                source = .crawlerHeader(line: lines[index].location.line)
            }
            // A CMS breadcrumb (`首页 > 政务公开 > 政府信息公开年报`): only its last step can be a title.
            if let last = lastBreadcrumbStep(text) {
                text = last
                guard !text.isEmpty else { continue }
            }
            // A title broken after 信息公开: join the next line.
            if text.hasSuffix("信息公开"), index + 1 < end {
                let next = cleaned(lines[index + 1].text)
                if markers.contains(where: { next.hasPrefix("工作" + $0) || next.hasPrefix($0) }) { text += next }
            }
            guard text.count <= 80, !startsLikeSentence(text), let parsed = parseTitle(text, wholeLine: true) else { continue }
            reading.titleLine = index
            if let y = parsed.year { reading.year = Found(value: y, source: source, certain: true) }
            var agency = parsed.agency
            var agencySource = source
            if agency == nil, index > 0 {
                // Two-line title: the agency on the line before.
                for k in stride(from: index - 1, through: max(0, index - 2), by: -1) {
                    // Spaced out for layout (`驻 马 店 市 水 利 局`): the name without them.
                    let previous = cleaned(lines[k].text).filter { !$0.unicodeScalars.allSatisfy(LabelKey.isSpace) }
                    if previous.isEmpty { continue }
                    if previous.count <= 30, isNameLike(previous) {
                        agency = previous
                        agencySource = .title(line: lines[k].location.line)
                    }
                    break
                }
            }
            if let agency { reading.agency = judged(agency, source: agencySource) }
            break
        }
        // The preface sentence naming the report.
        if reading.agency == nil || reading.year == nil {
            let from = reading.titleLine.map { $0 + 1 } ?? 0
            for index in from..<min(lines.count, max(end, from + 8)) where !isHTMLTable(index) {
                let text = traditional ? TraditionalChinese.readingForm(lines[index].text) : lines[index].text
                guard TextSearch.firstRange(of: "信息公开", in: text) != nil else { continue }
                for verb in prefaceVerbs {
                    guard let r = TextSearch.firstRange(of: verb, in: text) else { continue }
                    var rest = Substring(text[r.upperBound...])
                    if rest.first == "《" { rest = rest.dropFirst() }
                    guard let parsed = parseTitle(String(rest.prefix(60))), parsed.year != nil || parsed.agency != nil else { continue }
                    let source = ImportSource.preface(line: lines[index].location.line)
                    if reading.year == nil, let y = parsed.year { reading.year = Found(value: y, source: source, certain: true) }
                    if reading.agency == nil, let a = parsed.agency { reading.agency = judged(a, source: source) }
                    break
                }
                if reading.agency != nil && reading.year != nil { break }
            }
        }
        // The statistical period states the year.
        if reading.year == nil {
            for index in 0..<min(lines.count, max(end, 30)) where !isHTMLTable(index) {
                if let y = periodYear(lines[index].text) {
                    reading.year = Found(value: y, source: .preface(line: lines[index].location.line), certain: true)
                    break
                }
            }
        }
        // No title or preface names the agency: the sign-off does (a question, as a signature may be another office's).
        if reading.agency == nil, let found = signOffAgency(lines, traditional: traditional, isHTMLTable: isHTMLTable) {
            reading.agency = found
        }
        // Guesses: a short name line near the top; the first year in the body.
        if reading.agency == nil {
            for index in 0..<min(lines.count, max(end, 12)) where !isHTMLTable(index) {
                let text = cleaned(lines[index].text)
                let length = text.prefix(31).count  // not counting a long line through
                if length >= 3, length <= 30, isNameLike(text) {
                    reading.agency = Found(value: text, source: .body(line: lines[index].location.line), certain: false,
                                           doubt: "只在正文开头找到单独一行“\(text)”，不是标题")
                    break
                }
            }
        }
        if reading.year == nil {
            for index in 0..<min(lines.count, 80) where !isHTMLTable(index) {
                if let y = firstYear(lines[index].text) {
                    reading.year = Found(value: y, source: .body(line: lines[index].location.line), certain: false,
                                         doubt: "标题中没有年度，只在正文中看到“\(y)年”")
                    break
                }
            }
        }
        return reading
    }

    /// The agency of a sign-off (`某某局` above `2026年1月20日`) among the last lines.
    static func signOffAgency(_ lines: [SourceDocument.Line], traditional: Bool, isHTMLTable: (Int) -> Bool) -> Found<String>? {
        var index = lines.count - 1
        var seen = 0
        while index > 0, seen < 6 {
            defer { index -= 1 }
            if isHTMLTable(index) { continue }
            let text = String(lines[index].text.trimmingAllSpace)
            if text.isEmpty { continue }
            seen += 1
            guard ImportedNarrative.date(text) != nil else { continue }
            var k = index - 1
            while k >= 0, lines[k].text.trimmingAllSpace.isEmpty { k -= 1 }
            guard k >= 0, !isHTMLTable(k) else { return nil }
            let name = cleaned(lines[k].text, reading: traditional)
            guard name.count >= 3, name.count <= 40, isNameLike(name) else { return nil }
            return Found(value: name, source: .signOff(line: lines[k].location.line), certain: false,
                         doubt: "标题和前言中都没有机关名称，只在落款中看到“\(name)”（落款也可能是代拟的办公室）")
        }
        return nil
    }

    static func judged(_ agency: String, source: ImportSource) -> Found<String> {
        if fullNameEndings.contains(where: { agency.hasSuffix($0) }), !agency.hasSuffix("街道") {
            return Found(value: agency, source: source, certain: true)
        }
        return Found(value: agency, source: source, certain: false, doubt: "“\(agency)”像是简称（缺少“人民政府”“办事处”等）")
    }

    /// The line as compared: trimmed, `#`/`|` dropped; with `reading`, Traditional characters read
    /// as Simplified and pinyin annotations dropped (`報(bào)告` → `报告`), so a name read from it is Simplified.
    static func cleaned(_ text: String, reading: Bool = true) -> String {
        var s = Substring((reading ? TraditionalChinese.readingForm(text) : text).trimmingAllSpace)
        while s.first == "#" { s = s.dropFirst() }
        s = Substring(String(s).trimmingAllSpace)
        while s.last == "|" { s = Substring(String(s.dropLast()).trimmingAllSpace) }
        return String(s)
    }

    static func startsLikeSentence(_ text: String) -> Bool {
        ["根据", "依据", "按照", "为", "本报告", "本年度", "现将", "现公布"].contains { text.hasPrefix($0) }
    }

    /// A line that is only a name: CJK characters (and brackets), ending like an agency.
    static func isNameLike(_ text: String) -> Bool {
        guard text.allSatisfy({ isNameCharacter($0) }) else { return false }
        return fullNameEndings.contains { text.hasSuffix($0) } || text.hasSuffix("街道") || text.hasSuffix("镇") || text.hasSuffix("乡")
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (s.value >= 0x4E00 && s.value <= 0x9FFF) || "（）()".contains(c)
    }

    /// `<agency><year>年[度]…信息公开…报告`, `<year>年[度]<agency>…`, `关于<year>年度…`; spaces ignored.
    static func parseTitle(_ raw: String, wholeLine: Bool = false) -> (year: Int?, agency: String?)? {
        // 信息公开 (perhaps spaced out) needs a 开: most lines have none.
        guard TextSearch.containsBytes(raw, "开") else { return nil }
        let text = raw.filter { !$0.unicodeScalars.allSatisfy(LabelKey.isSpace) }
        guard let info = TextSearch.firstRange(of: "信息公开", in: text) else { return nil }
        let after = text[info.upperBound...]
        guard markers.contains(where: { after.contains($0) }) || after.hasPrefix("工作年") || after.count <= 3 else { return nil }
        var prefix = Substring(text[..<info.lowerBound])
        if prefix.hasSuffix("政府"), !prefix.hasSuffix("人民政府") || prefix.hasSuffix("政府政府") { prefix = prefix.dropLast(2) }
        if prefix.hasPrefix("关于") { prefix = prefix.dropFirst(2) }
        // The year: four digits followed by 年.
        var year: Int? = nil
        var agency = prefix
        let chars = Array(prefix)
        for i in 0..<max(0, chars.count - 4) where chars[i..<i + 4].allSatisfy({ $0.isASCII && $0.isNumber }) && chars[i + 4] == "年"
            && (i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber)) {
            year = Int(String(chars[i..<i + 4]))
            var rest = chars[(i + 5)...]
            if rest.first == "度" { rest = rest.dropFirst() }
            let before = String(chars[..<i])
            agency = Substring(before + String(rest))
            break
        }
        while let l = agency.last, l == "的" || l == "度" { agency = agency.dropLast() }
        // Only the trailing run of name characters (drops breadcrumbs, spam, `现公布`).
        // A title line is the name as printed; inside a sentence, the name is the trailing run of name characters.
        let name = wholeLine && !agency.contains(where: { "：:|》".contains($0) })
            ? String(agency) : String(agency.reversed().prefix { isNameCharacter($0) }.reversed())
        guard year != nil || !name.isEmpty else { return nil }
        return (year, name.isEmpty ? nil : name)
    }

    /// The separators CMS breadcrumbs print between their steps.
    static let breadcrumbSeparators: Set<Character> = [">", "＞", "›", "»", "→"]
    /// The separators other than `>`, searched for as bytes before anything else is done.
    static let breadcrumbSeparatorBytes = breadcrumbSeparators.filter { $0 != ">" }.map(String.init)

    /// The last step of a breadcrumb line, trimmed (`当前位置：首页 > 政务公开 > 某局2024年…年度报告`
    /// → `某局2024年…年度报告`), or nil when `text` is no breadcrumb: it starts with 首页 or a
    /// 位置 label, or has two separators. A title has none of these separators.
    static func lastBreadcrumbStep(_ text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: ">")) || breadcrumbSeparatorBytes.contains(where: { TextSearch.containsBytes(text, $0) }) else { return nil }
        let separators = text.filter { breadcrumbSeparators.contains($0) }.count
        guard separators > 0 else { return nil }
        let opening = ["首页", "当前位置", "您的位置", "您当前的位置", "当前的位置", "所在位置", "位置：", "位置:"].contains { text.hasPrefix($0) }
        guard opening || separators >= 2 else { return nil }
        let last = String(text.reversed().prefix { !breadcrumbSeparators.contains($0) }.reversed())
        return last.trimmingAllSpace.description
    }

    /// `统计期限为2024年1月1日至12月31日`, `自2019年1月1日起`.
    static func periodYear(_ text: String) -> Int? {
        guard let r = TextSearch.firstRange(of: "年1月1日", in: text) else { return nil }
        let digits = text[..<r.lowerBound].suffix(4)
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(String(digits))
    }

    static func firstYear(_ text: String) -> Int? {
        let chars = Array(text.prefix(200))
        for i in 0..<max(0, chars.count - 4) where chars[i..<i + 4].allSatisfy({ $0.isASCII && $0.isNumber }) && chars[i + 4] == "年"
            && (i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber)) {
            if let y = Int(String(chars[i..<i + 4])), (2008...2100).contains(y) { return y }
        }
        return nil
    }
}
