extension Rule {
    /// T3-7: more applications carried into next year than received this year (四 总计 > 一 总计).
    static let t3_7 = Rule(
        id: "T3-7", severity: .warning,
        summary: "表三：结转下年度继续办理 的总计不应大于 本年新收 的总计（答复期限最长 40 个工作日，通常只有年末收到的申请结转）"
    ) { context in
        guard let r4 = context.index(.t3, "r4", "total"), let r1 = context.index(.t3, "r1", "total"),
              let carried = context.value(r4).count, let received = context.value(r1).count, carried > received else { return }
        context.report(
            cells: [r4, r1], section: .s3, expected: "≤ \(received)", actual: String(carried),
            "三 › 总计：结转下年度继续办理 \(carried) 件，多于本年新收的 \(received) 件。按《条例》第三十三条，答复期限最长 40 个工作日，"
                + "通常只有年末收到的申请才会结转，请核实。")
    }
}
