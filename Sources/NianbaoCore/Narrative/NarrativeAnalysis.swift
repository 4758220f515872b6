import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything the narrative rules read from one text section, worked out once per text.
///
/// The rules run after every keystroke; a table edit leaves the texts as they were, so the
/// analysis of a text is kept (a few recent texts, compared by content) and only a changed text
/// is read again.
struct NarrativeAnalysis: Sendable {
    let text: NarrativeText
    let figures: [Figure]
    let statements: [FigureStatement]
    let lists: [FigureList]
    let percents: [PercentStatement]
    let claims: [Claim]
    let summaryYears: [SummaryYear]
    let garbles: [DigitGarble]

    init(text: String, year: Int, agencyScope: Bool) {
        let narrative = NarrativeText(text)
        let figures = FigureReader.figures(in: narrative)
        let hits = PhraseTable.hits(in: narrative)
        let context = StatementReader.Context(text: narrative, figures: figures, hits: hits, year: year, agencyScope: agencyScope)
        self.text = narrative
        self.figures = figures
        self.statements = StatementReader.statements(context)
        self.lists = ListReader.lists(context)
        self.percents = ListReader.percents(context)
        self.claims = ClaimReader.claims(narrative, figures: figures)
        self.summaryYears = YearLints.summaryYears(narrative, figures: figures, year: year)
        self.garbles = YearLints.garbles(narrative)
    }

    /// The analysis of `text` for a report of `year`, from the cache when the text was read before.
    static func of(_ text: String, year: Int, agencyScope: Bool) -> NarrativeAnalysis {
        let key = Key(text: text, year: year, agencyScope: agencyScope)
        if let hit = cache.withLock({ cache in cache.first { $0.key == key }?.analysis }) { return hit }
        let analysis = NarrativeAnalysis(text: text, year: year, agencyScope: agencyScope)
        cache.withLock { cache in
            if cache.count >= capacity { cache.removeFirst() }
            cache.append((key, analysis))
        }
        return analysis
    }

    /// A text, year and scope, compared by their bytes with `memcmp`: String's `==` compares CJK
    /// text by canonical equivalence, slowly, and a lookup compares the text with every cached one.
    private struct Key: Equatable, Sendable {
        let text: String
        let year: Int
        let agencyScope: Bool

        static func == (a: Key, b: Key) -> Bool {
            guard a.year == b.year, a.agencyScope == b.agencyScope, a.text.utf8.count == b.text.utf8.count else { return false }
            let same = a.text.utf8.withContiguousStorageIfAvailable { x in
                b.text.utf8.withContiguousStorageIfAvailable { y in
                    x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
                }
            }
            if let same, let same { return same }
            return a.text.utf8.elementsEqual(b.text.utf8)
        }
    }

    private static let capacity = 24
    private static let cache = Mutex<[(key: Key, analysis: NarrativeAnalysis)]>([])

    /// The quoted sentence `index`: its Character range in the text and its words.
    func quote(sentence index: Int) -> (range: Range<Int>, text: String) {
        let (scalarRange, words) = text.quote(sentence: index)
        return (text.characterRange(scalarRange), words)
    }

    /// The printed figure, e.g. `42 件`.
    func figureText(_ index: Int) -> String {
        let figure = figures[index]
        return figure.numberText + (figure.unitText == "%" ? "%" : " " + figure.unitText)
    }
}

extension Report {
    /// The narrative analysis of a text section of this report.
    func narrative(_ section: SectionID) -> NarrativeAnalysis {
        NarrativeAnalysis.of(text(section), year: year, agencyScope: scope == .agency)
    }
}
