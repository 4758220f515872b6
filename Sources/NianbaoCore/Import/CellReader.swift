/// Reads one published table cell into a `CellValue`, without guessing.
enum CellReader {
    /// A money unit printed in a header or next to a value.
    enum MoneyUnit: Sendable, Equatable {
        case yuan, wanYuan

        var label: String { self == .yuan ? "元" : "万元" }
    }

    /// What a published cell turned out to be.
    enum Reading: Equatable {
        /// A value; `unitNote` says what unit assumption or conversion was made, if any.
        case value(CellValue, unitNote: UnitNote?)
        /// Nothing printed (or only `&nbsp;`).
        case blank
        /// A dash, slash or 无 — "not applicable" marks, not 0.
        case placeholder(String)
        /// Anything else; the reason in Chinese.
        case unreadable(String)
    }

    enum UnitNote: Equatable {
        /// No unit anywhere; 万元 assumed.
        case defaulted
        /// Converted from 元 to 万元; `fromValue` when the value itself said 元.
        case convertedFromYuan(fromValue: Bool)
        /// The value's unit differs from the header's; the value's unit was used.
        case conflict(header: MoneyUnit, value: MoneyUnit)
    }

    static let placeholders: Set<String> = [
        "—", "——", "-", "--", "–", "―", "─", "━", "/", "//", "\\", "无", "空", "×", "x", "X",
        "N/A", "n/a", "NA", "na", "不适用", "…", "...",
    ]

    /// Units printed after a value, longest first.
    static let unitSuffixes = ["万元", "元", "件", "个", "项", "次"]
    static let unitSuffixBytes = unitSuffixes.map { Array($0.utf8) }

    /// The first UTF-8 byte of every placeholder, and EF and F0, which lead the compatibility
    /// ideographs (U+F967 is canonically 不): a key starting with another byte equals no placeholder.
    static let placeholderFirstBytes: Set<UInt8> = Set(placeholders.compactMap(\.utf8.first) + ["&nbsp;".utf8.first!, 0xEF, 0xF0])

    /// True when a token looks like a cell value (a number, a placeholder or blank) rather than a label.
    static func looksLikeValue(key: String) -> Bool {
        guard let firstByte = key.utf8.first else { return true }
        if asciiDigits(key) != nil { return true }  // the common case, without the suffix tests
        let numeric = (firstByte >= 0x30 && firstByte <= 0x39) || firstByte == UInt8(ascii: "-") || firstByte == UInt8(ascii: "+")
        if !numeric && key.utf8.count > 9 { return false }
        if placeholderFirstBytes.contains(firstByte), placeholders.contains(key) || key == "&nbsp;" { return true }
        // U+2212 (E2 88 92) has no canonical equivalent.
        if !numeric && !key.utf8.starts(with: [0xE2, 0x88, 0x92]) { return false }
        var body = Substring(key)
        if let k = unitSuffixBytes.firstIndex(where: { key.utf8.reversed().starts(with: $0.reversed()) }),
           key.utf8.dropLast(unitSuffixBytes[k].count).allSatisfy({ $0 < 0x80 }) {
            // ASCII, then the unit: the bytes say what the Characters would.
            body = body.dropLast(unitSuffixes[k].count)
        } else if !key.utf8.allSatisfy({ $0 < 0x80 }) {
            // Anything else is compared as Characters (a compatibility ideograph may equal a unit).
            for suffix in unitSuffixes where body.hasSuffix(suffix) {
                body = body.dropLast(suffix.count)
                break
            }
        }
        if let f = body.first, f == "-" || f == "+" || f == "\u{2212}" { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber else { return false }
        for c in body.utf8 where !(c >= 0x30 && c <= 0x39) && c != UInt8(ascii: ",") && c != UInt8(ascii: ".") {
            return false
        }
        return true
    }

    /// The value of a key of 1–15 ASCII digits, else nil.
    @inline(__always)
    static func asciiDigits(_ key: String) -> Int64? {
        var n: Int64 = 0
        var count = 0
        for b in key.utf8 {
            guard b >= 0x30 && b <= 0x39, count < 15 else { return nil }
            n = n * 10 + Int64(b - 0x30)
            count += 1
        }
        return count == 0 ? nil : n
    }

    /// Reads `key` (the cell text after `LabelKey.of`) as a value of `kind`.
    static func read(key: String, kind: CellKind, headerUnit: MoneyUnit?) -> Reading {
        if key.isEmpty || key == "&nbsp;" { return .blank }
        // The common case: a count printed as plain digits.
        if kind != .amount, let n = asciiDigits(key), n <= CellValue.maxCount { return .value(.count(n), unitNote: nil) }
        if placeholders.contains(key) { return .placeholder(key) }
        var body = Substring(key)
        var valueUnit: MoneyUnit? = nil
        if body.hasSuffix("万元") {
            valueUnit = .wanYuan
            body = body.dropLast(2)
        } else if body.hasSuffix("元") {
            valueUnit = .yuan
            body = body.dropLast(1)
        } else {
            for suffix in ["件", "个", "项", "次"] where body.hasSuffix(suffix) {
                body = body.dropLast(1)
                break
            }
        }
        guard let number = parseNumber(body) else {
            return .unreadable("“\(key)”不是数字")
        }
        switch kind {
        case .count, .signedCount:
            if valueUnit != nil { return .unreadable("“\(key)”是金额，此处应为件数") }
            guard number.scale == 0 else { return .unreadable("“\(key)”不是整数，此处应为件数") }
            guard number.units.magnitude <= CellValue.maxCount.magnitude else {
                return .unreadable("“\(key)”超出可接受的范围")
            }
            return .value(.count(number.units), unitNote: nil)
        case .amount:
            var note: UnitNote? = nil
            let unit: MoneyUnit
            if let valueUnit {
                unit = valueUnit
                if let headerUnit, headerUnit != valueUnit {
                    note = .conflict(header: headerUnit, value: valueUnit)
                } else if valueUnit == .yuan {
                    note = .convertedFromYuan(fromValue: true)
                }
            } else if let headerUnit {
                unit = headerUnit
                if headerUnit == .yuan { note = .convertedFromYuan(fromValue: false) }
            } else {
                unit = .wanYuan
                // Zero is zero in 元 and in 万元; any other figure without a unit is not guessed.
                if number.units != 0 { note = .defaulted }
            }
            var amount = number
            if unit == .yuan {
                guard number.scale + 4 <= Amount.maxScale else { return .unreadable("“\(key)”小数位过多") }
                amount = Amount(normalizing: number.units, scale: number.scale + 4)
            }
            return .value(.amount(amount), unitNote: note)
        }
    }

    /// Parses `-11`, `3,194.752`, `+5` (already NFKC, no spaces). Grouping commas must be every three digits.
    static func parseNumber(_ text: Substring) -> Amount? {
        var body = text
        var negative = false
        if let f = body.first, f == "-" || f == "\u{2212}" {
            negative = true
            body = body.dropFirst()
        } else if body.first == "+" {
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var canonical: String
        if body.contains(",") {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            canonical = groups.joined()
            if parts.count == 2 { canonical += "." + parts[1] }
        } else {
            canonical = String(body)
        }
        if negative { canonical = "-" + canonical }
        return Amount(canonical)
    }

    /// The money unit a header cell names (`采购总金额(单位:万元)`), looking just after the label.
    static func unit(inHeaderKey key: String, after label: String) -> MoneyUnit? {
        guard let range = key.firstRange(of: label) else { return nil }
        let tail = key[range.upperBound...].prefix(12)
        if tail.contains("万元") { return .wanYuan }
        if tail.contains("元") { return .yuan }
        return nil
    }
}
