import Foundation
import Testing

/// Locates `/work/shared/testdata` (or wherever `../shared/testdata` is relative to the repo root).
enum SharedTestData {
    /// The repo root: the nearest ancestor of this file that contains `Package.swift`.
    static let repoRoot: URL? = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" && !dir.path.isEmpty {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return dir
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// The test data folder: the copy vendored in `Tests/TestData`, else `../shared/testdata` beside the repo.
    static let root: URL? = {
        guard let repoRoot else { return nil }
        let candidates = [
            repoRoot.appendingPathComponent("Tests/TestData"),
            repoRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata").standardizedFileURL,
        ]
        for url in candidates {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return url
            }
        }
        return nil
    }()

    /// The folder `relative` under the shared test data; records an Issue (so the test fails) if it is missing.
    static func directory(_ relative: String, sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        guard let root else {
            Issue.record("共享测试数据目录缺失：应在仓库根目录旁的 ../shared/testdata（仓库根：\(repoRoot?.path ?? "未找到")）", sourceLocation: sourceLocation)
            return nil
        }
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("共享测试数据缺失：\(url.path)", sourceLocation: sourceLocation)
            return nil
        }
        return url
    }

    /// Sorted file names in a folder.
    static func files(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// The bytes of a file.
    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
