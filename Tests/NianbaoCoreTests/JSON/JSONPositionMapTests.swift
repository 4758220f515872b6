import Testing
@testable import NianbaoCore

@Suite struct JSONPositionMapTests {
    @Test func positionsOfValuesAndKeys() throws {
        let text = """
        {
          "tables": {
            "t3": {"r1": {"np": 12, "名": "值"}},
            "a/b~c": [true, null]
          }
        }
        """
        let (value, positions) = try JSONParser().parseWithPositions(Array(text.utf8))
        #expect(value.objectValue?["tables"]?.objectValue?.keys == ["t3", "a/b~c"])
        #expect(positions[""] == SourcePosition(line: 1, column: 1, offset: 0))
        #expect(positions["/tables"]?.line == 2 && positions["/tables"]?.column == 13)
        #expect(positions.keyPosition("/tables")?.column == 3)
        #expect(positions["/tables/t3/r1/np"]?.line == 3 && positions["/tables/t3/r1/np"]?.column == 25)
        #expect(positions.keyPosition("/tables/t3/r1/np")?.column == 19)
        #expect(positions["/tables/t3/r1/名"]?.column == 34)
        #expect(positions["/tables/a~1b~0c/1"]?.line == 4 && positions["/tables/a~1b~0c/1"]?.column == 21)
        #expect(JSONPositionMap.pointer(["tables", "a/b~c", "1"]) == "/tables/a~1b~0c/1")
        #expect(positions.values.count == 9)
    }
}
