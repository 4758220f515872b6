/// Table 三 (收到和处理政府信息公开申请情况), shared by both forms except for （六）其他处理.
extension TableDefinition {
    static let t3CornerNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    static let applicantColumnIDs = ["np", "lp_com", "lp_res", "lp_ngo", "lp_law", "lp_oth"]

    static func table3(_ version: FormVersion) -> TableDefinition {
        let applicant = "申请人情况"
        let legal = "法人或其他组织"
        let columns = [
            ColumnDefinition(id: "np", label: "自然人", headerGroups: [applicant]),
            ColumnDefinition(id: "lp_com", label: "商业企业", headerGroups: [applicant, legal]),
            ColumnDefinition(id: "lp_res", label: "科研机构", headerGroups: [applicant, legal]),
            ColumnDefinition(id: "lp_ngo", label: "社会公益组织", headerGroups: [applicant, legal]),
            ColumnDefinition(id: "lp_law", label: "法律服务机构", headerGroups: [applicant, legal]),
            ColumnDefinition(id: "lp_oth", label: "其他", headerGroups: [applicant, legal]),
            ColumnDefinition(id: "total", label: "总计", headerGroups: [applicant],
                             sumOf: applicantColumnIDs, sumRule: "T3-3"),
        ]
        let result = "三、本年度办理结果"
        let withheld = [result, "（三）不予公开"]
        let unable = [result, "（四）无法提供"]
        let declined = [result, "（五）不予处理"]
        let other = [result, "（六）其他处理"]
        var rows = [
            RowDefinition(id: "r1", label: "一、本年新收政府信息公开申请数量"),
            RowDefinition(id: "r2", label: "二、上年结转政府信息公开申请数量"),
            RowDefinition(id: "r3_1", label: "（一）予以公开", groups: [result]),
            RowDefinition(id: "r3_2", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", groups: [result]),
            RowDefinition(id: "r3_3_1", label: "1.属于国家秘密", groups: withheld),
            RowDefinition(id: "r3_3_2", label: "2.其他法律行政法规禁止公开", groups: withheld),
            RowDefinition(id: "r3_3_3", label: "3.危及“三安全一稳定”", groups: withheld),
            RowDefinition(id: "r3_3_4", label: "4.保护第三方合法权益", groups: withheld),
            RowDefinition(id: "r3_3_5", label: "5.属于三类内部事务信息", groups: withheld),
            RowDefinition(id: "r3_3_6", label: "6.属于四类过程性信息", groups: withheld),
            RowDefinition(id: "r3_3_7", label: "7.属于行政执法案卷", groups: withheld),
            RowDefinition(id: "r3_3_8", label: "8.属于行政查询事项", groups: withheld),
            RowDefinition(id: "r3_4_1", label: "1.本机关不掌握相关政府信息", groups: unable),
            RowDefinition(id: "r3_4_2", label: "2.没有现成信息需要另行制作", groups: unable),
            RowDefinition(id: "r3_4_3", label: "3.补正后申请内容仍不明确", groups: unable),
            RowDefinition(id: "r3_5_1", label: "1.信访举报投诉类申请", groups: declined),
            RowDefinition(id: "r3_5_2", label: "2.重复申请", groups: declined),
            RowDefinition(id: "r3_5_3", label: "3.要求提供公开出版物", groups: declined),
            RowDefinition(id: "r3_5_4", label: "4.无正当理由大量反复申请", groups: declined),
            RowDefinition(id: "r3_5_5", label: "5.要求行政机关确认或重新出具已获取信息", groups: declined),
        ]
        switch version {
        case .v2019:
            rows.append(RowDefinition(id: "r3_6", label: "（六）其他处理", groups: [result]))
        case .v2021:
            rows += [
                RowDefinition(id: "r3_6_1", label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", groups: other),
                RowDefinition(id: "r3_6_2", label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", groups: other),
                RowDefinition(id: "r3_6_3", label: "3.其他", groups: other),
            ]
        }
        let outcomes = rows.filter { $0.id.hasPrefix("r3_") }.map(\.id)
        rows.append(RowDefinition(id: "r3_7", label: "（七）总计", groups: [result], sumOf: outcomes, sumRule: "T3-2"))
        rows.append(RowDefinition(id: "r4", label: "四、结转下年度继续办理"))
        return TableDefinition(
            id: .t3, numeral: "三", layout: .grid, cornerNote: t3CornerNote, rowHeader: nil,
            blocks: [TableBlock(id: "applications", caption: nil, columns: columns, rows: rows)])
    }
}
