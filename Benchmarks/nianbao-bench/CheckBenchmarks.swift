import Foundation
import NianbaoCore

/// `nianbao check` on 1,000 generated reports in one call vs `jq empty` on the same files (whole process).
func runCheckBenchmarks(count: Int = 1000) {
    print("== check: nianbao check on \(count) reports vs jq empty (whole process)")
    let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let nianbao = binDir.appendingPathComponent("nianbao").path
    guard FileManager.default.isExecutableFile(atPath: nianbao) else {
        print("   skipped: \(nianbao) not built (swift build -c release --product nianbao)")
        return
    }
    guard let jq = which("jq") else {
        print("   skipped: jq not installed (apt-get install jq)")
        return
    }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    var files: [String] = []
    for i in 0..<count {
        var report = SampleReports.filled(form: i % 2 == 0 ? .v2021 : .v2019)
        report.agency = "基准测试第\(i)号机关"
        report.year = report.form == .v2021 ? 2021 + i % 5 : 2019 + i % 2
        let path = dir.appendingPathComponent(String(format: "r%04d.json", i)).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(ReportFile.encode(report)))
        files.append(path)
    }
    let rounds = 5
    var text: [Double] = [], json: [Double] = [], theirs: [Double] = []
    for _ in 0..<rounds {
        theirs.append(timeProcess(jq, ["empty"] + files))
        text.append(timeProcess(nianbao, ["check"] + files))
        json.append(timeProcess(nianbao, ["check", "--format", "json"] + files))
    }
    let median = { (xs: [Double]) in xs.sorted()[rounds / 2] }
    let t = median(theirs)
    print(String(format: "   jq empty:                     %7.1f ms", t * 1000))
    print(String(format: "   nianbao check:                %7.1f ms   ratio %.2f (target ≤ 2)", median(text) * 1000, median(text) / t))
    print(String(format: "   nianbao check --format json:  %7.1f ms   ratio %.2f", median(json) * 1000, median(json) / t))
}

/// Wall-clock seconds of one run of a command, output discarded.
func timeProcess(_ path: String, _ arguments: [String]) -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = ContinuousClock.now
    do { try process.run() } catch { return .nan }
    process.waitUntilExit()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The full path of a program on PATH.
func which(_ program: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}
