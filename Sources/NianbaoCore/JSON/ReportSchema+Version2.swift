/// The schema of the members version 2 added: preface, sign-off, origin and review.
extension ReportSchema {
    static let version2Keys = ["origin", "preface", "review", "sign_off"]

    static func ref(_ name: String) -> JSONValue { object([("$ref", .string("#/$defs/" + name))]) }
    static func nullable(_ name: String) -> JSONValue {
        object([("oneOf", .array([object([("type", .string("null"))]), ref(name)]))])
    }
    static func strictObject(_ properties: [(String, JSONValue)], optional: [(String, JSONValue)] = [],
                             description: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let description { members.append(("description", .string(description))) }
        members += [
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array(properties.map { .string($0.0) })),
            ("properties", object(properties + optional)),
        ]
        return object(members)
    }
    static let string: JSONValue = object([("type", .string("string"))])
    static func array(of item: JSONValue) -> JSONValue { object([("type", .string("array")), ("items", item)]) }

    static func version2Properties() -> [(String, JSONValue)] {
        [
            ("preface", object([("description", .string("前言：一、总体情况之前的文字")), ("type", .string("string"))])),
            ("sign_off", nullable("sign_off")),
            ("origin", ref("origin")),
            ("review", ref("review")),
        ]
    }

    /// Version 2 files carry all four members; version 1 files none of them.
    static func version2Case() -> JSONValue {
        object([
            ("if", object([("properties", object([("schema_version", object([("const", .number(JSONNumber(2)))]))]))])),
            ("then", object([("required", .array(version2Keys.map { .string($0) }))])),
            ("else", object([("properties", object(version2Keys.map { ($0, JSONValue.bool(false)) }))])),
        ])
    }

    static func version2Definitions() -> [(key: String, value: JSONValue)] {
        let date = object([("description", .string("日期 YYYY-MM-DD")),
                           ("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
        let part = object([("description", .string("正文部分：preface 前言、s1/s5/s6、sign_off 落款")),
                           ("enum", .array(TextPart.all.map { .string($0.id) }))])
        let cell = object([("description", .string("单元格编号，如 t3.r1.np")),
                           ("type", .string("string")), ("pattern", .string("^t[234]\\.[a-z0-9_]+\\.[a-z0-9_]+$"))])
        func kind(_ k: String) -> JSONValue { object([("const", .string(k))]) }
        let target = object([("oneOf", .array([
            strictObject([("kind", kind("finding")), ("rule", string), ("cells", array(of: ref("cell_id"))), ("part", nullable("text_part"))],
                         description: "对某条检查结果（规则编号 + 所涉单元格）"),
            strictObject([("kind", kind("cells")), ("cells", array(of: ref("cell_id")))], description: "对单元格"),
            strictObject([("kind", kind("row")), ("table", object([("enum", .array(["t2", "t3", "t4"].map { .string($0) }))])), ("row", string)],
                         description: "对表格一行"),
            strictObject([("kind", kind("text")), ("part", ref("text_part"))], description: "对正文部分"),
            strictObject([("kind", kind("report"))], description: "对整份报告"),
        ]))])
        let reply = strictObject([("author", string), ("date", nullable("date")), ("text", string)])
        let note = strictObject([
            ("target", ref("review_target")),
            ("status", object([("description", .string("confirmed 已核实 / explained 已说明 / dismissed 误报 / null")),
                               ("enum", .array([.null] + ReviewStatus.allCases.map { .string($0.rawValue) }))])),
            ("text", string), ("author", string), ("date", nullable("date")),
            ("basis", object([("description", .string("意见所涉数值的摘要，数值改变后意见标为过时")), ("type", .string("string"))])),
            ("replies", array(of: ref("review_reply"))),
        ])
        let decision = strictObject([
            ("status", object([("description", .string("returned 退回 / accepted 通过")),
                               ("enum", .array(ReviewDecision.Status.allCases.map { .string($0.rawValue) }))])),
            ("reviewer", string), ("date", nullable("date")), ("reasons", string),
        ])
        let review = strictObject([("notes", array(of: ref("review_note"))), ("decision", nullable("review_decision"))],
                                  description: "审核记录（不计入内容摘要）")
        let summed = strictObject([
            ("units", array(of: string)),
            ("blanks", object([("description", .string("单元格编号 → 未填该格的单位序号")), ("type", .string("object")),
                               ("additionalProperties", array(of: object([("type", .string("integer")), ("minimum", .number(JSONNumber(0)))])))])),
        ], optional: [
            ("overflowed", object([("description", .string("各单位之和超出单元格上限而留空的单元格（可省略）")), ("type", .string("array")), ("items", ref("cell_id"))])),
            ("not_summed", object([("description", .string("有意不汇总、留待本级政府填写的单元格，如规章一行（可省略）")), ("type", .string("array")), ("items", ref("cell_id"))])),
        ])
        let origin = strictObject([
            ("copied_text_from", object([("description", .string("复制了上年正文时，上年文件的内容摘要")),
                                         ("type", .array([.string("string"), .string("null")]))])),
            ("summed", nullable("summed")),
        ], description: "草稿来源")
        return [
            ("date", date), ("text_part", part), ("cell_id", cell),
            ("sign_off", strictObject([("agency", string), ("date", nullable("date"))], description: "落款")),
            ("review_target", target), ("review_reply", reply), ("review_note", note), ("review_decision", decision),
            ("review", review), ("summed", summed), ("origin", origin),
        ]
    }
}
