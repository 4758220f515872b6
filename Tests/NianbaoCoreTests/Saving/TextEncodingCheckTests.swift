import Testing
@testable import NianbaoCore

extension SavingTests {
    @Suite struct TextEncodingCheckTests {
        /// "政府信息公开" in GBK.
        let gbk: [UInt8] = [0xD5, 0xFE, 0xB8, 0xAE, 0xD0, 0xC5, 0xCF, 0xA2, 0xB9, 0xAB, 0xBF, 0xAA]

        @Test func validUTF8IsFine() {
            #expect(TextEncodingCheck.check(Array("{\"标题\":\"政府信息公开\"}\n".utf8), path: "/r.json") == nil)
            #expect(TextEncodingCheck.check([], path: "/r.json") == nil)
        }

        @Test func gbkIsRecognisedWithOffsetAndLine() throws {
            let bytes = Array("{\n\"标题\": \"".utf8) + gbk + Array("\"\n}".utf8)
            let problem = try #require(TextEncodingCheck.check(bytes, path: "/data/r.json"))
            #expect(problem.kind == .gb18030)
            #expect(problem.byteOffset == 13)
            #expect(problem.line == 2)
            #expect(problem.byte == 0xD5)
            #expect(problem.message.contains("/data/r.json"))
            #expect(problem.message.contains("不是 UTF-8"))
            #expect(problem.message.contains("GBK/GB18030"))
            #expect(problem.message.contains("第 2 行，字节偏移 13"))
            #expect(problem.message.contains("0xD5"))

            #expect(TextEncodingCheck.check(gbk, path: "x")?.kind == .gb18030)
            #expect(TextEncodingCheck.check(gbk, path: "x")?.byteOffset == 0)
        }

        @Test func utf16IsRecognised() throws {
            let text = "{\"a\":\"政府\"}"
            let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let problem = try #require(TextEncodingCheck.check(le, path: "/r.json"))
            #expect(problem.kind == .utf16(littleEndian: true))
            #expect(problem.message.contains("UTF-16（小端）"))
            let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            #expect(TextEncodingCheck.check(be, path: "/r.json")?.kind == .utf16(littleEndian: false))
            let noBOM: [UInt8] = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            let guessed = try #require(TextEncodingCheck.check(noBOM, path: "/r.json"))
            #expect(guessed.kind == .utf16(littleEndian: true))
            #expect(guessed.byteOffset == 1)
        }

        @Test func utf8BOMIsReported() throws {
            let problem = try #require(TextEncodingCheck.check([0xEF, 0xBB, 0xBF] + Array("{}".utf8), path: "/r.json"))
            #expect(problem.kind == .utf8ByteOrderMark)
            #expect(problem.message.contains("BOM"))
        }

        @Test func otherGarbageIsInvalidUTF8() throws {
            let bytes = Array("ab\ncd".utf8) + [0xFF, 0x41]
            let problem = try #require(TextEncodingCheck.check(bytes, path: "/r.json"))
            #expect(problem.kind == .invalidUTF8)
            #expect(problem.byteOffset == 5)
            #expect(problem.line == 2)
            #expect(problem.message == "文件 /r.json 不是有效的 UTF-8 编码（第 2 行，字节偏移 5出现无效字节 0xFF）")
        }

        @Test func utf8EdgeCases() {
            #expect(TextEncodingCheck.firstInvalidUTF8([0xED, 0xA0, 0x80], from: 0) == 0)  // surrogate
            #expect(TextEncodingCheck.firstInvalidUTF8([0xC0, 0x80], from: 0) == 0)  // overlong
            #expect(TextEncodingCheck.firstInvalidUTF8([0x41, 0xE6, 0x94], from: 0) == 1)  // truncated
            #expect(TextEncodingCheck.firstInvalidUTF8(Array("𝄞政".utf8), from: 0) == nil)
        }

        /// Issue 14: UTF-32 is named as UTF-32, with or without a byte-order mark.
        @Test func utf32IsNamedAsUTF32() throws {
            let text = "{\"a\":\"政府\"}"
            let scalars = text.unicodeScalars.map(\.value)
            let le: [UInt8] = scalars.flatMap { v in (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
            let be: [UInt8] = scalars.flatMap { v in (0..<4).reversed().map { UInt8((v >> (8 * $0)) & 0xFF) } }
            let withBOM = try #require(TextEncodingCheck.check([0xFF, 0xFE, 0, 0] + le, path: "/r.json"))
            #expect(withBOM.kind == .utf32(littleEndian: true))
            #expect(withBOM.message.contains("UTF-32（小端）"))
            #expect(!withBOM.message.contains("UTF-16"))
            #expect(TextEncodingCheck.check([0, 0, 0xFE, 0xFF] + be, path: "/r.json")?.kind == .utf32(littleEndian: false))
            #expect(TextEncodingCheck.check(le, path: "/r.json")?.kind == .utf32(littleEndian: true))
            #expect(TextEncodingCheck.check(be, path: "/r.json")?.kind == .utf32(littleEndian: false))
            // UTF-16 stays UTF-16.
            let utf16: [UInt8] = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            #expect(TextEncodingCheck.check(utf16, path: "/r.json")?.kind == .utf16(littleEndian: true))
        }
    }
}
