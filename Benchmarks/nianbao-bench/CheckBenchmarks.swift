import Foundation
import NianbaoCore
import NianbaoTestSupport

/// `nianbao check` on whole folders of generated reports vs `find … | xargs -0 jq empty` on the same
/// files (whole process, same run), with peak memory; and `nianbao sum` over the same reports.
///
/// Sizes come from `NIANBAO_BENCH_SCALE` (comma-separated, default `1000,10000,50000`). Each size
/// is run on two sets: the worst case (random figures, about 60 findings per file, ten times the
/// input in output) and a realistic one (mostly consistent totals, as most published reports have);
/// `NIANBAO_BENCH_SETS=realistic` (or `worst`) runs one. A set written before by
/// `nianbao-bench generate-reports DIR/realistic-N N realistic` is used in place, and kept, when
/// `NIANBAO_BENCH_SETS_DIR=DIR` is given (a 200,000-file set takes minutes to write).
func runCheckBenchmarks() {
    let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    let nianbao = ProcessInfo.processInfo.environment["NIANBAO_BENCH_BINARY"] ?? binDir.appendingPathComponent("nianbao").path
    guard FileManager.default.isExecutableFile(atPath: nianbao) else {
        print("== check: skipped: \(nianbao) not built (swift build -c release --product nianbao)")
        return
    }
    guard let jq = which("jq") else {
        print("== check: skipped: jq not installed (apt-get install jq)")
        return
    }
    let sizes = (ProcessInfo.processInfo.environment["NIANBAO_BENCH_SCALE"] ?? "1000,10000,50000")
        .split(separator: ",").compactMap { Int($0) }
    let sets = ProcessInfo.processInfo.environment["NIANBAO_BENCH_SETS"] ?? "worst,realistic"
    for count in sizes {
        if sets.contains("worst") { runCheckScale(count: count, nianbao: nianbao, jq: jq, realistic: false) }
        if sets.contains("realistic") { runCheckScale(count: count, nianbao: nianbao, jq: jq, realistic: true) }
    }
}

/// One size: generate, time, measure, remove.
func runCheckScale(count: Int, nianbao: String, jq: String, realistic: Bool) {
    print("== check: \(count) generated reports (\(realistic ? "realistic: mostly consistent totals, few findings" : "worst case: random figures, many findings")) in nested folders")
    let kept = ProcessInfo.processInfo.environment["NIANBAO_BENCH_SETS_DIR"].map { "\($0)/\(realistic ? "realistic" : "worst")-\(count)" }
    let reuse = kept.map { FileManager.default.fileExists(atPath: $0) } ?? false
    let root = reuse ? kept! : FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bench-check-\(getpid())-\(count)").path
    defer { if !reuse { try? FileManager.default.removeItem(atPath: root) } }
    let files = reuse ? nestedReportPaths(count: count, root: root) : writeNestedReports(count: count, root: root, realistic: realistic)
    if reuse { print("   (the set written before in \(root))") }
    let rounds = count >= 50_000 ? 2 : 3
    let pipeline = "find '\(root)' -name '*.json' -print0 | xargs -0 '\(jq)' empty"
    var runs: [String: [Measured]] = [:]
    let order = ["jq", "text", "json", "summary"]
    for _ in 0..<rounds {
        runs["jq", default: []].append(measure("/bin/sh", ["-c", pipeline]))
        runs["text", default: []].append(measure(nianbao, ["check", "--no-progress", root]))
        runs["json", default: []].append(measure(nianbao, ["check", "--no-progress", "--format", "json", root]))
        runs["summary", default: []].append(measure(nianbao, ["check", "--no-progress", "--summary", "--format", "tsv", root]))
    }
    let jqTime = middle(runs["jq"]!.map(\.seconds))
    let jqCPU = middle(runs["jq"]!.map(\.cpuSeconds))
    let labels = ["jq": "find | xargs -0 jq empty", "text": "nianbao check DIR", "json": "nianbao check DIR --format json",
                  "summary": "nianbao check DIR --summary --format tsv"]
    for key in order {
        let m = runs[key]!
        let t = middle(m.map(\.seconds))
        let rss = m.map(\.maxRSSMegabytes).max() ?? 0
        let exit = m.last?.exitCode ?? -1
        let name = labels[key]!.padding(toLength: 42, withPad: " ", startingAt: 0)
        let cpu = middle(m.map(\.cpuSeconds))
        if key == "jq" {
            print(String(format: "   %@ %8.0f ms   cpu %6.0f ms", name, t * 1000, cpu * 1000))
        } else {
            print(String(format: "   %@ %8.0f ms   ratio %.2f (target ≤ 1)   cpu %6.0f ms, ratio %.2f   peak RSS %5.1f MB (target < 200)   exit %d",
                         name, t * 1000, t / jqTime, cpu * 1000, cpu / jqCPU, rss, exit))
        }
    }
    if count <= 10_000 && !realistic {
        // What the copying check across agencies (与其他单位雷同, on by default over many files) costs.
        let plain = (0..<rounds).map { _ in measure(nianbao, ["check", "--no-progress", "--no-similarity", root]) }
        let t = middle(plain.map(\.seconds))
        print(String(format: "   %@ %8.0f ms   ratio %.2f   peak RSS %5.1f MB", "nianbao check DIR --no-similarity".padding(toLength: 42, withPad: " ", startingAt: 0),
                     t * 1000, t / jqTime, plain.map(\.maxRSSMegabytes).max() ?? 0))
        // The file list on the command line: the path that used to be quadratic in ArgumentParser.
        let argv = measure(nianbao, ["check", "--no-progress"] + files)
        print(String(format: "   %@ %8.0f ms   ratio %.2f   peak RSS %5.1f MB", "nianbao check FILE×\(count) (argv)".padding(toLength: 42, withPad: " ", startingAt: 0), argv.seconds * 1000, argv.seconds / jqTime, argv.maxRSSMegabytes))
        let output = root + "/../nianbao-bench-sum-\(getpid()).json"
        defer { try? FileManager.default.removeItem(atPath: output) }
        var sums: [Measured] = []
        for _ in 0..<rounds {
            try? FileManager.default.removeItem(atPath: output)
            sums.append(measure(nianbao, ["sum", root, "--agency", "基准测试县人民政府", "-o", output]))
        }
        print(String(format: "   %@ %8.0f ms   (target < 2000 ms)   peak RSS %5.1f MB   exit %d", "nianbao sum DIR".padding(toLength: 42, withPad: " ", startingAt: 0),
                     middle(sums.map(\.seconds)) * 1000, sums.map(\.maxRSSMegabytes).max() ?? 0, sums.last?.exitCode ?? -1))
    }
}

/// Writes `count` reports as root/cityNN/countyNN/rNNNNNN.json (100 per folder) and returns their paths.
///
/// `realistic`: four in five balanced with prose restating the tables, one in five badly drafted;
/// otherwise random figures and totals, the worst case for the amount of output.
func writeNestedReports(count: Int, root: String, realistic: Bool = false) -> [String] {
    var paths: [String] = []
    paths.reserveCapacity(count)
    // A pool of generated reports, re-labelled per file (generating every one would dominate the set-up).
    let pool = (0..<200).map { i -> Report in
        guard realistic else {
            var r = SampleReports.report(seed: UInt64(i), form: .v2021)
            r.year = 2025
            return r
        }
        // Four in five balanced, with prose that restates the tables; one in five badly drafted.
        if i % 5 == 4 { return PublishedShapes.report(seed: UInt64(i), form: .v2021) }
        var generator = NarrativeReportGenerator(seed: UInt64(i))
        return generator.next().report
    }
    for i in 0..<count {
        let folder = String(format: "%@/city%02d/county%03d", root, i / 10_000, (i / 100) % 100)
        if i % 100 == 0 { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var report = pool[i % pool.count]
        report.agency = "基准测试第\(i)号机关"
        let path = String(format: "%@/r%06d.json", folder, i)
        _ = FileManager.default.createFile(atPath: path, contents: Data(ReportFile.encode(report)))
        paths.append(path)
    }
    return paths
}

/// The paths `writeNestedReports` gives its files.
func nestedReportPaths(count: Int, root: String) -> [String] {
    (0..<count).map { i in String(format: "%@/city%02d/county%03d/r%06d.json", root, i / 10_000, (i / 100) % 100, i) }
}

private func middle(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

/// Wall time, peak resident memory and exit status of one run of a command, output discarded.
struct Measured {
    var seconds: Double
    var maxRSSMegabytes: Double
    var exitCode: Int32
    /// User plus system CPU seconds of the process and the children it waited for (jq under xargs).
    var cpuSeconds: Double = .nan
}

/// Runs a command with stdin, stdout and stderr on /dev/null; its peak memory is its `VmHWM`
/// (the kernel's high-water mark of resident memory for the process image), sampled every 5 ms.
///
/// `ru_maxrss` from `wait4` would not do: `posix_spawn` starts the child in the benchmark's own
/// address space (vfork), and Linux carries that high-water mark across `exec`, so every
/// child would report at least the benchmark's own size.
func measure(_ path: String, _ arguments: [String]) -> Measured {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = ContinuousClock.now
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return Measured(seconds: .nan, maxRSSMegabytes: .nan, exitCode: -1) }
    var status: Int32 = 0
    var peakKB = 0
    var usage = rusage()
    while true {
        // wait4's usage of a reaped child includes the descendants it waited for (sh → xargs → jq).
        let done = wait4(pid, &status, WNOHANG, &usage)
        if done == pid { break }
        if done < 0 && errno != EINTR { break }
        peakKB = max(peakKB, highWaterKB(pid))
        usleep(5000)
    }
    let elapsed = ContinuousClock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    func time(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return Measured(seconds: seconds, maxRSSMegabytes: Double(peakKB) / 1024, exitCode: code,
                    cpuSeconds: time(usage.ru_utime) + time(usage.ru_stime))
}

/// `VmHWM` of a running process in kB (0 when it cannot be read).
func highWaterKB(_ pid: pid_t) -> Int {
    guard let f = fopen("/proc/\(pid)/status", "r") else { return 0 }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 256)
    while fgets(&line, Int32(line.count), f) != nil {
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("VmHWM:") {
            return Int(text.dropFirst(6).filter(\.isNumber)) ?? 0
        }
    }
    return 0
}

/// Wall-clock seconds of one run of a command, output discarded.
func timeProcess(_ path: String, _ arguments: [String]) -> Double {
    measure(path, arguments).seconds
}

/// The full path of a program on PATH.
func which(_ program: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}
