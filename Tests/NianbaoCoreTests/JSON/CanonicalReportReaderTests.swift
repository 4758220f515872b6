import Testing
@testable import NianbaoCore

/// The canonical fast path reads exactly what the tree decoder reads, to the same report, and
/// leaves every other file — and every refusal — to it.
@Suite struct CanonicalReportReaderTests {
    static func tree(_ bytes: [UInt8]) -> Report? { try? ReportDecoder.decodeThroughTree(bytes, path: "t.json") }
    static func fast(_ bytes: [UInt8]) -> Report? { CanonicalReportReader.read(bytes, path: "t.json") }

    /// Generated reports, with and without each version 2 addition.
    static func variants(seed: Int, form: FormVersion) -> [Report] {
        var plain = SampleReports.report(seed: UInt64(seed), form: form)
        plain.scope = ReportScope.allCases[seed % ReportScope.allCases.count]
        var withPreface = plain
        withPreface.preface = "根据《条例》规定，编制本报告。\n统计期限自\(plain.year)年1月1日至12月31日。"
        var withSignOff = plain
        withSignOff.signOff = SignOff(agency: plain.agency, date: seed % 2 == 0 ? CalendarDate(year: plain.year + 1, month: 1, day: 20) : nil)
        var summed = plain
        summed.origin = ReportOrigin(copiedTextFrom: seed % 3 == 0 ? "sha256:" + String(repeating: "0f", count: 32) : nil,
                                     summed: SumProvenance(units: ["甲局", "乙镇"], blanks: ["t3.r1.np": [1]],
                                                           overflowed: seed % 2 == 0 ? [form.definition.cells[1].ref.description] : [],
                                                           notSummed: [form.definition.cells[0].ref.description]))
        var reviewed = plain
        reviewed.review = SchemaVersion2Tests.fullReport().review
        var everything = SchemaVersion2Tests.fullReport()
        everything.cells = form == everything.form ? plain.cells : everything.cells
        return [plain, withPreface, withSignOff, summed, reviewed, everything]
    }

    @Test(arguments: FormVersion.allCases)
    func everyGeneratedReportIsReadFastAndAlike(form: FormVersion) throws {
        for seed in 0..<60 {
            for report in Self.variants(seed: seed, form: form) {
                let bytes = ReportFile.encode(report)
                let fast = try #require(Self.fast(bytes), "seed \(seed): a file nianbao wrote was not read by the fast path")
                #expect(fast == report)
                #expect(fast == Self.tree(bytes))
                #expect(ReportFile.encode(fast) == bytes)
            }
        }
    }

    @Test func stringsThatNeedEscapingAndMarkerLookAlikes() throws {
        var report = SampleReports.filled(form: .v2021, year: 2024, agency: "某\"局\\\u{1}\t\n😀")
        report.texts[.s1] = "\u{0}\u{1F}\u{7F}“引号”\r\n\u{2028}𠀀/"
        report.texts[.s6] = "\u{1}0\u{2}"
        report.preface = "\u{1}2\u{2}"
        report.cells[4] = .count(900_000_001)
        report.cells[5] = .count(-CellValue.maxCount)
        let bytes = ReportFile.encode(report)
        let fast = try #require(Self.fast(bytes))
        #expect(fast == report)
        #expect(fast == Self.tree(bytes))
    }

    /// Escapes nianbao never writes (`\/`, `\u4e2d`, surrogate pairs) read as the parser reads them, or go to it.
    @Test func escapesOtherWritersUse() throws {
        let report = SampleReports.filled(form: .v2019, year: 2020, agency: "某局")
        let text = String(decoding: ReportFile.encode(report), as: UTF8.self)
        for replacement in ["\\u67d0\\/\\u5c40", "\\ud83d\\ude00局", "\\ud83d局", "\\u00e9\\u0000", "\\x41", "\\u12G4"] {
            let bytes = Array(text.replacingOccurrences(of: "\"agency\": \"某局\"", with: "\"agency\": \"\(replacement)\"").utf8)
            let tree = Self.tree(bytes)
            if let fast = Self.fast(bytes) { #expect(fast == tree, "\(replacement)") }
            if tree == nil { #expect(Self.fast(bytes) == nil, "\(replacement)") }
        }
        #expect(Self.fast(Array(text.replacingOccurrences(of: "\"agency\": \"某局\"", with: "\"agency\": \"\\u67d0\\/\\u5c40\"").utf8))?.agency == "某/局")
    }

    /// Every value a check refuses is left to the tree decoder, which explains it.
    @Test func refusalsAreLeftToTheTreeDecoder() throws {
        let report = SampleReports.filled(form: .v2021, year: 2024, agency: "某局")
        let text = String(decoding: ReportFile.encode(report), as: UTF8.self)
        let broken = [
            text.replacingOccurrences(of: "\"year\": 2024", with: "\"year\": 2101"),
            text.replacingOccurrences(of: "\"year\": 2024", with: "\"year\": 2018"),
            text.replacingOccurrences(of: "\"schema_version\": 1", with: "\"schema_version\": 3"),
            text.replacingOccurrences(of: "\"scope\": \"agency\"", with: "\"scope\": \"county\""),
            text.replacingOccurrences(of: "\"agency\": \"某局\"", with: "\"agency\": \"\(String(repeating: "局", count: 500))\""),
            text.replacingOccurrences(of: "\"fee_amount\": \"", with: "\"fee_amount\": \"x"),
            text.replacingOccurrences(of: "\"fee_amount\": \"", with: "\"fee_amount\": 1, \"x\": \""),
            text.replacingOccurrences(of: "\"issued\": ", with: "\"issued\": 1000000000000, \"y\": "),
            text.replacingOccurrences(of: "\"form\": \"2021\"", with: "\"form\": \"2019\""),
            "\u{FEFF}" + text,
        ]
        for (n, file) in broken.enumerated() {
            let bytes = Array(file.utf8)
            #expect(Self.fast(bytes) == nil, "case \(n)")
            #expect(throws: ReportFileError.self, "case \(n)") { try ReportFile.decode(bytes, path: "t.json") }
        }
    }

    @Test func otherLayoutsGoTheOrdinaryWay() throws {
        let report = SampleReports.filled(form: .v2021, year: 2024)
        let compact = JCSWriter.bytes(ReportFile.jsonValue(report))
        #expect(Self.fast(compact) == nil)
        #expect(try ReportFile.decode(compact, path: "t.json") == report)
        let spaced = ReportFile.encode(report) + Array(" \n".utf8)
        #expect(Self.fast(spaced) == nil)
        #expect(try ReportFile.decode(spaced, path: "t.json") == report)
    }

    /// Random byte edits of written files: whatever the fast path reads, the tree decoder reads
    /// the same; whatever the tree decoder refuses, the fast path refuses.
    @Test(arguments: FormVersion.allCases)
    func mutatedFilesAgreeWithTheTreeDecoder(form: FormVersion) {
        var g = SampleReports.Generator(seed: form == .v2019 ? 19 : 21)
        let alphabet = Array("0123456789-.eE\"\\nul{}[],: \n\t\u{1}a局".utf8)
        var fastReads = 0, treeReads = 0
        for seed in 0..<6 {
            let bytes = ReportFile.encode(Self.variants(seed: seed, form: form)[seed % 6])
            for _ in 0..<400 {
                var edited = bytes
                for _ in 0..<Int.random(in: 1...3, using: &g) {
                    let at = Int.random(in: 0..<edited.count, using: &g)
                    switch Int.random(in: 0..<3, using: &g) {
                    case 0: edited[at] = alphabet.randomElement(using: &g)!
                    case 1: edited.insert(alphabet.randomElement(using: &g)!, at: at)
                    default: edited.remove(at: at)
                    }
                }
                let tree = Self.tree(edited)
                let fast = Self.fast(edited)
                if tree != nil { treeReads += 1 }
                if let fast {
                    fastReads += 1
                    #expect(fast == tree, "an edited file read differently by the fast path")
                } else if tree == nil {
                    continue
                }
            }
        }
        // Some edits keep the file valid (a digit changed); the check above has something to compare.
        print("mutated \(form.rawValue) files: \(treeReads) read by the tree decoder, \(fastReads) by the fast path")
        #expect(fastReads > 20 && treeReads >= fastReads)
    }
}
