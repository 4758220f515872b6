extension Rule {
    /// T2b-4 (both forms): bodies without 规章制定权 (townships, streets, counties and their departments) report no 规章.
    static let t2b_4 = Rule(
        id: "T2b-4", severity: .warning,
        summary: "表二：乡镇、街道、县（区）及其部门没有规章制定权，规章一行应为 0（2019 版、2021 版均适用）"
    ) { context in
        let agency = context.report.agency
        let cells = context.definition.rowCells(.t2, "reg")
        let nonZero = cells.filter { !context.value($0).isEmpty && !context.value($0).isZero }
        guard !nonZero.isEmpty, RegulationPower.lacksPower(agency) else { return }
        context.report(
            cells: nonZero, section: .s2, expected: "0",
            actual: nonZero.map { context.value($0).description }.joined(separator: " / "),
            "二 › 规章：“\(agency)”看来是乡镇、街道或县级机关，没有规章制定权，规章件数通常应为 0；行政规范性文件请填在下一行。")
    }
}

/// Guesses from an agency's name whether it may make 规章.
enum RegulationPower {
    /// True when the part of the name after the province or city is a county, district,
    /// township or street body (e.g. `驿城区水利局`, `河包镇人民政府`), which has no 规章制定权.
    ///
    /// The name is cut after the *first* 省/市: cutting after the last one would stop inside
    /// words such as 城市 (`驻马店市驿城区城市管理局` → `管理局`) and miss the district.
    ///
    /// The name is searched as an array of scalars: `String.contains(_:)` and `replacing`
    /// come from the string-processing library, whose first use costs more than all the rules,
    /// and comparing Characters is slow enough to show in a batch check. (A 县 followed by a
    /// combining mark counts as 县 here; names carry none.)
    static func lacksPower(_ agency: String) -> Bool {
        var name = Array(agency.unicodeScalars.filter { !$0.properties.isWhitespace })
        name = replacing(Array("自治区".unicodeScalars), with: "省", in: name)
        name = replacing(Array("自治州".unicodeScalars), with: "市", in: name)
        if let cut = name.firstIndex(where: { $0 == "省" || $0 == "市" }) {
            name = Array(name[(cut + 1)...])
        }
        if name.contains("县") || name.contains("区") { return true }
        let township = ["镇人民政府", "乡人民政府", "街道办事处", "镇政府", "乡政府"]
        if township.contains(where: { range(of: Array($0.unicodeScalars), in: name) != nil }) { return true }
        return name.last == "镇" || name.last == "乡" || name.suffix(2).elementsEqual(["街", "道"])
    }

    /// The first place `needle` occurs in `name`.
    static func range(of needle: [Unicode.Scalar], in name: [Unicode.Scalar]) -> Range<Int>? {
        guard !needle.isEmpty, name.count >= needle.count else { return nil }
        for start in 0...(name.count - needle.count) where name[start..<(start + needle.count)].elementsEqual(needle) {
            return start..<(start + needle.count)
        }
        return nil
    }

    /// `name` with every occurrence of `needle` replaced by `replacement`.
    static func replacing(_ needle: [Unicode.Scalar], with replacement: Unicode.Scalar, in name: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result = name
        while let found = range(of: needle, in: result) {
            result.replaceSubrange(found, with: [replacement])
        }
        return result
    }
}
