#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text layer of a PDF, through `pdftotext -layout` (Debian's `poppler-utils`), run as a
/// child process with a time limit and a cap on what it may print.
public enum PDFText {
    /// The program run.
    public static let tool = "pdftotext"
    /// The Debian/Ubuntu package that has it.
    public static let package = "poppler-utils"
    /// Most of the program's error output kept for the message.
    static let maxErrorBytes = 4096

    /// The text of the PDF at `path` (`name` is how the user named it), pages separated by
    /// form feeds. Throws a clear message when the tool is missing, fails, runs too long or
    /// prints too much, and when the PDF has no text layer (a scan).
    public static func extract(path: String, name: String? = nil, tool: String = PDFText.tool,
                               timeoutSeconds: Int = ImportLimits.pdfTimeoutSeconds,
                               maxBytes: Int = ImportLimits.maxPDFTextBytes) throws(ImportSourceError) -> [UInt8] {
        let shown = name ?? path
        // pdftotext has no `--`: a name starting with `-` would be taken for an option.
        let argument = path.hasPrefix("-") ? "./" + path : path
        let run: ChildRun
        do {
            run = try ChildProcess.run([tool, "-layout", "-enc", "UTF-8", argument, "-"],
                                       timeoutSeconds: timeoutSeconds, maxOutput: maxBytes, maxError: maxErrorBytes)
        } catch {
            switch error {
            case .notFound:
                throw ImportSourceError(path: shown, message: "读取 PDF 需要 \(tool) 程序，但没有找到。请安装软件包 \(package)（例如：sudo apt-get install \(package)），或把报告另存为网页或文字后再导入。")
            case .timedOut:
                throw ImportSourceError(path: shown, message: "\(tool) 超过 \(timeoutSeconds) 秒仍未读完这个 PDF，已停止。文件可能已损坏或过于复杂。")
            case .outputTooLarge:
                throw ImportSourceError(path: shown, message: "PDF 的文字层超过 \(maxBytes / 1024 / 1024) MiB 上限，不可能是一份年度报告。")
            case .failed(let reason):
                throw ImportSourceError(path: shown, message: "无法运行 \(tool)：\(reason)。")
            }
        }
        guard run.status == 0 else {
            let detail = String(decoding: run.error, as: UTF8.self)
                .split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map { "：" + TerminalSafe.sanitize($0) } ?? ""
            let hint = run.status == 3 ? "（PDF 有密码或禁止复制文字）" : ""
            throw ImportSourceError(path: shown, message: "\(tool) 无法读取这个 PDF\(hint)，退出码 \(run.status)\(detail)")
        }
        if !run.output.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C) }) {
            throw ImportSourceError(path: shown, message: "这个 PDF 没有文字层（可能是扫描件或图片），无法读取表格。请找到文字版的报告，或先用 OCR 识别出文字再导入。")
        }
        return run.output
    }

    /// True when `tool` can be found on `PATH`.
    public static func isAvailable(_ tool: String = PDFText.tool) -> Bool {
        guard let path = getenv("PATH").map({ String(cString: $0) }) else { return false }
        for folder in path.split(separator: ":") where access(folder + "/" + tool, X_OK) == 0 { return true }
        return false
    }
}
