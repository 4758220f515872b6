import Foundation
import Testing
import ZIPFoundation
@testable import NianbaoCore
@testable import NianbaoDocx

/// .docx import: generated reports written as Word writes them, read back through the loader
/// and the importer; zip bombs, broken archives and non-regular files refused with a message.
@Suite struct DocxImportTests {
    static let count = 120

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Cells read right, wrong, and left blank (reported) over `reports`.
    struct Tally: CustomStringConvertible {
        var right = 0
        var wrong = 0
        var blank = 0
        var wrongExamples: [String] = []
        var description: String { "\(right) right, \(wrong) wrong, \(blank) left blank" }

        mutating func add(expected: Report, read: Report) {
            guard expected.form == read.form else {
                wrong += expected.cells.count
                return
            }
            for cell in expected.definition.cells {
                let e = expected.cells[cell.index]
                let r = read.cells[cell.index]
                if r == e { right += 1 } else if r.isEmpty { blank += 1 } else {
                    wrong += 1
                    if wrongExamples.count < 5 { wrongExamples.append("\(cell.ref): \(e) → \(r)") }
                }
            }
        }
    }

    @Test(arguments: FormVersion.allCases)
    func generatedReportsRoundTripThroughWord(form: FormVersion) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var tally = Tally()
        for seed in 0..<UInt64(Self.count) {
            let report = SampleReports.report(seed: seed, form: form)
            let url = folder.appendingPathComponent("\(seed).docx")
            try Data(try DocxTestWriter.docx(report, seed: seed)).write(to: url)
            let input = try ImportSourceLoader.load(path: url.path)
            guard case .word = input else {
                Issue.record("seed \(seed): not read as Word")
                continue
            }
            let result = try ReportImporter.import(input, options: ImportOptions(partial: true))
            tally.add(expected: report, read: result.report)
            #expect(result.report.year == report.year && result.report.agency == report.agency, "seed \(seed)")
            #expect(result.report.form == report.form, "seed \(seed)")
            // Only the deliberately empty cells are reported as errors.
            let empties = report.cells.filter(\.isEmpty).count
            #expect(result.problems.filter { $0.level == .error }.count == empties, "seed \(seed)")
            for section in [SectionID.s1, .s5, .s6] {
                #expect(result.report.text(section) == report.text(section), "seed \(seed) \(section)")
            }
        }
        print("docx \(form.rawValue): \(Self.count) generated reports: \(tally)")
        #expect(tally.wrong == 0, "\(tally.wrongExamples)")
        #expect(tally.blank == 0)
        #expect(tally.right == Self.count * form.definition.cells.count)
    }

    @Test func zipBombIsRefusedWhileInflating() throws {
        // 65 MiB of one byte deflates to about 64 KB; the declared size alone already refuses it.
        let huge = [UInt8](repeating: UInt8(ascii: " "), count: ImportLimits.maxDocxPartBytes + 1024)
        let bomb = DocxPackage.package(parts: [(DocxPackage.mainPart, huge)])
        #expect(bomb.count < 1_000_000)
        do {
            _ = try DocxPackage.documentXML(bomb, name: "bomb.docx")
            Issue.record("bomb accepted")
        } catch {
            #expect(error.message.contains("解压后超过 64 MiB"), "\(error)")
        }
        // A part whose declared size is within the cap but whose data is not is cut off while inflating.
        let small = DocxPackage.package(parts: [(DocxPackage.mainPart, [UInt8](repeating: 0x20, count: 10_000))])
        do {
            _ = try DocxPackage.documentXML(small, name: "small.docx", maxPartBytes: 4096)
            Issue.record("over-cap part accepted")
        } catch {
            #expect(error.message.contains("解压后超过"), "\(error)")
        }
    }

    @Test func tooManyEntriesAndMissingPartsAreRefused() throws {
        let parts = (0..<30).map { ("f\($0).xml", [UInt8]("x".utf8)) }
        do {
            _ = try DocxPackage.documentXML(DocxPackage.package(parts: parts), name: "many.docx", maxEntries: 20)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("超过 20 个"))
        }
        do {
            _ = try DocxPackage.documentXML(DocxPackage.package(parts: [("xl/workbook.xml", [0x20])]), name: "book.xlsx")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("Excel") && error.message.contains("word/document.xml"))
        }
        var broken = try DocxTestWriter.docx(SampleReports.report(seed: 1, form: .v2021))
        broken.removeLast(broken.count / 2)
        do {
            _ = try ImportSourceLoader.load(bytes: broken, name: "half.docx")
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("没有 zip 目录"), "\(error)")
        }
    }

    @Test func malformedXMLInsideADocxSaysWhere() throws {
        let bytes = try DocxTestWriter.package(documentXML: "<w:document xmlns:w=\"\(DocxTestWriter.namespace)\">\n<w:body><w:p></w:body></w:document>")
        do {
            _ = try ImportSourceLoader.load(bytes: bytes, name: "bad.docx")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains("bad.docx"))
            #expect(error.message.contains("word/document.xml 第 2 行第 14 列"), "\(error)")
            #expect(error.message.contains("</w:body>") && error.message.contains("<w:p>"))
        }
    }

    @Test func sniffingAndNonRegularFiles() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ImportSourceLoader.format(of: Array("%PDF-1.7\n".utf8)) == .pdf)
        #expect(ImportSourceLoader.format(of: [0x50, 0x4B, 0x03, 0x04, 0]) == .docx)
        #expect(ImportSourceLoader.format(of: Array("<html><body><p>x</p></body></html>".utf8)) == .text)

        let fifo = folder.appendingPathComponent("fifo.html").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try ImportSourceLoader.load(path: fifo)
            Issue.record("FIFO accepted")
        } catch {
            #expect(error.message.contains("命名管道"))
        }
        #expect(clock.now - start < .seconds(5), "refusing a FIFO must not wait for a writer")
        do {
            _ = try ImportSourceLoader.load(path: folder.path)
            Issue.record("directory accepted")
        } catch {
            #expect(error.message.contains("目录"))
        }
        do {
            _ = try ImportSourceLoader.load(path: folder.appendingPathComponent("none.docx").path)
            Issue.record("missing file accepted")
        } catch {
            #expect(error.message.contains("不存在"))
        }
        let old = folder.appendingPathComponent("old.doc")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).write(to: old)
        #expect(throws: ImportSourceError.self) { try ImportSourceLoader.load(path: old.path) }
        let fake = folder.appendingPathComponent("fake.docx")
        try Data([0x01, 0x00, 0x02]).write(to: fake)
        do {
            _ = try ImportSourceLoader.load(path: fake.path)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("扩展名是 .docx"))
        }
        // Text named .md or .txt stays text.
        let text = folder.appendingPathComponent("r.md")
        try Data("| 规章 | 1 | 2 | 3 |\n".utf8).write(to: text)
        guard case .text = try ImportSourceLoader.load(path: text.path) else {
            Issue.record("text not read as text")
            return
        }
    }

    @Test func packagesAreReproducible() {
        let parts = [(DocxPackage.mainPart, Array("<x/>".utf8)), ("_rels/.rels", Array("<r/>".utf8))]
        #expect(DocxPackage.package(parts: parts) == DocxPackage.package(parts: parts))
    }
}
