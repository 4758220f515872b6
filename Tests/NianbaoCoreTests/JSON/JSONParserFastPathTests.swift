import Testing
@testable import NianbaoCore

/// The parser's shortcuts give what the general paths give.
@Suite struct JSONParserFastPathTests {
    @Test(arguments: ["0", "-0", "7", "-7", "2021", "123456789012345", "-999999999999999", "1234567890123456",
                      "9007199254740993", "-9223372036854775808", "12345678901234567890", "1.5", "1e3", "-0.0"])
    func numbersMatchTheGeneralConversion(literal: String) throws {
        let value = try JSONParser().parse(Array("[\(literal)]".utf8))
        guard case .array(let items) = value, case .number(let n) = items.first else {
            Issue.record("not a number array")
            return
        }
        let expected = try #require(JSONNumber(text: literal))
        #expect(n.double.bitPattern == expected.double.bitPattern, "\(literal)")
        #expect(n.int64 == expected.int64, "\(literal)")
        #expect(n.text == literal)
    }

    @Test func byteOrderMatchesUTF8Order() {
        let keys = ["", "a", "ab", "b", "t3", "t3_1", "r3_7", "r3_10", "é", "e\u{301}", "中", "z", "\u{10000}", "\u{FFFF}"]
        for a in keys {
            for b in keys {
                #expect(JSONParserCore.bytesPrecede(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) \(b)")
            }
        }
    }

    @Test func duplicateKeysAreFoundInAndOutOfOrder() {
        for text in [#"{"a":1,"b":2,"a":3}"#, #"{"b":1,"a":2,"b":3}"#, #"{"a":1,"a":2}"#,
                     "{" + (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k3\":0}"] {
            #expect(throws: JSONParseError.self, "\(text)") { try JSONParser().parse(Array(text.utf8)) }
        }
        #expect(throws: Never.self) { try JSONParser().parse(Array(#"{"e\u0301":1,"é":2}"#.utf8)) }
    }
}
