extension Rule {
    /// T2a-4 (2019 form): 本年新公开数量 ≤ 本年新制作数量 for 规章 and 规范性文件.
    static let t2a_4 = Rule(
        id: "T2a-4", severity: .warning, forms: [.v2019],
        summary: "表二（2019 版）第二十条第（一）项：本年新公开数量 不大于 本年新制作数量，通常两者相等"
    ) { context in
        for row in ["reg", "norm"] {
            guard let made = context.index(.t2, row, "made"), let published = context.index(.t2, row, "published"),
                  let m = context.value(made).count, let p = context.value(published).count, p != m else { continue }
            let label = context.definition.table(.t2).row(row)?.label ?? row
            let message = p > m
                ? "二 › \(label)：本年新公开数量（\(p)）大于本年新制作数量（\(m)）。"
                : "二 › \(label)：本年新制作 \(m) 件，只新公开 \(p) 件；规章和规范性文件通常应全部公开，请核实。"
            context.report(cells: [published, made], section: .s2, expected: "= \(m)", actual: String(p), message)
        }
    }
}
