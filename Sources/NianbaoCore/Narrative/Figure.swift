/// A number written in a text section, with what follows it.
struct Figure: Sendable, Equatable {
    /// What the number counts.
    enum Unit: Sendable, Equatable {
        /// 件, 宗, 条, 次, 件次, 份, 例, 起: applications, cases, items.
        case count(String)
        /// A percentage.
        case percent
        /// 年 after a four-digit number from 1990 to 2099.
        case year
        /// 元 or 万元.
        case money(String)
        /// Anything else (月, 日, 号, 人, 个, no unit …).
        case other
    }

    /// The number's digits, as an integer of 10⁻`scale` units (`42.86` → 4286, scale 2).
    let units: Int64
    let scale: Int
    let unit: Unit
    /// The digits, in scalar offsets.
    let digits: Range<Int>
    /// The digits and the unit, in scalar offsets.
    let range: Range<Int>
    /// True for `30余件`, `约 30 件`, `超过 30 件`: not an exact figure.
    let approximate: Bool

    /// The value as a whole number, when it is one.
    var integer: Int64? { scale == 0 ? units : nil }

    /// True for a count (件, 条 …) that is exact and whole.
    var isExactCount: Bool {
        if case .count = unit, scale == 0, !approximate { return true }
        return false
    }

    /// The unit word, for messages.
    var unitText: String {
        switch unit {
        case .count(let word): word
        case .percent: "%"
        case .money(let word): word
        case .year: "年"
        case .other: ""
        }
    }

    /// The printed number (`42.86`).
    var numberText: String {
        guard scale > 0 else { return String(units) }
        var digits = String(units)
        while digits.count <= scale { digits = "0" + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -scale)
        return digits[..<cut] + "." + digits[cut...]
    }
}

/// Reads every number of a text.
enum FigureReader {
    private static let countUnits: [(word: [UInt32], text: String)] = [
        ("件次", "件次"), ("件", "件"), ("宗", "宗"), ("条", "条"), ("次", "次"), ("份", "份"), ("例", "例"), ("起", "起"),
    ].map { ($0.0.scalarValues, $0.1) }
    private static let approximatePrefixes: [[UInt32]] = ["约", "近", "超过", "逾", "大约", "将近", "不到", "不足"].map(\.scalarValues)
    private static let approximateSuffixes: [UInt32] = ["余", "多", "来"].map { $0.unicodeScalars.first!.value }

    /// The figures of `text`, in order.
    static func figures(in text: NarrativeText) -> [Figure] {
        let s = text.scalars
        var figures: [Figure] = []
        var i = 0
        while i < s.count {
            guard isDigit(s[i]), i == 0 || !(isDigit(s[i - 1]) || s[i - 1] == 0x2E || isLetter(s[i - 1])) else {
                i += 1
                continue
            }
            let start = i
            var units: Int64 = 0
            var scale = 0
            var overflow = false
            var groupDigits = 0
            var firstGroup = true
            var j = i
            func add(_ d: UInt32) {
                let (m, o1) = units.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d - 0x30))
                if o1 || o2 { overflow = true } else { units = a }
            }
            while j < s.count {
                if isDigit(s[j]) {
                    add(s[j]); groupDigits += 1; j += 1
                } else if s[j] == 0x2C, scale == 0, firstGroup ? groupDigits <= 3 : groupDigits == 3,
                          (1...3).allSatisfy({ j + $0 < s.count && isDigit(s[j + $0]) }),
                          j + 4 >= s.count || !isDigit(s[j + 4]) {
                    // A thousands separator: `1,234`.
                    groupDigits = 0
                    firstGroup = false
                    j += 1
                } else if s[j] == 0x2E, scale == 0, j + 1 < s.count, isDigit(s[j + 1]) {
                    j += 1
                    while j < s.count, isDigit(s[j]) { add(s[j]); scale += 1; j += 1 }
                    break
                } else {
                    break
                }
            }
            let digits = start..<j
            if overflow || scale > 6 { i = j; continue }
            // Unit: skip spaces, note 余/多 between the number and the unit.
            var k = j
            var approximate = false
            while k < s.count, s[k] == 0x20 { k += 1 }
            if k < s.count, approximateSuffixes.contains(s[k]) { approximate = true; k += 1 }
            var unit = Figure.Unit.other
            var end = j
            if k < s.count {
                if s[k] == 0x25 || s[k] == 0x2030 {
                    unit = .percent; end = k + 1
                } else if let found = countUnits.first(where: { text.matches($0.word, at: k) }) {
                    unit = .count(found.text); end = k + found.word.count
                } else if s[k] == 0x5E74, scale == 0, digits.count == 4, (1990...2099).contains(units) {
                    unit = .year; end = k + 1
                } else if s[k] == 0x5143 {
                    unit = .money("元"); end = k + 1
                } else if s[k] == 0x4E07, k + 1 < s.count, s[k + 1] == 0x5143 {
                    unit = .money("万元"); end = k + 2
                }
            }
            if !approximate {
                var p = start
                while p > 0, s[p - 1] == 0x20 { p -= 1 }
                approximate = approximatePrefixes.contains { text.matches($0, at: p - $0.count) }
            }
            if end < s.count, approximateSuffixes.contains(s[end]), case .count = unit { approximate = true }
            if end + 1 < s.count, case .count = unit, text.matches("左右".scalarValues, at: end) { approximate = true }
            figures.append(Figure(units: units, scale: scale, unit: unit, digits: digits, range: start..<end,
                                  approximate: approximate))
            i = max(j, start + 1)
        }
        return figures
    }

    @inline(__always) private static func isLetter(_ s: UInt32) -> Bool {
        (s >= 0x41 && s <= 0x5A) || (s >= 0x61 && s <= 0x7A)
    }
}
