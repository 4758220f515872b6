import NianbaoCore

/// Benchmark 1: full validation of a completely filled 2021 report (runs on every keystroke).
///
/// Times `Validator.validate` on `SampleReports.filled(form: .v2021)` over many iterations and
/// prints the median and p99 time per run in µs (target: median < 50 µs). A baseline measured in
/// the same run — summing every cell of the same report with a plain loop — puts the figure in
/// proportion to the machine's speed.
func runValidationBenchmarks() {
    let report = SampleReports.filled(form: .v2021)
    let previous = SampleReports.filled(form: .v2021, year: 2020)
    let iterations = 20_000
    let clock = ContinuousClock()

    func measure(_ body: () -> Int) -> (median: Double, p99: Double, sink: Int) {
        var sink = 0
        for _ in 0..<(iterations / 10) { sink &+= body() }  // warm up
        var samples: [Double] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = clock.now
            sink &+= body()
            let elapsed = clock.now - start
            let (seconds, attoseconds) = elapsed.components
            samples.append(Double(seconds) * 1e6 + Double(attoseconds) / 1e12)
        }
        samples.sort()
        let p99 = samples[min(samples.count - 1, Int((Double(samples.count) * 0.99).rounded(.up)) - 1)]
        return (samples[samples.count / 2], p99, sink)
    }

    let baseline = measure {
        var total: Int64 = 0
        for value in report.cells {
            if case .count(let n) = value { total &+= n } else if case .amount(let a) = value { total &+= a.units }
        }
        return Int(truncatingIfNeeded: total)
    }
    let validation = measure { Validator.validate(report).count }
    let crossYear = measure { Validator.validate(report, previous: previous).count }

    func fmt(_ x: Double) -> String {
        let scaled = (x * 100).rounded() / 100
        return String(scaled)
    }
    print("validation (2021 form, \(report.cells.count) cells, all filled, \(iterations) runs):")
    print("  baseline: sum every cell      median \(fmt(baseline.median)) µs   p99 \(fmt(baseline.p99)) µs")
    print("  Validator.validate            median \(fmt(validation.median)) µs   p99 \(fmt(validation.p99)) µs"
        + "   target < 50 µs: \(validation.median < 50 ? "met" : "NOT met")")
    print("  Validator.validate + previous median \(fmt(crossYear.median)) µs   p99 \(fmt(crossYear.p99)) µs")
    let ratio = baseline.median > 0 ? validation.median / baseline.median : .infinity
    print("  ratio validate / baseline (median): \(fmt(ratio))×")
    if baseline.sink == .min || validation.sink == .min || crossYear.sink == .min { print("") }  // keep results alive
}
