import NianbaoCore

/// The report's own details, edited on one page (Alt-I / F11): agency, year, form, scope,
/// preface (前言) and sign-off (落款 agency and date).
public struct InfoForm: Sendable, Hashable {
    /// One text per field, in `InfoForm.labels` order.
    public var values: [String]
    public var selected: Int

    public static let labels = ["机关名称", "报告年度", "格式版本", "报告范围", "前言", "落款机关", "落款日期"]
    static let agency = 0, year = 1, form = 2, scope = 3, preface = 4, signOffAgency = 5, signOffDate = 6
    static let scopeNames: [(ReportScope, String)] = [(.agency, "本机关"), (.government, "本级政府汇总")]

    /// The form filled from a report.
    public init(_ r: Report) {
        values = [r.agency, String(r.year), r.form.rawValue, Self.scopeNames.first { $0.0 == r.scope }?.1 ?? "本机关",
                  r.preface, r.signOff?.agency ?? "", r.signOff?.date?.description ?? ""]
        selected = 0
    }

    /// True for the two fields that switch between two choices.
    static func isChoice(_ field: Int) -> Bool { field == form || field == scope }

    /// The next choice of a choice field.
    mutating func toggle() {
        switch selected {
        case Self.form: values[Self.form] = values[Self.form] == FormVersion.v2019.rawValue ? FormVersion.v2021.rawValue : FormVersion.v2019.rawValue
        case Self.scope: values[Self.scope] = values[Self.scope] == "本机关" ? "本级政府汇总" : "本机关"
        default: break
        }
    }
}

extension EditorState {
    /// Opens the report-details page.
    mutating func openInfo() {
        guard commitEdit() else { return }
        dialog = .info(InfoForm(report))
    }

    mutating func infoAction(_ form: InfoForm, _ action: EditorAction) {
        var f = form
        let field = f.selected
        let readOnly = mode == .view
        switch action {
        case .move(.down), .nextCell(forward: true):
            f.selected = min(InfoForm.labels.count - 1, field + 1)
        case .move(.up), .nextCell(forward: false):
            f.selected = max(0, field - 1)
        case .activate, .newline:
            if field == InfoForm.preface, !readOnly { f.values[field].append("\n") } else if field == InfoForm.labels.count - 1 {
                return applyInfo(f)
            } else {
                f.selected = field + 1
            }
        case .insert(let c), .answer(let c):
            guard !readOnly else { message = StatusMessage(text: Self.readOnlyMessage, isError: true); return }
            if InfoForm.isChoice(field) { f.toggle() } else { f.values[field].append(c) }
        case .move(.left), .move(.right):
            if InfoForm.isChoice(field), !readOnly { f.toggle() }
        case .paste(let text):
            guard !readOnly, !InfoForm.isChoice(field) else { return }
            let clean = TextLines.unixLineEnds(text)
            f.values[field] += field == InfoForm.preface ? clean : clean.filter { $0 != "\n" }
        case .deleteBackward:
            guard !readOnly, !InfoForm.isChoice(field) else { return }
            if !f.values[field].isEmpty { f.values[field].removeLast() }
        case .save:
            if readOnly { dialog = nil; return }
            return applyInfo(f)
        case .cancel, .toggleHelp, .quit:
            dialog = nil
            if !readOnly, f != InfoForm(report) { message = StatusMessage(text: "报告信息的修改已取消。", isError: false) }
            return
        case .resize:
            break
        default:
            return
        }
        dialog = .info(f)
    }

    /// Checks the page and applies it as one undo step; a form change converts explicitly.
    mutating func applyInfo(_ f: InfoForm, confirmed: Bool = false) {
        let agency = f.values[InfoForm.agency].trimmingAllSpaceText
        guard !agency.isEmpty else { return refuseInfo(f, InfoForm.agency, "机关名称不能为空。") }
        guard let year = Int(f.values[InfoForm.year].trimmingAllSpaceText), (2008...2100).contains(year) else {
            return refuseInfo(f, InfoForm.year, "年度应为四位数字，例如 2025。")
        }
        guard let form = FormVersion(rawValue: f.values[InfoForm.form]) else {
            return refuseInfo(f, InfoForm.form, "格式版本只能是 2019 或 2021。")
        }
        let scope = InfoForm.scopeNames.first { $0.1 == f.values[InfoForm.scope] }?.0 ?? .agency
        let dateText = f.values[InfoForm.signOffDate].trimmingAllSpaceText
        var date: CalendarDate?
        if !dateText.isEmpty {
            guard let d = CalendarDate(dateText) else {
                return refuseInfo(f, InfoForm.signOffDate, "落款日期应写成 YYYY-MM-DD，例如 2025-01-20。")
            }
            date = d
        }
        let signOffAgency = f.values[InfoForm.signOffAgency].trimmingAllSpaceText
        var next: Report
        var note = ""
        if form != report.form {
            let (converted, dropped) = Self.convert(report, to: form)
            if !dropped.isEmpty, !confirmed {
                dialog = .confirmConversion(f, dropped)
                return
            }
            next = converted
            note = "；已转换为 \(form.displayName)格式（两版相同的格沿用\(dropped.isEmpty ? "" : "，\(dropped.count) 格无法沿用已清除")）"
        } else {
            next = report
        }
        next.agency = agency
        next.year = year
        next.scope = scope
        next.preface = f.values[InfoForm.preface]
        next.signOff = signOffAgency.isEmpty && date == nil ? nil : SignOff(agency: signOffAgency, date: date)
        dialog = nil
        guard next != report else { return }
        pushUndo()
        report = next
        var ignored: [Effect] = []
        edited(effects: &ignored)
        message = StatusMessage(text: "报告信息已更新\(note)（Ctrl-U 可撤销）。", isError: false)
    }

    mutating func refuseInfo(_ f: InfoForm, _ field: Int, _ text: String) {
        var g = f
        g.selected = field
        dialog = .info(g)
        message = StatusMessage(text: text, isError: true)
    }

    /// The report in another form: every cell the two forms share (same table, row and column)
    /// is kept, text and details too; returns the labels of the values that could not be kept.
    static func convert(_ r: Report, to form: FormVersion) -> (Report, [String]) {
        var out = Report(agency: r.agency, year: r.year, form: form, scope: r.scope)
        out.texts = r.texts
        out.preface = r.preface
        out.signOff = r.signOff
        out.review = r.review
        out.origin = r.origin
        var dropped: [String] = []
        for cell in r.definition.cells where !r.cells[cell.index].isEmpty && !cell.isComputed {
            if let target = out.definition.index(of: cell.ref), !out.definition.cells[target].isComputed,
               out.definition.cells[target].kind == cell.kind {
                out.cells[target] = r.cells[cell.index]
            } else {
                dropped.append("\(cell.label)：\(r.cells[cell.index].displayText)")
            }
        }
        out.fillComputed()
        return (out, dropped)
    }
}
