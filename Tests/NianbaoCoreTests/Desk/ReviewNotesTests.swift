import Testing
@testable import NianbaoCore

/// Review notes: fingerprints, basis and staleness, verdict rules, round trip, digest.
@Suite struct ReviewNotesTests {
    static let day = CalendarDate(year: 2026, month: 1, day: 20)

    /// A filled report with one column out of balance (an error) and the seed's warnings.
    static func report() -> Report {
        var r = SampleReports.seed
        r["t3.r1.np"] = .count((r["t3.r1.np"].count ?? 0) + 2)
        r.fillComputed()
        return r
    }

    @Test func fingerprintsAreStableAcrossRunsAndCellOrder() throws {
        let r = Self.report()
        let first = Validator.validate(r).map(ReviewFingerprint.init)
        let again = Validator.validate(r).map(ReviewFingerprint.init)
        #expect(first == again)
        #expect(!first.isEmpty)
        let fp = ReviewFingerprint(rule: "T3-1", cells: ["t3.r7.np", "t3.r1.np"])
        #expect(fp == ReviewFingerprint(rule: "T3-1", cells: ["t3.r1.np", "t3.r7.np"]))
        #expect(fp.description == "T3-1@t3.r1.np,t3.r7.np")
        #expect(ReviewFingerprint(text: fp.description) == fp)
        #expect(ReviewFingerprint(text: "X-8#s5") == ReviewFingerprint(rule: "X-8", cells: [], part: .section(.s5)))
        #expect(ReviewFingerprint(text: "T3-1@nonsense") == nil)
        #expect(ReviewFingerprint(text: "@t3.r1.np") == nil)
    }

    @Test func aVerdictSurvivesReRunsAndGoesStaleWhenItsCellsChange() throws {
        var r = Self.report()
        let findings = Validator.validate(r)
        let error = try #require(findings.first { $0.severity == .error })
        var review = r.review
        try review.setVerdict(.explained, on: error, reason: "申请人撤回", author: "张三", date: Self.day, in: r)
        r.review = review
        // Re-run: the same finding gets the same note.
        let annotated = r.review.annotate(Validator.validate(r), in: r)
        let mine = try #require(annotated.first { $0.fingerprint == ReviewFingerprint(error) })
        #expect(mine.status == .explained && !mine.stale)
        // A cell the finding is about changes: the note is stale and no longer in force.
        let cell = try #require(error.cellRefs.first { !(r.definition.cell($0)?.isComputed ?? true) })
        r[cell] = .count((r[cell].count ?? 0) + 1)
        r.fillComputed()
        let after = r.review.annotate(Validator.validate(r), in: r)
        if let again = after.first(where: { $0.fingerprint == ReviewFingerprint(error) }) {
            #expect(again.stale && again.status == nil)
        }
        #expect(r.review.staleNotes(in: r) == [0])
        // Changing an unrelated cell leaves a note fresh.
        var s = Self.report()
        s.review = review
        s["t4.rv.keep"] = .count((s["t4.rv.keep"].count ?? 0) + 1)
        #expect(s.review.staleNotes(in: s).isEmpty)
    }

    @Test func errorsCannotBeDismissedOnlyExplained() throws {
        let r = Self.report()
        let findings = Validator.validate(r)
        let error = try #require(findings.first { $0.severity == .error })
        var review = ReviewRecord()
        #expect(throws: ReviewRefusal.cannotDismissBlocking(ReviewFingerprint(error).description)) {
            try review.setVerdict(.dismissed, on: error, reason: "不是问题", author: "张三", date: Self.day, in: r)
        }
        #expect(throws: ReviewRefusal.reasonRequired("说明")) {
            try review.setVerdict(.explained, on: error, reason: "  ", author: "张三", date: Self.day, in: r)
        }
        #expect(throws: ReviewRefusal.noReviewer) {
            try review.setVerdict(.confirmed, on: error, reason: "", author: "", date: Self.day, in: r)
        }
        // A dismissal of an error written by hand into a file is not honoured.
        review.notes.append(ReviewNote(target: ReviewFingerprint(error).target, status: .dismissed, text: "x", author: "某人",
                                       basis: ReviewBasis.of(ReviewFingerprint(error).target, in: r)))
        let item = try #require(review.annotate(findings, in: r).first { $0.fingerprint == ReviewFingerprint(error) })
        #expect(item.isOpen && item.status == nil)
    }

    @Test func dismissedWarningsAreNotOpen() throws {
        var r = Report(agency: "某县水利局", year: 2025, form: .v2021)
        for i in r.cells.indices { r.cells[i] = .count(0) }
        r.fillComputed()
        let findings = Validator.validate(r)
        let warning = try #require(findings.first { $0.severity == .warning || $0.severity == .info })
        try r.review.setVerdict(.dismissed, on: warning, reason: "本年度确无此项工作", author: "张三", date: Self.day, in: r)
        let item = try #require(r.review.annotate(findings, in: r).first { $0.fingerprint == ReviewFingerprint(warning) })
        #expect(!item.isOpen && item.status == .dismissed)
        // A second verdict replaces the first and keeps its replies.
        try r.review.reply(to: 0, text: "同意", author: "李四", date: Self.day)
        try r.review.setVerdict(.confirmed, on: warning, reason: "", author: "王五", date: Self.day, in: r)
        #expect(r.review.notes.count == 1 && r.review.notes[0].status == .confirmed && r.review.notes[0].replies.count == 1)
    }

    @Test func selectorsPickOneFindingOrSaySo() throws {
        let r = Self.report()
        let findings = Validator.validate(r)
        let error = try #require(findings.first { $0.severity == .error })
        let full = ReviewFingerprint(error)
        #expect(try ReviewRecord.finding(full, among: findings) == error)
        #expect(throws: ReviewRefusal.self) { try ReviewRecord.finding(ReviewFingerprint(rule: "NO-SUCH", cells: []), among: findings) }
        let sameRule = Set(findings.filter { $0.ruleID == error.ruleID }.map(ReviewFingerprint.init))
        if sameRule.count > 1 {
            #expect(throws: ReviewRefusal.self) { try ReviewRecord.finding(ReviewFingerprint(rule: error.ruleID, cells: []), among: findings) }
        }
    }

    @Test func commentsRepliesAndDecisionsRoundTripWithoutChangingTheDigest() throws {
        var r = Self.report()
        let before = ReportFile.digest(r)
        let findings = Validator.validate(r)
        var review = ReviewRecord()
        try review.comment(on: .cells(["t3.r1.np"]), text: "请核对", author: "张三", date: Self.day, in: r)
        try review.comment(on: .row(table: .t3, row: "r1"), text: "整行偏大", author: "张三", date: Self.day, in: r)
        try review.comment(on: .text(.section(.s5)), text: "措施太笼统", author: "张三", date: Self.day, in: r)
        try review.comment(on: .report, text: "总体可以", author: "张三", date: nil, in: r)
        #expect(throws: ReviewRefusal.noSuchCell("t3.r99.np")) {
            try review.comment(on: .cells(["t3.r99.np"]), text: "x", author: "张三", date: nil, in: r)
        }
        #expect(throws: ReviewRefusal.noSuchRow("t3.r99")) {
            try review.comment(on: .row(table: .t3, row: "r99"), text: "x", author: "张三", date: nil, in: r)
        }
        try review.reply(to: 0, text: "已核对无误", author: "李四", date: Self.day)
        #expect(throws: ReviewRefusal.noSuchNote(9)) { try review.reply(to: 8, text: "x", author: "李四", date: nil) }
        #expect(throws: ReviewRefusal.self) {
            try review.decide(.accepted, reviewer: "张三", date: Self.day, reasons: "", findings: findings, in: r)
        }
        #expect(throws: ReviewRefusal.reasonRequired("退回")) {
            try review.decide(.returned, reviewer: "张三", date: Self.day, reasons: "", findings: findings, in: r)
        }
        try review.decide(.returned, reviewer: "张三", date: Self.day, reasons: "表三第一列不平衡", findings: findings, in: r)
        r.review = review
        #expect(ReportFile.digest(r) == before, "notes leave the digest alone")
        let reloaded = try ReportFile.decode(ReportFile.encode(r), path: "r.json")
        #expect(reloaded.review == review)
        #expect(ReportFile.encode(reloaded) == ReportFile.encode(r))
        #expect(reloaded.review.notes(onCell: "t3.r1.np") == [0, 1])
        #expect(reloaded.review.notes(onText: .section(.s5)) == [2])
        #expect(reloaded.review.reportNotes == [3])
        #expect(reloaded.review.staleNotes(in: reloaded).isEmpty)
    }

    @Test func acceptingNeedsEveryErrorExplained() throws {
        var r = Self.report()
        let findings = Validator.validate(r)
        for f in findings where f.severity.blocksSubmission {
            try r.review.setVerdict(.explained, on: f, reason: "已说明", author: "张三", date: Self.day, in: r)
        }
        try r.review.decide(.accepted, reviewer: "张三", date: Self.day, reasons: "", findings: findings, in: r)
        #expect(r.review.decision?.status == .accepted)
    }
}
