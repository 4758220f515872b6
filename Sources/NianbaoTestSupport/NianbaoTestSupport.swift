import Foundation

/// Helpers shared by the test targets.
public enum NianbaoTestSupport {}

/// Text-file snapshots stored beside the tests, re-recorded with `NIANBAO_RECORD_SNAPSHOTS=1`.
public enum Snapshot {
    /// Compares `text` with the stored snapshot `name`; returns a failure description, or nil when it matches.
    ///
    /// A missing snapshot is recorded and reported as a failure, so a new snapshot is always looked at once.
    public static func check(_ text: String, named name: String, testFile: String = #filePath) -> String? {
        let directory = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__", isDirectory: true)
        let url = directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["NIANBAO_RECORD_SNAPSHOTS"] == "1"
        let existing = try? String(contentsOf: url, encoding: .utf8)
        if record || existing == nil {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            } catch {
                return "could not record snapshot \(url.path): \(error)"
            }
            return existing == nil ? "snapshot \(name) was missing; recorded it at \(url.path)" : nil
        }
        guard let existing, existing != text else { return nil }
        return "snapshot \(name) differs:\n" + diff(expected: existing, actual: text)
    }

    /// A line diff of the first differing lines.
    public static func diff(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? String(e[i]) : "<none>"
            let r = i < a.count ? String(a[i]) : "<none>"
            if l != r { out.append("line \(i + 1):\n- \(l)\n+ \(r)") }
            if out.count >= 8 { break }
        }
        return out.joined(separator: "\n")
    }
}
