/// Rows whose digits ran together: the solver's splits written into the report, the row sum
/// first, the column identities (T3-1, T3-2) only where the row sum leaves several splits.
extension Interpreter {
    /// A row the row sum could not decide alone.
    struct PendingRun {
        var row: RowDefinition
        var candidates: [[Int64?]]
        var text: String
        var location: ImportLocation
    }

    /// The value tokens after a label when the first of them is a glued digit run: every
    /// consecutive value token up to the next label (or the end of the row).
    func gluedRun(after labelEnd: Int, in tokens: [Token]) -> [Int]? {
        let first = labelEnd + 1
        guard first < tokens.count, tokens[first].cell.glued else { return nil }
        var run: [Int] = []
        var p = first
        while p < tokens.count, tokens[p].isValue, !tokens[p].cell.key.isEmpty {
            if p > first, tokens[p].startsRow { break }
            run.append(p)
            p += 1
        }
        return run
    }

    /// True when a space (not a line break) separates token `k` from the next one: possibly a blank cell.
    func spaceFollows(_ k: Int, in tokens: [Token]) -> Bool {
        let a = tokens[k].cell.location
        if k + 1 < tokens.count, tokens[k + 1].cell.location.line == a.line, tokens[k + 1].line == tokens[k].line {
            return tokens[k + 1].cell.location.column > a.column + tokens[k].cell.raw.count
        }
        // The last cell of its line: anything after it on the line is whitespace.
        let text = document.lines[tokens[k].line].text
        let lineStart = document.lines[tokens[k].line].location.column
        return text.count > a.column - lineStart + tokens[k].cell.raw.count
    }

    static func rowShape(_ columns: [ColumnDefinition]) -> DigitRunSolver.RowShape {
        var shape = DigitRunSolver.RowShape(count: columns.count)
        let ids = columns.map(\.id)
        for (k, column) in columns.enumerated() {
            if column.kind == .signedCount { shape.signed.insert(k) }
            if let parts = column.sumOf {
                shape.groups.append((parts.compactMap { ids.firstIndex(of: $0) }, k))
            }
        }
        return shape
    }

    mutating func solveRun(_ run: [Int], row: RowDefinition, table: TableDefinition, columns: [ColumnDefinition],
                           tokens: [Token], label: ClosedRange<Int>, into report: inout Report) {
        let texts = run.map { tokens[$0].cell.key }
        let printed = texts.joined(separator: " ")
        let location = tokens[run[0]].cell.location
        let name = "表\(table.numeral)“\(row.label)”"
        if columns.contains(where: { $0.kind == .amount }) {
            refuseRow(row, table: table, columns: columns, location: location, report: report,
                      message: "\(name)：数字连写为“\(printed)”，其中有金额，无法确定各格的分界，整行导入为空。")
            return
        }
        let shape = Self.rowShape(columns)
        if !shape.groups.isEmpty, let last = run.last, spaceFollows(last, in: tokens) {
            refuseRow(row, table: table, columns: columns, location: location, report: report,
                      message: "\(name)：数字连写为“\(printed)”，其后的空格可能是空白的总计格，行合计无法核对，整行导入为空。")
            return
        }
        // Blank cells vanish when cells run together, so a split the digits alone allow may put
        // values in the wrong cells (`5 | 13 | 空` prints as `513`): only the row's own arithmetic
        // can confirm a split. A row without any (table 二) is not split.
        guard !shape.groups.isEmpty else {
            let byDigits = DigitRunSolver.splits(texts, shape: shape, useSums: false, limit: 1)
            let why = byDigits.candidates.isEmpty ? "位数不够 \(columns.count) 格（有空白格）"
                : "表二没有可用于核对的合计，空白格连写后也看不出来，无法确定各格的分界"
            refuseRow(row, table: table, columns: columns, location: location, report: report,
                      message: "\(name)：\(columns.count) 格数字连写为“\(printed)”，\(why)，整行导入为空。")
            return
        }
        let bySums = DigitRunSolver.splits(texts, shape: shape, useSums: true)
        let rules = Set(columns.compactMap(\.sumRule)).sorted().joined(separator: "、")
        if bySums.truncated {
            refuseRow(row, table: table, columns: columns, location: location, report: report,
                      message: "\(name)：数字连写为“\(printed)”，满足行合计（\(rules)）的拆分太多，无法确定，整行导入为空。")
        } else if bySums.candidates.isEmpty {
            refuseRow(row, table: table, columns: columns, location: location, report: report,
                      message: "\(name)：数字连写为“\(printed)”，没有一种拆分满足行合计（\(rules)）：可能有空白格或合计印错，整行导入为空。")
        } else if bySums.candidates.count == 1, DigitRunSolver.alsoReadsWithVanishedCells(texts, shape: shape) {
            refuseRow(row, table: table, columns: columns, location: location, report: report,
                      message: "\(name)：数字连写为“\(printed)”，按 \(columns.count) 格只有一种拆分满足行合计（\(Self.describe(bySums.candidates[0]))），但少几格（空白格连写后消失）也能满足，无法确定，整行导入为空。")
        } else if bySums.candidates.count == 1 {
            write(bySums.candidates[0], row: row, table: table, columns: columns, report: &report, location: location)
            if table.id == .t3 { acceptedRuns.append(PendingRun(row: row, candidates: bySums.candidates, text: printed, location: location)) }
            problems.append(ImportProblem(level: .note, kind: .digitRunSplit, location: location, published: printed,
                                          message: "\(name)：数字连写为“\(printed)”，依据行合计（\(rules)）唯一拆分为 \(Self.describe(bySums.candidates[0]))。"))
        } else if table.id == .t3 {
            pendingRuns.append(PendingRun(row: row, candidates: bySums.candidates, text: printed, location: location))
        } else {
            refuseRow(row, table: table, columns: columns, location: location, report: report,
                      message: "\(name)：数字连写为“\(printed)”，满足行合计的拆分有 \(bySums.candidates.count) 种（\(Self.describeCandidates(bySums.candidates))），整行导入为空。")
        }
    }

    static func describe(_ values: [Int64?]) -> String { values.map { $0.map(String.init) ?? "（空白）" }.joined(separator: " | ") }

    static func describeCandidates(_ candidates: [[Int64?]]) -> String {
        candidates.prefix(4).map(describe).joined(separator: "；") + (candidates.count > 4 ? "；……" : "")
    }

    mutating func write(_ values: [Int64?], row: RowDefinition, table: TableDefinition, columns: [ColumnDefinition], report: inout Report,
                        location: ImportLocation? = nil) {
        for (column, v) in zip(columns, values) {
            let ref = CellRef(table: table.id, row: row.id, column: column.id)
            guard let index = report.definition.index(of: ref) else { continue }
            if let v {
                report.cells[index] = .count(v)
            } else {
                report.cells[index] = .empty
                problems.append(ImportProblem(level: .error, kind: .blankCell, location: location ?? ImportLocation(line: 1), cell: ref,
                                              message: "表" + (report.definition.cell(ref)?.label ?? ref.description) + "：单元格空白（连写数字中的空格）。空白不等于 0，导入为空。"))
            }
        }
    }

    mutating func refuseRow(_ row: RowDefinition, table: TableDefinition, columns: [ColumnDefinition], location: ImportLocation,
                            report: Report, message: String) {
        for (k, column) in columns.enumerated() {
            let ref = CellRef(table: table.id, row: row.id, column: column.id)
            problems.append(ImportProblem(level: .error, kind: .digitRunAmbiguous, location: location, cell: ref,
                                          message: k == 0 ? message : "表" + (report.definition.cell(ref)?.label ?? ref.description) + "：见上一条，导入为空。"))
        }
    }

    /// Table 三's column identities decide rows the row sum left open, where they pick exactly one split.
    mutating func resolvePendingRuns(_ table: TableDefinition, into report: inout Report) {
        defer { verifyAcceptedRuns(table, into: &report) }
        guard !pendingRuns.isEmpty, table.id == .t3 else {
            pendingRuns = []
            return
        }
        let definition = report.definition
        let columns = table.blocks[0].columns
        let outcomes = table.row("r3_7")?.sumOf ?? []
        func known(_ row: String) -> [Int64?]? {
            var out: [Int64?] = []
            for c in columns {
                guard let i = definition.index(of: CellRef(table: .t3, row: row, column: c.id)), let v = report.cells[i].count else { return nil }
                out.append(v)
            }
            return out
        }
        var progress = true
        while progress {
            progress = false
            for (k, pending) in pendingRuns.enumerated().reversed() {
                let id = pending.row.id
                var decided: ([Int64?], String)? = nil
                // T3-2: (七)总计 = Σ outcome rows, per column.
                if id == "r3_7" || outcomes.contains(id) {
                    let others = (["r3_7"] + outcomes).filter { $0 != id }
                    let values = others.map { ($0, known($0)) }
                    if values.allSatisfy({ $0.1 != nil }) {
                        let fit = pending.candidates.filter { cand in
                            columns.indices.allSatisfy { c in
                                let sumOthers = values.filter { $0.0 != "r3_7" }.reduce(Int64(0)) { $0 + ($1.1![c] ?? 0) }
                                if id == "r3_7" { return cand[c] == sumOthers }
                                let total = values.first { $0.0 == "r3_7" }!.1![c] ?? 0
                                return (cand[c] ?? 0) == total - sumOthers
                            }
                        }
                        if fit.count == 1 { decided = (fit[0], "T3-2（（七）总计等于各项办理结果之和）") }
                    }
                }
                // T3-1: 一 + 二 = (七) + 四, per column.
                if decided == nil, ["r1", "r2", "r3_7", "r4"].contains(id) {
                    let others = ["r1", "r2", "r3_7", "r4"].filter { $0 != id }
                    let values = Dictionary(uniqueKeysWithValues: others.map { ($0, known($0)) })
                    if values.values.allSatisfy({ $0 != nil }) {
                        let fit = pending.candidates.filter { cand in
                            columns.indices.allSatisfy { c in
                                func v(_ r: String) -> Int64 { (r == id ? cand[c] : values[r]!![c]) ?? 0 }
                                return v("r1") + v("r2") == v("r3_7") + v("r4")
                            }
                        }
                        if fit.count == 1 { decided = (fit[0], "T3-1（第一项加第二项之和等于第三项加第四项之和）") }
                    }
                }
                if let (values, rule) = decided {
                    write(values, row: pending.row, table: table, columns: columns, report: &report, location: pending.location)
                    problems.append(ImportProblem(level: .note, kind: .digitRunSplit, location: pending.location, published: pending.text,
                                                  message: "表三“\(pending.row.label)”：数字连写为“\(pending.text)”，行合计容许 \(pending.candidates.count) 种拆分，依据 \(rule) 唯一确定为 \(Self.describe(values))。"))
                    pendingRuns.remove(at: k)
                    progress = true
                }
            }
        }
        for pending in pendingRuns {
            refuseRow(pending.row, table: table, columns: columns, location: pending.location, report: report,
                      message: "表三“\(pending.row.label)”：数字连写为“\(pending.text)”，满足行合计的拆分有 \(pending.candidates.count) 种（\(Self.describeCandidates(pending.candidates))），列的勾稽关系也不能唯一确定，整行导入为空。")
        }
        pendingRuns = []
    }

    /// A split the row sum alone chose is kept only if the column identities it takes part in
    /// hold (or cannot be checked): a wrong printed 总计 can make a wrong split add up, and with
    /// run-together digits nothing else tells them apart.
    mutating func verifyAcceptedRuns(_ table: TableDefinition, into report: inout Report) {
        defer { acceptedRuns = [] }
        guard table.id == .t3, !acceptedRuns.isEmpty else { return }
        let definition = report.definition
        let columns = table.blocks[0].columns
        let outcomes = table.row("r3_7")?.sumOf ?? []
        func known(_ row: String) -> [Int64]? {
            var out: [Int64] = []
            for c in columns {
                guard let i = definition.index(of: CellRef(table: .t3, row: row, column: c.id)), let v = report.cells[i].count else { return nil }
                out.append(v)
            }
            return out
        }
        var failing: [(rows: Set<String>, rule: String)] = []
        let t32 = ["r3_7"] + outcomes
        let v32 = t32.map(known)
        if v32.allSatisfy({ $0 != nil }) {
            let holds = columns.indices.allSatisfy { c in v32[0]![c] == v32.dropFirst().reduce(Int64(0)) { $0 + $1![c] } }
            if !holds { failing.append((Set(t32), "T3-2")) }
        }
        let t31 = ["r1", "r2", "r3_7", "r4"]
        let v31 = t31.map(known)
        if v31.allSatisfy({ $0 != nil }) {
            let holds = columns.indices.allSatisfy { c in v31[0]![c] + v31[1]![c] == v31[2]![c] + v31[3]![c] }
            if !holds { failing.append((Set(t31), "T3-1")) }
        }
        var checkable: Set<String> = []
        if v32.allSatisfy({ $0 != nil }) { checkable.formUnion(t32) }
        if v31.allSatisfy({ $0 != nil }) { checkable.formUnion(t31) }
        for accepted in acceptedRuns {
            // Not confirmed by any column identity: the row sum alone is not enough (a wrong 总计 can add up).
            let hit = failing.first(where: { $0.rows.contains(accepted.row.id) })
                ?? (checkable.contains(accepted.row.id) ? nil : (rows: Set<String>(), rule: "T3-1/T3-2（其他行不全，无法核对）"))
            guard let hit else { continue }
            for column in columns {
                if let i = definition.index(of: CellRef(table: .t3, row: accepted.row.id, column: column.id)) { report.cells[i] = .empty }
            }
            refuseRow(accepted.row, table: table, columns: columns, location: accepted.location, report: report,
                      message: "表三“\(accepted.row.label)”：数字连写为“\(accepted.text)”，只有行合计能确定拆分（\(Self.describe(accepted.candidates[0]))），而 \(hit.rule) 勾稽关系不能确认它：总计可能印错，整行导入为空。")
        }
    }
}
