import Synchronization

extension Rule {
    /// a text section is mostly identical to the same section of last year's report, after
    /// masking years and numbers and leaving out boilerplate (warning from 90 %, info from 60 %).
    static let x_7 = Rule(
        id: "X-7", severity: .warning, needsPrevious: true,
        summary: "跨年度：一、五 与上一年度报告相同的文字（屏蔽年份和数字后）不应超过 90 %（60 % 起提示）"
    ) { context in
        guard let previous = context.previous else { return }
        for section in [SectionID.s1, .s5] {
            let now = context.report.text(section)
            let overlap = CopiedText.overlap(now, previous: previous.text(section))
            guard overlap.compared >= CopiedText.minimumLength, overlap.share >= CopiedText.infoShare else { continue }
            let percent = Int((overlap.share * 100).rounded(.down))
            let longest = overlap.passages.max { $0.count < $1.count } ?? 0..<0
            let quote = String(Array(now)[longest])
            let title = context.definition.section(section).title
            context.report(
                cells: [], section: section, expected: "< 90%", actual: "\(percent)%",
                severity: overlap.share >= CopiedText.warningShare ? .warning : .info,
                span: TextSpan(part: .section(section), range: longest, quote: quote),
                "\(title)：\(percent)% 的文字与 \(previous.year) 年度报告相同（年份、数字不计，共 \(overlap.passages.count) 段相同），"
                    + "是否沿用了往年的文字？请按本年度的工作如实撰写。")
        }
    }
}

/// The thresholds of X-7, and the overlaps already measured (validation runs on every keystroke).
enum CopiedText {
    private static let cache = Mutex<[(now: String, previous: String, overlap: TextOverlap)]>([])

    /// The overlap of two texts, from the cache when they were compared before.
    static func overlap(_ now: String, previous: String) -> TextOverlap {
        if let hit = cache.withLock({ $0.first { $0.now == now && $0.previous == previous }?.overlap }) { return hit }
        let overlap = TextOverlap(now, previous: previous)
        cache.withLock { cache in
            if cache.count >= 8 { cache.removeFirst() }
            cache.append((now, previous, overlap))
        }
        return overlap
    }

    /// format-spec X-7: similarity above 0.9 is what evaluators complain about.
    static let warningShare = 0.9
    /// narrative-checks.md §5: a peer shows a 60 % reference line.
    static let infoShare = 0.6
    /// Sections with fewer compared characters are not measured.
    static let minimumLength = 60
}
