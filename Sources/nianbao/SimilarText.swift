import NianbaoCore

/// `check` over many files: groups of reports from different agencies whose sections are
/// near-identical (与其他单位雷同), reported once per group after the per-file results.
///
/// The groups are written one member at a time, each member's path and name read back as it
/// is written (from disk when the batch was large), so a group of any size is never held as text.
enum SimilarText {
    /// The clusters among `signatures` (in input order, one per file); `paths` name the files.
    static func clusters(_ signatures: [SimilarityClusters.Signature], paths: [String]) -> SimilarityClusters.ClusterList {
        let collector = SimilarityClusters.Collector(spillAfter: .max)
        for (i, signature) in signatures.enumerated() { collector.append(signature, path: i < paths.count ? paths[i] : "") }
        guard case .clusters(let list) = collector.finish() else { preconditionFailure("an in-memory collector is never skipped") }
        return list
    }

    /// The similarity as a whole percentage, rounded down.
    static func percent(_ similarity: Double) -> Int { Int((similarity * 100).rounded(.down)) }

    /// The text block, after the per-file results (nothing when there are no clusters).
    static func text(_ list: SimilarityClusters.ClusterList, to write: (String) -> Void) {
        guard !list.clusters.isEmpty else { return }
        write("\n与其他单位雷同：\(list.clusters.count) 组报告的同一部分文字近乎相同（年份、数字不计，条例名称、表格栏目等固定用语不计）。\n")
        for (n, cluster) in list.clusters.enumerated() {
            // Sections 一, 五 and 六 have the same title in both forms (a test checks it).
            let title = cluster.part.label(in: .v2021)
            write("  第 \(n + 1) 组：\(title)，\(cluster.members.count) 份，估计相似度不低于 \(percent(cluster.similarity))%\n")
            for index in cluster.members {
                let member = list.member(index)
                write("    \(safe(member.path))：\(safe(member.agency))\n")
            }
        }
    }

    /// Members named in full in one TSV row; a bigger group is cut with “等 N 份”.
    static let namedInRow = 20

    /// The TSV rows after the per-file rows: one per member of each group, in the finding
    /// columns (rule `similar_text`, severity `warning`, the section's id), naming the others.
    static func tsvRows(_ list: SimilarityClusters.ClusterList, to write: (String) -> Void) {
        for (n, cluster) in list.clusters.enumerated() {
            let title = cluster.part.label(in: .v2021)
            // The first members are all a row ever names: one more than shown, for the rows of those members.
            let named = cluster.members.prefix(namedInRow + 1).map { (index: $0, member: list.member($0)) }
            for index in cluster.members {
                let member = named.first { $0.index == index }?.member ?? list.member(index)
                let others = cluster.members.count - 1
                let shown = named.filter { $0.index != index }.prefix(namedInRow).map { "\($0.member.agency)（\($0.member.path)）" }
                let list = shown.joined(separator: "、") + (others > namedInRow ? " 等 \(others) 份" : "")
                let message = "与其他单位雷同：第 \(n + 1) 组，\(title)与 \(others) 份报告近乎相同"
                    + "（估计相似度不低于 \(percent(cluster.similarity))%）：\(list)"
                write([TSVReport.field(member.path), TSVReport.field(member.agency), "", "similar_text", Severity.warning.rawValue,
                       cluster.part.id, "", TSVReport.field(message)].joined(separator: "\t") + "\n")
            }
        }
    }

    /// The `similar_text` member of `check --format json`, as a value (for the whole document at once).
    static func json(_ list: SimilarityClusters.ClusterList) -> JSONValue {
        .array(list.clusters.map { cluster in
            .object(JSONObject([
                ("part", .string(cluster.part.id)),
                ("similarity_percent", .number(JSONNumber(percent(cluster.similarity)))),
                ("members", .array(cluster.members.map { memberJSON(list.member($0)) })),
            ]))
        })
    }

    static func memberJSON(_ m: (path: String, agency: String)) -> JSONValue {
        .object(JSONObject([("path", .string(m.path)), ("agency", .string(m.agency))]))
    }

    /// The `similar_text` array in pretty canonical form as a member of the top object (indent 2),
    /// written a member at a time: the same bytes as `PrettyCanonicalWriter` makes of `json(list)`.
    static func jsonBytes(_ list: SimilarityClusters.ClusterList, to write: ([UInt8]) -> Void) {
        guard !list.clusters.isEmpty else {
            write(Array("[]".utf8))
            return
        }
        write(Array("[".utf8))
        for (n, cluster) in list.clusters.enumerated() {
            write(Array(((n > 0 ? "," : "") + "\n    {\n      \"members\": [").utf8))
            for (m, index) in cluster.members.enumerated() {
                let object = JSONReport.indented(PrettyCanonicalWriter.bytes(memberJSON(list.member(index))), by: 8)
                write(Array((m > 0 ? ",\n        " : "\n        ").utf8) + object)
            }
            var tail: [UInt8] = Array("\n      ],\n      \"part\": ".utf8)
            JSONText.appendString(cluster.part.id, to: &tail)
            tail += Array(",\n      \"similarity_percent\": \(percent(cluster.similarity))\n    }".utf8)
            write(tail)
        }
        write(Array("\n  ]".utf8))
    }
}
