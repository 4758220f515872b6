import ArgumentParser
import NianbaoCore

@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "政府信息公开工作年度报告 编辑与检查工具"
    )
}
