import Testing
@testable import NianbaoCore

/// `TerminalSafe.isSafe` reads UTF-8 bytes; it must agree with the scalar rule on every scalar.
@Suite struct TerminalSafeBytesTests {
    @Test func agreesWithTheScalarRuleOnEveryBMPScalarAndSomeAstralOnes() {
        var values = Array(0x0...0xFFFF)
        values += [0x10000, 0x1F600, 0x1F1E8, 0x20000, 0xE0001, 0xE0100, 0x10FFFF]
        for v in values {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let alone = String(scalar)
            #expect(TerminalSafe.isSafe(alone) == !TerminalSafe.isUnsafe(scalar), "U+\(String(v, radix: 16))")
            // Inside CJK text and at the end, after a lead byte that is often harmless (“ is E2 80 9C).
            let embedded = "甲“" + alone + "”乙"
            #expect(TerminalSafe.isSafe(embedded) == !TerminalSafe.isUnsafe(scalar), "U+\(String(v, radix: 16)) embedded")
        }
        #expect(TerminalSafe.isSafe(""))
        #expect(TerminalSafe.isSafe("某县水利局“均已办结”…"[...]))
        #expect(!TerminalSafe.isSafe("恶意\u{1B}[2J"))
    }
}
