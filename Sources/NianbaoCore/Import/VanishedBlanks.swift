/// Rows printed with fewer values than columns because blank cells left no trace (one cell per
/// line or paragraph, PDF text, Markdown): the printed values are placed into columns only where
/// the form's arithmetic leaves exactly one placement — the row sums (T3-3) and the column sums
/// down the table (T3-2, （七）总计 = Σ outcome rows), a blank part counting as 0 under a printed
/// total and a blank total checking nothing. Placed blanks stay blank; every placed row says which
/// identities decided it, and a row still open is refused with its candidate placements.
extension Interpreter {
    /// A row waiting for the table's identities.
    struct PendingPlacement {
        var row: RowDefinition
        var columns: [ColumnDefinition]
        /// The printed cells, in order.
        var cells: [SourceDocument.Cell]
        var labelLocation: ImportLocation
        /// Each candidate: for every column, the index into `cells` printed there (nil: a vanished blank).
        var candidates: [[Int?]]
        /// The identities that removed candidates.
        var decidedBy: [String] = []
        /// Each candidate's values over all the table's columns (nil: blank), filled before deciding.
        var readings: [[Int64?]] = []

        /// Keeps the candidates whose index passes `keep`; true when one was removed (then `rule` is noted).
        mutating func keep(by rule: String, _ keep: (Int) -> Bool) -> Bool {
            let kept = candidates.indices.filter(keep)
            guard kept.count < candidates.count else { return false }
            candidates = kept.map { candidates[$0] }
            readings = kept.map { readings[$0] }
            if !decidedBy.contains(rule) { decidedBy.append(rule) }
            return true
        }
    }

    /// True when the row can wait for the identities: a table with sums, count columns only,
    /// every printed cell a number or a placeholder.
    func canPlace(table: TableDefinition, columns: [ColumnDefinition], cells: [SourceDocument.Cell]) -> Bool {
        guard table.id == .t3, !cells.isEmpty, cells.count < columns.count, columns.allSatisfy({ $0.kind == .count }) else { return false }
        return canPlace(cells)
    }

    /// Every printed cell a number or a placeholder.
    func canPlace(_ cells: [SourceDocument.Cell]) -> Bool {
        cells.allSatisfy { cell in
            switch CellReader.read(key: cell.key, kind: .count, headerUnit: nil) {
            case .value(.count, nil), .placeholder, .blank: true
            default: false
            }
        }
    }

    static func placements(printed m: Int, columns n: Int) -> [[Int?]] {
        var out: [[Int?]] = []
        var current = [Int?](repeating: nil, count: n)
        func walk(_ column: Int, _ next: Int) {
            if next == m { out.append(current); return }
            if n - column < m - next { return }
            current[column] = next
            walk(column + 1, next + 1)
            current[column] = nil
            walk(column + 1, next)
        }
        walk(0, 0)
        return out
    }

    static func number(_ cell: SourceDocument.Cell) -> Int64? {
        if case .value(.count(let n), nil) = CellReader.read(key: cell.key, kind: .count, headerUnit: nil) { return n }
        return nil
    }

    /// The values a candidate puts into the row's columns (nil: blank), in the row's column order.
    static func values(_ candidate: [Int?], _ p: PendingPlacement) -> [Int64?] {
        candidate.map { $0.flatMap { number(p.cells[$0]) } }
    }

    /// Decides the pending rows of `table` together, then writes or refuses each.
    mutating func resolvePendingPlacements(_ table: TableDefinition, into report: inout Report) {
        defer { pendingPlacements = [] }
        guard !pendingPlacements.isEmpty else { return }
        let definition = report.definition
        var pending = pendingPlacements
        let pendingIndex = Dictionary(uniqueKeysWithValues: pending.enumerated().map { ($1.row.id, $0) })
        let allColumns = table.blocks.flatMap(\.columns)
        let columnIDs = allColumns.map(\.id)
        let known = knownRows(table, report: report, excluding: Set(pendingIndex.keys))
        // The identities: Σ parts = total, each a list of (row, column index into allColumns).
        struct Identity { var rule: String; var total: (String, Int); var parts: [(String, Int)] }
        var identities: [Identity] = []
        for row in table.allRows {
            for (c, column) in allColumns.enumerated() {
                if let parts = column.sumOf, row.hasCell(in: column.id) {
                    identities.append(Identity(rule: column.sumRule ?? "行合计", total: (row.id, c),
                                               parts: parts.compactMap { p in columnIDs.firstIndex(of: p).map { (row.id, $0) } }))
                }
                if let parts = row.sumOf, row.hasCell(in: column.id) {
                    identities.append(Identity(rule: row.sumRule ?? "列合计", total: (row.id, c), parts: parts.map { ($0, c) }))
                }
            }
        }
        for k in pending.indices {
            let numbers = pending[k].cells.map(Self.number)
            let position = allColumns.map { column in pending[k].columns.firstIndex { $0.id == column.id } }
            pending[k].readings = pending[k].candidates.map { candidate in
                position.map { $0.flatMap { candidate[$0] }.flatMap { numbers[$0] } }
            }
        }
        // The report's own arithmetic must hold wherever it can be checked on rows read in full,
        // with at least one printed total; otherwise an identity no longer tells where a blank went.
        var checked = 0
        var broken: String? = nil
        for identity in identities {
            let rows = [identity.total.0] + identity.parts.map(\.0)
            guard rows.allSatisfy({ known[$0] != nil }), let total = known[identity.total.0]![identity.total.1] else { continue }
            let sum = identity.parts.reduce(Int64(0)) { $0 &+ (known[$1.0]![$1.1] ?? 0) }
            if sum != total { broken = identity.rule; break }
            checked += 1
        }
        if broken == nil && checked > 0 {
            var changed = true
            var rounds = 0
            while changed, rounds < 8 {
                changed = false
                rounds += 1
                // Row identities (T3-3): each pending row on its own.
                for identity in identities where identity.parts.allSatisfy({ $0.0 == identity.total.0 }) {
                    guard let index = pendingIndex[identity.total.0] else { continue }
                    let readings = pending[index].readings
                    let removed = pending[index].keep(by: identity.rule) { c in
                        let v = readings[c]
                        guard let total = v[identity.total.1] else { return true }  // a blank total checks nothing
                        return identity.parts.reduce(Int64(0)) { $0 &+ (v[$1.1] ?? 0) } == total
                    }
                    if removed { changed = true }
                }
                // Column identities (T3-2): one total row and its part rows, every column at once.
                var families: [String: [Identity]] = [:]
                for identity in identities where identity.parts.contains(where: { $0.0 != identity.total.0 }) {
                    families[identity.total.0, default: []].append(identity)
                }
                for (hub, family) in families.sorted(by: { $0.key < $1.key }) {
                    if propagate(hub: hub, family: family) { changed = true }
                }
            }
        }
        /// Keeps the candidates of the family's rows that some reading of the total row supports
        /// in every column it prints; true when a candidate was removed.
        func propagate(hub: String, family: [Identity]) -> Bool {
            let partRows = family[0].parts.map(\.0)
            guard ([hub] + partRows).allSatisfy({ known[$0] != nil || pendingIndex[$0] != nil }) else { return false }
            guard ([hub] + partRows).contains(where: { pendingIndex[$0] != nil }) else { return false }
            let rule = family[0].rule
            let cap = 4096
            func sum(_ a: Set<Int64>, _ b: Set<Int64>) -> Set<Int64>? {
                guard a.count * b.count <= cap * 16 else { return nil }
                var out: Set<Int64> = []
                for x in a { for y in b { out.insert(x &+ y) } }
                return out.count > cap ? nil : out
            }
            let hubReadings = known[hub].map { [$0] } ?? pending[pendingIndex[hub]!].readings
            let pendingParts = partRows.filter { pendingIndex[$0] != nil }
            // Per column of the family: the known parts' sum (blank = 0), each pending part's values,
            // and what all parts but one can reach (nil: too many to tell).
            var reach: [Set<Int64>?] = []
            var others: [[String: Set<Int64>?]] = []
            for identity in family {
                let c = identity.total.1
                let constant = partRows.reduce(Int64(0)) { $0 &+ (known[$1].map { $0[c] ?? 0 } ?? 0) }
                let sets = pendingParts.map { id in Set(pending[pendingIndex[id]!].readings.map { $0[c] ?? 0 }) }
                var prefix: [Set<Int64>?] = [[constant]]
                for set in sets { prefix.append(prefix.last!.flatMap { sum($0, set) }) }
                var suffix: [Set<Int64>?] = Array(repeating: nil, count: sets.count + 1)
                suffix[sets.count] = [0]
                for k in stride(from: sets.count - 1, through: 0, by: -1) { suffix[k] = suffix[k + 1].flatMap { sum($0, sets[k]) } }
                reach.append(prefix[sets.count])
                var byRow: [String: Set<Int64>?] = [:]
                for (k, id) in pendingParts.enumerated() {
                    if let p = prefix[k], let q = suffix[k + 1] { byRow[id] = sum(p, q) } else { byRow[id] = .some(nil) }
                }
                others.append(byRow)
            }
            // Hub readings every printed column of which the parts can reach.
            let feasible = hubReadings.indices.filter { h in
                family.indices.allSatisfy { f in
                    guard let total = hubReadings[h][family[f].total.1], let r = reach[f] else { return true }
                    return r.contains(total)
                }
            }
            var removed = false
            if let index = pendingIndex[hub], pending[index].keep(by: rule, { feasible.contains($0) }) { removed = true }
            for id in pendingParts {
                let index = pendingIndex[id]!
                let readings = pending[index].readings
                let kept = pending[index].keep(by: rule) { c in
                    let v = readings[c]
                    return feasible.contains { h in
                        family.indices.allSatisfy { f in
                            let column = family[f].total.1
                            guard let total = hubReadings[h][column], let rest = others[f][id] ?? nil else { return true }
                            return rest.contains(total &- (v[column] ?? 0))
                        }
                    }
                }
                if kept { removed = true }
            }
            return removed
        }
        let inconsistent = pending.contains { $0.candidates.isEmpty }
        for p in pending {
            let name = "表\(table.numeral)“\(p.row.label)”"
            let printed = p.cells.map(\.raw).joined(separator: " ")
            if broken == nil, checked > 0, !inconsistent, p.candidates.count == 1 {
                let candidate = p.candidates[0]
                for (k, column) in p.columns.enumerated() {
                    let ref = CellRef(table: table.id, row: p.row.id, column: column.id)
                    guard let index = definition.index(of: ref) else { continue }
                    let label = "表" + definition.cells[index].label
                    if let c = candidate[k] {
                        read(p.cells[c], into: index, ref: ref, kind: column.kind, headerUnit: nil, label: label, report: &report)
                    } else {
                        report.cells[index] = .empty
                        problems.append(ImportProblem(level: .error, kind: .blankCell, location: p.labelLocation, cell: ref,
                                                      message: "\(label)：单元格空白（空白格在原文中未留痕迹，依据 \(p.decidedBy.joined(separator: "、")) 定位）。空白不等于 0，导入为空。"))
                    }
                }
                problems.append(ImportProblem(level: .note, kind: .blanksPlaced, location: p.labelLocation, published: printed,
                                              message: "\(name)：应有 \(p.columns.count) 个数值，只印出 \(p.cells.count) 个（“\(printed)”，空白格未留痕迹）；依据 \(p.decidedBy.joined(separator: "、")) 只有一种位置：\(Self.describe(Self.values(candidate, p), blanks: candidate))。"))
                continue
            }
            let why: String
            if let broken {
                why = "本表的 \(broken) 在完整的行列中不成立，不能据此确定空白格的位置"
            } else if checked == 0 {
                why = "本表没有可核对的合计，无法确定哪一格空白"
            } else if inconsistent {
                why = "本表的合计与各项之和无法相符，无法确定哪一格空白"
            } else {
                let shown = p.candidates.prefix(4).map { Self.describe(Self.values($0, p), blanks: $0) }.joined(separator: "；")
                why = "满足本表合计的位置有 \(p.candidates.count) 种（\(shown)\(p.candidates.count > 4 ? "；……" : "")），无法确定哪一格空白"
            }
            for (k, column) in p.columns.enumerated() {
                let ref = CellRef(table: table.id, row: p.row.id, column: column.id)
                guard let index = definition.index(of: ref) else { continue }
                problems.append(ImportProblem(level: .error, kind: .missingValues, location: p.labelLocation, cell: ref,
                                              message: k == 0
                                                ? "\(name)：应有 \(p.columns.count) 个数值，只找到 \(p.cells.count) 个（“\(printed)”），\(why)，整行导入为空。"
                                                : "表" + definition.cells[index].label + "：见上一条，导入为空。"))
            }
        }
    }

    /// Rows of `table` read in full (nil values for printed blanks), over all its columns; rows not
    /// found or not read (missing, refused, unreadable) are absent.
    func knownRows(_ table: TableDefinition, report: Report, excluding: Set<String>) -> [String: [Int64?]] {
        let definition = report.definition
        let allColumns = table.blocks.flatMap(\.columns)
        var printedBlank: Set<CellRef> = []
        for problem in problems where problem.kind == .blankCell || problem.kind == .placeholderCell {
            if let cell = problem.cell { printedBlank.insert(cell) }
        }
        var known: [String: [Int64?]] = [:]
        rows: for row in table.allRows where !excluding.contains(row.id) {
            var values: [Int64?] = []
            for column in allColumns {
                let ref = CellRef(table: table.id, row: row.id, column: column.id)
                guard let i = definition.index(of: ref) else { values.append(nil); continue }
                let value = report.cells[i]
                if value.isEmpty && !printedBlank.contains(ref) { continue rows }
                guard value.isEmpty || value.count != nil else { continue rows }
                values.append(value.count)
            }
            known[row.id] = values
        }
        return known
    }

    /// True when table 三's row sums (T3-3) hold in every row read in full, at least one of them
    /// with a printed total: the report's arithmetic can be used to place vanished blanks elsewhere.
    func tableThreeRowSumsHold(_ report: Report) -> Bool {
        let table = report.definition.table(.t3)
        let columns = table.blocks.flatMap(\.columns)
        let known = knownRows(table, report: report, excluding: [])
        var checked = 0
        for (_, values) in known {
            for (c, column) in columns.enumerated() {
                guard let parts = column.sumOf, let total = values[c] else { continue }
                let sum = parts.compactMap { p in columns.firstIndex { $0.id == p } }.reduce(Int64(0)) { $0 &+ (values[$1] ?? 0) }
                if sum != total { return false }
                checked += 1
            }
        }
        return checked > 0
    }

    /// Table 四 printed as one run of fewer than fifteen numbers (blank cells vanished): the values
    /// are placed when exactly one placement keeps every case kind's total (T4-1), and only in a
    /// report whose table 三 row sums hold. Returns false when the run cannot be tried (then the
    /// caller refuses it as before).
    mutating func placeTableFour(_ table: TableDefinition, cells: [SourceDocument.Cell], location: ImportLocation,
                                 into report: inout Report) -> Bool {
        guard let block = table.blocks.first, block.columns.allSatisfy({ $0.kind == .count }) else { return false }
        let width = block.columns.count
        let total = block.rows.count * width
        guard !cells.isEmpty, cells.count < total, total - cells.count <= 4, canPlace(cells) else { return false }
        let sums: [(parts: [Int], total: Int, rule: String)] = block.columns.enumerated().compactMap { c, column in
            guard let parts = column.sumOf else { return nil }
            return (parts.compactMap { p in block.columns.firstIndex { $0.id == p } }, c, column.sumRule ?? "T4-1")
        }
        guard !sums.isEmpty else { return false }
        let probe = PendingPlacement(row: block.rows[0], columns: block.columns, cells: cells, labelLocation: location, candidates: [])
        let trusted = tableThreeRowSumsHold(report)
        let all = trusted ? Self.placements(printed: cells.count, columns: total) : []
        let numbers = cells.map(Self.number)
        let kept = all.filter { candidate in
            let v = candidate.map { $0.flatMap { numbers[$0] } }
            for r in 0..<block.rows.count {
                let row = Array(v[r * width..<(r + 1) * width])
                for sum in sums {
                    guard let t = row[sum.total] else { continue }
                    if sum.parts.reduce(Int64(0), { $0 &+ (row[$1] ?? 0) }) != t { return false }
                }
            }
            return true
        }
        let printed = cells.map(\.raw).joined(separator: " ")
        let rule = sums[0].rule
        let definition = report.definition
        if trusted, kept.count == 1 {
            let candidate = kept[0]
            for (k, position) in definition.positions(of: block, in: table.id).enumerated() {
                guard let index = position.index else { continue }
                let ref = position.ref
                let label = "表" + definition.cells[index].label
                if let c = candidate[k] {
                    read(cells[c], into: index, ref: ref, kind: position.column.kind, headerUnit: nil, label: label, report: &report)
                } else {
                    report.cells[index] = .empty
                    problems.append(ImportProblem(level: .error, kind: .blankCell, location: location, cell: ref,
                                                  message: "\(label)：单元格空白（空白格在原文中未留痕迹，依据 \(rule) 定位）。空白不等于 0，导入为空。"))
                }
            }
            problems.append(ImportProblem(level: .note, kind: .blanksPlaced, location: location, published: printed,
                                          message: "表四：应有 \(total) 个数值，只印出 \(cells.count) 个（“\(printed)”，空白格未留痕迹）；依据 \(rule) 只有一种位置：\(Self.describe(Self.values(candidate, probe), blanks: candidate))。"))
            return true
        }
        let why = !trusted ? "表三的行合计（T3-3）在完整的行中不成立或无法核对，不能据此确定空白格的位置"
            : kept.isEmpty ? "没有一种位置满足各栏总计（\(rule)）"
            : "满足各栏总计（\(rule)）的位置有 \(kept.count) 种（\(kept.prefix(3).map { Self.describe(Self.values($0, probe), blanks: $0) }.joined(separator: "；"))\(kept.count > 3 ? "；……" : "")）"
        for (k, position) in definition.positions(of: block, in: table.id).enumerated() {
            guard let index = position.index else { continue }
            problems.append(ImportProblem(level: .error, kind: .missingValues, location: location, cell: position.ref,
                                          message: k == 0
                                            ? "表四：应有 \(total) 个数值，只找到 \(cells.count) 个（“\(printed)”），\(why)，无法确定哪一格空白，整表导入为空。"
                                            : "表" + definition.cells[index].label + "：见上一条，导入为空。"))
        }
        return true
    }

    /// `3 | （空白） | 1`, a placeholder shown as printed.
    static func describe(_ values: [Int64?], blanks: [Int?]) -> String {
        zip(values, blanks).map { v, c in c == nil ? "（空白）" : (v.map(String.init) ?? "（空白）") }.joined(separator: " | ")
    }
}
