import Testing
@testable import NianbaoCore

/// X-7 against last year's text, and clusters of near-identical sections across agencies.
@Suite struct SimilarityTests {
    static let vocabulary = Array("政府信息公开工作年度报告市县区镇街道办事处水利交通财政教育卫生健康委员会管理服务平台建设监督保障依申请主动规范性文件解读回应培训考核农村道路桥梁河道防汛安全生产环境保护就业社保医疗养老住房")

    /// A paragraph of `length` characters that no other seed repeats.
    static func prose(seed: UInt64, length: Int) -> String {
        var g = SampleReports.Generator(seed: seed)
        var text = ""
        for i in 0..<length {
            text.append(vocabulary.randomElement(using: &g)!)
            if i % 23 == 22 { text.append("，") }
            if i % 61 == 60 { text.append("\(Int.random(in: 1...999, using: &g))件。") }
        }
        return text
    }

    @Test func copiedTextWithNewNumbersIsIdentical() {
        let last = "2023年，本局共收到申请12件，办结11件。" + Self.prose(seed: 1, length: 300)
        let now = "2024年，本局共收到申请30件，办结29件。" + Self.prose(seed: 1, length: 300)
        let overlap = TextOverlap(now, previous: last)
        #expect(overlap.share > 0.99)
        #expect(overlap.passages.count == 1)
        let different = TextOverlap(Self.prose(seed: 2, length: 300), previous: last)
        #expect(different.share < 0.05)
    }

    @Test func boilerplateIsNotCopying() {
        let phrase = "根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求，"
        let overlap = TextOverlap(phrase + Self.prose(seed: 3, length: 200), previous: phrase + Self.prose(seed: 4, length: 200))
        #expect(overlap.share < 0.05)
    }

    @Test func x_7_warnsAtNinetyPercentAndPointsAtThePassage() throws {
        let previous = ReportBuilder(.v2021, year: 2023)
        previous.text(.s5, "2023年存在的问题：" + Self.prose(seed: 5, length: 400))
        let b = ReportBuilder(.v2021, year: 2024)
        b.text(.s5, "2024年存在的问题：" + Self.prose(seed: 5, length: 400))
        let f = try #require(findings("X-7", b.report, previous: previous.report).first { $0.section == .s5 })
        #expect(f.severity == .warning)
        #expect(f.actual == "100%" || f.actual == "99%")
        #expect((f.span?.range.count ?? 0) > 300)
        // Half rewritten: info (60–90 %); mostly rewritten: nothing.
        b.text(.s5, Self.prose(seed: 5, length: 300) + Self.prose(seed: 6, length: 100))
        #expect(findings("X-7", b.report, previous: previous.report).first { $0.section == .s5 }?.severity == .info)
        b.text(.s5, Self.prose(seed: 7, length: 400))
        #expect(findings("X-7", b.report, previous: previous.report).filter { $0.section == .s5 }.isEmpty)
    }

    @Test func clustersFindPlantedCopiesOnly() {
        var reports: [Report] = []
        for i in 0..<300 {
            var r = SampleReports.filled(form: .v2021, year: 2024, agency: "某县第\(i)局")
            r.texts[.s1] = Self.prose(seed: UInt64(100 + i), length: 600)
            r.texts[.s5] = Self.prose(seed: UInt64(10_000 + i), length: 200)
            reports.append(r)
        }
        // Agencies 10, 20, 30 copy agency 5's section 一 with a new opening and a new last sentence.
        for i in [10, 20, 30] {
            let original = reports[5].text(.s1)
            reports[i].texts[.s1] = "本单位" + String(original.dropLast(40)) + "全年工作取得明显成效\(i)件。"
        }
        // The same agency's two years are not 'other units'.
        reports[40].texts[.s5] = reports[41].text(.s5)
        reports[40].agency = reports[41].agency
        let clusters = SimilarityClusters.find(in: reports)
        #expect(clusters.count == 1)
        #expect(clusters.first?.members == [5, 10, 20, 30])
        #expect(clusters.first?.part == .section(.s1))
        #expect((clusters.first?.similarity ?? 0) >= 0.8)
    }

    /// The flat store keeps each signature's names and sketches exactly, parts missing included.
    @Test func signatureStoreKeepsEverySignature() {
        var signatures: [SimilarityClusters.Signature] = [.unreadable]
        for i in 0..<50 {
            var r = SampleReports.filled(form: .v2021, year: 2024, agency: i % 7 == 0 ? "" : "某县第\(i)局（“乙”）")
            r.texts[.s1] = i % 3 == 0 ? "无。" : Self.prose(seed: UInt64(500 + i), length: 100 + i * 7)
            r.texts[.s5] = i % 4 == 0 ? "" : Self.prose(seed: UInt64(900 + i), length: 80 + i)
            r.texts[.s6] = Self.prose(seed: UInt64(1300 + i), length: 70)
            signatures.append(SimilarityClusters.Signature(r, parts: [.section(.s1), .section(.s5), .section(.s6)]))
        }
        signatures.append(.unreadable)
        let store = SimilarityClusters.SignatureStore(signatures)
        #expect(store.count == signatures.count)
        for (i, signature) in signatures.enumerated() {
            #expect(store.agencyKey(i) == signature.agency)
            #expect(store.name(i) == signature.name)
            var expected = signature.bins[...]
            for p in 0..<3 {
                let sketch = store.sketch(i, part: p)
                #expect((sketch != nil) == (signature.present & (1 << UInt32(p)) != 0))
                if let sketch {
                    #expect(Array(sketch) == Array(expected.prefix(64)))
                    expected = expected.dropFirst(64)
                }
            }
            #expect(expected.isEmpty)
            #expect(store.sketch(i, part: 3) == nil)
        }
    }

    @Test func agencyNames() {
        #expect(AgencyName.isSame("凤县人力资源和社会保障局", "凤县人社局"))
        #expect(AgencyName.isSame("驻马店市水利局", "河南省驻马店市水利局"))
        #expect(AgencyName.isSame("驻马店市 水利局", "驻马店市水利局"))
        #expect(!AgencyName.isSame("驻马店市水利局", "驻马店市交通运输局"))
        #expect(!AgencyName.isSame("驻马店市水利局", "信阳市水利局"))
        let now = SampleReports.filled(form: .v2021, year: 2024, agency: "驻马店市水利局")
        #expect(now.mismatch(withPrevious: SampleReports.filled(form: .v2021, year: 2023, agency: "驻马店市水利局")) == nil)
        #expect(now.mismatch(withPrevious: SampleReports.filled(form: .v2021, year: 2023, agency: "信阳市水利局"))
            == .otherAgency(this: "驻马店市水利局", previous: "信阳市水利局"))
        #expect(now.mismatch(withPrevious: SampleReports.filled(form: .v2021, year: 2022, agency: "驻马店市水利局"))
            == .notTheYearBefore(this: 2024, previous: 2022))
    }
}
