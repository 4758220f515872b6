import NianbaoCore

/// A place search can go to: a table cell or a character offset in a text section.
struct SearchHit: Comparable {
    var section: SectionID
    /// Data row and column for a table; (0, offset) for a text.
    var row: Int
    var column: Int

    static func < (a: SearchHit, b: SearchHit) -> Bool {
        (a.section.ordinal, a.row, a.column) < (b.section.ordinal, b.row, b.column)
    }
}

extension EditorState {
    /// Every place matching `query`, in document order: table rows whose label holds every word
    /// (once per row), cells whose row and column labels together hold every word, and text.
    ///
    /// "二 自然人" therefore goes to the cell of row 二 in column 自然人 (go to by label).
    func searchHits(_ query: String) -> [SearchHit] {
        let words = query.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
        guard !words.isEmpty else { return [] }
        let definition = report.definition
        var hits: [SearchHit] = []
        for sec in definition.sections {
            switch sec.content {
            case .table(let t):
                let model = TableModel.of(t, form: report.form)
                for (r, data) in model.dataRows.enumerated() {
                    let rowText = (data.row.groups + [data.row.label]).joinedText(separator: " ")
                    if words.allSatisfy({ TextSearch.containsBytes(rowText, $0) }) {
                        let first = data.cells.firstIndex { $0.map { !definition.cells[$0].isComputed } ?? false } ?? 0
                        hits.append(SearchHit(section: sec.id, row: r, column: first))
                        continue
                    }
                    for (ci, cell) in data.cells.enumerated() {
                        guard let cell else { continue }
                        let label = rowText + " " + definition.cells[cell].columnLabel
                        if words.allSatisfy({ TextSearch.containsBytes(label, $0) }) {
                            hits.append(SearchHit(section: sec.id, row: r, column: ci))
                        }
                    }
                }
            default:
                let chars = Graphemes.split(report.text(sec.id))
                let needle = Array(query)
                guard !needle.isEmpty, needle.count <= chars.count else { continue }
                var i = 0
                while i + needle.count <= chars.count {
                    if chars[i] == needle[0], Array(chars[i..<(i + needle.count)]) == needle {
                        hits.append(SearchHit(section: sec.id, row: 0, column: i))
                        i += needle.count
                    } else {
                        i += 1
                    }
                }
            }
        }
        return hits
    }

    /// Where the cursor (or caret) is now, as a search position.
    var searchPosition: SearchHit {
        if let t = currentTable {
            let c = cursor(in: t)
            return SearchHit(section: section, row: c.row, column: c.column)
        }
        return SearchHit(section: section, row: 0, column: caret(in: section))
    }

    /// Goes to the next (or previous) place matching `query`, wrapping around; says where.
    mutating func find(_ query: String, forward: Bool) {
        lastSearch = query
        if focus == .findings { return findFinding(query, forward: forward) }
        let hits = searchHits(query)
        if hits.isEmpty, let f = orderedFindings.first(where: { TextSearch.containsBytes("\($0.ruleID) \($0.message)", query) }) {
            // Nothing in the labels or text: a problem whose message mentions it.
            jump(to: f)
            return
        }
        guard !hits.isEmpty else {
            message = StatusMessage(text: "找不到“\(query)”（查找行名、列名和正文；“行 列”两个词可跳到单元格）。", isError: true)
            return
        }
        let here = searchPosition
        let target = forward ? (hits.first { $0 > here } ?? hits[0]) : (hits.last { $0 < here } ?? hits[hits.count - 1])
        let n = (hits.firstIndex(of: target) ?? 0) + 1
        section = target.section
        focus = .work
        selectionAnchor = nil
        lastTextEdit = nil
        if let t = currentTable {
            tableCursors[t] = TableCursor(row: target.row, column: target.column)
        } else {
            textCarets[target.section] = target.column
        }
        message = StatusMessage(text: "查找“\(query)”：第 \(n)/\(hits.count) 处（n 下一处，N 上一处）", isError: false)
    }

    /// In the findings pane: selects the next finding whose text holds the query.
    mutating func findFinding(_ query: String, forward: Bool) {
        let list = orderedFindings
        let matching = list.indices.filter {
            let f = list[$0]
            let text = "\(f.severity.label) \(f.ruleID) \(f.message)"
            return TextSearch.containsBytes(text, query)
        }
        guard !matching.isEmpty else {
            message = StatusMessage(text: "问题列表中找不到“\(query)”。", isError: true)
            return
        }
        findingIndex = forward ? (matching.first { $0 > findingIndex } ?? matching[0])
            : (matching.last { $0 < findingIndex } ?? matching[matching.count - 1])
        message = StatusMessage(text: "问题列表中查找“\(query)”：第 \((matching.firstIndex(of: findingIndex) ?? 0) + 1)/\(matching.count) 项",
                                isError: false)
    }
}
