import Foundation
import NianbaoCore
import ZIPFoundation

/// A Word document's container: a zip archive whose main part is `word/document.xml`.
/// Read with bounds (entry count, uncompressed size checked while inflating, since a zip's
/// declared sizes may lie), so a zip bomb is refused, not inflated.
public enum DocxPackage {
    /// The main document part.
    public static let mainPart = "word/document.xml"

    /// The bytes of `word/document.xml` in the .docx `bytes` (`name` names it in errors).
    public static func documentXML(_ bytes: [UInt8], name: String,
                                   maxPartBytes: Int = ImportLimits.maxDocxPartBytes,
                                   maxEntries: Int = ImportLimits.maxDocxEntries) throws(ImportSourceError) -> [UInt8] {
        guard hasEndOfCentralDirectory(bytes) else {
            throw ImportSourceError(path: name, message: "文件以 zip 标记开头，但没有 zip 目录（Word 文档不完整，可能下载或复制时被截断）。")
        }
        // Read from a private temporary file, not ZIPFoundation's in-memory archive: in 0.9.20
        // that one traps when an entry's offset points past the end of the bytes, and leaks when
        // there is no zip directory (both found by the import fuzzer; Fuzz/import-regressions).
        return try ImportSourceLoader.withTemporaryFile(bytes, name: name, suffix: ".docx") { (file: String) throws(ImportSourceError) in
            try documentXML(file: file, name: name, maxPartBytes: maxPartBytes, maxEntries: maxEntries)
        }
    }

    static func documentXML(file: String, name: String, maxPartBytes: Int, maxEntries: Int) throws(ImportSourceError) -> [UInt8] {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        } catch {
            throw ImportSourceError(path: name, message: "文件以 zip 标记开头，但无法作为 zip 压缩包打开（Word 文档已损坏或不完整）。")
        }
        var entries = 0
        var main: Entry? = nil
        for entry in archive {
            entries += 1
            if entries > maxEntries {
                throw ImportSourceError(path: name, message: "压缩包里的文件超过 \(maxEntries) 个，不像是 Word 文档。")
            }
            if main == nil, entry.path == mainPart, entry.type == .file { main = entry }
        }
        guard let main else {
            let kind = archive["xl/workbook.xml"] != nil ? "（这是 Excel 表格）"
                : archive["ppt/presentation.xml"] != nil ? "（这是 PowerPoint 演示文稿）" : ""
            throw ImportSourceError(path: name, message: "这是 zip 压缩包，但不是 Word 文档\(kind)：没有 \(mainPart)。")
        }
        let tooBig = ImportSourceError(path: name, message: "Word 文档的正文（\(mainPart)）解压后超过 \(maxPartBytes / 1024 / 1024) MiB 上限，不可能是一份年度报告（可能是“压缩炸弹”）。")
        if main.uncompressedSize > UInt64(maxPartBytes) { throw tooBig }
        var xml: [UInt8] = []
        xml.reserveCapacity(Int(min(main.uncompressedSize, UInt64(maxPartBytes))))
        var exceeded = false
        do {
            _ = try archive.extract(main, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                guard xml.count + chunk.count <= maxPartBytes else {
                    exceeded = true
                    throw CocoaError(.fileReadTooLarge)
                }
                xml.append(contentsOf: chunk)
            }
        } catch {
            if exceeded { throw tooBig }
            throw ImportSourceError(path: name, message: "无法解压 \(mainPart)：Word 文档已损坏、被加密或使用了不支持的压缩方式。")
        }
        return xml
    }

    /// True when `bytes` hold a zip end-of-central-directory record (`PK\u{5}\u{6}`, at least 22
    /// bytes, within the last 22 + 65,535 bytes where a zip comment may follow it).
    static func hasEndOfCentralDirectory(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 22 else { return false }
        var k = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while k >= lowest {
            if bytes[k] == 0x50, bytes[k + 1] == 0x4B, bytes[k + 2] == 0x05, bytes[k + 3] == 0x06 { return true }
            k -= 1
        }
        return false
    }

    /// The body of the .docx `bytes`.
    public static func document(_ bytes: [UInt8], name: String) throws(ImportSourceError) -> WordDocument {
        let xml = try documentXML(bytes, name: name)
        do {
            return try WordDocumentReader.read(xml, part: mainPart)
        } catch {
            throw ImportSourceError(path: name, message: error.description)
        }
    }

    /// A zip of `parts` (path, bytes) in the order given, deflated, every entry dated
    /// 1980-01-01 00:00 (zip's earliest time), so the same parts always give the same bytes.
    public static func package(parts: [(String, [UInt8])]) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            var components = DateComponents()
            (components.year, components.month, components.day) = (1980, 1, 1)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone.current
            let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
            for (path, bytes) in parts {
                let data = Data(bytes)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            return [UInt8](archive.data ?? Data())
        } catch {
            // Writing to memory only fails if the library itself is broken.
            fatalError("writing a zip in memory failed: \(error)")
        }
    }
}
