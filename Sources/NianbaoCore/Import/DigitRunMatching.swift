/// Rows whose digits ran together: each row's splits by the digits and the row sum; table 三's
/// rows are decided together with the column identities (`TableThreeRuns.swift`).
extension Interpreter {
    /// A row of table 三 printed as run-together digits: its splits by the row sum, decided with
    /// the other rows at the end of the table.
    struct PendingRun {
        var row: RowDefinition
        var runs: [String]
        var shape: DigitRunSolver.RowShape
        var leadingBlank: Bool
        var trailingBlank: Bool
        var gaps: [Int]
        var bySums: DigitRunSolver.Outcome
        var text: String
        var location: ImportLocation

        /// The row-sum splits, when they were all collected.
        var candidates: [[Int64?]]? { bySums.truncated || bySums.candidates.isEmpty ? nil : bySums.candidates }

        /// Readings giving exactly `values` (a 0 may stand as a blank at a space) that keep the row sum.
        func readings(giving values: [Int64]) -> [[Int64?]] {
            let outcome = DigitRunSolver.splits(runs, shape: shape, useSums: true, limit: 4, leadingBlank: leadingBlank,
                                                trailingBlank: trailingBlank, fixed: values, gaps: gaps)
            return outcome.truncated ? [] : outcome.candidates
        }
    }

    /// The value tokens after a label when they are digit runs: the first glued to the label, or
    /// (in a table whose digits run together) after a space, which may then stand for a blank first cell.
    func digitRun(after labelEnd: Int, in tokens: [Token]) -> (run: [Int], leadingBlank: Bool)? {
        let first = labelEnd + 1
        guard first < tokens.count, tokens[first].isValue else { return nil }
        let glued = tokens[first].cell.glued
        guard glued || (runTogether && !tokens[first].startsRow && Self.isRunKey(tokens[first].cell.key)) else { return nil }
        var run: [Int] = []
        var p = first
        while p < tokens.count, tokens[p].isValue, !tokens[p].cell.key.isEmpty {
            if p > first, tokens[p].startsRow { break }
            run.append(p)
            p += 1
        }
        return (run, !glued)
    }

    /// Digits, or `-` and digits.
    static func isRunKey(_ key: String) -> Bool {
        TextLineReader.isDigitRun(key.hasPrefix("-") ? String(key.dropFirst()) : key)
    }

    /// True when a space (not a line break) separates token `k` from the next one: possibly a blank cell.
    func spaceFollows(_ k: Int, in tokens: [Token]) -> Bool { spaces(after: k, in: tokens) > 0 }

    /// How many spaces (not line breaks) separate token `k` from the next one (or the line's end).
    func spaces(after k: Int, in tokens: [Token]) -> Int {
        let a = tokens[k].cell.location
        let width = tokens[k].cell.raw.unicodeScalars.count
        if k + 1 < tokens.count, tokens[k + 1].cell.location.line == a.line, tokens[k + 1].line == tokens[k].line {
            return max(0, tokens[k + 1].cell.location.column - (a.column + width))
        }
        // The last cell of its line: anything after it on the line is whitespace.
        let text = document.lines[tokens[k].line].text
        let lineStart = document.lines[tokens[k].line].location.column
        let trailing = max(0, text.unicodeScalars.count - (a.column - lineStart + width))
        // In a body crawled onto one line, a table's text ends where the next heading begins, and
        // one space there is the crawler's join between the two, not a blank cell.
        return document.kind == .oneLineText ? max(0, trailing - 1) : trailing
    }

    /// How many spaces stand before token `k` on its line (after the previous token, or from the line's start).
    func spaces(before k: Int, in tokens: [Token]) -> Int {
        if k > 0, tokens[k - 1].line == tokens[k].line, tokens[k - 1].cell.location.line == tokens[k].cell.location.line {
            return spaces(after: k - 1, in: tokens)
        }
        let line = document.lines[tokens[k].line]
        return max(0, tokens[k].cell.location.column - line.location.column)
    }

    /// The widths of the spaces before (after the label), between and after `run`.
    func gaps(_ run: [Int], in tokens: [Token]) -> [Int] {
        [spaces(before: run[0], in: tokens)] + run.map { spaces(after: $0, in: tokens) }
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

    mutating func solveRun(_ run: [Int], leadingBlank: Bool, row: RowDefinition, table: TableDefinition, columns: [ColumnDefinition],
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
        let trailingBlank = run.last.map { spaceFollows($0, in: tokens) } ?? false
        let gaps = self.gaps(run, in: tokens)
        if table.id == .t3, !shape.groups.isEmpty {
            let bySums = DigitRunSolver.splits(texts, shape: shape, useSums: true, gaps: gaps)
            pendingRuns.append(PendingRun(row: row, runs: texts, shape: shape, leadingBlank: leadingBlank, trailingBlank: trailingBlank,
                                          gaps: gaps, bySums: bySums, text: printed, location: location))
            return
        }
        // No arithmetic in the row (table 二): only the digits can split it, when they allow one
        // reading (as many digits as cells, zeros that cannot begin a number); a space is a boundary or a blank cell.
        let byDigits = DigitRunSolver.splits(texts, shape: shape, useSums: false, limit: 1, gaps: gaps)
        if byDigits.candidates.count == 1, !byDigits.truncated {
            write(byDigits.candidates[0], row: row, table: table, columns: columns, report: &report, location: location)
            problems.append(ImportProblem(level: .note, kind: .digitRunSplit, location: location, published: printed,
                                          message: "\(name)：数字连写为“\(printed)”，按位数只有一种拆分：\(Self.describe(byDigits.candidates[0]))（没有可核对的合计）。"))
            return
        }
        let why = byDigits.candidates.isEmpty ? "位数不够 \(columns.count) 格（有空白格）"
            : "可有多种拆分，表\(table.numeral)没有可用于核对的合计，无法确定各格的分界"
        refuseRow(row, table: table, columns: columns, location: location, report: report,
                  message: "\(name)：\(columns.count) 格数字连写为“\(printed)”，\(why)，整行导入为空。")
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
}
