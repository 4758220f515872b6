/// The two-line nano-style key bar; it shows the keys that work where the cursor is.
enum KeyBar {
    static let table: [[(String, String)]] = [
        [("^S", "保存"), ("^X", "退出"), ("F1", "帮助"), ("Tab", "下一格"), ("F6", "切换窗格"), ("^N/^P", "问题")],
        [("^U", "撤销"), ("^R", "重做"), ("^O", "填0"), ("^D/^T", "填充"), ("/", "查找"), ("F7", "下一错误")],
    ]
    static let text: [[(String, String)]] = [
        [("^S", "保存"), ("^X", "退出"), ("F1", "帮助"), ("^F", "查找"), ("F6", "切换窗格"), ("^N/^P", "问题")],
        [("^U", "撤销"), ("^R", "重做"), ("^K", "删到行尾"), ("Alt-J", "合并行"), ("F3/F4", "上下节"), ("F7", "下一错误")],
    ]
    static let findings: [[(String, String)]] = [
        [("^S", "保存"), ("^X", "退出"), ("F1", "帮助"), ("Enter", "跳到该格"), ("F6", "回编辑区"), ("空格", "展开")],
        [("↑↓", "选择"), ("/", "查找"), ("n/N", "再找"), ("F7", "下一错误"), ("F3/F4", "上下节"), ("^Z", "挂起")],
    ]
    static let view: [[(String, String)]] = [
        [("^X", "退出"), ("F1", "帮助"), ("^N/^P", "问题"), ("F7", "下一错误"), ("F6", "切换窗格"), ("Enter", "跳转")],
        [("F3/F4", "上下节"), ("Alt-1~6", "跳节"), ("/", "查找"), ("空格", "展开"), ("^W", "复制"), ("PgDn", "下翻")],
    ]

    static func draw(_ state: EditorState, into grid: inout ScreenGrid) {
        let layout = state.layout
        let bar = state.mode == .view ? view : state.focus == .findings ? findings : state.currentTable != nil ? table : text
        for (i, items) in bar.enumerated() {
            let row = layout.keyBarRow + i
            grid.fill(row: row, role: .keyText)
            let slot = max(1, layout.columns / items.count)
            for (j, (key, text)) in items.enumerated() {
                let x = j * slot
                let used = grid.put(key, row: row, column: x, maxWidth: slot - 1, role: .keyName)
                grid.put(" " + text, row: row, column: x + used, maxWidth: slot - 1 - used, role: .keyText)
            }
        }
    }
}
