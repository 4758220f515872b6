import NianbaoCore

/// The pure editor: `reduce(state, action)` gives the next state and the effects for the app shell.
public enum Editor {
    /// Applies one action.
    public static func reduce(_ state: EditorState, _ action: EditorAction) -> (EditorState, [Effect]) {
        var s = state
        var effects: [Effect] = []
        s.apply(action, effects: &effects)
        s.keepTextLayout()
        s.keepInView()
        return (s, effects)
    }

    /// Applies a sequence of actions, collecting every effect.
    public static func reduce(_ state: EditorState, _ actions: [EditorAction]) -> (EditorState, [Effect]) {
        var s = state
        var all: [Effect] = []
        for a in actions {
            let (next, effects) = reduce(s, a)
            s = next
            all += effects
        }
        return (s, all)
    }
}

extension EditorState {
    static let readOnlyMessage = "只读模式（查看）：不能修改。要修改请用 nianbao edit 打开。"

    mutating func apply(_ action: EditorAction, effects: inout [Effect]) {
        if case .resize(let c, let r) = action {
            layout = ScreenLayout(columns: c, rows: r)
            return
        }
        if case .saveFinished(let result) = action { return saveFinished(result, effects: &effects) }
        if case .idle = action {
            if editsSinceRecovery > 0, mode == .edit, dirty {
                editsSinceRecovery = 0
                effects.append(.writeRecovery(report))
            }
            return
        }
        if case .hangup = action {
            let pending = reportIncludingPendingEdit()
            if mode == .edit, dirty || pending != report { effects.append(.writeRecovery(pending)) }
            effects.append(.quit)
            return
        }
        if case .resumed = action { effects.append(.fullRedraw); return }
        if case .redraw = action { effects.append(.fullRedraw); return }
        if case .suspend = action { effects.append(.suspend); return }
        // Below the minimum size the clerk sees only the size message: no key acts blindly.
        if layout.tooSmall { return }
        if let dialog { return handleDialog(dialog, action, effects: &effects) }
        if message?.sticky != true { message = nil }
        switch action {
        case .cancelEditThen(let next):
            // An Alt chord (or Esc and a key in one read) while typing: the Esc part cancels, never commits.
            if cellEdit != nil {
                cellEdit = nil
                message = StatusMessage(text: "已取消输入。", isError: false)
            }
            apply(next, effects: &effects)
            return
        case .nextCell(let forward):
            if focus == .findings || currentTable == nil {
                apply(.cycleFocus(forward: forward), effects: &effects)
            } else {
                tableAction(action)
            }
            return
        case .toggleHelp:
            _ = commitEdit()
            self.dialog = .help(top: 0)
        case .save:
            guard mode == .edit else {
                // A reviewer's notes are saved into the same file; nothing but the review block changes.
                guard dirty else { message = StatusMessage(text: Self.readOnlyMessage, isError: true); return }
                effects.append(.save(report, force: false))
                return
            }
            guard commitEdit() else { return }
            effects.append(.save(report, force: false))
        case .quit:
            guard commitEdit() else { return }
            if dirty {
                self.dialog = .confirmQuit
            } else {
                if mode == .edit { effects.append(.removeRecovery) }
                effects.append(.quit)
            }
        case .cycleFocus:
            guard commitEdit() else { return }
            lastTextEdit = nil
            focus = focus == .work ? .findings : .work
            if focus == .findings { findingIndex = 0; findingsTop = 0 }
        case .nextProblem, .previousProblem:
            guard commitEdit() else { return }
            jumpToProblem(forward: { if case .nextProblem = action { true } else { false } }())
        case .goToSection(let id):
            guard commitEdit() else { return }
            showSection(id)
        case .nextSection, .previousSection:
            guard commitEdit() else { return }
            let step = { if case .nextSection = action { 1 } else { SectionID.count - 1 } }()
            showSection(SectionID.allCases[(section.ordinal + step) % SectionID.count])
        case .undo:
            // In view only notes are ever undone (nothing else can change there).
            guard mode == .edit || !undoStack.isEmpty else {
                message = StatusMessage(text: Self.readOnlyMessage, isError: true); return
            }
            cellEdit = nil
            undo()
        case .redo:
            guard mode == .edit || !redoStack.isEmpty else {
                message = StatusMessage(text: Self.readOnlyMessage, isError: true); return
            }
            cellEdit = nil
            redo()
        case .unbound(let name):
            message = StatusMessage(text: "\(name) 未使用。按 F1 查看帮助。", isError: false)
        case .editInfo:
            openInfo()
        case .note:
            beginNote()
        case .decide:
            guard commitEdit() else { return }
            beginDecision()
        case .nextError(let forward):
            guard commitEdit() else { return }
            jumpToProblem(forward: forward, errorsOnly: true)
        case .search:
            guard commitEdit() else { return }
            self.dialog = .search(query: "")
        case .repeatSearch(let forward):
            guard let query = lastSearch else {
                message = StatusMessage(text: "还没有查找过：按 / 或 Ctrl-F 查找。", isError: false)
                return
            }
            find(query, forward: forward)
        case .expandFinding:
            let list = orderedFindings
            let f: Finding? = focus == .findings ? (findingIndex < list.count ? list[findingIndex] : nil)
                : list.first { cursorCell.map($0.involves(cell:)) ?? false }
            guard let f else { message = StatusMessage(text: "没有选中的问题。", isError: false); return }
            self.dialog = .notice(title: "\(f.severity.label) \(f.ruleID)", lines: details(of: f), top: 0)
        case .fillZero, .fillDown, .fillRight, .copyOut, .extendSelection, .selectAll:
            guard currentTable != nil, focus == .work else {
                message = StatusMessage(text: "填充、选择和复制只用于表格（二、三、四节）。", isError: false)
                return
            }
            if case .copyOut = action { return copyOut(effects: &effects) }
            tableAction(action)
        default:
            if focus == .findings { findingsAction(action, effects: &effects) } else if currentTable != nil {
                tableAction(action)
            } else {
                textAction(action)
            }
        }
    }

    // MARK: Dialogs

    mutating func handleDialog(_ dialog: Dialog, _ action: EditorAction, effects: inout [Effect]) {
        switch dialog {
        case .help(let top):
            let page = layout.dialogPageHeight
            let last = max(0, HelpText.lines(width: layout.columns - 1).count - page)
            switch action {
            case .move(.down): self.dialog = .help(top: min(last, top + 1))
            case .move(.up): self.dialog = .help(top: max(0, top - 1))
            case .pageDown, .insert(" "): self.dialog = .help(top: min(last, top + page))
            case .pageUp: self.dialog = .help(top: max(0, top - page))
            case .home: self.dialog = .help(top: 0)
            case .end: self.dialog = .help(top: last)
            case .resize: break
            default: self.dialog = nil
            }
        case .notice(let title, let lines, let top):
            let page = max(1, layout.dialogPageHeight - 1)
            let last = max(0, lines.count - page)
            switch action {
            case .move(.down): self.dialog = .notice(title: title, lines: lines, top: min(last, top + 1))
            case .move(.up): self.dialog = .notice(title: title, lines: lines, top: max(0, top - 1))
            case .pageDown, .insert(" "): self.dialog = .notice(title: title, lines: lines, top: min(last, top + page))
            case .pageUp: self.dialog = .notice(title: title, lines: lines, top: max(0, top - page))
            case .undo:
                self.dialog = nil
                apply(.undo, effects: &effects)
            default: self.dialog = nil
            }
        case .confirmQuit:
            switch answer(action) {
            case "y":
                self.dialog = nil
                quitAfterSave = true
                effects.append(.save(report, force: false))
            case "n":
                self.dialog = nil
                effects.append(.removeRecovery)
                effects.append(.quit)
            case "c":
                self.dialog = nil
                message = StatusMessage(text: "已取消退出。", isError: false)
            default:
                break
            }
        case .info(let form):
            infoAction(form, action)
        case .note(let draft):
            noteAction(draft, action)
        case .confirmConversion(let form, _):
            switch answer(action) {
            case "y": applyInfo(form, confirmed: true)
            case "n", "c": self.dialog = .info(form)
            default: break
            }
        case .fillZero:
            let scope: FillScope?
            switch action {
            case .answer(let c):
                switch c {
                case "r", "R", "行": scope = .row
                case "c", "C", "列": scope = .column
                case "s", "S", "选": scope = .selection
                case "t", "T", "a", "A", "表", "全": scope = .table
                default: return
                }
            case .activate: scope = selection != nil ? .selection : .table
            case .fillZero(let given): scope = given ?? .table
            default: scope = nil
            }
            self.dialog = nil
            if let scope { fillZero(scope) } else { message = StatusMessage(text: "已取消填 0。", isError: false) }
        case .search(let query):
            switch action {
            case .insert(let c): self.dialog = .search(query: query + String(c))
            case .paste(let text): self.dialog = .search(query: query + TextLines.unixLineEnds(text).filter { $0 != "\n" })
            case .deleteBackward: self.dialog = .search(query: String(query.dropLast()))
            case .activate, .newline:
                self.dialog = nil
                let q = query.isEmpty ? (lastSearch ?? "") : query
                guard !q.isEmpty else { return }
                find(q, forward: true)
            case .resize: break
            default: self.dialog = nil
            }
        case .confirmOverwrite:
            switch answer(action) {
            case "y":
                self.dialog = nil
                effects.append(.save(report, force: true))
            case "n", "c":
                self.dialog = nil
                quitAfterSave = false
                message = StatusMessage(text: "未保存：文件在打开后已被修改。", isError: true)
            default:
                break
            }
        }
    }

    /// A finding in full: message, every cell it involves with its value, what was expected.
    func details(of f: Finding) -> [String] {
        var lines = TextWrap.lines(f.message, width: max(20, layout.columns - 6))
        if let expected = f.expected, let actual = f.actual { lines.append("应为 \(expected)，实际 \(actual)") }
        if !f.cells.isEmpty {
            lines.append("")
            lines.append("涉及的单元格：")
            for cell in f.cells {
                let def = report.definition.cells[cell]
                let value = report.cells[cell].isEmpty ? "（空）" : report.cells[cell].displayText
                lines.append("  \(def.label)：\(value)")
            }
        }
        if let typo = likelyTypo(f) {
            lines.append("")
            lines.append("可能填错的格：\(report.definition.cells[typo].label)（它所在的行和列的合计都对不上）")
        }
        lines.append("")
        lines.append("按 Esc 关闭；在问题列表中按 Enter 跳到该格。")
        return lines
    }

    /// Copies the selection (or the whole table) as tab-separated text to the clipboard (OSC 52).
    mutating func copyOut(effects: inout [Effect]) {
        guard commitEdit(), let t = currentTable else { return }
        let model = TableModel.of(t, form: report.form)
        let block = selection ?? CellBlock(rows: 0...(model.dataRows.count - 1), columns: 0...(model.maxColumns - 1))
        var lines: [String] = []
        for r in block.rows where r < model.dataRows.count {
            let cells = model.dataRows[r].cells
            var fields: [String] = []
            for col in block.columns where col < cells.count {
                fields.append(cells[col].map { report.cells[$0].description } ?? "")
            }
            lines.append(fields.joinedText(separator: "\t"))
        }
        let text = lines.joinedText(separator: "\n") + "\n"
        effects.append(.copy(text))
        let what = selection == nil ? "全表" : "选区"
        message = StatusMessage(text: "已复制\(what) \(block.rows.count) 行 × \(min(block.columns.count, model.maxColumns)) 列（制表符分隔，经 OSC 52 送到剪贴板，可粘贴到 Excel）。",
                                isError: false)
    }

    /// Normalises a dialog answer to `y` (save/yes), `n` (no) or `c` (cancel).
    func answer(_ action: EditorAction) -> Character? {
        switch action {
        case .answer(let c), .insert(let c):
            switch c {
            case "y", "Y", "s", "S", "是", "保": return "y"
            case "n", "N", "否", "不": return "n"
            case "c", "C", "取": return "c"
            default: return nil
            }
        case .cancel: return "c"
        case .save: return "y"
        default: return nil
        }
    }

    mutating func saveFinished(_ result: Result<SaveOutcome, SaveFailure>, effects: inout [Effect]) {
        switch result {
        case .success(let outcome):
            dirty = false
            lastTextEdit = nil
            editsSinceRecovery = 0
            message = StatusMessage(text: "已保存到 \(outcome.displayName)。", isError: false)
            effects.append(.removeRecovery)
            if quitAfterSave { effects.append(.quit) }
        case .failure(.changedOnDisk):
            dialog = .confirmOverwrite
        case .failure(.failed(let text)):
            quitAfterSave = false
            // The edits stay in the editor, and in a recovery copy in case the terminal goes away next.
            if mode == .edit {
                editsSinceRecovery = 0
                effects.append(.writeRecovery(report))
            }
            message = StatusMessage(text: "保存失败：\(text)（修改仍在编辑器中，并已写入恢复副本）", isError: true)
        }
    }

    // MARK: Sections and problems

    mutating func showSection(_ id: SectionID) {
        section = id
        focus = .work
        lastTextEdit = nil
        preferredColumn = nil
        selectionAnchor = nil
        // Entering a table starts at its first input cell, not where a problem jump left it.
        if let t = currentTable { tableCursors[t] = firstInputCell(of: t) }
    }

    /// Position of a finding for next/previous: section order, then cell.
    func problemKey(_ f: Finding) -> (Int, Int)? {
        let sec = f.section ?? f.cells.first.map { report.definition.cells[$0].ref.table.section }
        guard let sec else { return nil }
        return (sec.ordinal, f.cells.first ?? -1)
    }

    mutating func jumpToProblem(forward: Bool, errorsOnly: Bool = false) {
        let candidates = errorsOnly ? findings.filter { $0.severity == .error } : findings
        let keys = candidates.compactMap(problemKey)
        guard !keys.isEmpty else {
            message = StatusMessage(text: errorsOnly ? "没有错误。" : "没有问题。", isError: false)
            return
        }
        let here = (section.ordinal, cursorCell ?? -1)
        let sorted = keys.sorted { $0 < $1 }
        let target = forward ? (sorted.first { $0 > here } ?? sorted[0]) : (sorted.last { $0 < here } ?? sorted[sorted.count - 1])
        if let f = candidates.first(where: { problemKey($0).map { $0 == target } ?? false }) { jump(to: f) }
    }

    /// Shows the section and cell of a finding.
    mutating func jump(to f: Finding) {
        lastTextEdit = nil
        focus = .work
        if let span = f.span {
            let found = jump(toSpan: span)
            message = StatusMessage(text: "\(f.severity.label) \(f.ruleID)：\(f.message)"
                                    + (found ? "" : "（引文「\(span.quote)」已不在正文中，可能已改过）"),
                                    isError: f.severity.blocksSubmission)
            return
        }
        if let cell = f.cells.first {
            let table = report.definition.cells[cell].ref.table
            section = table.section
            if let p = TableModel.of(table, form: report.form).position(of: cell) { tableCursors[table] = p }
        } else if let sec = f.section {
            section = sec
        }
        message = StatusMessage(text: "\(f.severity.label) \(f.ruleID)：\(f.message)", isError: f.severity.blocksSubmission)
    }

    mutating func findingsAction(_ action: EditorAction, effects: inout [Effect]) {
        let count = findings.count
        switch action {
        case .move(.up): findingIndex = max(0, findingIndex - 1)
        case .move(.down): findingIndex = min(max(0, count - 1), findingIndex + 1)
        case .pageUp: findingIndex = max(0, findingIndex - layout.findingsHeight)
        case .pageDown: findingIndex = min(max(0, count - 1), findingIndex + layout.findingsHeight)
        case .home: findingIndex = 0
        case .end: findingIndex = max(0, count - 1)
        case .activate, .newline:
            let list = orderedFindings
            if findingIndex < list.count { jump(to: list[findingIndex]) }
        case .cancel: focus = .work
        case .insert, .paste, .deleteBackward, .deleteForward, .clearCell, .beginEdit:
            message = StatusMessage(text: "问题列表不能编辑：按 Enter 跳到所选问题，按 Tab 回到编辑区。", isError: false)
        default: break
        }
    }

    // MARK: Recording edits

    mutating func pushUndo(caret: Int? = nil) {
        undoStack.append(UndoEntry(report: report, version: version, section: section,
                                   tableCursor: currentTable.map { cursor(in: $0) }, caret: caret))
        redoStack.removeAll()
    }

    /// Re-fills totals, re-runs the rules and counts the edit.
    mutating func edited(effects: inout [Effect]) {
        report.fillComputed()
        findings = Validator.validate(report, previous: previous)
        version = nextVersion
        nextVersion += 1
        if message?.sticky == true { message = nil }
        editsSinceRecovery += 1
        if editsSinceRecovery >= Self.recoveryEveryEdits {
            editsSinceRecovery = 0
            effects.append(.writeRecovery(report))
        }
    }

    mutating func restore(_ entry: UndoEntry) {
        report = entry.report
        section = entry.section
        focus = .work
        if let t = currentTable, let c = entry.tableCursor { tableCursors[t] = c }
        if let caret = entry.caret { textCarets[entry.section] = caret }
        if currentTable == nil {
            // After undoing a long paste the text is shorter: show the caret's line without
            // leaving the view scrolled past the end.
            let wrapped = wrappedText(section)
            let li = TextLayout.lineIndex(of: caret(in: section, wrapped), in: wrapped.lines)
            let h = TextView.bodyHeight(layout)
            textTop[section] = max(0, min(li, wrapped.lines.count - h))
        }
        selectionAnchor = nil
        cellEdit = nil
        findings = Validator.validate(report, previous: previous)
        version = entry.version
        if message?.sticky == true { message = nil }
        editsSinceRecovery += 1
        lastTextEdit = nil
    }

    mutating func undo() {
        guard let entry = undoStack.popLast() else { message = StatusMessage(text: "没有可撤销的操作。", isError: false); return }
        redoStack.append(UndoEntry(report: report, version: version, section: entry.section, tableCursor: entry.tableCursor,
                                   caret: entry.section == section ? caret(in: section) : entry.caret))
        restore(entry)
        message = StatusMessage(text: "已撤销。", isError: false)
    }

    mutating func redo() {
        guard let entry = redoStack.popLast() else { message = StatusMessage(text: "没有可重做的操作。", isError: false); return }
        undoStack.append(UndoEntry(report: report, version: version, section: entry.section, tableCursor: entry.tableCursor,
                                   caret: entry.caret))
        restore(entry)
        message = StatusMessage(text: "已重做。", isError: false)
    }
}
