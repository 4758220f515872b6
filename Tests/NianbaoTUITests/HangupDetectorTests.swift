import Testing
@testable import NianbaoTUI

/// Issue 14: a terminal that goes away without SIGHUP is noticed, and a quiet one is not.
struct HangupDetectorTests {
    @Test func aHungUpInputIsGoneAtOnce() {
        var detector = HangupDetector()
        let gone = detector.noKey(after: .zero, input: .hungUp)
        #expect(gone)
    }

    @Test func nobodyTypingIsNeverGone() {
        var detector = HangupDetector()
        for _ in 0..<10_000 {
            let gone = detector.noKey(after: .milliseconds(200), input: .quiet)
            #expect(!gone)
        }
    }

    @Test func readsFailingAtOnceOnAReadableInputMeanEndOfFile() {
        var detector = HangupDetector()
        for _ in 1..<HangupDetector.limit {
            let gone = detector.noKey(after: .microseconds(5), input: .readable)
            #expect(!gone)
        }
        let gone = detector.noKey(after: .microseconds(5), input: .readable)
        #expect(gone)
    }

    @Test func aKeyOrAFullTimeoutBetweenQuickFailuresStartsTheCountAgain() {
        var detector = HangupDetector()
        for round in 0..<50 {
            for _ in 1..<HangupDetector.limit {
                let gone = detector.noKey(after: .microseconds(5), input: .readable)
            #expect(!gone)
            }
            if round.isMultiple(of: 2) {
                detector.keyRead()
            } else {
                let gone = detector.noKey(after: .milliseconds(200), input: .readable)
            #expect(!gone)
            }
            #expect(detector.quickFailures == 0)
        }
    }
}
