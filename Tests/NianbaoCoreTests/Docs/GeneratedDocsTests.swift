import Foundation
import Testing
@testable import NianbaoCore

/// The committed docs that are generated from the form declarations must match them.
///
/// Re-generate with `NIANBAO_RECORD_SNAPSHOTS=1 swift test --filter GeneratedDocs`.
@Suite struct GeneratedDocsTests {
    static let beginMarker = "<!-- BEGIN GENERATED: FormDocumentation.idTables() -->"
    static let endMarker = "<!-- END GENERATED -->"

    var recording: Bool { ProcessInfo.processInfo.environment["NIANBAO_RECORD_SNAPSHOTS"] == "1" }

    func docsURL(_ name: String) throws -> URL {
        try #require(SharedTestData.repoRoot).appendingPathComponent("docs/\(name)")
    }

    @Test func fileFormatDocListsEveryIdBesideItsLabel() throws {
        let url = try docsURL("file-format.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let begin = try #require(text.range(of: Self.beginMarker), "marker missing in docs/file-format.md")
        let end = try #require(text.range(of: Self.endMarker, range: begin.upperBound..<text.endIndex))
        let generated = "\n" + FormDocumentation.idTables() + "\n"
        let committed = String(text[begin.upperBound..<end.lowerBound])
        if recording, committed != generated {
            try (String(text[..<begin.upperBound]) + generated + String(text[end.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
            Issue.record("re-recorded docs/file-format.md")
            return
        }
        #expect(committed == generated, "docs/file-format.md is out of date: NIANBAO_RECORD_SNAPSHOTS=1 swift test --filter GeneratedDocs")
        for form in FormVersion.allCases {
            for cell in form.definition.cells {
                #expect(committed.contains("`\(cell.ref.row)`") && committed.contains("`\(cell.ref.column)`"))
            }
        }
    }

    @Test func schemaFileIsTheGeneratedSchema() throws {
        let url = try docsURL("report.schema.json")
        let generated = ReportSchema.json()
        let bytes = PrettyCanonicalWriter.bytes(generated)
        if recording, (try? Data(contentsOf: url)) != Data(bytes) {
            try Data(bytes).write(to: url)
            Issue.record("re-recorded docs/report.schema.json")
            return
        }
        #expect(try Data(contentsOf: url) == Data(bytes), "docs/report.schema.json is out of date: NIANBAO_RECORD_SNAPSHOTS=1 swift test --filter GeneratedDocs")
    }

    /// Every row and column the form declares appears in the schema's table definitions, and nothing else.
    @Test func schemaCoversEveryCell() throws {
        let schema = ReportSchema.json()
        for form in FormVersion.allCases {
            guard case .object(let defs)? = schema.objectValue?["$defs"],
                  case .object(let tables)? = defs["tables_\(form.rawValue)"],
                  case .object(let props)? = tables["properties"] else {
                Issue.record("schema shape")
                return
            }
            var seen = 0
            for table in form.definition.tables {
                let rows = props[table.id.rawValue]?.objectValue?["properties"]?.objectValue
                for row in table.allRows {
                    let cols = rows?[row.id]?.objectValue?["properties"]?.objectValue
                    seen += cols?.count ?? 0
                }
            }
            #expect(seen == form.definition.cells.count)
        }
    }

    /// When python3 with `jsonschema` is present, the fixture validates against the committed schema.
    @Test func fixtureValidatesAgainstSchemaWithAnIndependentValidator() throws {
        let root = try #require(SharedTestData.repoRoot)
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("SKIP"); sys.exit(0)
            schema = json.load(open(sys.argv[1]))
            for path in sys.argv[2:]:
                jsonschema.validate(json.load(open(path)), schema, cls=jsonschema.Draft202012Validator)
            print("OK")
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, root.appendingPathComponent("docs/report.schema.json").path,
                             root.appendingPathComponent("Tests/NianbaoCoreTests/Fixtures/seed-zhumadian-2020.json").path,
                             root.appendingPathComponent("Tests/NianbaoCoreTests/Fixtures/v2-reviewed-2023.json").path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return }  // no python3: nothing to compare with
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if output.hasPrefix("SKIP") { return }
        #expect(process.terminationStatus == 0 && output.hasPrefix("OK"), "\(output)")
    }
}
