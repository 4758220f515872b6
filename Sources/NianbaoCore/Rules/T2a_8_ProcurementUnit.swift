extension Rule {
    /// T2a-8 (2019 form): 采购总金额 per 采购项目 so large that 元 was probably typed as 万元.
    static let t2a_8 = Rule(
        id: "T2a-8", severity: .info, forms: [.v2019],
        summary: "表二（2019 版）政府集中采购：平均每个采购项目金额超过 1,000 万元，可能把“元”误作“万元”"
    ) { context in
        guard let itemsCell = context.index(.t2, "proc", "proc_items"), let amountCell = context.index(.t2, "proc", "proc_amount"),
              let items = context.value(itemsCell).count, items > 0,
              let amount = context.value(amountCell).asAmount, amount > Amount(integer: 1000 * items) else { return }
        context.report(
            cells: [amountCell, itemsCell], section: .s2, actual: amount.grouped,
            "二 › 政府集中采购：\(items) 个采购项目共 \(amount.grouped) 万元，平均每个项目超过 1,000 万元。本栏单位为万元，"
                + "是否误按“元”填写？")
    }
}
