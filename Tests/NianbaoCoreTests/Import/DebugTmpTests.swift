import Testing
import Foundation
import NianbaoTestSupport
@testable import NianbaoCore

@Suite struct DebugTmpTests {
    @Test func dump() throws {
        let env = ProcessInfo.processInfo.environment
        let shape = PublishedShape(rawValue: env["DBG_SHAPE"] ?? "runTogether")!
        let seed = UInt64(env["DBG_SEED"] ?? "1")!
        let form: FormVersion = seed % 2 == 0 ? .v2019 : .v2021
        let report = PublishedShapes.report(seed: seed, form: form)
        let text = PublishedShapes.render(report, as: shape, seed: seed)
        print(text)
        do {
            let r = try ReportImporter.import(text: text, options: ImportOptions(partial: true))
            for p in r.problems { print(p) }
            for c in report.definition.cells where r.report.cells[c.index] != report.cells[c.index] {
                print("DIFF \(c.ref): want \(report.cells[c.index]) got \(r.report.cells[c.index])")
            }
        } catch { print("ERROR \(error)") }
    }
}
