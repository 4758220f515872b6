extension CalendarDate {
    /// Reads `2026-01-31`, `2026/1/31`, `2026.1.31` or `2026年1月31日` (digits may be full-width), as rosters write dates.
    public init?(lenient text: some StringProtocol) {
        let key = LabelKey.of(text)
        var numbers: [Int] = []
        var current: Int?
        for c in key {
            if let d = c.wholeNumberValue, c.isASCII {
                current = (current ?? 0) * 10 + d
                if current! > 9999 { return nil }
            } else {
                guard let n = current else { return nil }
                guard "-/.年月日".contains(c) else { return nil }
                numbers.append(n)
                current = nil
            }
        }
        if let current { numbers.append(current) }
        guard numbers.count == 3, numbers[0] >= 1000 else { return nil }
        self.init(year: numbers[0], month: numbers[1], day: numbers[2])
    }
}

/// The units that must report to a 政务公开办, read from a CSV or TSV file.
///
/// The first record names the columns. Recognised headers (any order, others ignored):
/// 单位名称 (or 单位、名称、name; required), 层级 (级别、level), 上级 (上级单位、parent),
/// 截止日期 (报送期限、公布期限、due), 联系人 (联系方式、contact).
public struct Roster: Sendable, Equatable {
    public struct Unit: Sendable, Equatable {
        public var name: String
        public var level: String
        public var parent: String
        /// The due date as written (a `MM-DD` in the roster means that day of the year after the report year).
        public var due: DueDate?
        public var contact: String
        /// The line of the roster file, for messages.
        public var line: Int
    }

    /// A due date: a full date, or a month and day in the year after the report's.
    public enum DueDate: Sendable, Equatable {
        case day(CalendarDate)
        case followingYear(month: Int, day: Int)

        public func resolved(reportYear: Int) -> CalendarDate? {
            switch self {
            case .day(let d): d
            case .followingYear(let m, let d): CalendarDate(year: reportYear + 1, month: m, day: d)
            }
        }
    }

    public var units: [Unit]

    /// Why a roster cannot be used, in Chinese.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    static let nameHeaders = ["单位名称", "单位", "名称", "机关名称", "name", "unit"]
    static let levelHeaders = ["层级", "级别", "类别", "level"]
    static let parentHeaders = ["上级", "上级单位", "主管部门", "parent"]
    static let dueHeaders = ["截止日期", "报送期限", "公布期限", "截止时间", "due"]
    static let contactHeaders = ["联系人", "联系方式", "联系电话", "contact"]

    /// The roster in a CSV or TSV text; `source` names it in messages.
    public static func parse(_ text: String, source: String) throws(Problem) -> Roster {
        let records: [DelimitedText.Record]
        do {
            records = try DelimitedText.parse(text, dialect: .guess(text))
        } catch {
            throw Problem(message: "\(source)：\(error.description)")
        }
        guard let header = records.first else { throw Problem(message: "\(source)：名单是空的。") }
        let keys = header.fields.map { LabelKey.of($0).lowercased() }
        func column(_ names: [String]) -> Int? { keys.firstIndex { names.contains($0) } }
        guard let nameColumn = column(nameHeaders) else {
            throw Problem(message: "\(source)：第 1 行应是列名，其中要有“单位名称”一列（现在是：\(header.fields.joined(separator: "、"))）。")
        }
        let level = column(levelHeaders), parent = column(parentHeaders), due = column(dueHeaders), contact = column(contactHeaders)
        var units: [Unit] = []
        var seen: [String: Int] = [:]
        for record in records.dropFirst() {
            func field(_ c: Int?) -> String {
                guard let c, c < record.fields.count else { return "" }
                return String(record.fields[c].trimmingAllSpace)
            }
            let name = field(nameColumn)
            guard !name.isEmpty else {
                if record.fields.allSatisfy({ $0.trimmingAllSpace.isEmpty }) { continue }
                throw Problem(message: "\(source)：第 \(record.line) 行没有单位名称。")
            }
            let key = AgencyName.key(name)
            if let first = seen[key] {
                throw Problem(message: "\(source)：第 \(record.line) 行的“\(name)”与第 \(first) 行是同一个单位（名称归一后相同）。")
            }
            seen[key] = record.line
            var dueDate: DueDate?
            let dueText = field(due)
            if !dueText.isEmpty {
                guard let parsed = parseDue(dueText) else {
                    throw Problem(message: "\(source)：第 \(record.line) 行的截止日期“\(dueText)”看不懂：应写成 2026-01-31 或 01-31（报告年度的次年）。")
                }
                dueDate = parsed
            }
            units.append(Unit(name: name, level: field(level), parent: field(parent), due: dueDate,
                              contact: field(contact), line: record.line))
        }
        guard !units.isEmpty else { throw Problem(message: "\(source)：名单只有列名，没有单位。") }
        return Roster(units: units)
    }

    static func parseDue(_ text: String) -> DueDate? {
        if let d = CalendarDate(lenient: text) { return .day(d) }
        let parts = LabelKey.of(text).split { "-/.月日".contains($0) }.compactMap { Int($0) }
        if parts.count == 2, CalendarDate(year: 2000, month: parts[0], day: parts[1]) != nil {
            return .followingYear(month: parts[0], day: parts[1])
        }
        return nil
    }
}

extension Roster.Unit {
    /// The due date for a report of `year`: the roster's, else the statutory one (format-spec §6):
    /// 31 March of the next year for a 本级政府 report, 31 January for a department; none for a
    /// 乡镇/街道, whose dates are set locally.
    public func dueDate(reportYear year: Int) -> CalendarDate? {
        if let due { return due.resolved(reportYear: year) }
        let level = LabelKey.of(self.level)
        if level.contains("乡") || level.contains("镇") || level.contains("街道") { return nil }
        if level.contains("政府") || level.contains("本级") { return CalendarDate(year: year + 1, month: 3, day: 31) }
        return CalendarDate(year: year + 1, month: 1, day: 31)
    }
}
