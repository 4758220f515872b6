/// Turns untrusted JSON into a `Report`, checking every member against the form declaration.
struct ReportDecoder {
    let path: String
    let positions: JSONPositionMap

    /// Decodes bytes, reporting the first problem with its line, column and JSON path.
    static func decode(_ bytes: [UInt8], path: String) throws(ReportFileError) -> Report {
        if bytes.count > ReportFile.maxFileBytes {
            throw ReportFileError(path: path, message: "文件超过 \(ReportFile.maxFileBytes / 1024 / 1024) MiB 上限，不可能是一份年度报告。")
        }
        if let problem = TextEncodingCheck.check(bytes, path: path) {
            throw ReportFileError(path: path, line: problem.line, column: nil, message: problem.message)
        }
        let parsed: (value: JSONValue, positions: JSONPositionMap)
        do {
            parsed = try JSONParser().parseWithPositions(bytes)
        } catch {
            throw ReportFileError(path: path, line: error.line, column: error.column, jsonPath: error.path,
                                  message: error.message)
        }
        return try ReportDecoder(path: path, positions: parsed.positions).report(parsed.value)
    }

    func fail(_ pointer: [String], _ message: String, key: Bool = false) -> ReportFileError {
        let p = JSONPositionMap.pointer(pointer)
        let pos = key ? (positions.keyPosition(p) ?? positions[p]) : positions[p]
        return ReportFileError(path: path, line: pos?.line, column: pos?.column, jsonPath: p.isEmpty ? "/" : p,
                               message: message)
    }

    /// Checks an object has exactly `expected` keys: names the first unknown and the first missing one.
    func members(_ value: JSONValue, at pointer: [String], expected: [String], what: String) throws(ReportFileError) -> JSONObject {
        guard case .object(let object) = value else {
            throw fail(pointer, "\(what)应为 JSON 对象 {…}，实际为\(Self.kindName(value))。")
        }
        let allowed = Set(expected)
        for key in object.keys where !allowed.contains(key) {
            throw fail(pointer + [key], "\(what)中有未知的成员 “\(key)”；应为：\(expected.joined(separator: "、"))。", key: true)
        }
        for key in expected where object[key] == nil {
            throw fail(pointer, "\(what)缺少成员 “\(key)”。")
        }
        return object
    }

    func report(_ root: JSONValue) throws(ReportFileError) -> Report {
        // Identify the file first, so a newer schema is refused before its layout is judged.
        guard case .object(let top) = root else {
            throw fail([], "这不是 nianbao 报告文件：顶层应为 JSON 对象 {…}，实际为\(Self.kindName(root))。")
        }
        guard case .string(let format)? = top["format"], format == ReportFile.formatName else {
            throw fail(["format"], "这不是 nianbao 报告文件：缺少 \"format\": \"\(ReportFile.formatName)\"。")
        }
        guard case .number(let versionNumber)? = top["schema_version"], let version = versionNumber.int64 else {
            throw fail(["schema_version"], "schema_version 应为整数。")
        }
        if version > ReportFile.schemaVersion {
            throw fail(["schema_version"],
                       "文件的格式版本为 \(version)，比本程序支持的 \(ReportFile.schemaVersion) 新；请升级 nianbao 后再打开。")
        }
        guard version >= 1 else { throw fail(["schema_version"], "schema_version 应为 1 或更大的整数，实际为 \(version)。") }

        let object = try members(root, at: [], expected: ["format", "schema_version", "agency", "year", "form", "scope", "sections", "tables"], what: "报告")
        guard case .string(let agency)? = object["agency"] else {
            throw fail(["agency"], "agency（机关名称）应为字符串。")
        }
        guard agency.count <= ReportFile.maxAgencyLength else {
            throw fail(["agency"], "agency（机关名称）过长：\(agency.count) 个字符，上限 \(ReportFile.maxAgencyLength)。")
        }
        guard case .number(let yearNumber)? = object["year"], let year = yearNumber.int64 else {
            throw fail(["year"], "year（年度）应为整数，如 2021。")
        }
        guard year >= Int64(FormVersion.firstReportingYear), year <= 2100 else {
            let why = (try? FormVersion.expected(forYear: Int(clamping: year))).map { _ in "" }
                ?? FormVersionError.yearBeforeForms(Int(clamping: year)).description
            throw fail(["year"], year < 2019 ? why : "year（年度）\(year) 不在有效范围（2019–2100）。")
        }
        guard case .string(let formText)? = object["form"], let form = FormVersion(rawValue: formText) else {
            throw fail(["form"], "form（格式版本）应为 \"2019\" 或 \"2021\"。")
        }
        guard case .string(let scopeText)? = object["scope"], let scope = ReportScope(rawValue: scopeText) else {
            throw fail(["scope"], "scope（报告范围）应为 \"agency\"（本机关）或 \"government\"（本级政府汇总）。")
        }
        var report = Report(agency: agency, year: Int(year), form: form, scope: scope)

        let sectionIDs = Report.textSections.map(\.rawValue)
        let sections = try members(object["sections"] ?? .null, at: ["sections"], expected: sectionIDs, what: "sections（正文部分）")
        for id in Report.textSections {
            guard case .string(let text)? = sections[id.rawValue] else {
                throw fail(["sections", id.rawValue], "\(form.definition.section(id).title) 的正文应为字符串。")
            }
            report.texts[id] = text
        }

        let def = form.definition
        let tables = try members(object["tables"] ?? .null, at: ["tables"], expected: def.tables.map(\.id.rawValue), what: "tables（表格）")
        for table in def.tables {
            let tp = ["tables", table.id.rawValue]
            let rows = try members(tables[table.id.rawValue] ?? .null, at: tp,
                                   expected: table.allRows.map(\.id), what: "表\(table.numeral)")
            for block in table.blocks {
                for row in block.rows {
                    let columns = block.columns.filter { row.hasCell(in: $0.id) }
                    let cells = try members(rows[row.id] ?? .null, at: tp + [row.id], expected: columns.map(\.id),
                                            what: "表\(table.numeral) “\(row.label)”一行")
                    for column in columns {
                        let ref = CellRef(table: table.id, row: row.id, column: column.id)
                        report[ref] = try cell(cells[column.id] ?? .null, kind: column.kind, at: tp + [row.id, column.id],
                                               label: def.cell(ref)?.label ?? ref.description)
                    }
                }
            }
        }
        return report
    }

    func cell(_ value: JSONValue, kind: CellKind, at pointer: [String], label: String) throws(ReportFileError) -> CellValue {
        switch (kind, value) {
        case (_, .null):
            return .empty
        case (.count, .number(let n)), (.signedCount, .number(let n)):
            guard let int = n.int64 else {
                if n.text.contains(".") || n.text.contains("e") || n.text.contains("E") {
                    throw fail(pointer, "\(label)：应为整数，实际为 \(n.text)。")
                }
                throw fail(pointer, "\(label)：数值 \(n.text) 过大。")
            }
            guard int.magnitude <= CellValue.maxCount.magnitude else {
                throw fail(pointer, "\(label)：数值 \(int) 过大（上限 \(CellValue.maxCount)）。")
            }
            return .count(int)
        case (.amount, .string(let text)):
            guard let amount = Amount(text) else {
                throw fail(pointer, "\(label)：金额 “\(text)” 格式不对，应为如 \"3194.752\" 的十进制数字字符串（万元，不带千位分隔符）。")
            }
            return .amount(amount)
        case (.amount, .number(let n)):
            throw fail(pointer, "\(label)：金额应写成字符串，如 \"\(n.text)\"，以免浮点误差。")
        default:
            throw fail(pointer, "\(label)：应为 \(kind.expectation) 或 null（未填），实际为\(Self.kindName(value))。")
        }
    }

    static func kindName(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "布尔值"
        case .number: "数字"
        case .string: "字符串"
        case .array: "数组"
        case .object: "对象"
        }
    }
}

extension ReportFile {
    /// Decodes the bytes of a report file; `path` is only used in messages.
    public static func decode(_ bytes: [UInt8], path: String) throws(ReportFileError) -> Report {
        try ReportDecoder.decode(bytes, path: path)
    }
}
