import Foundation
import ZIPFoundation
@testable import NianbaoCore

/// Writes a report as a .docx the way Word does (docx-layout.md): a title paragraph, the six
/// section headings, text paragraphs, and each table on its grid (`w:tblGrid`, `w:gridSpan`,
/// vertical merges as a `restart` cell and bare `w:vMerge` cells below it), text split over
/// several runs with properties, as Word splits it when a cell was edited or formatted.
///
/// For tests only: the layout comes from the same `PrintedTable` the HTML export prints.
enum DocxTestWriter {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// The .docx bytes of `report`; `seed` varies how text is split into runs.
    static func docx(_ report: Report, seed: UInt64 = 0) throws -> [UInt8] {
        try package(documentXML: documentXML(report, seed: seed))
    }

    /// A zip with the parts a Word document needs and `documentXML` as its body.
    static func package(documentXML: String, extraEntries: [(String, [UInt8])] = []) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        </Types>
        """
        let rels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """
        let entries: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(rels.utf8)),
            ("word/document.xml", Array(documentXML.utf8)),
        ] + extraEntries
        for (path, bytes) in entries {
            try add(path, bytes, to: archive)
        }
        return [UInt8](archive.data ?? Data())
    }

    static func add(_ path: String, _ bytes: [UInt8], to archive: Archive) throws {
        let data = Data(bytes)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             modificationDate: Date(timeIntervalSince1970: 1_700_000_000), compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<(Int(position) + size))
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A paragraph whose text is split into runs at places chosen by `g`.
    static func paragraph(_ text: String, bold: Bool = false, using g: inout SampleReports.Generator) -> String {
        guard !text.isEmpty else { return "<w:p/>" }
        var runs = ""
        let characters = Array(text)
        var start = 0
        while start < characters.count {
            let length = max(1, Int(g.next() % 6) + 1)
            let end = min(characters.count, start + length)
            let piece = String(characters[start..<end])
            let properties = bold || g.next() % 3 == 0
                ? "<w:rPr><w:rFonts w:hint=\"eastAsia\"/>\(bold ? "<w:b/>" : "")<w:sz w:val=\"21\"/></w:rPr>" : ""
            let space = piece.first == " " || piece.last == " " ? " xml:space=\"preserve\"" : ""
            runs += "<w:r>\(properties)<w:t\(space)>\(escape(piece))</w:t></w:r>"
            // Word puts bookmarks and proofing marks between runs.
            if g.next() % 7 == 0 { runs += "<w:proofErr w:type=\"spellStart\"/>" }
            start = end
        }
        return "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>\(runs)</w:p>"
    }

    static func documentXML(_ report: Report, seed: UInt64) -> String {
        var g = SampleReports.Generator(seed: seed &+ 0x9E37)
        var body = paragraph(ReportExporter.title(report), bold: true, using: &g)
        let definition = report.definition
        for section in definition.sections {
            body += paragraph(section.title, bold: true, using: &g)
            switch section.content {
            case .text:
                for line in report.text(section.id).split(separator: "\n", omittingEmptySubsequences: false) {
                    body += paragraph(String(line), using: &g)
                }
            case .table(let id):
                body += table(PrintedTable.make(definition.table(id), report: report), using: &g)
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(namespace)" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" mc:Ignorable=""><w:body>\(body)\
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
        """
    }

    /// A table on its grid: every row has a `w:tc` for each slot run, merged slots as bare `w:vMerge`.
    static func table(_ printed: PrintedTable, using g: inout SampleReports.Generator) -> String {
        let rows = printed.headerRows + printed.bodyRows
        // Grid placement, as a browser does it: covered[r][c] is the cell (origin row, span) above.
        var covered: [[Int: (span: Int, last: Bool)]] = Array(repeating: [:], count: rows.count + 1)
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders/></w:tblPr><w:tblGrid>"
        xml += String(repeating: "<w:gridCol w:w=\"800\"/>", count: printed.width) + "</w:tblGrid>"
        for (r, row) in rows.enumerated() {
            xml += "<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>"
            var column = 0
            var cells = row[...]
            func continuations() {
                while let cover = covered[r][column] {
                    let span = cover.span > 1 ? "<w:gridSpan w:val=\"\(cover.span)\"/>" : ""
                    xml += "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>\(span)<w:vMerge/></w:tcPr><w:p/></w:tc>"
                    column += cover.span
                }
            }
            continuations()
            while let cell = cells.popFirst() {
                let span = cell.colspan > 1 ? "<w:gridSpan w:val=\"\(cell.colspan)\"/>" : ""
                let merge = cell.rowspan > 1 ? "<w:vMerge w:val=\"restart\"/>" : ""
                for below in 1..<max(1, cell.rowspan) where r + below < covered.count {
                    covered[r + below][column] = (cell.colspan, below == cell.rowspan - 1)
                }
                // Long labels sometimes come as two paragraphs (a manual line end in the cell).
                var content = paragraph(cell.text, using: &g)
                if cell.role == .rowLabel, cell.text.count > 12, g.next() % 4 == 0 {
                    let characters = Array(cell.text)
                    let cut = characters.count / 2
                    content = paragraph(String(characters[..<cut]), using: &g) + paragraph(String(characters[cut...]), using: &g)
                }
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>\(span)\(merge)<w:vAlign w:val=\"center\"/></w:tcPr>\(content)</w:tc>"
                column += cell.colspan
                continuations()
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }
}
