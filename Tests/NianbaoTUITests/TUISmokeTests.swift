import Testing
@testable import NianbaoTUI

@Suite struct TUISmokeTests {
    @Test func moduleLoads() { _ = NianbaoTUI.self }
}
