#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import NianbaoCore

/// The entry point: the plain editor commands start at once, everything else goes through ArgumentParser.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if BatchLaunch.run(arguments) { return }
        guard let launch = QuickLaunch(arguments: arguments) else {
            Nianbao.main(arguments)
            return
        }
        do {
            try launch.run()
        } catch let code as ExitCode {
            // The message is already on stderr; ArgumentParser's exit(withError:) would build help text first.
            exit(code.rawValue)
        } catch {
            Nianbao.exit(withError: error)
        }
    }
}

/// `nianbao`: the root command.
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "政府信息公开工作年度报告：编辑、检查、导入与导出。",
        discussion: """
            不带参数运行时，打开内置的示例报告（驻马店市水利局 2020 年度报告的数据，临时副本）。

            示例：
              nianbao
              nianbao edit 2025.json
              nianbao new --year 2025 --agency 某某市水利局 -o 2025.json
              nianbao check 2025.json
            """,
        subcommands: [Edit.self, View.self, New.self, Check.self, Status.self, Sum.self, Review.self, Diff.self, Fmt.self, Digest.self, Import.self, Export.self]
    )

    /// With no subcommand: the editor on a temporary copy of the built-in sample.
    func run() throws {
        try Self.openSample()
    }

    /// The editor on a fresh temporary copy of the built-in sample.
    static func openSample() throws {
        try reportingFailures { try BuiltInSample.open() }
    }
}
