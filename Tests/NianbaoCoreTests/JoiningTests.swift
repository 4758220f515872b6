import Testing
import NianbaoCore

/// `joinedText(separator:)` is `joined(separator:)`.
@Suite struct JoiningTests {
    @Test(arguments: [[], [""], ["年报"], ["年报", "驻马店市水利局", "2020 年度"], ["", "", ""]] as [[String]])
    func sameAsJoined(parts: [String]) {
        #expect(parts.joinedText(separator: " | ") == parts.joined(separator: " | "))
        #expect(parts.joinedText(separator: "") == parts.joined())
    }
}
