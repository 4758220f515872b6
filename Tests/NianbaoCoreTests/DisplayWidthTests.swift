import Testing
@testable import NianbaoCore

@Suite struct DisplayWidthTests {
    @Test func cjkIsTwoCellsAsciiIsOne() {
        #expect(DisplayWidth.of("部门：财政局 预算") == 17)
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("０１２") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("“三安全一稳定”") == 14)  // curly quotes are ambiguous-width: narrow
    }
}
