/// The JSON Schema (draft 2020-12) of canonical report files, generated from the form declarations.
public enum ReportSchema {
    /// Canonical amount text: no grouping, no exponent, no trailing fractional zeros.
    public static let amountPattern = "^-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$"

    /// The schema as a JSON value; `docs/report.schema.json` is its canonical form.
    public static func json() -> JSONValue {
        let maxCount = JSONValue.number(JSONNumber(CellValue.maxCount))
        let minCount = JSONValue.number(JSONNumber(-CellValue.maxCount))
        let defs: [(key: String, value: JSONValue)] = [
            ("count", object([
                ("description", .string("件数：不小于 0 的整数；null 表示未填（不按 0 计算）。负数可以保存，但由规则报错。")),
                ("type", .array([.string("integer"), .string("null")])),
                ("minimum", minCount), ("maximum", maxCount),
            ])),
            ("signed_count", object([
                ("description", .string("可为负数的整数（2019 版 本年增/减）；null 表示未填。")),
                ("type", .array([.string("integer"), .string("null")])),
                ("minimum", minCount), ("maximum", maxCount),
            ])),
            ("amount", object([
                ("description", .string("金额（万元），十进制字符串，最多 4 位小数由规则检查；null 表示未填。")),
                ("type", .array([.string("string"), .string("null")])),
                ("pattern", .string(amountPattern)),
            ])),
            ("tables_2019", tables(FormDefinition.v2019)),
            ("tables_2021", tables(FormDefinition.v2021)),
        ] + version2Definitions()
        let sections = object([
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array(Report.textSections.map { .string($0.rawValue) })),
            ("properties", object(Report.textSections.map { id in
                (id.rawValue, object([("description", .string(FormDefinition.v2021.section(id).title)), ("type", .string("string"))]))
            })),
        ])
        func formCase(_ form: FormVersion) -> JSONValue {
            object([
                ("if", object([("properties", object([("form", object([("const", .string(form.rawValue))]))]))])),
                ("then", object([("properties", object([("tables", object([("$ref", .string("#/$defs/tables_\(form.rawValue)"))]))]))])),
            ])
        }
        return object([
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("title", .string("nianbao 政府信息公开工作年度报告（规范 JSON）")),
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array(["format", "schema_version", "agency", "year", "form", "scope", "sections", "tables"].map { .string($0) })),
            ("properties", object([
                ("format", object([("const", .string(ReportFile.formatName))])),
                ("schema_version", object([("description", .string("1：无前言、落款、来源与审核记录的文件；2：含其中任一项")),
                                           ("enum", .array((1...ReportFile.schemaVersion).map { .number(JSONNumber($0)) }))])),
                ("agency", object([("description", .string("机关名称")), ("type", .string("string")),
                                   ("maxLength", .number(JSONNumber(Int64(ReportFile.maxAgencyLength))))])),
                ("year", object([("description", .string("报告年度")), ("type", .string("integer")),
                                 ("minimum", .number(JSONNumber(Int64(FormVersion.firstReportingYear)))), ("maximum", .number(JSONNumber(2100)))])),
                ("form", object([("description", .string("格式版本")), ("enum", .array(FormVersion.allCases.map { .string($0.rawValue) }))])),
                ("scope", object([("description", .string("agency = 本机关；government = 本级政府汇总")),
                                  ("enum", .array(ReportScope.allCases.map { .string($0.rawValue) }))])),
                ("sections", sections),
                ("tables", object([("type", .string("object"))])),
            ] + version2Properties())),
            ("allOf", .array(FormVersion.allCases.map(formCase) + [version2Case()])),
            ("$defs", object(defs)),
        ])
    }

    static func tables(_ def: FormDefinition) -> JSONValue {
        object([
            ("type", .string("object")),
            ("additionalProperties", .bool(false)),
            ("required", .array(def.tables.map { .string($0.id.rawValue) })),
            ("properties", object(def.tables.map { table in
                (table.id.rawValue, object([
                    ("description", .string(def.section(table.id.section).title)),
                    ("type", .string("object")),
                    ("additionalProperties", .bool(false)),
                    ("required", .array(table.allRows.map { .string($0.id) })),
                    ("properties", object(table.blocks.flatMap { block in
                        block.rows.map { row in
                            let columns = block.columns.filter { row.hasCell(in: $0.id) }
                            return (row.id, object([
                                ("description", .string(row.labelPath.joined(separator: " › "))),
                                ("type", .string("object")),
                                ("additionalProperties", .bool(false)),
                                ("required", .array(columns.map { .string($0.id) })),
                                ("properties", object(columns.map { column in
                                    (column.id, object([
                                        ("description", .string(column.labelPath.joined(separator: " › ") + (column.isComputed || row.isComputed ? "（合计，由各项相加）" : ""))),
                                        ("$ref", .string("#/$defs/" + schemaKind(column.kind))),
                                    ]))
                                })),
                            ]))
                        }
                    })),
                ]))
            })),
        ])
    }

    static func schemaKind(_ kind: CellKind) -> String {
        switch kind {
        case .count: "count"
        case .signedCount: "signed_count"
        case .amount: "amount"
        }
    }

    static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(JSONObject(members.map { (key: $0.0, value: $0.1) }))
    }
}
