import Testing
import NianbaoTestSupport
@testable import NianbaoCore

/// Recall and precision over hundreds of generated reports per published shape.
/// Precision is a hard line: any wrong value fails. Recall has a floor per shape, set from
/// measured values, so a regression shows.
@Suite struct ImportShapeMeasurementTests {
    static let reportsPerShape = 200

    /// Lowest acceptable recall per shape (measured recall, rounded down).
    static let recallFloor: [PublishedShape: Double] = [
        .pipeLeading: 0.99, .pipeNoLeading: 0.97, .cellPerLineTrailingPipe: 0.99, .cellPerLine: 0.79, .cellPerParagraph: 0.79,
        .alternatingPipes: 0.79, .oneLineSpaced: 0.79, .pdfText: 0.78, .pdfTextT4Blocks: 0.81, .markdownFromPDF: 0.78,
        .runTogether: 0.45, .oneLineRunTogether: 0.45, .traditionalPipe: 0.99, .traditionalOneLine: 0.79,
    ]

    @Test(arguments: PublishedShape.allCases)
    func shape(_ shape: PublishedShape) {
        let score = PublishedShapes.score(shape, count: Self.reportsPerShape)
        print(score.summary)
        #expect(score.wrong == 0, "\(score.summary): \(score.wrongExamples.joined(separator: "; "))")
        if let floor = Self.recallFloor[shape] {
            #expect(score.recall >= floor, "\(score.summary)")
        }
    }
}
