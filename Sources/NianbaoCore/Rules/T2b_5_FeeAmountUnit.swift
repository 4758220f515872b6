extension Rule {
    /// T2b-5 (2021 form): 本年收费金额 looks like an item count or a figure in 元 rather than 万元.
    static let t2b_5 = Rule(
        id: "T2b-5", severity: .info, forms: [.v2021],
        summary: "表二（2021 版）：本年收费金额以万元为单位；数值像项目个数或以元为单位时提示核实"
    ) { context in
        guard let cell = context.index(.t2, "fee", "fee_amount"), let amount = context.value(cell).asAmount,
              !amount.isZero else { return }
        if amount.scale == 0, amount.units >= 10_000 {
            context.report(
                cells: [cell], section: .s2, actual: amount.description,
                "二 › 行政事业性收费：本年收费金额为 \(amount.grouped) 万元，数额很大，是否误按“元”填写？本栏单位为万元。")
        } else if amount.scale == 0, amount.units <= 20 {
            context.report(
                cells: [cell], section: .s2, actual: amount.description,
                "二 › 行政事业性收费：本年收费金额为整数 \(amount.description) 万元，是否误填了收费项目个数（2019 版的“上一年项目数量”）？")
        }
    }
}
