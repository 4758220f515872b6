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
        guard signatures.count > 1 else { return [] }
        return SimilarityClusters.find(signatures: signatures).map { c in
            Cluster(part: c.part, similarity: c.similarity,
                    members: c.members.map { (path: $0 < paths.count ? paths[$0] : "", agency: signatures[$0].name) })
        }
    }

    /// The similarity as a whole percentage, rounded down.
    static func percent(_ similarity: Double) -> Int { Int((similarity * 100).rounded(.down)) }

    /// The text block, after the per-file results (nothing when there are no clusters).
    static func text(_ clusters: [Cluster]) -> String {
        guard !clusters.isEmpty else { return "" }
        var text = "\n与其他单位雷同：\(clusters.count) 组报告的同一部分文字近乎相同（年份、数字不计，条例名称、表格栏目等固定用语不计）。\n"
        for (n, cluster) in clusters.enumerated() {
            let title = cluster.part.label(in: .v2021)
            text += "  第 \(n + 1) 组：\(title)，\(cluster.members.count) 份，估计相似度不低于 \(percent(cluster.similarity))%\n"
            for member in cluster.members {
                text += "    \(safe(member.path))：\(safe(member.agency))\n"
            }
        }
        return text
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
