import NianbaoCore
import NianbaoTUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place where `edit`/`view` get their document store and recovery hook.
///
/// TODO(integration): return the real JSON store (canonical JSON, atomic save, file identity)
/// and the recovery/lock implementation here. Until then, loading an existing file and saving
/// are refused with a clear message, except for the debug-only hooks the end-to-end tests use.
enum EditorWiring {
    static func documentStore(path: String) -> any DocumentStore {
        PendingFileStore(path: path)
    }

    static func recoveryHook(path: String) -> (any RecoveryHook)? { nil }

    static func fileExists(_ path: String) -> Bool {
        #if DEBUG
        if getenv("NIANBAO_DEBUG_FIXTURE") != nil { return true }
        #endif
        return access(path, F_OK) == 0
    }
}

/// Placeholder store until the JSON store is wired in.
struct PendingFileStore: DocumentStore {
    let path: String

    var displayName: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    func load() throws -> Report {
        #if DEBUG
        if let name = getenv("NIANBAO_DEBUG_FIXTURE").map({ String(cString: $0) }),
           let report = DebugFixtures.report(named: name) {
            return report
        }
        #endif
        throw SaveFailure.failed("读取 JSON 文件的功能尚未接入此分支：\(path)")
    }

    func save(_ report: Report) throws -> SaveOutcome {
        #if DEBUG
        if let dump = getenv("NIANBAO_DEBUG_SAVE_DUMP").map({ String(cString: $0) }) {
            try DebugFixtures.writeDump(report, to: dump)
            return SaveOutcome(displayName: displayName)
        }
        #endif
        throw SaveFailure.failed("保存 JSON 文件的功能尚未接入此分支。")
    }

    func changedOnDisk() -> Bool { false }
}

#if DEBUG
/// Debug-only reports and a plain-text dump for the end-to-end tests (not a file format).
enum DebugFixtures {
    static func report(named name: String) -> Report? {
        switch name {
        case "broken-total":
            var r = Report(agency: "测试市财政局", year: 2021, form: .v2021)
            r.texts = [.s1: "总体情况。", .s5: "无。", .s6: "无"]
            for (i, c) in r.definition.cells.enumerated() where !c.isComputed { r.cells[i] = .count(0) }
            r["t3.r1.np"] = .count(5)
            r["t3.r3_1.np"] = .count(3)
            r.fillComputed()
            r["t3.r1.total"] = .count(9)  // stale total: the parts add up to 5
            return r
        case "escape-agency":
            return Report(agency: "恶意\u{1B}[2J\u{1B}]0;pwned\u{07}机关", year: 2021, form: .v2021)
        case "blank-2021":
            return Report(agency: "测试市水利局", year: 2021, form: .v2021)
        default:
            return nil
        }
    }

    static func writeDump(_ report: Report, to path: String) throws {
        var out = "agency=\(TerminalSafe.sanitize(report.agency))\nyear=\(report.year)\n"
        for s in Report.textSections { out += "text.\(s.rawValue)=\(TerminalSafe.sanitize(report.text(s)))\n" }
        for (i, c) in report.definition.cells.enumerated() where !report.cells[i].isEmpty {
            out += "\(c.ref)=\(report.cells[i])\n"
        }
        guard let f = fopen(path, "w") else { throw SaveFailure.failed("无法写入 \(path)") }
        fputs(out, f)
        fclose(f)
    }
}
#endif
