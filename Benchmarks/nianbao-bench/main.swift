import Foundation
import NianbaoCore

// nianbao-bench: speed checks, each printed against a baseline measured in the same run
// (the machine is shared and noisy, so only ratios are comparable between runs).
//
//   swift build -c release --product nianbao-bench --product nianbao
//   .build/release/nianbao-bench [validation|check|cluster|editor|import|all]

let which = CommandLine.arguments.dropFirst().first ?? "all"
if which == "import-shape" { runImportShapeSample(Array(CommandLine.arguments.dropFirst(2))); exit(0) }
if which == "generate-reports", CommandLine.arguments.count >= 4, let n = Int(CommandLine.arguments[3]) {
    // Writes the check benchmark's nested reports into a folder, for profiling by hand
    // (`generate-reports DIR COUNT [realistic]`).
    _ = writeNestedReports(count: n, root: CommandLine.arguments[2], realistic: CommandLine.arguments.dropFirst(4).first == "realistic")
    exit(0)
}
// Only the 200 KB inputs of `import` (issue 11's speed target), for working on the readers.
if which == "import-file" { runImportFile(Array(CommandLine.arguments.dropFirst(2))); exit(0) }
if which == "import-digest" { runImportDigest(Array(CommandLine.arguments.dropFirst(2))); exit(0) }
if which == "import-large" {
    let rest = Array(CommandLine.arguments.dropFirst(2))
    runLargeInputBenchmarks(runs: rest.count > 1 ? Int(rest[1]) ?? 7 : 7, only: rest.first)
    exit(0)
}
if which == "import-large-write", CommandLine.arguments.count >= 3 {
    // Writes the 200 KB inputs as files (`import-large-write DIR`), for `import-file` and a profiler.
    let dir = CommandLine.arguments[2]
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for input in LargeInput.all() {
        let path = dir + "/" + input.name.replacingOccurrences(of: " ", with: "-") + ".txt"
        guard FileManager.default.createFile(atPath: path, contents: Data(input.text.utf8)) else { print("cannot write \(path)"); exit(1) }
        print(path)
    }
    exit(0)
}
if which == "import-bounds-child" { runImportBoundsChild(Array(CommandLine.arguments.dropFirst(2))); exit(0) }
let known = ["validation", "check", "cluster", "editor", "import", "import-bounds", "all"]
guard known.contains(which) else {
    FileHandle.standardError.write(Data("usage: nianbao-bench [\(known.joined(separator: "|"))]\n".utf8))
    exit(2)
}
if which == "validation" || which == "all" { runValidationBenchmarks() }
if which == "cluster" || which == "validation" || which == "all" { runClusterBenchmark(); runClusterQualityBenchmark() }
if which == "check" || which == "all" { runCheckBenchmarks() }
if which == "import" || which == "all" { runImportBenchmarks() }
if which == "import-bounds" || which == "all" { runImportBoundsBenchmarks() }
if which == "editor" || which == "all" { runEditorBenchmarks() }
