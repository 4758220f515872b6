import NianbaoCore

/// Where a finding's quoted text is now, for highlighting and for Enter on the finding.
enum TextSpans {
    /// The characters of `span` in `chars`: its own offsets when they still hold the quote,
    /// else the occurrence of the quote nearest to them (the prose was edited since), else nil.
    static func locate(_ span: TextSpan, in chars: [Character]) -> Range<Int>? {
        let quote = Graphemes.split(span.quote)
        guard !quote.isEmpty, quote.count <= chars.count else { return nil }
        let r = span.range
        if r.lowerBound >= 0, r.upperBound <= chars.count, r.count == quote.count,
           chars[r].elementsEqual(quote) { return r }
        var best: Int?
        var start = 0
        let last = chars.count - quote.count
        while start <= last {
            if chars[start] == quote[0], chars[start..<(start + quote.count)].elementsEqual(quote) {
                if best.map({ abs($0 - r.lowerBound) > abs(start - r.lowerBound) }) ?? true { best = start }
                if start > r.lowerBound { break }
            }
            start += 1
        }
        return best.map { $0..<($0 + quote.count) }
    }
}

extension EditorState {
    /// Spans of the findings in a text section, located in its current text (the selected
    /// finding's first, when the findings pane has the focus).
    func highlightedSpans(in section: SectionID, _ chars: [Character]) -> [Range<Int>] {
        findings.compactMap { f -> Range<Int>? in
            guard let span = f.span, span.part == .section(section) else { return nil }
            return TextSpans.locate(span, in: chars)
        }
    }

    /// Puts the caret at the start of a finding's span (searched for again when the text changed).
    mutating func jump(toSpan span: TextSpan) -> Bool {
        switch span.part {
        case .section(let s):
            section = s
            focus = .work
            let chars = Graphemes.split(report.text(s))
            if let r = TextSpans.locate(span, in: chars) {
                textCarets[s] = r.lowerBound
                preferredColumn = nil
                return true
            }
            return false
        case .preface, .signOff:
            // The preface and sign-off are edited on the details page.
            openInfo()
            if case .info(var form) = dialog {
                form.selected = span.part == .preface ? InfoForm.preface : InfoForm.signOffAgency
                dialog = .info(form)
            }
            return true
        }
    }
}
