import ArgumentParser
import NianbaoCore

/// `nianbao fmt`: rewrites files in canonical form.
struct Fmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把报告文件改写为规范格式（键序、缩进、数字写法固定）。",
        discussion: """
            内容不变，只改写排版；同一份报告只有一种字节形式。--check 只报告哪些文件需要改写（退出码 1），不修改文件。

            示例：
              nianbao fmt 2025.json
              nianbao fmt --check reports/*.json
            """
    )

    @Argument(help: "一个或多个报告文件。")
    var files: [String]

    @Flag(help: "只检查，不改写；有需要改写的文件时退出码为 1。")
    var check = false

    func run() throws {
        var code: Int32 = 0
        for path in files {
            do {
                let bytes = try ReportFile.readBytes(path: path)
                let canonical = ReportFile.encode(try ReportFile.decode(bytes, path: path))
                guard canonical != bytes else { continue }
                if check {
                    print("需要改写：\(TerminalSafe.sanitize(path))")
                    code = max(code, 1)
                } else {
                    try AtomicFileWriter.write(canonical, to: path)
                    print("已改写：\(TerminalSafe.sanitize(path))")
                }
            } catch let error as ReportFileError {
                Console.error("nianbao: \(TerminalSafe.sanitize(error.description))\n")
                code = 2
            } catch {
                Console.error("nianbao: \(TerminalSafe.sanitize("\(error)"))\n")
                code = 2
            }
        }
        if code != 0 { throw ExitCode(code) }
    }
}

/// `nianbao digest`: prints the content hash.
struct Digest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "打印报告内容的 SHA-256 摘要（基于 RFC 8785 规范化 JSON，与排版无关）。",
        discussion: """
            示例：
              nianbao digest 2025.json
              sha256:3f2a…  2025.json
            """
    )

    @Argument(help: "报告文件。")
    var file: String

    func run() throws {
        try reportingFailures {
            do {
                let report = try ReportFile.load(path: file)
                print("\(ReportFile.digest(report))  \(TerminalSafe.sanitize(file))")
            } catch let error as ReportFileError {
                throw CommandFailure(code: 2, message: error.description)
            }
        }
    }
}
