import Foundation
@testable import NianbaoCore

/// Access to files in `Tests/NianbaoCoreTests/Fixtures` (a copied resource directory).
enum Fixtures {
    static var directory: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// The source-tree path of a fixture, for re-recording golden files.
    static func sourcePath(_ name: String, file: String = #filePath) -> URL {
        URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    static let seedOptions = ImportOptions(year: 2020, agency: "驻马店市水利局")
}
