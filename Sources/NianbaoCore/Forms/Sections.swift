extension SectionDefinition {
    /// The six sections, identical in both forms.
    static func standard(tables: Bool = true) -> [SectionDefinition] {
        [
            SectionDefinition(
                id: .s1, numeral: "一", title: "一、总体情况", content: .text,
                subheadings: ["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"],
                headingVariants: ["总体情况"]),
            SectionDefinition(
                id: .s2, numeral: "二", title: "二、主动公开政府信息情况", content: .table(.t2),
                subheadings: [], headingVariants: ["主动公开政府信息情况"]),
            SectionDefinition(
                id: .s3, numeral: "三", title: "三、收到和处理政府信息公开申请情况", content: .table(.t3),
                subheadings: [], headingVariants: ["收到和处理政府信息公开申请情况"]),
            SectionDefinition(
                id: .s4, numeral: "四", title: "四、政府信息公开行政复议、行政诉讼情况", content: .table(.t4),
                subheadings: [],
                headingVariants: ["政府信息公开行政复议、行政诉讼情况", "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
                                  "政府信息公开行政复议和行政诉讼情况"]),
            SectionDefinition(
                id: .s5, numeral: "五", title: "五、存在的主要问题及改进情况", content: .text,
                subheadings: [],
                headingVariants: ["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况",
                                  "存在问题及改进情况", "存在的主要问题及改进措施"]),
            SectionDefinition(
                id: .s6, numeral: "六", title: "六、其他需要报告的事项", content: .text,
                subheadings: [], headingVariants: ["其他需要报告的事项"]),
        ]
    }
}
