/// Table 三 printed as run-together digits, decided row by row only together: each row's splits by
/// its row sum (T3-3), then the column identities T3-2 ((七) = Σ outcome rows) and T3-1
/// (一 + 二 = (七) + 四) must hold in every column with exactly one choice per row.
///
/// Where the identities cannot be used (the report's own totals are wrong, a row is missing), a
/// row is read only as far as its digits allow on their own: one split by its row sum with no
/// reading of fewer cells, or — when its printed total is wrong — as printed when the digits
/// leave a single split. Every row says which rule decided it.
extension Interpreter {
    mutating func resolvePendingRuns(_ table: TableDefinition, into report: inout Report) {
        defer { pendingRuns = [] }
        guard table.id == .t3, !pendingRuns.isEmpty else { return }
        let columns = table.blocks[0].columns
        let definition = report.definition
        let outcomes = table.row("r3_7")?.sumOf ?? []
        var pending: [String: PendingRun] = [:]
        for run in pendingRuns { pending[run.row.id] = run }
        let cells = report.cells
        let system = TableThreeSystem(columns: columns.count, pending: pending) { id in
            var out: [Int64] = []
            for c in columns {
                guard let i = definition.index(of: CellRef(table: .t3, row: id, column: c.id)), let v = cells[i].count else { return nil }
                out.append(v)
            }
            return out
        }
        let t32: [(String, Int64)] = [("r3_7", 1)] + outcomes.map { ($0, -1) }
        let t31: [(String, Int64)] = [("r1", 1), ("r2", 1), ("r3_7", -1), ("r4", -1)]
        // A row whose digits no split makes add up, or an identity no choice of splits satisfies:
        // the report's own arithmetic is wrong somewhere, so a row sum alone no longer confirms a
        // split (a wrong total can add up by chance).
        var distrusted: Set<String> = []
        let broken = pendingRuns.contains { $0.bySums.candidates.isEmpty && !$0.bySums.truncated }
        if broken { distrusted = Set(pendingRuns.map(\.row.id)) }
        var decided: [String: (values: [[Int64?]], rule: String)] = [:]
        func take(_ solutions: [[String: [Int64?]]], rows: [String], rule: String) {
            for id in rows where pending[id] != nil && decided[id] == nil {
                var seen: [[Int64?]] = []
                for s in solutions where !seen.contains(s[id]!) { seen.append(s[id]!) }
                decided[id] = (seen, rule)
            }
        }
        let t32Rows = t32.map(\.0), t31Rows = t31.map(\.0)
        let s2 = system.solve(t32, given: [:])
        if let s2, !s2.isEmpty {
            take(s2, rows: t32Rows, rule: "T3-2")
            var s1: [[String: [Int64?]]]? = []
            for a in s2 {
                guard let more = system.solve(t31, given: ["r3_7": a["r3_7"]!]) else { s1 = nil; break }
                s1! += more
            }
            // T3-1 failing says nothing of the row sums (the carried-over figures are often wrong on their own).
            if let s1, !s1.isEmpty { take(s1, rows: t31Rows, rule: "T3-1") }
        } else {
            if s2 != nil { distrusted.formUnion(t32Rows) }
            if let s1 = system.solve(t31, given: [:]), !s1.isEmpty { take(s1, rows: t31Rows.filter { $0 != "r3_7" }, rule: "T3-1") }
        }
        for run in pendingRuns {
            let id = run.row.id
            let name = "表三“\(run.row.label)”"
            guard let (values, rule) = decided[id] else {
                fallback(run, table: table, columns: columns, trustRowSum: !distrusted.contains(id), into: &report)
                continue
            }
            if values.count == 1 {
                write(values[0], row: run.row, table: table, columns: columns, report: &report, location: run.location)
                let how = run.candidates?.count == 1
                    ? "依据行合计（T3-3）唯一拆分，并经 \(rule) 核对，"
                    : "行合计容许\(run.candidates.map { " \($0.count) 种" } ?? "多种")拆分，依据 \(rule) 唯一确定"
                problems.append(ImportProblem(level: .note, kind: .digitRunSplit, location: run.location, published: run.text,
                                              message: "\(name)：数字连写为“\(run.text)”，\(how)为 \(Self.describe(values[0]))。"))
            } else {
                refuseRow(run.row, table: table, columns: columns, location: run.location, report: report,
                          message: "\(name)：数字连写为“\(run.text)”，满足行合计和 \(rule) 的拆分有 \(values.count) 种（\(Self.describeCandidates(values))），整行导入为空。")
            }
        }
    }

    /// A row the column identities could not decide: by its digits and row sum alone, or refused.
    mutating func fallback(_ run: PendingRun, table: TableDefinition, columns: [ColumnDefinition], trustRowSum: Bool,
                           into report: inout Report) {
        let name = "表三“\(run.row.label)”"
        let outcome = run.bySums
        // Only a split whose totals are printed was checked by the row sum.
        if trustRowSum, outcome.candidates.count == 1, !outcome.truncated,
           run.shape.groups.allSatisfy({ outcome.candidates[0][$0.total] != nil }),
           !DigitRunSolver.alsoReadsWithVanishedCells(run.runs, shape: run.shape) {
            write(outcome.candidates[0], row: run.row, table: table, columns: columns, report: &report, location: run.location)
            problems.append(ImportProblem(level: .note, kind: .digitRunSplit, location: run.location, published: run.text,
                                          message: "\(name)：数字连写为“\(run.text)”，依据行合计（T3-3）唯一拆分为 \(Self.describe(outcome.candidates[0]))（列的勾稽关系无法核对）。"))
            return
        }
        if outcome.candidates.isEmpty || !trustRowSum, !outcome.truncated || !trustRowSum {
            // The printed total is wrong (or blank cells vanished): as printed, if the digits allow one reading.
            let byDigits = DigitRunSolver.splits(run.runs, shape: run.shape, useSums: false, limit: 1,
                                                 gaps: run.gaps)
            if byDigits.candidates.count == 1, !byDigits.truncated {
                write(byDigits.candidates[0], row: run.row, table: table, columns: columns, report: &report, location: run.location)
                problems.append(ImportProblem(level: .warning, kind: .digitRunSplit, location: run.location, published: run.text,
                                              message: "\(name)：数字连写为“\(run.text)”，按位数只有一种拆分 \(Self.describe(byDigits.candidates[0]))，\(outcome.candidates.isEmpty ? "其总计与各项之和不符" : "本表勾稽关系不成立")，按原样导入（nianbao check 会报告）。"))
                return
            }
            refuseRow(run.row, table: table, columns: columns, location: run.location, report: report,
                      message: "\(name)：数字连写为“\(run.text)”，"
                        + (outcome.candidates.isEmpty ? "没有一种拆分满足行合计（T3-3）" : "本表的勾稽关系（T3-1/T3-2）不成立，行合计不足以确认拆分")
                        + "，按位数也不止一种拆分：可能有空白格或合计印错，整行导入为空。")
            return
        }
        let why = outcome.truncated ? "满足行合计的拆分太多"
            : outcome.candidates.count == 1
            ? "只有一种拆分满足行合计（\(Self.describe(outcome.candidates[0]))），但少几格（空白格连写后消失）也能满足，列的勾稽关系又无法核对"
            : "满足行合计的拆分有 \(outcome.candidates.count) 种（\(Self.describeCandidates(outcome.candidates))），列的勾稽关系也不能唯一确定"
        refuseRow(run.row, table: table, columns: columns, location: run.location, report: report,
                  message: "\(name)：数字连写为“\(run.text)”，\(why)，整行导入为空。")
    }
}

/// One column identity of table 三 as a signed sum of rows (Σ sign × row = 0 in every column),
/// solved over the rows' possible splits.
struct TableThreeSystem {
    let columns: Int
    let pending: [String: Interpreter.PendingRun]
    /// Values of a row read normally (nil when it is missing or has a blank).
    let known: (String) -> [Int64]?

    static let comboBudget = 20_000
    static let solutionLimit = 32

    enum Options { case fixed([Int64?]), choices([[Int64?]]), derivable }

    /// Every assignment of readings to the rows of `terms` satisfying the identity, or nil when
    /// it cannot be used (a row missing, two rows without their splits, too many combinations or solutions).
    func solve(_ terms: [(String, Int64)], given: [String: [Int64?]]) -> [[String: [Int64?]]]? {
        var options: [(id: String, sign: Int64, options: Options)] = []
        for (id, sign) in terms {
            if let g = given[id] {
                options.append((id, sign, .fixed(g)))
            } else if let run = pending[id] {
                if let c = run.candidates { options.append((id, sign, c.count == 1 ? .fixed(c[0]) : .choices(c))) } else { options.append((id, sign, .derivable)) }
            } else if let k = known(id) {
                options.append((id, sign, .fixed(k.map { Optional($0) })))
            } else {
                return nil
            }
        }
        // The derived row: the one without its splits, else the one with the most.
        let derivable = options.indices.filter { if case .derivable = options[$0].options { true } else { false } }
        if derivable.count > 1 { return nil }
        var derived = derivable.first
        if derived == nil {
            var best = 1
            for (k, o) in options.enumerated() { if case .choices(let c) = o.options, c.count > best { best = c.count; derived = k } }
        }
        let others = options.indices.filter { $0 != derived }
        var combos = 1
        for k in others {
            if case .choices(let c) = options[k].options { combos *= c.count; if combos > Self.comboBudget { return nil } }
        }
        var solutions: [[String: [Int64?]]] = []
        var chosen = Array(repeating: [Int64?](), count: options.count)
        var overflow = false
        func finish() {
            var sum = Array(repeating: Int64(0), count: columns)
            for k in others { for c in 0..<columns { sum[c] += options[k].sign * (chosen[k][c] ?? 0) } }
            var assignment: [String: [Int64?]] = [:]
            for k in others { assignment[options[k].id] = chosen[k] }
            guard let d = derived else {
                if sum.allSatisfy({ $0 == 0 }) { solutions.append(assignment) }
                return
            }
            // sign × row = −(the others' sum), sign being ±1.
            let values = sum.map { -$0 * options[d].sign }
            guard values.allSatisfy({ $0 >= 0 && $0 <= CellValue.maxCount }) else { return }
            let readings: [[Int64?]]
            switch options[d].options {
            case .choices(let c): readings = c.filter { $0.map { $0 ?? 0 } == values }
            case .derivable: readings = pending[options[d].id]!.readings(giving: values)
            case .fixed: readings = []
            }
            for r in readings {
                var a = assignment
                a[options[d].id] = r
                solutions.append(a)
                if solutions.count > Self.solutionLimit { overflow = true }
            }
        }
        func walk(_ i: Int) {
            if overflow { return }
            if i == others.count { finish(); return }
            let k = others[i]
            switch options[k].options {
            case .fixed(let v): chosen[k] = v; walk(i + 1)
            case .choices(let c): for v in c { chosen[k] = v; walk(i + 1); if overflow { return } }
            case .derivable: return
            }
        }
        walk(0)
        return overflow ? nil : solutions
    }
}
