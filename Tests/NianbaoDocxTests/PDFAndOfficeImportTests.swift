import Foundation
import Testing
@testable import NianbaoCore
@testable import NianbaoDocx

/// PDF input through `pdftotext`, and Word/PDF files made by LibreOffice from our HTML export.
/// Tests that need `pdftotext` or `soffice` say so and pass when the tool is missing.
@Suite(.serialized) struct PDFAndOfficeImportTests {
    static let scanPDF = Array("""
    %PDF-1.4
    1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
    2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
    3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
    trailer << /Root 1 0 R >>
    %%EOF

    """.utf8)

    @Test func missingToolIsNamedWithItsPackage() {
        do {
            _ = try PDFText.extract(path: "/nonexistent.pdf", name: "年报.pdf", tool: "nianbao-test-no-such-pdftotext")
            Issue.record("ran a missing tool")
        } catch {
            #expect(error.message.contains("poppler-utils") && error.message.contains("nianbao-test-no-such-pdftotext"))
            #expect(error.description.hasPrefix("年报.pdf："))
        }
    }

    @Test func childProcessTimeLimitAndOutputCap() {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            _ = try ChildProcess.run(["sleep", "30"], timeoutSeconds: 1, maxOutput: 100, maxError: 100)
            Issue.record("no timeout")
        } catch {
            guard case .timedOut = error else {
                Issue.record("\(error)")
                return
            }
        }
        #expect(clock.now - start < .seconds(10))
        do {
            _ = try ChildProcess.run(["yes"], timeoutSeconds: 20, maxOutput: 1 << 20, maxError: 100)
            Issue.record("no output cap")
        } catch {
            guard case .outputTooLarge = error else {
                Issue.record("\(error)")
                return
            }
        }
        let run = try? ChildProcess.run(["sh", "-c", "printf abc; printf err >&2; exit 3"], timeoutSeconds: 10, maxOutput: 100, maxError: 2)
        #expect(run?.status == 3 && run?.output == Array("abc".utf8) && run?.error == Array("er".utf8))
    }

    @Test func scannedAndBrokenPDFs() throws {
        guard PDFText.isAvailable() else {
            print("skipped: pdftotext (poppler-utils) is not installed")
            return
        }
        do {
            _ = try ImportSourceLoader.load(bytes: Self.scanPDF, name: "scan.pdf")
            Issue.record("a PDF without text was accepted")
        } catch {
            #expect(error.message.contains("没有文字层"), "\(error)")
        }
        do {
            _ = try ImportSourceLoader.load(bytes: Array("%PDF-1.4\ngarbage".utf8), name: "broken.pdf")
            Issue.record("a broken PDF was accepted")
        } catch {
            #expect(error.message.contains("无法读取这个 PDF"), "\(error)")
        }
    }

    /// Our HTML export, converted by LibreOffice to .docx and to PDF, then imported: every cell
    /// read must be right (precision); how many are read is printed.
    @Test func libreOfficeConversionsOfOurExport() throws {
        guard OfficeConversion.soffice != nil else {
            print("skipped: LibreOffice (soffice) is not installed")
            return
        }
        let folder = try DocxImportTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var reports: [Report] = []
        var pages: [URL] = []
        for seed in 0..<UInt64(6) {
            let report = SampleReports.report(seed: seed + 500, form: seed % 2 == 0 ? .v2021 : .v2019)
            let url = folder.appendingPathComponent("r\(seed).html")
            try Data(ReportExporter.html(report).utf8).write(to: url)
            reports.append(report)
            pages.append(url)
        }
        guard let docx = OfficeConversion.convert(pages, to: "docx:MS Word 2007 XML", extension: "docx", in: folder) else {
            Issue.record("LibreOffice is installed but did not convert to .docx")
            return
        }
        var wordTally = DocxImportTests.Tally()
        for (report, url) in zip(reports, docx) {
            let input = try ImportSourceLoader.load(path: url.path)
            let result = try ReportImporter.import(input, options: ImportOptions(partial: true))
            wordTally.add(expected: report, read: result.report)
            #expect(result.report.year == report.year && result.report.agency == report.agency)
        }
        print("LibreOffice .docx of our export: \(reports.count) reports: \(wordTally)")
        #expect(wordTally.wrong == 0, "\(wordTally.wrongExamples)")
        #expect(wordTally.blank == 0, "LibreOffice keeps the grid: every cell should be read")

        guard PDFText.isAvailable() else {
            print("skipped PDF: pdftotext (poppler-utils) is not installed")
            return
        }
        guard let pdfs = OfficeConversion.convert(pages, to: "pdf", extension: "pdf", in: folder) else {
            Issue.record("LibreOffice is installed but did not convert to PDF")
            return
        }
        var pdfTally = DocxImportTests.Tally()
        for (report, url) in zip(reports, pdfs) {
            let input = try ImportSourceLoader.load(path: url.path)
            guard case .pdfText = input else {
                Issue.record("not read as a PDF")
                continue
            }
            do {
                let result = try ReportImporter.import(input, options: ImportOptions(year: report.year, agency: report.agency, partial: true))
                pdfTally.add(expected: report, read: result.report)
            } catch {
                pdfTally.blank += report.cells.count
                print("PDF of report \(report.agency) refused: \(error)")
            }
        }
        print("LibreOffice PDF of our export through pdftotext -layout: \(reports.count) reports: \(pdfTally)")
        #expect(pdfTally.wrong == 0, "\(pdfTally.wrongExamples)")
    }
}
