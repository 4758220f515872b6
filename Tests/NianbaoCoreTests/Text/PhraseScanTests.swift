import Testing
@testable import NianbaoCore

/// `PhraseScan` finds exactly the phrases a search per phrase finds.
@Suite struct PhraseScanTests {
    @Test func sameAsOneSearchPerPhrase() {
        let phrases = Interpreter.signals + ["本年", "年", "1.", "数量", "ab", "b"]
        let scan = PhraseScan(phrases)
        var g = SampleReports.Generator(seed: 11)
        // Texts of pieces of the phrases, the form's labels and stray characters, so phrases
        // overlap, repeat, stand at either end and are cut short.
        let labels = FormDefinition.v2019.tables.flatMap(\.allRows).map(\.label) + FormDefinition.v2021.tables.flatMap(\.allRows).map(\.label)
        let parts = phrases + labels + ["", "a", "b", "，", "信息", "(九)", "/", "项"]
        var checked = 0
        var nonEmpty = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...6, using: &g) {
                var part = parts.randomElement(using: &g)!
                if Bool.random(using: &g), !part.isEmpty { part = String(part.prefix(Int.random(in: 0...part.count, using: &g))) }
                text += part
            }
            let expected = phrases.indices.filter { text.bytesContain(phrases[$0]) }
            #expect(scan.found(in: text) == expected, "\(text)")
            checked += 1
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(checked == 3_000 && nonEmpty > 1_000)
    }
}
