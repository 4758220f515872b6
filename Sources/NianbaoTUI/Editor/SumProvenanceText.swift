import NianbaoCore

/// What the editor says about a draft made by `nianbao sum`: where a cell's sum comes from, and
/// which units were summed. Unit names come from the file and are shown sanitised.
extension EditorState {
    /// The line under a summed draft's cell: the units it sums and why it may be blank or
    /// incomplete, cut at a name to fit the screen; nil when the draft was not made by `nianbao sum`.
    func provenanceLine(cell: Int) -> String? {
        guard let sum = report.origin.summed, report.definition.cells.indices.contains(cell) else { return nil }
        let id = report.definition.cells[cell].ref.description
        let width = max(1, layout.columns - 1)
        let head = "汇总自 \(sum.units.count) 个单位"
        if sum.notSummed.contains(id) {
            return ScreenGrid.truncate("规章由本级政府制定，未从部门汇总（\(head)，此格请本级政府填写）", to: width)
        }
        if sum.overflowed.contains(id) {
            return ScreenGrid.truncate("\(head)；合计超出单元格可存的数值，未汇总", to: width)
        }
        if report.definition.cells[cell].isComputed {
            // A total: what its summed parts say (a part some unit left blank leaves it blank).
            let parts = inputCells(of: cell).map { report.definition.cells[$0].ref.description }
            if parts.contains(where: sum.overflowed.contains) {
                return ScreenGrid.truncate("\(head)；有分项合计超出单元格可存的数值，未汇总", to: width)
            }
            let blank = Self.unitNames(sum, parts.flatMap { sum.blanks[$0] ?? [] })
            guard !blank.isEmpty else { return ScreenGrid.truncate(head, to: width) }
            return Self.fitList("\(head)；分项中 \(blank.count) 个单位有未填：", blank, width: width)
        }
        let blank = Self.unitNames(sum, sum.blanks[id] ?? [])
        guard !blank.isEmpty else { return ScreenGrid.truncate(head, to: width) }
        return Self.fitList("\(head)；其中 \(blank.count) 个单位未填：", blank, width: width)
    }

    /// The input cells a computed cell adds up, through totals of totals; the cell itself when it is an input.
    func inputCells(of cell: Int) -> [Int] {
        var out: [Int] = []
        var pending = [cell]
        var seen: Set<Int> = []
        let formulas = report.definition.formulas
        while let c = pending.popLast() {
            guard seen.insert(c).inserted else { continue }
            if let f = formulas.first(where: { $0.target == c }) { pending += f.addends } else { out.append(c) }
        }
        return out.sorted()
    }

    /// The sanitised names of the units at `indices` (each once, in the order summed; indices
    /// outside the list are left out).
    static func unitNames(_ sum: SumProvenance, _ indices: [Int]) -> [String] {
        Set(indices).filter { sum.units.indices.contains($0) }.sorted().map { unitName(sum.units[$0]) }
    }

    /// A unit name as shown: control characters escaped, an empty name marked.
    static func unitName(_ name: String) -> String {
        name.isEmpty ? "（无名称）" : TerminalSafe.sanitize(name)
    }

    /// `lead` and as many of `names` (joined with 、) as fit in `width` cells; when some are left
    /// out the list ends in …. A lead too long on its own is cut with ….
    static func fitList(_ lead: String, _ names: [String], width: Int) -> String {
        var text = lead
        var used = ScreenGrid.cellWidth(of: lead)
        for (i, name) in names.enumerated() {
            let piece = (i == 0 ? "" : "、") + name
            let pieceWidth = ScreenGrid.cellWidth(of: piece)
            let last = i == names.count - 1
            // Room for the … that says the list goes on, unless this is the last name.
            if used + pieceWidth + (last ? 0 : 1) > width {
                if i == 0 { return ScreenGrid.truncate(lead + name, to: width) }
                return used + 1 <= width ? text + "…" : ScreenGrid.truncate(text + "…", to: width)
            }
            text += piece
            used += pieceWidth
        }
        return text
    }

    /// The lines of the report-details page listing the units a summed draft was made from:
    /// names kept whole on a line where they fit, at most `rows` lines, the last saying how many
    /// names did not fit.
    func summedUnitLines(width: Int, rows: Int) -> [String] {
        guard let sum = report.origin.summed, rows > 0 else { return [] }
        let width = max(4, width)
        let names = sum.units.map(Self.unitName)
        var lines: [String] = []
        /// Names placed whole by the end of each line.
        var placed: [Int] = []
        var line = "共 \(names.count) 个："
        var used = ScreenGrid.cellWidth(of: line)
        for (i, name) in names.enumerated() {
            var piece = name + (i == names.count - 1 ? "" : "、")
            var w = ScreenGrid.cellWidth(of: piece)
            if used > 0, used + w > width {
                lines.append(line)
                placed.append(i)
                line = ""
                used = 0
            }
            if w > width {
                piece = ScreenGrid.truncate(piece, to: width)
                w = ScreenGrid.cellWidth(of: piece)
            }
            line += piece
            used += w
        }
        lines.append(line)
        placed.append(names.count)
        guard lines.count > rows else { return lines }
        guard rows > 1 else { return [ScreenGrid.truncate(lines[0], to: width)] }
        let listed = placed[rows - 2]
        return Array(lines.prefix(rows - 1)) + [ScreenGrid.truncate("……另有 \(names.count - listed) 个单位未列出", to: width)]
    }
}
