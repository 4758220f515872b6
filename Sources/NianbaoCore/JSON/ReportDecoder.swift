/// Turns untrusted JSON into a `Report`, checking every member against the form declaration.
struct ReportDecoder {
    let path: String
    let bytes: [UInt8]

    /// Decodes bytes, reporting the first problem with its line, column and JSON path.
    static func decode(_ bytes: [UInt8], path: String) throws(ReportFileError) -> Report {
        if bytes.count > ReportFile.maxFileBytes {
            throw ReportFileError(path: path, message: "文件超过 \(ReportFile.maxFileBytes / 1024 / 1024) MiB 上限，不可能是一份年度报告。")
        }
        // Files nianbao wrote are read straight from their bytes; anything else, and every
        // refusal, goes through the parser and the member-by-member decoder.
        if let report = CanonicalReportReader.read(bytes, path: path) { return report }
        return try decodeThroughTree(bytes, path: path)
    }

    /// Decodes bytes by parsing them into a `JSONValue` tree and checking it member by member.
    static func decodeThroughTree(_ bytes: [UInt8], path: String) throws(ReportFileError) -> Report {
        let value: JSONValue
        do {
            value = try JSONParser().parse(bytes)
        } catch {
            // Name the encoding when that is what is wrong (GBK drafts are common in these offices).
            if let problem = TextEncodingCheck.check(bytes, path: path) {
                throw ReportFileError(path: path, line: problem.line, column: nil, message: "文件" + problem.detail + "。")
            }
            throw ReportFileError(path: path, line: error.line, column: error.column, jsonPath: error.path,
                                  message: error.message)
        }
        return try ReportDecoder(path: path, bytes: bytes).report(value)
    }

    /// An error at a JSON path; positions are looked up only now, so valid files never pay for them.
    func fail(_ pointer: [String], _ message: String, key: Bool = false) -> ReportFileError {
        let p = JSONPositionMap.pointer(pointer)
        let positions = (try? JSONParser().parseWithPositions(bytes))?.positions ?? JSONPositionMap()
        let pos = key ? (positions.keyPosition(p) ?? positions[p]) : positions[p]
        return ReportFileError(path: path, line: pos?.line, column: pos?.column, jsonPath: p.isEmpty ? "/" : p,
                               message: message)
    }

    /// Checks an object has exactly `expected` keys and returns its values in `expected` order.
    ///
    /// Names the first unknown and the first missing key. Canonical files list keys sorted, so
    /// the common case is a single pass comparing keys in step.
    func members(_ value: JSONValue, at pointer: @autoclosure () -> [String], expected: KeySet,
                 what: @autoclosure () -> String) throws(ReportFileError) -> [JSONValue] {
        guard case .object(let object) = value else {
            throw fail(pointer(), "\(what())应为 JSON 对象 {…}，实际为\(Self.kindName(value))。")
        }
        let members = object.members
        if members.count == expected.sorted.count {
            var inStep = true
            for (i, member) in members.enumerated() where member.key != expected.sorted[i] {
                inStep = false
                break
            }
            if inStep { return expected.order.map { members[$0].value } }
        }
        var values = [JSONValue?](repeating: nil, count: expected.keys.count)
        for member in members {
            guard let slot = expected.slot(of: member.key) else {
                throw fail(pointer() + [member.key],
                           "\(what())中有未知的成员 “\(member.key)”；应为：\(expected.keys.joined(separator: "、"))。", key: true)
            }
            values[slot] = member.value
        }
        for (i, key) in expected.keys.enumerated() where values[i] == nil {
            throw fail(pointer(), "\(what())缺少成员 “\(key)”。")
        }
        return values.map { $0 ?? .null }
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

        let plan = version >= 2 ? DecodePlan.topVersion2 : DecodePlan.top
        let object = try members(root, at: [], expected: plan, what: "报告")
        // plan.keys order: format, schema_version, agency, year, form, scope, sections, tables
        guard case .string(let agency) = object[2] else {
            throw fail(["agency"], "agency（机关名称）应为字符串。")
        }
        if let tooLong = TextLimits.agency.violation(agency) { throw fail(["agency"], tooLong) }
        guard case .number(let yearNumber) = object[3], let year = yearNumber.int64 else {
            throw fail(["year"], "year（年度）应为整数，如 2021。")
        }
        guard year >= Int64(FormVersion.firstReportingYear), year <= 2100 else {
            throw fail(["year"], year < 2019 ? FormVersionError.yearBeforeForms(Int(clamping: year)).description
                                             : "year（年度）\(year) 不在有效范围（2019–2100）。")
        }
        guard case .string(let formText) = object[4], let form = FormVersion(rawValue: formText) else {
            throw fail(["form"], "form（格式版本）应为 \"2019\" 或 \"2021\"。")
        }
        guard case .string(let scopeText) = object[5], let scope = ReportScope(rawValue: scopeText) else {
            throw fail(["scope"], "scope（报告范围）应为 \"agency\"（本机关）或 \"government\"（本级政府汇总）。")
        }
        var report = Report(agency: agency, year: Int(year), form: form, scope: scope)

        let sections = try members(object[6], at: ["sections"], expected: DecodePlan.sections, what: "sections（正文部分）")
        for (i, id) in Report.textSections.enumerated() {
            guard case .string(let text) = sections[i] else {
                throw fail(["sections", id.rawValue], "\(form.definition.section(id).title) 的正文应为字符串。")
            }
            report.texts[id] = text
        }

        let def = form.definition
        let tablePlan = DecodePlan.tables[form]
        var index = 0  // cells are declared, stored and decoded in the same order
        let tables = try members(object[7], at: ["tables"], expected: tablePlan.tables, what: "tables（表格）")
        for (t, table) in tablePlan.perTable.enumerated() {
            let tableID = table.id
            let rows = try members(tables[t], at: ["tables", tableID.rawValue], expected: table.rows,
                                   what: "表\(def.tables[t].numeral)")
            for (r, row) in table.perRow.enumerated() {
                let rowID = row.id
                let cells = try members(rows[r], at: ["tables", tableID.rawValue, rowID], expected: row.columns,
                                        what: "表\(def.tables[t].numeral) “\(def.tables[t].row(rowID)?.label ?? rowID)”一行")
                for (c, kind) in row.kinds.enumerated() {
                    let columnID = row.columns.keys[c]
                    report.cells[index] = try cell(cells[c], kind: kind, at: ["tables", tableID.rawValue, rowID, columnID],
                                                   label: def.cells[index].label)
                    index += 1
                }
            }
        }
        if version >= 2 {
            // topVersion2 order continues: preface, sign_off, origin, review
            try decodeVersion2(preface: object[8], signOff: object[9], origin: object[10], review: object[11], into: &report)
        }
        return report
    }

    func cell(_ value: JSONValue, kind: CellKind, at pointer: @autoclosure () -> [String], label: @autoclosure () -> String) throws(ReportFileError) -> CellValue {
        switch (kind, value) {
        case (_, .null):
            return .empty
        case (.count, .number(let n)), (.signedCount, .number(let n)):
            guard let int = n.int64 else {
                if n.text.contains(".") || n.text.contains("e") || n.text.contains("E") {
                    throw fail(pointer(), "\(label())：应为整数，实际为 \(n.text)。")
                }
                throw fail(pointer(), "\(label())：数值 \(n.text) 过大。")
            }
            guard int.magnitude <= CellValue.maxCount.magnitude else {
                throw fail(pointer(), "\(label())：数值 \(int) 过大（上限 \(CellValue.maxCount)）。")
            }
            return .count(int)
        case (.amount, .string(let text)):
            guard let amount = Amount(text) else {
                throw fail(pointer(), "\(label())：金额 “\(text)” 格式不对，应为如 \"3194.752\" 的十进制数字字符串（万元，不带千位分隔符）。")
            }
            return .amount(amount)
        case (.amount, .number(let n)):
            throw fail(pointer(), "\(label())：金额应写成字符串，如 \"\(n.text)\"，以免浮点误差。")
        default:
            throw fail(pointer(), "\(label())：应为 \(kind.expectation) 或 null（未填），实际为\(Self.kindName(value))。")
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

/// Expected member names of one JSON object, in declaration order and in canonical (sorted) order.
struct KeySet: Sendable {
    /// Keys in the order values are returned.
    let keys: [String]
    /// Keys as a canonical file lists them.
    let sorted: [String]
    /// For each key (in `keys` order), its position in `sorted`.
    let order: [Int]

    init(_ keys: [String]) {
        self.keys = keys
        // A canonical file sorts keys by UTF-16 code units (RFC 8785). For these ASCII ids that
        // is the order of their UTF-8 bytes, which are quicker to compare.
        let sorted = keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.sorted = sorted
        self.order = keys.map { key in sorted.firstIndex(of: key)! }
    }

    /// The position of `key` in `keys`. A plain search: an object has at most a few dozen
    /// members, and only files that are not in canonical order get here.
    func slot(of key: String) -> Int? { keys.firstIndex(of: key) }
}

/// The shape a report file must have, prepared once per form.
struct DecodePlan: Sendable {
    struct Row: Sendable {
        let id: String
        let columns: KeySet
        let kinds: [CellKind]
    }

    struct Table: Sendable {
        let id: TableID
        let rows: KeySet
        let perRow: [Row]
    }

    let tables: KeySet
    let perTable: [Table]

    static let top = KeySet(["format", "schema_version", "agency", "year", "form", "scope", "sections", "tables"])
    /// Version 2: the version 1 members, then the preface, sign-off, origin and review.
    static let topVersion2 = KeySet(["format", "schema_version", "agency", "year", "form", "scope", "sections", "tables",
                                     "preface", "sign_off", "origin", "review"])
    static let sections = KeySet(Report.textSections.map(\.rawValue))
    static let tables = PerForm { def in
        DecodePlan(
            tables: KeySet(def.tables.map(\.id.rawValue)),
            perTable: def.tables.map { table in
                Table(id: table.id, rows: KeySet(table.allRows.map(\.id)), perRow: table.blocks.flatMap { block in
                    // Rows with a cell in every column share the block's key set.
                    let allColumns = KeySet(block.columns.map(\.id))
                    let allKinds = block.columns.map(\.kind)
                    return block.rows.map { row in
                        if row.missingColumns.isEmpty { return Row(id: row.id, columns: allColumns, kinds: allKinds) }
                        let columns = block.columns.filter { row.hasCell(in: $0.id) }
                        return Row(id: row.id, columns: KeySet(columns.map(\.id)), kinds: columns.map(\.kind))
                    }
                })
            })
    }
}
