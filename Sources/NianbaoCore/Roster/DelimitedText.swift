/// A reader for CSV (RFC 4180) and TSV text: records of fields, with the line each record starts on.
///
/// CSV: fields separated by commas, optionally quoted with `"`, a quote inside a quoted field
/// written twice, line breaks inside quotes kept. TSV: fields separated by tabs, no quoting.
/// Records end with LF or CRLF; a UTF-8 byte order mark is dropped; blank lines are skipped.
/// A stray quote in an unquoted CSV field, or a quote left open, is an error with its line.
public enum DelimitedText {
    /// Field separator.
    public enum Dialect: Sendable, Equatable {
        case csv, tsv

        /// TSV when the first line has a tab and no comma outside quotes, else CSV.
        public static func guess(_ text: String) -> Dialect {
            let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
            return firstLine.contains("\t") && !firstLine.contains(",") ? .tsv : .csv
        }
    }

    /// One record and the 1-based line it starts on.
    public struct Record: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
    }

    /// A malformed input, with where.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "第 \(line) 行：\(message)" }
    }

    /// The records of `text`.
    public static func parse(_ text: String, dialect: Dialect) throws(ParseError) -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let separator: Unicode.Scalar = dialect == .csv ? "," : "\t"
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var i = 0
        var quoted = false       // inside a quoted field
        var wasQuoted = false    // the current field was quoted (only a separator or line end may follow)
        var fieldStarted = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            wasQuoted = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        while i < scalars.count {
            let c = scalars[i]
            i += 1
            if quoted {
                if c == "\"" {
                    if i < scalars.count, scalars[i] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                        wasQuoted = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case separator:
                endField()
                fieldStarted = true
            case "\r" where i < scalars.count && scalars[i] == "\n":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"" where dialect == .csv:
                guard !wasQuoted, field.isEmpty else {
                    throw ParseError(line: line, message: "引号位置不对：含引号的字段应整个用引号括起，字段内的引号写成两个（\"\"）。")
                }
                quoted = true
                fieldStarted = true
            default:
                if wasQuoted {
                    throw ParseError(line: line, message: "引号后面应是分隔符或换行，却是“\(Character(c))”。")
                }
                field.append(c)
                fieldStarted = true
            }
        }
        if quoted { throw ParseError(line: recordLine, message: "引号没有闭合（从这一行开始的字段一直到文件末尾）。") }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
