/// A prose text prepared for comparison: whitespace dropped, full-width forms compared as ASCII,
/// and every run of digits masked to one `#`, so that a text copied from last year with new years
/// and figures compares as identical (format-spec X-7: "after masking years and numbers").
struct MaskedText: Sendable {
    /// The masked scalars.
    let scalars: [UInt32]
    /// For each masked scalar, the range of scalars of the original text it stands for.
    let origin: [Range<Int>]
    /// The original text.
    let text: String

    static let mask: UInt32 = 0x23  // #

    /// `keepOrigin: false` leaves `origin` empty: a sketch needs only the scalars.
    init(_ text: String, keepOrigin: Bool = true) {
        self.text = text
        var scalars: [UInt32] = []
        var origin: [Range<Int>] = []
        scalars.reserveCapacity(text.utf8.count / 3 + 1)
        if keepOrigin { origin.reserveCapacity(text.utf8.count / 3 + 1) }
        var i = 0
        var digitStart = -1
        for scalar in text.unicodeScalars {
            let s = NarrativeText.normalise(scalar)
            if isDigit(s) || (digitStart >= 0 && (s == 0x2E || s == 0x2C) ) {
                if digitStart < 0 {
                    digitStart = i
                    scalars.append(Self.mask)
                    if keepOrigin { origin.append(i..<(i + 1)) }
                } else if keepOrigin {
                    origin[origin.count - 1] = digitStart..<(i + 1)
                }
            } else {
                digitStart = -1
                if !(s == 0x20 || s == 0x09 || s == 0x0A || s == 0x0D) {
                    scalars.append(s)
                    if keepOrigin { origin.append(i..<(i + 1)) }
                }
            }
            i += 1
        }
        self.scalars = scalars
        self.origin = origin
    }

    /// The hash of the shingle of `length` scalars starting at `i` (FNV-1a, 64 bits).
    @inline(__always)
    func shingle(at i: Int, length: Int) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for k in i..<(i + length) {
            h = (h ^ UInt64(scalars[k])) &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Every shingle hash, in order (empty when the text is shorter than one shingle).
    func shingles(length: Int) -> [UInt64] {
        guard scalars.count >= length else { return [] }
        return (0...(scalars.count - length)).map { shingle(at: $0, length: length) }
    }
}

/// Text every report shares and that is no sign of copying: the 条例's title, the form's
/// labels and headings, and phrases the notices prescribe.
enum Boilerplate {
    /// Shingle length, in masked characters (Chinese: about two words).
    static let shingleLength = 8

    static let phrases: [String] = [
        "中华人民共和国政府信息公开条例", "《中华人民共和国政府信息公开条例》", "国务院令第711号",
        "中华人民共和国政府信息公开工作年度报告格式", "国务院办公厅政府信息与政务公开办公室",
        "政府信息公开工作年度报告", "本报告所列数据的统计期限自", "年1月1日起至", "年12月31日止", "年1月1日至12月31日",
        "本报告电子版可在", "如对本报告有任何疑问", "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况",
        "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项",
        "本年度未收取信息处理费", "无其他需要报告的事项", "坚持以习近平新时代中国特色社会主义思想为指导",
        "认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署",
    ]

    /// Shingle hashes of the boilerplate, from both forms' labels and the phrases above.
    static let shingles: ShingleSet = {
        var texts = phrases
        for form in FormVersion.allCases {
            let definition = form.definition
            for section in definition.sections {
                texts.append(section.title)
                texts += section.subheadings
            }
            for cell in definition.cells { texts += cell.labelPath }
        }
        return ShingleSet(texts.flatMap { MaskedText($0, keepOrigin: false).shingles(length: shingleLength) })
    }()
}
