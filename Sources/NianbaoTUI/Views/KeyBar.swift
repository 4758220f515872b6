/// The two-line nano-style key bar.
enum KeyBar {
    static let edit: [[(String, String)]] = [
        [("^S", "保存"), ("^X", "退出"), ("F1", "帮助"), ("^N", "下一问题"), ("^P", "上一问题"), ("Tab", "切换窗格")],
        [("^U", "撤销"), ("^R", "重做"), ("Del", "清空"), ("Esc", "取消输入"), ("F3/F4", "上下节"), ("^Z", "挂起")],
    ]
    static let view: [[(String, String)]] = [
        [("^X", "退出"), ("F1", "帮助"), ("^N", "下一问题"), ("^P", "上一问题"), ("Tab", "切换窗格"), ("Enter", "跳转")],
        [("F3/F4", "上下节"), ("Alt-1~6", "跳节"), ("PgUp", "上翻"), ("PgDn", "下翻"), ("^Z", "挂起"), ("^L", "重画")],
    ]

    static func draw(_ state: EditorState, into grid: inout ScreenGrid) {
        let layout = state.layout
        let bar = state.mode == .edit ? edit : view
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
