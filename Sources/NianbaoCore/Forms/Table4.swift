/// Table 四 (政府信息公开行政复议、行政诉讼情况), identical in both forms.
extension TableDefinition {
    static let table4: TableDefinition = {
        let parts = ["keep", "fix", "other", "pend"]
        let columns = [
            ColumnDefinition(id: "keep", label: "结果维持"),
            ColumnDefinition(id: "fix", label: "结果纠正"),
            ColumnDefinition(id: "other", label: "其他结果"),
            ColumnDefinition(id: "pend", label: "尚未审结"),
            ColumnDefinition(id: "total", label: "总计", sumOf: parts, sumRule: "T4-1"),
        ]
        let rows = [
            RowDefinition(id: "rv", label: "行政复议"),
            RowDefinition(id: "ld", label: "未经复议直接起诉", groups: ["行政诉讼"]),
            RowDefinition(id: "lr", label: "复议后起诉", groups: ["行政诉讼"]),
        ]
        return TableDefinition(
            id: .t4, numeral: "四", layout: .blocksSideBySide, cornerNote: nil, rowHeader: nil,
            blocks: [TableBlock(id: "cases", caption: nil, columns: columns, rows: rows)])
    }()
}
