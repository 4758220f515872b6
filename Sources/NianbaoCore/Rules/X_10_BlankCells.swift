extension Rule {
    /// X-10: every cell is filled; a blank is reported, never taken as 0.
    static let x_10 = Rule(
        id: "X-10", severity: .incomplete,
        summary: "表格不留空：没有数据的单元格填 0；空白单元格不按 0 计算"
    ) { context in
        var filled: Report?
        for row in rows[context.report.form] {
            let blank = row.cells.filter { context.value($0).isEmpty }
            guard !blank.isEmpty else { continue }
            let defs = context.definition.cells
            let data = blank.filter { !defs[$0].isComputed }
            let computed = blank.filter { defs[$0].isComputed }
            var parts: [String] = []
            // In a draft made by `nianbao sum`, a blank may be the sum's: say why, not "请填 0".
            let summed = context.report.origin.summed
            let why: [String?] = data.map { cell in summed.flatMap { Rule.sumBlankReason(defs[cell].ref.description, summed: $0) } }
            let plain = zip(data, why).filter { $0.1 == nil }.map(\.0)
            if !plain.isEmpty {
                parts.append("\(plain.map { defs[$0].columnLabel }.joinedText(separator: "、")) 未填写；没有数据请填 0")
            }
            for (cell, reason) in zip(data, why) {
                if let reason { parts.append("\(defs[cell].columnLabel) \(reason)") }
            }
            if !computed.isEmpty, !parts.isEmpty {
                // The row's own total follows from the parts just named.
                let columns = computed.map { defs[$0].columnLabel }.joinedText(separator: "、")
                parts[0] += "（\(columns) 由各项相加自动得出）"
            } else if !computed.isEmpty {
                // What the total would be: the sum of its parts, when they are all filled.
                if filled == nil { filled = context.report.withComputedFilled() }
                let values = computed.map { filled?.cells[$0] ?? .empty }
                let columns = computed.map { defs[$0].columnLabel }.joinedText(separator: "、")
                if values.allSatisfy({ !$0.isEmpty }) {
                    let sums = zip(computed, values).map { "\(defs[$0.0].columnLabel) \($0.1.displayText)" }
                    parts.append("合计（\(columns)）为空白；合计由各项相加自动得出，应为 \(sums.joinedText(separator: "、"))，不必手填")
                } else {
                    parts.append("合计（\(columns)）为空白；合计由各项相加自动得出，各项填齐后即可算出，不能按 0 计算")
                }
            }
            context.report(cells: blank, section: row.section, "\(row.label)：\(parts.joinedText(separator: "；"))。")
        }
    }
}

extension Rule {
    /// Most unit names listed when a summed cell is blank because units left it blank.
    static let sumBlankNamesShown = 5

    /// Why a cell of a summed draft is blank, from its provenance, or nil when the sum says nothing.
    static func sumBlankReason(_ id: String, summed: SumProvenance) -> String? {
        if summed.notSummed.contains(id) { return "未从各单位汇总（规章由本级政府制定），请本级政府填写" }
        if summed.overflowed.contains(id) { return "各单位之和超出单元格可存的数值，未汇总；请核对各单位的数值" }
        guard let missing = summed.blanks[id], !missing.isEmpty else { return nil }
        let names = missing.prefix(sumBlankNamesShown).map { $0 < summed.units.count ? summed.units[$0] : "第 \($0 + 1) 个单位" }
        let more = missing.count > sumBlankNamesShown ? " 等 \(missing.count) 个单位" : ""
        return "汇总不完整：\(missing.count) 个单位未填（\(names.joinedText(separator: "、"))\(more)），空白不按 0 汇总；请向这些单位核实后填写"
    }
}

/// The cells of every table row, per form.
private struct BlankRow: Sendable {
    let numeral: String
    let path: [String]
    let section: SectionID
    let cells: [Int]
    /// The row's label path, e.g. `三 › （三）本年度办理结果 › 1.予以公开`, made once per form.
    let label: String

    init(numeral: String, path: [String], section: SectionID, cells: [Int]) {
        self.numeral = numeral
        self.path = path
        self.section = section
        self.cells = cells
        label = ([numeral] + path).joinedText(separator: " › ")
    }
}

private let rows = PerForm { def -> [BlankRow] in
    def.tables.flatMap { table in
        let cells = def.rowCellIndices(of: table.id)
        return table.allRows.enumerated().map { r, row in
            BlankRow(numeral: table.numeral, path: row.labelPath, section: table.id.section, cells: cells[r])
        }
    }
}
