import Testing
@testable import NianbaoCore

/// The boilerplate's open-addressing set answers exactly as `Set<UInt64>` does.
@Suite struct ShingleSetTests {
    @Test func agreesWithSetOnRandomAndEdgeKeys() {
        var g = SampleReports.Generator(seed: 7)
        for size in [0, 1, 5, 100, 3_000] {
            var keys: Set<UInt64> = size > 0 ? [0, .max] : []
            while keys.count < size { keys.insert(UInt64.random(in: 0...UInt64.max, using: &g)) }
            let set = ShingleSet(keys + Array(keys.prefix(10)))  // duplicates are fine
            #expect(set.count == keys.count)
            for key in keys { #expect(set.contains(key)) }
            for _ in 0..<5_000 {
                let probe = UInt64.random(in: 0...UInt64.max, using: &g)
                #expect(set.contains(probe) == keys.contains(probe))
            }
        }
    }

    @Test func boilerplateHoldsTheFormsLabels() {
        let label = MaskedText("三、收到和处理政府信息公开申请情况").shingles(length: Boilerplate.shingleLength)
        #expect(!label.isEmpty && label.allSatisfy(Boilerplate.shingles.contains))
    }
}
