import Testing
@testable import NianbaoCore

@Suite struct PrettyCanonicalWriterTests {
    @Test func goldenBytes() throws {
        let source = #"{"名称":"预算\"报告\"\n","empty_obj":{},"empty_arr":[],"list":[1,-2.50,true,null,{"b":"x\/y\u007f","a":"\t\u0001\\"}],"Zeta":1E21,"big":100000000000000000000}"#
        let value = try JSONParser().parse(source)
        let expected = """
        {
          "Zeta": 1e+21,
          "big": 100000000000000000000,
          "empty_arr": [],
          "empty_obj": {},
          "list": [
            1,
            -2.5,
            true,
            null,
            {
              "a": "\\t\\u0001\\\\",
              "b": "x/y\u{7f}"
            }
          ],
          "名称": "预算\\"报告\\"\\n"
        }

        """
        #expect(PrettyCanonicalWriter.string(value) == expected)
        #expect(PrettyCanonicalWriter.bytes(value) == Array(expected.utf8))
        #expect(PrettyCanonicalWriter.string(.array([])) == "[]\n")
        #expect(PrettyCanonicalWriter.string("x") == "\"x\"\n")
        #expect(JCSWriter.string(value) == #"{"Zeta":1e+21,"big":100000000000000000000,"empty_arr":[],"empty_obj":{},"list":[1,-2.5,true,null,{"a":"\t\u0001\\","b":"x/y"# + "\u{7f}" + #""}],"名称":"预算\"报告\"\n"}"#)
    }

    @Test func fastKeyOrderAgreesWithUTF16Order() {
        let pool: [Unicode.Scalar] = ["a", "b", "\u{7F}", "\u{80}", "é", "\u{D7FF}", "\u{E000}", "\u{FB33}", "\u{FFFF}",
                                      "\u{10000}", "\u{1F602}", "\u{10FFFF}", "年"]
        var rng = SplitMix64(seed: 7)
        func random() -> String {
            var s = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 4) { s.append(pool[Int(rng.next() % UInt64(pool.count))]) }
            return String(s)
        }
        for _ in 0..<5000 {
            let a = random()
            let b = random()
            #expect(JSONTokenWriting.keyPrecedes(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16), "\(a.debugDescription) \(b.debugDescription)")
        }
    }

    @Test func keysSortByUTF16CodeUnits() {
        let value: JSONValue = ["\u{FB33}": 1, "\u{1F602}": 2, "a": 3, "": 4]
        #expect(JCSWriter.string(value) == "{\"\":4,\"a\":3,\"\u{1F602}\":2,\"\u{FB33}\":1}")
    }
}
