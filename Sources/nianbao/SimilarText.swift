import NianbaoCore

/// `check` over many files: groups of reports from different agencies whose sections are
/// near-identical (与其他单位雷同), reported once per group after the per-file results.
enum SimilarText {
    /// One group, with what is shown of its members.
    struct Cluster {
        let part: TextPart
        /// Estimated similarity (Jaccard of the masked shingles, boilerplate left out), 0…1.
        let similarity: Double
        let members: [(path: String, agency: String)]
    }

    /// The clusters among `signatures` (in input order, one per file); `paths` name the files.
    static func clusters(_ signatures: [SimilarityClusters.Signature], paths: [String]) -> [Cluster] {
        clusters(SimilarityClusters.SignatureStore(signatures), paths: paths)
    }

    /// The clusters among the signatures of `store`; `paths` name the files.
    static func clusters(_ store: SimilarityClusters.SignatureStore, paths: [String]) -> [Cluster] {
        guard store.count > 1 else { return [] }
        return SimilarityClusters.find(store: store).map { c in
            Cluster(part: c.part, similarity: c.similarity,
                    members: c.members.map { (path: $0 < paths.count ? paths[$0] : "", agency: store.name($0)) })
        }
    }

    /// The similarity as a whole percentage, rounded down.
    static func percent(_ similarity: Double) -> Int { Int((similarity * 100).rounded(.down)) }

    /// The text block, after the per-file results (nothing when there are no clusters).
    static func text(_ clusters: [Cluster]) -> String {
        guard !clusters.isEmpty else { return "" }
        var text = "\n与其他单位雷同：\(clusters.count) 组报告的同一部分文字近乎相同（年份、数字不计，条例名称、表格栏目等固定用语不计）。\n"
        for (n, cluster) in clusters.enumerated() {
            // Sections 一, 五 and 六 have the same title in both forms (a test checks it).
            let title = cluster.part.label(in: .v2021)
            text += "  第 \(n + 1) 组：\(title)，\(cluster.members.count) 份，估计相似度不低于 \(percent(cluster.similarity))%\n"
            for member in cluster.members {
                text += "    \(safe(member.path))：\(safe(member.agency))\n"
            }
        }
        return text
    }

    /// Members named in full in one TSV row; a bigger group is cut with “等 N 份”.
    static let namedInRow = 20

    /// The TSV rows after the per-file rows: one per member of each group, in the finding
    /// columns (rule `similar_text`, severity `warning`, the section's id), naming the others.
    static func tsvRows(_ clusters: [Cluster]) -> String {
        var rows = ""
        for (n, cluster) in clusters.enumerated() {
            let title = cluster.part.label(in: .v2021)
            for (m, member) in cluster.members.enumerated() {
                let others = cluster.members.enumerated().filter { $0.offset != m }.map { "\($0.element.agency)（\($0.element.path)）" }
                let named = others.prefix(namedInRow).joined(separator: "、") + (others.count > namedInRow ? " 等 \(others.count) 份" : "")
                let message = "与其他单位雷同：第 \(n + 1) 组，\(title)与 \(others.count) 份报告近乎相同"
                    + "（估计相似度不低于 \(percent(cluster.similarity))%）：\(named)"
                rows += [TSVReport.field(member.path), TSVReport.field(member.agency), "", "similar_text", Severity.warning.rawValue,
                         cluster.part.id, "", TSVReport.field(message)].joined(separator: "\t") + "\n"
            }
        }
        return rows
    }

    /// The `similar_text` member of `check --format json`.
    static func json(_ clusters: [Cluster]) -> JSONValue {
        .array(clusters.map { cluster in
            .object(JSONObject([
                ("part", .string(cluster.part.id)),
                ("similarity_percent", .number(JSONNumber(percent(cluster.similarity)))),
                ("members", .array(cluster.members.map { m in
                    .object(JSONObject([("path", .string(m.path)), ("agency", .string(m.agency))]))
                })),
            ]))
        })
    }
}
