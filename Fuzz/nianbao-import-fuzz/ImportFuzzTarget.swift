import NianbaoCore
import NianbaoDocx

/// The importer fuzz target: untrusted bytes → what `nianbao import` does with a file.
///
/// Bytes starting like a zip go through the .docx path (`DocxPackage`: bounded unzip, then the
/// Word XML reader); everything else is imported as text (web page, pipe text, flattened text,
/// Markdown), and text holding a form feed also as a PDF's text layer (what `pdftotext` prints;
/// the tool itself is not run here).
///
/// Invariants (a violation traps, so libFuzzer records a crash):
/// - reading and importing never crash, whatever the bytes (libFuzzer's `-timeout` and
///   `-rss_limit_mb`/`-malloc_limit_mb` catch hangs and floods);
/// - an imported report saves and loads back unchanged (the importer only makes valid reports);
/// - every refusal has a non-empty message.
enum ImportFuzz {
    /// Problems seen so far; kept so the work is observable and not optimised away.
    nonisolated(unsafe) static var problemCount = 0

    static let options = ImportOptions(partial: true)

    static func run(_ bytes: [UInt8]) {
        if ImportSourceLoader.format(of: bytes) == .docx {
            do {
                let document = try DocxPackage.document(bytes, name: "fuzz.docx")
                check(.word(document))
            } catch {
                guard !error.message.isEmpty else { fatalError("empty .docx refusal") }
            }
            return
        }
        check(.text(bytes))
        if bytes.contains(0x0C) { check(.pdfText(bytes)) }
    }

    static func check(_ input: ImportInput) {
        let result: ImportResult
        do {
            result = try ReportImporter.import(input, options: options)
        } catch {
            guard !error.description.isEmpty else { fatalError("empty import refusal") }
            return
        }
        problemCount &+= result.problems.count
        let encoded = ReportFile.encode(result.report)
        guard let again = try? ReportFile.decode(encoded, path: "fuzz.json") else {
            fatalError("an imported report does not load back")
        }
        guard again == result.report else { fatalError("an imported report changes when saved and loaded") }
    }
}

/// libFuzzer's entry point. Also called by the replay driver in normal builds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    ImportFuzz.run(bytes)
    return 0
}
