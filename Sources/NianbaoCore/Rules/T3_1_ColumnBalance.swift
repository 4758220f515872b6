extension Rule {
    /// T3-1: in every column of table 三, 一 + 二 = 三（七）总计 + 四 (the printed 勾稽 note).
    static let t3_1 = Rule(
        id: "T3-1", severity: .error,
        summary: "表三每一列：本年新收 + 上年结转 = 本年度办理结果总计 + 结转下年度继续办理"
    ) { context in
        let columns = T3Columns.plans[context.report.form]
        for column in columns {
            let values = [column.r1, column.r2, column.r3_7, column.r4].map { context.value($0) }
            guard let lhs = CellValue.sum(values[0...1]), let rhs = CellValue.sum(values[2...3]) else { continue }
            if !lhs.numericallyEquals(rhs) {
                context.report(
                    cells: [column.r1, column.r2, column.r3_7, column.r4], section: .s3,
                    expected: lhs.description, actual: rhs.description,
                    messageText(["三 › ", column.label, "：本年新收（", values[0].displayText, "）+ 上年结转（", values[1].displayText, "）= ",
                                 lhs.displayText, "，应等于 办理结果总计（", values[2].displayText, "）+ 结转下年度（", values[3].displayText,
                                 "）= ", rhs.displayText, gapText(lhs, rhs), "。"]))
            }
        }
    }
}

/// Cell indices of the four summary rows of table 三, column by column.
struct T3Columns: Sendable {
    /// The column's header path.
    let path: [String]
    let r1: Int, r2: Int, r3_7: Int, r4: Int
    /// The path joined for messages, made once per form (a worst-case batch names a column in thousands of them).
    let label: String

    init(path: [String], r1: Int, r2: Int, r3_7: Int, r4: Int) {
        self.path = path
        self.r1 = r1
        self.r2 = r2
        self.r3_7 = r3_7
        self.r4 = r4
        label = path.joinedText(separator: " › ")
    }

    static let plans = PerForm { def -> [T3Columns] in
        let t3 = def.table(.t3)
        return t3.blocks[0].columns.compactMap { column in
            func at(_ row: String) -> Int? { def.index(of: CellRef(table: .t3, row: row, column: column.id)) }
            guard let r1 = at("r1"), let r2 = at("r2"), let r3 = at("r3_7"), let r4 = at("r4") else { return nil }
            return T3Columns(path: column.labelPath, r1: r1, r2: r2, r3_7: r3, r4: r4)
        }
    }
}
