import Foundation
import Testing
@testable import NianbaoCore

@Suite struct JCSVectorTests {
    @Test func inputsCanonicalizeToExpectedOutputs() throws {
        guard let dir = SharedTestData.directory("jcs") else { return }
        let names = try SharedTestData.files(in: dir.appendingPathComponent("input")).filter { $0.hasSuffix(".json") }
        #expect(names.count == 6)
        for name in names {
            let input = try SharedTestData.bytes(dir.appendingPathComponent("input/\(name)"))
            let expected = try SharedTestData.bytes(dir.appendingPathComponent("output/\(name)"))
            let value = try JSONParser().parse(input)
            let actual = JCSWriter.bytes(value)
            #expect(actual == expected, "\(name): \(String(decoding: actual, as: UTF8.self))")
            // PCF stripped of insignificant whitespace is the same JCS text.
            #expect(JSONTestHelpers.stripInsignificantWhitespace(PrettyCanonicalWriter.bytes(value)) == expected, "\(name)")
            // The hex dumps agree with the output files.
            let hexText = try String(contentsOf: dir.appendingPathComponent("outhex/\(name.dropLast(5)).txt"), encoding: .utf8)
            let hexBytes = hexText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }).compactMap { UInt8($0, radix: 16) }
            #expect(hexBytes == expected, "\(name) outhex")
        }
    }

    @Test func es6NumberFileMatchesEveryLine() throws {
        guard let dir = SharedTestData.directory("jcs/numbers/es6testfile100m-first10000.txt") else { return }
        let text = try String(contentsOf: dir, encoding: .utf8)
        var checked = 0
        var failures = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let comma = line.firstIndex(of: ","), let bits = UInt64(line[..<comma], radix: 16) else {
                Issue.record("bad line: \(line)")
                continue
            }
            let expected = String(line[line.index(after: comma)...])
            let value = Double(bitPattern: bits)
            let actual = ES6NumberFormat.string(value)
            if actual != expected {
                failures += 1
                if failures <= 10 { Issue.record("\(line): got \(actual ?? "nil")") }
            }
            // Also through the value model: a JSONNumber from the double writes the same text.
            if let number = JSONNumber(value), JCSWriter.string(.number(number)) != expected {
                failures += 1
                if failures <= 10 { Issue.record("JSONNumber \(line)") }
            }
            checked += 1
        }
        #expect(checked == 10_000)
        #expect(failures == 0)
    }

    @Test func rfcAppendixBSamplesAndSpecials() {
        #expect(ES6NumberFormat.string(-0.0) == "0")
        #expect(ES6NumberFormat.string(.nan) == nil)
        #expect(ES6NumberFormat.string(.infinity) == nil)
        #expect(ES6NumberFormat.string(1e21) == "1e+21")
        #expect(ES6NumberFormat.string(1e20) == "100000000000000000000")
        #expect(ES6NumberFormat.string(0.000001) == "0.000001")
        #expect(ES6NumberFormat.string(1e-7) == "1e-7")
        #expect(ES6NumberFormat.string(.leastNonzeroMagnitude) == "5e-324")
        #expect(ES6NumberFormat.string(-1.7976931348623157e308) == "-1.7976931348623157e+308")
        #expect(ES6NumberFormat.string(333333333.3333333) == "333333333.3333333")
        #expect(JSONNumber(.nan) == nil)
        #expect(JSONNumber(text: "1e400") == nil)
        #expect(JSONNumber(text: "01") == nil)
        #expect(JSONNumber(text: "nan") == nil)
        #expect(JSONNumber(text: "0x10") == nil)
        #expect(JSONNumber(text: "-1.5E+3")?.canonicalText == "-1500")
        #expect(JSONNumber(text: "9007199254740993")?.canonicalText == "9007199254740992")
        #expect(JSONNumber(text: "-0")?.canonicalText == "0")
        #expect(JSONNumber(text: "12")?.int64 == 12)
        #expect(JSONNumber(text: "12.0")?.int64 == nil)
        #expect(JSONNumber(text: "99999999999999999999")?.int64 == nil)
    }

    @Test func contentDigestIsSHA256OfJCS() throws {
        let value = try JSONParser().parse("{\"b\": [1, 2.50], \"a\": \"年报\"}")
        #expect(JCSWriter.string(value) == "{\"a\":\"年报\",\"b\":[1,2.5]}")
        // sha256 of the JCS bytes above, computed independently with sha256sum.
        #expect(ContentDigest.sha256(value) == JSONTestHelpers.expectedDigestOfSample)
        #expect(ContentDigest.sha256(.object(JSONObject())).hasPrefix("sha256:"))
        #expect(ContentDigest.sha256(.object(JSONObject())).count == 7 + 64)
    }
}
