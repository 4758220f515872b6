/// Checks that every cell of a table holds the kind of value its column declares.
enum KindCheck {
    /// Indices of the cells of `table` in each form.
    static func cells(of table: TableID) -> PerForm<[Int]> {
        PerForm { def in Array(def.cellRange(of: table)) }
    }

    /// Reports negative counts, non-integers in count cells, and bad amounts.
    static func run(_ indices: [Int], _ context: inout RuleContext) {
        let kinds = context.definition.cells
        for i in indices {
            let value = context.value(i)
            if value.isEmpty { continue }
            // Read only the kind on the hot path; copying the whole declaration (label strings)
            // for every cell costs more than the check itself.
            let kind = kinds[i].kind
            switch (kind, value) {
            case (.count, .count(let n)) where n >= 0:
                continue
            case (.signedCount, .count), (.amount, .count):
                continue
            case (.amount, .amount(let a)) where !a.isNegative && a.scale <= Amount.formScale:
                continue
            default:
                break
            }
            let def = kinds[i]
            switch (def.kind, value) {
            case (_, .empty):
                continue
            case (.count, .count(let n)) where n < 0:
                context.report(cells: [i], section: def.ref.table.section, expected: "≥ 0", actual: String(n),
                               "\(def.label)：件数不能为负数（填写了 \(n)），应为 \(def.kind.expectation)。")
            case (.count, .amount(let a)), (.signedCount, .amount(let a)):
                context.report(cells: [i], section: def.ref.table.section, expected: "整数", actual: a.description,
                               "\(def.label)：应为整数，实际为 \(a.description)。")
            case (.amount, .amount(let a)) where a.isNegative:
                context.report(cells: [i], section: def.ref.table.section, expected: "≥ 0", actual: a.description,
                               "\(def.label)：金额不能为负数（填写了 \(a.description) 万元）。")
            case (.amount, .amount(let a)) where a.scale > Amount.formScale:
                context.report(cells: [i], section: def.ref.table.section, expected: "最多 4 位小数", actual: a.description,
                               "\(def.label)：金额以万元为单位，最多保留 4 位小数（即精确到 1 元），实际为 \(a.description)。")
            default:
                continue
            }
        }
    }
}
