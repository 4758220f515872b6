/// The built-in help (F1), kept in the binary.
enum HelpText {
    static let text = """
    政府信息公开工作年度报告 编辑器 帮助

    屏幕
      第一行：机关名称、年度、格式版本、文件名；[已修改] 表示有未保存的修改，[只读] 表示查看模式。
      第二行：一至六节，数字为该节的问题数。
      中间：当前节。表格的行标签列固定，列多时左右滚动（< > 表示还有列）。
      下方：问题列表，与光标所在单元格有关的问题排在最前并以 > 标出。
      最下两行：常用按键。

    移动
      方向键            在单元格之间移动；在正文中按字移动光标
      Home / End        行首 / 行尾（表格：第一列 / 最后一列）
      PgUp / PgDn       向上 / 向下翻页
      F3 / F4           上一节 / 下一节（也可用 Alt-1 至 Alt-6 直接跳到某一节）
      Tab / F6          在编辑区和问题列表之间切换；Shift-Tab 反向
      Enter             在问题列表中：跳到该问题所在的单元格

    表格
      输入数字即开始填写；Enter、Tab 或方向键确认，Esc 取消。
      可以输入全角数字（０－９）和千分位逗号（1,234 或 1，234），会自动转换。
      负号只能用于“本年增/减”这类允许负数的格；小数只能用于金额（万元）格，最多 4 位小数。
      Delete 或 Backspace：把当前格清空。没有数据的格请填 0，空白不按 0 计算。
      合计格由系统自动计算，不能直接填写，显示为不同颜色。

    正文（一、五、六节）
      直接输入文字，按 Enter 换行；文字按屏幕宽度自动折行。
      粘贴整段文字算作一次修改，可一次撤销。下方状态行显示字数。

    检查
      每次修改后自动检查全部规则。
      F8、Ctrl-N 或 Alt-N：下一个问题；Shift-F8、Ctrl-P 或 Alt-P：上一个问题。
      （PuTTY、Xshell 中功能键可能无效，请用 Ctrl 或 Alt 组合键。）

    文件
      Ctrl-S 或 F2      保存
      Ctrl-X、Ctrl-Q 或 F10   退出；有未保存的修改时会询问：保存 / 不保存 / 取消
      Ctrl-U、Alt-U 或 F9     撤销
      Ctrl-R、Alt-R 或 Shift-F9   重做
      Ctrl-Z            暂停编辑器回到命令行，输入 fg 返回
      Ctrl-L            重画屏幕
      F1 或 Ctrl-G      打开 / 关闭本帮助

    查看模式（nianbao view）
      与编辑相同的屏幕和移动方式，列出全部问题，但不能修改。

    按 Esc 关闭帮助；上下键或 PgUp / PgDn 翻动。
    """

    static let lines: [String] = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
