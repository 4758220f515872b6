import Foundation
import NianbaoCore
import NianbaoTestSupport

/// `nianbao-bench import-digest [N]`: one line per input set with a digest of everything the
/// import produced — the report file, every problem and question, the input kind and sources —
/// over N generated reports in every published shape, the 200 KB inputs, and the files named by
/// `NIANBAO_DIGEST_FILES` (a folder of real excerpts). Two builds print the same lines exactly
/// when a change left every import result alone: the oracle for speed work on the readers.
func runImportDigest(_ arguments: [String]) {
    let n = arguments.first.flatMap { Int($0) } ?? 200
    func describe(_ outcome: Result<ImportResult, ImportError>) -> [UInt8] {
        switch outcome {
        case .failure(let error): return Array("refused \(error.description)".utf8)
        case .success(let r):
            var out = ReportFile.encode(r.report)
            let tail = r.problems.map(\.description) + r.questions.map(\.description)
                + ["\(r.inputKind) \(r.formSource) \(r.yearSource) \(r.agencySource) \(r.droppedPageMarks)"]
            out += Array(tail.joined(separator: "\n").utf8)
            return out
        }
    }
    func run(_ text: String) -> [UInt8] {
        describe(Result { () throws(ImportError) -> ImportResult in try ReportImporter.import(text: text, options: ImportOptions(partial: true)) })
    }
    func hex(_ h: UInt64) -> String { String(h, radix: 16) }
    for shape in PublishedShape.allCases {
        var hash = Digest64()
        for k in 0..<n {
            let form: FormVersion = k % 2 == 0 ? .v2019 : .v2021
            let report = PublishedShapes.report(seed: UInt64(k), form: form)
            hash.add(run(PublishedShapes.render(report, as: shape, seed: UInt64(k))))
        }
        print("\(shape.rawValue) \(n) \(hex(hash.value))")
    }
    for input in LargeInput.all() {
        var hash = Digest64()
        hash.add(run(input.text))
        print("large \(input.name) \(hex(hash.value))")
    }
    if let folder = ProcessInfo.processInfo.environment["NIANBAO_DIGEST_FILES"],
       let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
        for name in names.sorted() where !name.hasSuffix(".json") && !name.hasSuffix(".md") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            var hash = Digest64()
            hash.add(describe(Result { () throws(ImportError) -> ImportResult in
                try ReportImporter.import(bytes: Array(data), options: ImportOptions(partial: true)) }))
            print("file \(name) \(hex(hash.value))")
        }
    }
}

/// FNV-1a, 64 bits: a stable digest of bytes (not for security).
struct Digest64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ bytes: [UInt8]) {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
    }
}
