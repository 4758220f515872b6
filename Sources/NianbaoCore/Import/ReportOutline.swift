/// The report's outline as the importer accepts it: the six section headings with the variants
/// real reports print (old-style 四, `其他事项`, `总体概述`, …), matched with any ordinal, since
/// reports number their own outline differently.
enum ReportOutline {
    /// Variants seen in published reports beyond those the form declaration lists.
    static let extraVariants: [SectionID: [String]] = [
        .s1: ["总体概述", "概况"],
        .s3: ["行政机关收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请的情况"],
        .s4: ["因政府信息公开工作被申请行政复议、提起行政诉讼情况", "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
              "政府信息公开行政复议、行政诉讼的情况", "被申请行政复议、提起行政诉讼情况"],
        .s5: ["存在的问题及改进情况", "存在的主要问题及改进措施", "主要问题及改进情况", "存在的主要问题和改进情况"],
        .s6: ["其他需要报告的事项", "其他事项", "其他需要报告事项"],
    ]

    /// Heading bodies (keys, without the ordinal) per section, longest first.
    static let headingBodies: [(SectionID, [String])] = FormDefinition.v2019.sections.map { section in
        let titleBody = String(section.title.drop { $0 != "、" }.dropFirst())
        let all = [titleBody] + section.headingVariants + (extraVariants[section.id] ?? [])
        var keys: [String] = []
        for k in all.map({ LabelKey.of($0) }) where !keys.contains(k) { keys.append(k) }
        return (section.id, keys.sorted { $0.count > $1.count })
    }

    /// The bodies of one section.
    static func bodies(_ id: SectionID) -> [String] { headingBodies.first { $0.0 == id }?.1 ?? [] }
}
