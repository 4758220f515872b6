import Testing
@testable import NianbaoCore

@Suite struct JSONRoundTripTests {
    private static let characters: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}",
        "\u{7F}", "\u{80}", "\u{9F}", "é", "\u{301}", "年", "报", "预", "算", "\u{3000}", "\u{2028}", "\u{FEFF}",
        "\u{FB33}", "\u{E000}", "\u{FFFF}", "\u{1F602}", "\u{10FFFF}", "~",
    ]

    private static func randomString(_ rng: inout SplitMix64) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<Int(rng.next() % 8) {
            s.append(characters[Int(rng.next() % UInt64(characters.count))])
        }
        return String(s)
    }

    private static func randomNumber(_ rng: inout SplitMix64) -> JSONNumber {
        switch rng.next() % 4 {
        case 0:
            return JSONNumber(Int64(bitPattern: rng.next()) % (1 << 53))
        case 1:
            return JSONNumber(Int64(rng.next() % 2000) - 1000)
        default:
            while true {
                if let n = JSONNumber(Double(bitPattern: rng.next())) { return n }
            }
        }
    }

    private static func randomValue(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
        let choice = rng.next() % (depth >= 4 ? 4 : 6)
        switch choice {
        case 0: return rng.next() % 3 == 0 ? .null : .bool(rng.next() % 2 == 0)
        case 1: return .number(randomNumber(&rng))
        case 2, 3: return .string(randomString(&rng))
        case 4:
            return .array((0..<Int(rng.next() % 5)).map { _ in randomValue(&rng, depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int(rng.next() % 6) {
                object[randomString(&rng)] = randomValue(&rng, depth: depth + 1)
            }
            return .object(object)
        }
    }

    @Test func parsePCFRoundTripsAndMatchesJCS() throws {
        var rng = SplitMix64(seed: 20_240_601)
        var checked = 0
        for _ in 0..<400 {
            let value = Self.randomValue(&rng, depth: 0)
            let pcf = PrettyCanonicalWriter.bytes(value)
            let reparsed = try JSONParser().parse(pcf)
            #expect(reparsed == value)
            #expect(PrettyCanonicalWriter.bytes(reparsed) == pcf)
            #expect(JSONTestHelpers.stripInsignificantWhitespace(pcf) == JCSWriter.bytes(value))
            #expect(try JSONParser().parse(JCSWriter.bytes(value)) == value)
            #expect(ContentDigest.sha256(reparsed) == ContentDigest.sha256(value))
            checked += 1
        }
        #expect(checked == 400)
    }

    @Test func equalityIgnoresMemberOrderButNotKeyBytes() {
        let a: JSONValue = ["x": 1, "y": [true, nil]]
        let b: JSONValue = ["y": [true, nil], "x": 1]
        #expect(a == b)
        let nfc: JSONValue = ["caf\u{E9}": 1]
        let nfd: JSONValue = ["cafe\u{301}": 1]
        #expect(nfc != nfd)
    }
}
