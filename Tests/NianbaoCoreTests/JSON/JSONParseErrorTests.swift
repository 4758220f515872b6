import Testing
@testable import NianbaoCore

@Suite struct JSONParseErrorTests {
    @Test func missingCommaOnLine3() throws {
        let text = "{\n  \"a\": [1, 2],\n  \"名称\": [3 4]\n}\n"
        let error = try #require(JSONTestHelpers.parseError(text))
        #expect(error.kind == .unexpectedCharacter)
        #expect(error.line == 3)
        #expect(error.column == 12)  // columns count Unicode scalars: 名 and 称 are one each
        #expect(error.path == "/名称")
        #expect(error.message == "此处应为 “,” 或 “]”，实际为 “4”")
        #expect(error.description == "第 3 行第 12 列：此处应为 “,” 或 “]”，实际为 “4”（JSON 路径：/名称）")
    }

    @Test func wrongClosingBracketInObject() throws {
        let error = try #require(JSONTestHelpers.parseError("{\n\n  \"k\": 1    ]"))
        #expect(error.line == 3 && error.column == 13)
        #expect(error.description.hasPrefix("第 3 行第 13 列：此处应为 “,” 或 “}”，实际为 “]”"))
    }

    @Test func duplicateKeyNamesKeyAndBothPositions() throws {
        let text = "{\n  \"x\": 1,\n  \"y\": 2,\n    \"x\": 3\n}"
        let error = try #require(JSONTestHelpers.parseError(text))
        #expect(error.kind == .duplicateKey)
        #expect(error.line == 4 && error.column == 5)
        #expect(error.message.contains("“x”"))
        #expect(error.message.contains("第 2 行第 3 列"))
        #expect(error.message.contains("第 4 行第 5 列"))
    }

    @Test func duplicateKeyInLargeObjectUsesIndex() throws {
        var text = "{"
        for n in 0..<40 { text += "\"k\(n)\": \(n), " }
        text += "\"k7\": 0}"
        let error = try #require(JSONTestHelpers.parseError(text))
        #expect(error.kind == .duplicateKey)
        #expect(error.message.contains("“k7”"))
        // Canonically equivalent but byte-different keys are distinct (no normalization).
        var distinct = "{"
        for n in 0..<40 { distinct += "\"k\(n)\": \(n), " }
        distinct += "\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}"
        let value = try JSONParser().parse(distinct)
        #expect(value.objectValue?.count == 42)
        #expect(value.objectValue?["cafe\u{301}"] == 2)
        // Many canonically equivalent but byte-different keys stay linear and distinct.
        var variants = "{"
        for n in 0..<3000 {
            let marks = n % 2 == 0 ? "\u{301}\u{316}" : "\u{316}\u{301}"
            variants += "\"e\(marks)\(n / 2)\": 1,"
        }
        variants += "\"e\u{301}\u{316}0\": 2}"
        #expect(JSONTestHelpers.parseError(variants)?.kind == .duplicateKey)
    }

    @Test func trailingCommas() throws {
        let array = try #require(JSONTestHelpers.parseError("[1, 2,]"))
        #expect(array.kind == .trailingComma && array.line == 1 && array.column == 6)
        let object = try #require(JSONTestHelpers.parseError("{\n  \"a\": 1,\n}"))
        #expect(object.kind == .trailingComma && object.line == 2 && object.column == 9)
        #expect(object.message.contains("逗号"))
    }

    @Test func nestingLimit() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser().parse(ok) }
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = try #require(JSONTestHelpers.parseError(deep))
        #expect(error.kind == .nestingTooDeep)
        #expect(error.line == 1 && error.column == 65)
        #expect(error.message.contains("64"))
        // Very deep input never recurses past the limit.
        let huge = String(repeating: "{\"a\":[", count: 100_000)
        #expect(JSONTestHelpers.parseError(huge)?.kind == .nestingTooDeep)
    }

    @Test func inputSizeLimit() throws {
        var bytes = [UInt8](repeating: 0x20, count: 17 * 1024 * 1024)
        bytes[0] = UInt8(ascii: "1")
        let error = try #require(JSONTestHelpers.parseError(bytes))
        #expect(error.kind == .inputTooLarge)
        #expect(error.message.contains("17825792"))
        #expect(error.message.contains("16777216"))
        #expect(error.line == 1 && error.column == 1)
    }

    @Test func gbkBytesAreReportedAsNotUTF8() throws {
        let bytes = Array("{\"name\": \"".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array("\"}".utf8)
        let error = try #require(JSONTestHelpers.parseError(bytes))
        #expect(error.kind == .invalidUTF8)
        #expect(error.offset == 10)
        #expect(error.line == 1 && error.column == 11)
        #expect(error.message.contains("GBK"))
        #expect(error.message.contains("UTF-8"))
        #expect(error.message.contains("0xD6"))
        #expect(error.message.contains("10"))
    }

    @Test func otherRejections() throws {
        let cases: [(String, JSONParseError.Kind, Int, Int)] = [
            ("", .emptyInput, 1, 1),
            ("  \n ", .unexpectedEnd, 2, 2),
            ("\u{FEFF}{}", .byteOrderMark, 1, 1),
            ("[NaN]", .nonFiniteNumber, 1, 2),
            ("[-Infinity]", .nonFiniteNumber, 1, 2),
            ("{} // 注释", .comment, 1, 4),
            ("[1, /* x */ 2]", .comment, 1, 5),
            ("[01]", .leadingZero, 1, 2),
            ("[-]", .invalidNumber, 1, 3),
            ("[1.]", .invalidNumber, 1, 4),
            ("[1e]", .invalidNumber, 1, 4),
            ("[\"\\uD800\"]", .invalidSurrogate, 1, 3),
            ("[\"\\uDC00\\uD800\"]", .invalidSurrogate, 1, 3),
            ("[\"\\uD800\\u0041\"]", .invalidSurrogate, 1, 3),
            ("[\"a\tb\"]", .controlCharacterInString, 1, 4),
            ("[\"a\\x\"]", .invalidEscape, 1, 4),
            ("[\"abc", .unterminatedString, 1, 6),
            ("{} x", .trailingContent, 1, 4),
            ("[1] [2]", .trailingContent, 1, 5),
            ("[tru]", .unexpectedCharacter, 1, 2),
            ("{'a': 1}", .unexpectedCharacter, 1, 2),
            ("{\"a\" 1}", .unexpectedCharacter, 1, 6),
            ("[1e999]", .numberOutOfRange, 1, 2),
            ("[1,", .unexpectedEnd, 1, 4),
        ]
        for (text, kind, line, column) in cases {
            let error = JSONTestHelpers.parseError(text)
            #expect(error?.kind == kind, "\(text.debugDescription): \(error?.description ?? "accepted")")
            #expect(error?.line == line && error?.column == column, "\(text.debugDescription): \(error?.description ?? "accepted")")
        }
        let long = "[" + String(repeating: "1", count: 101) + "]"
        let error = try #require(JSONTestHelpers.parseError(long))
        #expect(error.kind == .numberTooLong)
        #expect(error.message.contains("101") && error.message.contains("100"))
        #expect(throws: Never.self) { try JSONParser().parse("[" + String(repeating: "1", count: 100) + "]") }
    }

    @Test func garbageNeverCrashes() {
        var rng = SplitMix64(seed: 0xBADC0DE)
        let alphabet = Array("{}[]\",:0123456789-+.eE \n\\u tfnrlsa\u{7f}".utf8) + [0xD6, 0xE4, 0xB8, 0xAD, 0xED, 0xA0, 0x80]
        var rejected = 0
        for _ in 0..<3000 {
            let length = Int(rng.next() % 40)
            let bytes = (0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
            if JSONTestHelpers.parseError(bytes) != nil { rejected += 1 }
        }
        #expect(rejected > 0)
    }
}
