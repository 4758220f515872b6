import Foundation
import Testing
@testable import NianbaoCore
@testable import NianbaoDocx

/// Replays the importer fuzz corpus (`Fuzz/import-corpus/`) and its crash reproducers
/// (`Fuzz/import-regressions/`) with the checks of `Fuzz/nianbao-import-fuzz`: nothing crashes,
/// every refusal has a message, every imported report saves and loads back unchanged.
///
/// The generated seeds (`gen-*`) are re-made with `NIANBAO_RECORD_SNAPSHOTS=1 swift test
/// --filter ImportFuzzCorpusTests` (the LibreOffice ones, `lo-*`, only where it is installed);
/// `real-*` are excerpts of published reports from the shared corpus, `hostile-*` the shapes
/// of issue 14 in small.
@Suite struct ImportFuzzCorpusTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func files(in relative: String) throws -> [URL] {
        let dir = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: dir.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix(".") }.sorted()
            .map { dir.appendingPathComponent($0) }
    }

    /// What the fuzz target does with one input; returns whether it imported.
    @discardableResult
    static func replay(_ bytes: [UInt8], name: String) -> Bool {
        var imported = false
        func check(_ input: ImportInput) {
            do {
                let result = try ReportImporter.import(input, options: ImportOptions(partial: true))
                let encoded = ReportFile.encode(result.report)
                let again = try? ReportFile.decode(encoded, path: name)
                #expect(again == result.report, "\(name): an imported report changes when saved and loaded")
                imported = true
            } catch {
                #expect(!error.description.isEmpty, "\(name)")
            }
        }
        if ImportSourceLoader.format(of: bytes) == .docx {
            do {
                check(.word(try DocxPackage.document(bytes, name: name)))
            } catch {
                #expect(!error.message.isEmpty, "\(name)")
            }
            return imported
        }
        check(.text(bytes))
        if bytes.contains(0x0C) { check(.pdfText(bytes)) }
        return imported
    }

    @Test func corpusReplays() throws {
        if ProcessInfo.processInfo.environment["NIANBAO_RECORD_SNAPSHOTS"] == "1" { try Self.record() }
        let files = try Self.files(in: "Fuzz/import-corpus")
        #expect(files.count >= 15, "Fuzz/import-corpus should hold the seeds")
        var imported = 0
        for url in files {
            let name = url.lastPathComponent
            let ok = Self.replay(Array(try Data(contentsOf: url)), name: name)
            if ok { imported += 1 }
            if name.hasPrefix("gen-") || name.hasSuffix(".docx") && name.hasPrefix("lo-") { #expect(ok, "\(name) is a generated report and must import") }
        }
        #expect(imported >= 9)
        for prefix in ["gen-", "real-", "hostile-"] {
            #expect(files.contains { $0.lastPathComponent.hasPrefix(prefix) }, "no \(prefix) seeds")
        }
    }

    @Test func regressionsReplay() throws {
        for url in try Self.files(in: "Fuzz/import-regressions") {
            Self.replay(Array(try Data(contentsOf: url)), name: url.lastPathComponent)
        }
    }

    /// Writes the generated seeds.
    static func record() throws {
        let dir = root.appendingPathComponent("Fuzz/import-corpus")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let r21 = SampleReports.report(seed: 3, form: .v2021)
        let r19 = SampleReports.report(seed: 4, form: .v2019)
        try write("gen-2021.html", Array(ReportExporter.html(r21).utf8))
        try write("gen-2019.html", Array(ReportExporter.html(r19).utf8))
        try write("gen-2021-pipes.txt", Array(ReportExporter.plainText(r21).utf8))
        try write("gen-2019-flattened.txt", Array(ReportExporter.flattenedText(r19).utf8))
        try write("gen-2021.md", Array(ReportExporter.markdown(r21).utf8))
        try write("gen-2021.docx", try DocxTestWriter.docx(r21, seed: 3))
        try write("gen-2019.docx", try DocxTestWriter.docx(r19, seed: 4))
        try write("hostile-spans.html", Array(("<table><tr>" + String(repeating: "<td rowspan=1000 colspan=1000>1", count: 8) + "</table>").utf8))
        try write("hostile-nested.html", Array(String(repeating: "<table><tr><td>", count: 40).utf8))
        try write("hostile-wide-row.html", Array(("<table><tr>" + String(repeating: "<td>1", count: 600) + "</table>").utf8))
        try write("hostile-pipes.txt", Array(String(repeating: "|", count: 3000).utf8))
        try write("hostile-bad.docx", Array(try DocxTestWriter.docx(r21).prefix(900)))
        // Real published excerpts of several shapes.
        let shared = URL(fileURLWithPath: "/work/shared/corpus")
        for number in ["001", "007", "013", "021", "027"] {
            let source = shared.appendingPathComponent("\(number).txt")
            if let data = try? Data(contentsOf: source) { try data.write(to: dir.appendingPathComponent("real-\(number).txt")) }
        }
        // LibreOffice's Word and PDF output of our export, where it is installed.
        guard OfficeConversion.soffice != nil else { return }
        let folder = try DocxImportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("lo-2021.html")
        try Data(ReportExporter.html(r21).utf8).write(to: page)
        if let docx = OfficeConversion.convert([page], to: "docx:MS Word 2007 XML", extension: "docx", in: folder) {
            try write("lo-2021.docx", Array(try Data(contentsOf: docx[0])))
        }
        if PDFText.isAvailable(), let pdf = OfficeConversion.convert([page], to: "pdf", extension: "pdf", in: folder) {
            try write("lo-2021-pdftotext.txt", try PDFText.extract(path: pdf[0].path))
        }
    }
}
