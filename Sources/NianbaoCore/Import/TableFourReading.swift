/// Table 四 in the text shapes beyond the official single row: one run of digits with no
/// separator, and three small tables of five numbers (复议 / 直接起诉 / 复议后起诉) as PDF text prints it.
extension Interpreter {
    /// Fifteen cells run together (`000000000001001`): split by the digits or the block totals (T4-1).
    mutating func readGluedTableFour(_ table: TableDefinition, tokens: [Token], into report: inout Report) -> Bool {
        let together = runTogether || tokens.contains { $0.cell.glued }
        guard let start = tokens.firstIndex(where: { $0.isValue && ($0.cell.glued || together && Self.isRunKey($0.cell.key)) }) else { return false }
        var run: [Int] = []
        var p = start
        while p < tokens.count, tokens[p].isValue, !tokens[p].cell.key.isEmpty { run.append(p); p += 1 }
        let block = table.blocks[0]
        let count = block.rows.count * block.columns.count
        guard run.count < count else { return false }
        let texts = run.map { tokens[$0].cell.key }
        let printed = texts.joined(separator: " ")
        let location = tokens[run[0]].cell.location
        let gaps = self.gaps(run, in: tokens)
        var shape = DigitRunSolver.RowShape(count: count)
        let ids = block.columns.map(\.id)
        for r in block.rows.indices {
            for (c, column) in block.columns.enumerated() {
                if let parts = column.sumOf {
                    shape.groups.append((parts.compactMap { ids.firstIndex(of: $0) }.map { r * ids.count + $0 }, r * ids.count + c))
                }
            }
        }
        var chosen: [Int64?]? = nil
        var how = ""
        // As in table 三: the block totals decide (a space is a boundary or a blank cell); when the
        // printed totals are wrong, the digits alone must leave one split, imported as printed.
        let bySums = DigitRunSolver.splits(texts, shape: shape, useSums: true, limit: Self.tableFourCandidateLimit, gaps: gaps)
        // Several splits, all of them found, that agree on some case kind's five cells: that
        // kind's split is the only one (a blank elsewhere leaves only another kind open).
        if bySums.candidates.count > 1, !bySums.truncated,
           readAgreedTableFourRows(bySums.candidates, table: table, location: location, printed: printed, into: &report) {
            return true
        }
        // A blank total leaves its block unchecked: such a split is not confirmed.
        if bySums.candidates.count == 1, !bySums.truncated, shape.groups.allSatisfy({ bySums.candidates[0][$0.total] != nil }) {
            chosen = bySums.candidates[0]
            how = "依据各栏总计（T4-1）唯一拆分"
        } else if bySums.candidates.count <= 1, !bySums.truncated,
                  case let byDigits = DigitRunSolver.splits(texts, shape: shape, useSums: false, limit: 1, gaps: gaps),
                  byDigits.candidates.count == 1, !byDigits.truncated {
            chosen = byDigits.candidates[0]
            how = "按位数只有一种拆分（总计与各项之和不符，按原样导入，nianbao check 会报告）"
        } else {
            let why = bySums.truncated ? "满足各栏总计的拆分太多"
                : bySums.candidates.isEmpty ? "没有一种拆分满足各栏总计（T4-1），按位数也不止一种拆分：可能有空白格或总计印错"
                : "满足各栏总计的拆分有 \(bySums.candidates.count) 种（\(Self.describeCandidates(bySums.candidates))）"
            for row in block.rows {
                refuseRow(row, table: table, columns: block.columns, location: location, report: report,
                          message: "表四：数字连写为“\(printed)”，\(why)，导入为空。")
            }
            return true
        }
        guard let values = chosen else { return true }
        for (r, row) in block.rows.enumerated() {
            write(Array(values[r * ids.count..<(r + 1) * ids.count]), row: row, table: table, columns: block.columns, report: &report, location: location)
        }
        problems.append(ImportProblem(level: .note, kind: .digitRunSplit, location: location, published: printed,
                                      message: "表四：数字连写为“\(printed)”，\(how)：\(Self.describe(values))。"))
        return true
    }

    /// Splits of table 四's run collected before giving up on them (each kind is decided when all agree).
    static let tableFourCandidateLimit = 64

    /// Writes each case kind on whose five cells every split agrees, when its block total is
    /// printed in all of them; refuses the others with their candidate splits. False when no kind agrees.
    mutating func readAgreedTableFourRows(_ candidates: [[Int64?]], table: TableDefinition, location: ImportLocation,
                                          printed: String, into report: inout Report) -> Bool {
        let block = table.blocks[0]
        let width = block.columns.count
        let totals = block.columns.indices.filter { block.columns[$0].sumOf != nil }
        func part(_ c: [Int64?], _ r: Int) -> [Int64?] { Array(c[r * width..<(r + 1) * width]) }
        let agreed = block.rows.indices.map { r in
            candidates.allSatisfy { part($0, r) == part(candidates[0], r) } && totals.allSatisfy { part(candidates[0], r)[$0] != nil }
        }
        guard agreed.contains(true) else { return false }
        for (r, row) in block.rows.enumerated() {
            if agreed[r] {
                let values = part(candidates[0], r)
                write(values, row: row, table: table, columns: block.columns, report: &report, location: location)
                problems.append(ImportProblem(level: .note, kind: .digitRunSplit, location: location, published: printed,
                                              message: "表四“\(row.label)”：数字连写为“\(printed)”，整串有 \(candidates.count) 种拆分满足各栏总计（T4-1），这一栏在各种拆分中相同，唯一确定为 \(Self.describe(values))。"))
            } else {
                var seen: [[Int64?]] = []
                for c in candidates where !seen.contains(part(c, r)) { seen.append(part(c, r)) }
                refuseRow(row, table: table, columns: block.columns, location: location, report: report,
                          message: "表四“\(row.label)”：数字连写为“\(printed)”，满足各栏总计（T4-1）的拆分有 \(seen.count) 种（\(Self.describeCandidates(seen))），导入为空。")
            }
        }
        return true
    }

    /// Three small tables: each case kind's label, its column headers, then exactly five numbers.
    mutating func readTableFourBlocks(_ table: TableDefinition, keys: [String: FormLabelKeys.Row], tokens: [Token],
                                      into report: inout Report) -> Bool {
        let block = table.blocks[0]
        var found: [(RowDefinition, [Int])] = []
        var cursor = 0
        for row in block.rows {
            guard let rowKeys = keys[row.id], let label = findLabel(rowKeys, in: tokens, from: cursor, to: tokens.count) else { continue }
            var p = label.upperBound + 1
            while p < tokens.count, !tokens[p].isValue { p += 1 }
            var run: [Int] = []
            while p < tokens.count, tokens[p].isValue { run.append(p); p += 1 }
            cursor = p
            found.append((row, run))
        }
        // Only when every kind has its own label followed by its own numbers.
        guard found.count == block.rows.count, found.allSatisfy({ !$0.1.isEmpty && $0.1.count <= block.columns.count }) else { return false }
        for (row, run) in found {
            store(row: row, table: table, columns: block.columns, found: run, labelToken: tokens[run[0]],
                  tokens: tokens, headerUnits: [:], into: &report)
        }
        return true
    }
}
