// TEMPORARY: stands in for `ReportFile` (canonical JSON), which another branch provides.
// Delete this file when merging that branch.
import NianbaoCore

enum ReportFile {
    static func encode(_ report: Report) -> [UInt8] {
        fatalError("ReportFile.encode 尚未合并（临时占位）")
    }

    static func decode(_ bytes: [UInt8], path: String) throws -> Report {
        fatalError("ReportFile.decode 尚未合并（临时占位）")
    }
}
