/// What the importer reads, once a file has been opened and unpacked: the bytes of a web page,
/// text or Markdown file, the body of a Word document, or the text layer of a PDF.
public enum ImportInput: Sendable {
    /// A web page, text or Markdown file; its shape is recognised from the bytes.
    case text([UInt8])
    /// The body of a Word (.docx) document.
    case word(WordDocument)
    /// The text layer of a PDF, as `pdftotext -layout` gives it (pages separated by form feeds).
    case pdfText([UInt8])
}

extension ReportImporter {
    /// Imports an input read by `ImportSourceLoader` (or built by the caller).
    public static func `import`(_ input: ImportInput, options: ImportOptions = ImportOptions()) throws(ImportError) -> ImportResult {
        switch input {
        case .text(let bytes):
            return try `import`(bytes: bytes, options: options)
        case .word(let document):
            return try importDocument(SourceDocument.word(document), options: options)
        case .pdfText(let bytes):
            // Page breaks are line breaks; the rest is line text like any other.
            return try `import`(bytes: bytes.map { $0 == 0x0C ? 0x0A : $0 }, options: options, fromPDF: true)
        }
    }
}
