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
    func describe(_ outcome: Result<ImportResult, ImportError>) -> JSONValue {
        switch outcome {
        case .failure(let error): return .string("refused \(error.description)")
        case .success(let r):
            let tail = r.problems.map(\.description) + r.questions.map(\.description)
                + ["\(r.inputKind) \(r.formSource) \(r.yearSource) \(r.agencySource) \(r.droppedPageMarks)"]
            return .array([.string(String(decoding: ReportFile.encode(r.report), as: UTF8.self))] + tail.map(JSONValue.string))
        }
    }
    func run(_ text: String) -> JSONValue {
        describe(Result { () throws(ImportError) -> ImportResult in try ReportImporter.import(text: text, options: ImportOptions(partial: true)) })
    }
    for shape in PublishedShape.allCases {
        let results: [JSONValue] = (0..<n).map { k in
            let form: FormVersion = k % 2 == 0 ? .v2019 : .v2021
            let report = PublishedShapes.report(seed: UInt64(k), form: form)
            return run(PublishedShapes.render(report, as: shape, seed: UInt64(k)))
        }
        print("\(shape.rawValue) \(n) \(ContentDigest.sha256(.array(results)))")
    }
    for input in LargeInput.all() {
        print("large \(input.name) \(ContentDigest.sha256(run(input.text)))")
    }
    if let folder = ProcessInfo.processInfo.environment["NIANBAO_DIGEST_FILES"],
       let names = try? FileManager.default.contentsOfDirectory(atPath: folder) {
        for name in names.sorted() where !name.hasSuffix(".json") && !name.hasSuffix(".md") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            let result = describe(Result { () throws(ImportError) -> ImportResult in
                try ReportImporter.import(bytes: Array(data), options: ImportOptions(partial: true)) })
            print("file \(name) \(ContentDigest.sha256(result))")
        }
    }
}

/// `nianbao-bench import-file PATH [RUNS]`: imports one file RUNS times (default 20) and prints
/// the median CPU time — for profiling the import of a real or odd input.
func runImportFile(_ arguments: [String]) {
    guard let path = arguments.first, let data = FileManager.default.contents(atPath: path) else {
        print("usage: nianbao-bench import-file PATH [RUNS]")
        return
    }
    let runs = arguments.count > 1 ? Int(arguments[1]) ?? 20 : 20
    let bytes = Array(data)
    var times: [Double] = []
    var cells = 0
    for _ in 0..<runs {
        var start = timespec(), end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        let result = try? ReportImporter.import(bytes: bytes, options: ImportOptions(partial: true))
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        cells = result?.report.cells.filter { !$0.isEmpty }.count ?? -1
        times.append(Double(end.tv_sec - start.tv_sec) * 1000 + Double(end.tv_nsec - start.tv_nsec) / 1e6)
    }
    times.sort()
    print("\(bytes.count / 1000) KB: median \(times[times.count / 2]) ms CPU over \(runs) runs; \(cells) cells")
}
