#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NianbaoCore

/// Turns a file into what the importer reads: a web page, text or Markdown file as it is, a
/// Word document's body, or a PDF's text layer. The format is recognised from the content
/// (zip, `%PDF-`, old binary Word), the extension only naming what was expected; anything that
/// is not a regular file (a FIFO, a socket, a device, a directory) is refused at once.
public enum ImportSourceLoader {
    /// The formats recognised.
    public enum Format: String, Sendable, Equatable {
        case text, docx, pdf
    }

    /// The input for the file at `path`.
    public static func load(path: String) throws(ImportSourceError) -> ImportInput {
        let bytes = try read(path: path)
        return try load(bytes: bytes, name: path, path: path)
    }

    /// The input for bytes already read (standard input): a PDF is written to a private
    /// temporary file for `pdftotext` and removed afterwards.
    public static func load(bytes: [UInt8], name: String) throws(ImportSourceError) -> ImportInput {
        try load(bytes: bytes, name: name, path: nil)
    }

    /// The format of `bytes`, from their first bytes (the content decides, not the name).
    public static func format(of bytes: [UInt8]) -> Format {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .docx }
        // PDF readers accept the marker anywhere in the first kilobyte.
        let marker: [UInt8] = Array("%PDF-".utf8)
        let head = bytes.prefix(1024)
        if head.count >= marker.count {
            for start in 0...(head.count - marker.count) where head[start..<(start + marker.count)].elementsEqual(marker) { return .pdf }
        }
        return .text
    }

    static func load(bytes: [UInt8], name: String, path: String?) throws(ImportSourceError) -> ImportInput {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw ImportSourceError(path: name, message: "这是旧版 Word（.doc）或 WPS 文件，无法直接读取。请在 Word 或 WPS 中“另存为” .docx 后再导入。")
        }
        switch format(of: bytes) {
        case .docx:
            return .word(try DocxPackage.document(bytes, name: name))
        case .pdf:
            if let path { return .pdfText(try PDFText.extract(path: path, name: name)) }
            return .pdfText(try withTemporaryFile(bytes, name: name, suffix: ".pdf") { (file: String) throws(ImportSourceError) in
                try PDFText.extract(path: file, name: name)
            })
        case .text:
            let lower = name.lowercased()
            if (lower.hasSuffix(".docx") || lower.hasSuffix(".pdf")), bytes.prefix(4096).contains(0) {
                let what = lower.hasSuffix(".pdf") ? "PDF（应以 %PDF- 开头）" : "Word 文档（.docx 是 zip 压缩包）"
                throw ImportSourceError(path: name, message: "扩展名是 \(lower.hasSuffix(".pdf") ? ".pdf" : ".docx")，但内容不是\(what)，文件可能已损坏。")
            }
            // Whatever the extension (.html, .htm, .txt, .md, or a .docx that is really text),
            // the importer recognises the shape of text from its content.
            return .text(bytes)
        }
    }

    /// Reads a regular file, refusing anything else before a read could block (through
    /// `ReportFile.readBytes`, which opens without blocking and checks the type with `fstat`).
    public static func read(path: String) throws(ImportSourceError) -> [UInt8] {
        do {
            return try ReportFile.readBytes(path: path)
        } catch {
            throw ImportSourceError(path: path, message: error.message)
        }
    }

    /// Runs `body` with `bytes` in a temporary file only this user can read, removed afterwards.
    static func withTemporaryFile<T>(_ bytes: [UInt8], name: String, suffix: String,
                                     _ body: (String) throws(ImportSourceError) -> T) throws(ImportSourceError) -> T {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((folder + "/nianbao-import-XXXXXX" + suffix).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, Int32(suffix.utf8.count)) }
        guard fd >= 0 else {
            throw ImportSourceError(path: name, message: "无法创建临时文件：\(String(cString: strerror(errno)))。")
        }
        let file = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(file) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                close(fd)
                throw ImportSourceError(path: name, message: "无法写入临时文件：\(String(cString: strerror(errno)))。")
            }
            written += n
        }
        close(fd)
        return try body(file)
    }
}
