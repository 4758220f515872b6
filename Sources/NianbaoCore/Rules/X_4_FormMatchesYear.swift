extension Rule {
    /// the form version matches the reporting year (≤2020 → 2019 form, ≥2021 → 2021 form).
    static let x_4 = Rule(
        id: "X-4", severity: .warning,
        summary: "格式版本与年度一致：2019、2020 年度用 2019 版，2021 年度起用 2021 版"
    ) { context in
        let report = context.report
        guard let expected = try? FormVersion.expected(forYear: report.year), expected != report.form else { return }
        context.report(
            cells: [], section: nil, expected: expected.displayName, actual: report.form.displayName,
            "\(report.year) 年度报告应使用 \(expected.displayName)格式（\(expected.notice)），本报告使用的是 \(report.form.displayName)。")
    }
}
