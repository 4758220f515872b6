/// Table 二 (主动公开政府信息情况): five blocks in the 2019 form, four in the 2021 form.
extension TableDefinition {
    static func table2(_ version: FormVersion) -> TableDefinition {
        let blocks: [TableBlock]
        switch version {
        case .v2019:
            let items = [
                ColumnDefinition(id: "prev_items", label: "上一年项目数量"),
                ColumnDefinition(id: "change", label: "本年增/减", kind: .signedCount),
                ColumnDefinition(id: "decisions", label: "处理决定数量"),
            ]
            blocks = [
                TableBlock(id: "art20_1", caption: "第二十条第（一）项", columns: [
                    ColumnDefinition(id: "made", label: "本年新制作数量"),
                    ColumnDefinition(id: "published", label: "本年新公开数量"),
                    ColumnDefinition(id: "total_published", label: "对外公开总数量"),
                ], rows: [
                    RowDefinition(id: "reg", label: "规章"),
                    RowDefinition(id: "norm", label: "规范性文件"),
                ]),
                TableBlock(id: "art20_5", caption: "第二十条第（五）项", columns: items, rows: [
                    RowDefinition(id: "lic", label: "行政许可"),
                    RowDefinition(id: "svc", label: "其他对外管理服务事项"),
                ]),
                TableBlock(id: "art20_6", caption: "第二十条第（六）项", columns: items, rows: [
                    RowDefinition(id: "pun", label: "行政处罚"),
                    RowDefinition(id: "coe", label: "行政强制"),
                ]),
                TableBlock(id: "art20_8", caption: "第二十条第（八）项", columns: Array(items.prefix(2)), rows: [
                    RowDefinition(id: "fee", label: "行政事业性收费"),
                ]),
                TableBlock(id: "art20_9", caption: "第二十条第（九）项", columns: [
                    ColumnDefinition(id: "proc_items", label: "采购项目数量"),
                    ColumnDefinition(id: "proc_amount", label: "采购总金额", kind: .amount, unitNote: "（单位：万元）"),
                ], rows: [
                    RowDefinition(id: "proc", label: "政府集中采购"),
                ]),
            ]
        case .v2021:
            let decisions = [ColumnDefinition(id: "decisions", label: "本年处理决定数量")]
            blocks = [
                TableBlock(id: "art20_1", caption: "第二十条第（一）项", columns: [
                    ColumnDefinition(id: "issued", label: "本年制发件数"),
                    ColumnDefinition(id: "abolished", label: "本年废止件数"),
                    ColumnDefinition(id: "valid", label: "现行有效件数"),
                ], rows: [
                    RowDefinition(id: "reg", label: "规章"),
                    RowDefinition(id: "norm", label: "行政规范性文件"),
                ]),
                TableBlock(id: "art20_5", caption: "第二十条第（五）项", columns: decisions, rows: [
                    RowDefinition(id: "lic", label: "行政许可"),
                ]),
                TableBlock(id: "art20_6", caption: "第二十条第（六）项", columns: decisions, rows: [
                    RowDefinition(id: "pun", label: "行政处罚"),
                    RowDefinition(id: "coe", label: "行政强制"),
                ]),
                TableBlock(id: "art20_8", caption: "第二十条第（八）项", columns: [
                    ColumnDefinition(id: "fee_amount", label: "本年收费金额（单位：万元）", kind: .amount),
                ], rows: [
                    RowDefinition(id: "fee", label: "行政事业性收费"),
                ]),
            ]
        }
        return TableDefinition(id: .t2, numeral: "二", layout: .grid, cornerNote: nil, rowHeader: "信息内容",
                               blocks: blocks)
    }
}
