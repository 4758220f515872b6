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

    @Test func keysSortByUTF16CodeUnits() {
        let value: JSONValue = ["\u{FB33}": 1, "\u{1F602}": 2, "a": 3, "": 4]
        #expect(JCSWriter.string(value) == "{\"\":4,\"a\":3,\"\u{1F602}\":2,\"\u{FB33}\":1}")
    }
}
