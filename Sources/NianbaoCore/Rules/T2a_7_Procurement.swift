extension Rule {
    /// T2a-7 (2019 form): 政府集中采购 — 采购项目数量 is 0 exactly when 采购总金额 is 0.
    static let t2a_7 = Rule(
        id: "T2a-7", severity: .warning, forms: [.v2019],
        summary: "表二（2019 版）政府集中采购：采购项目数量为 0 当且仅当 采购总金额为 0"
    ) { context in
        guard let items = context.index(.t2, "proc", "proc_items"), let amount = context.index(.t2, "proc", "proc_amount")
        else { return }
        let n = context.value(items), a = context.value(amount)
        guard !n.isEmpty, !a.isEmpty, n.isZero != a.isZero else { return }
        let message = n.isZero
            ? "二 › 政府集中采购：采购项目数量为 0，采购总金额却为 \(a.displayText) 万元。"
            : "二 › 政府集中采购：有 \(n.displayText) 个采购项目，采购总金额却为 0。"
        context.report(cells: [items, amount], section: .s2, actual: "\(n) / \(a)", message)
    }
}
