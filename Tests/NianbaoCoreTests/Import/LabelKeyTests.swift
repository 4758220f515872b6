import Foundation
import Testing
@testable import NianbaoCore

/// The label key's NFKC (a generated table, so NianbaoCore needs no ICU) agrees with Foundation's.
@Suite struct LabelKeyTests {
    /// Foundation (ICU) may know a newer Unicode than the table: compare scalars both know.
    static func knownToTable(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return false }
        let parts = CompatibilityMapping.unicodeVersion.split(separator: ".").compactMap { Int($0) }
        return (age.major, age.minor) <= (parts[0], parts[1])
    }

    @Test func everyScalarMatchesFoundationNFKC() {
        var compared = 0
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), Self.knownToTable(scalar) else { continue }
            let text = String(scalar)
            compared += 1
            let ours = LabelKey.nfkc(text)
            let foundation = text.precomposedStringWithCompatibilityMapping
            // Compared as Swift strings, i.e. up to canonical equivalence, as LabelKey's users compare keys.
            if ours != foundation, mismatches.count < 20 {
                mismatches.append("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        #expect(compared > 140_000)
        #expect(mismatches.isEmpty, "NFKC differs from Foundation for \(mismatches)")
    }

    @Test(arguments: [
        ("１２３　ＡＢｃ", "123 ABc"),
        ("⼀、总体情况", "一、总体情况"),
        ("㈠主动公开情况", "(一)主动公开情况"),
        ("①②", "12"),
        ("（二）", "(二)"),
        ("驻马店市水利局", "驻马店市水利局"),
    ])
    func mapsWhatPublishedReportsContain(input: String, expected: String) {
        #expect(LabelKey.nfkc(input) == expected)
        #expect(LabelKey.nfkc(input) == input.precomposedStringWithCompatibilityMapping)
    }

    @Test func keysStripSpaceAndQuotesAfterNFKC() {
        #expect(LabelKey.of("１、 “本年新收” 政府信息公开申请数量") == "1.本年新收政府信息公开申请数量")
    }
}
