import NianbaoCore

/// The loader fuzz target: untrusted bytes → `ReportFile.decode`, and for every input that
/// decodes, the save path and the checker too.
///
/// Invariants checked (a violation traps, so libFuzzer records a crash):
/// - decoding never crashes or hangs, whatever the bytes;
/// - the canonical bytes of a decoded report decode again to an equal report (nothing is
///   lost or changed by a save), and encode again to identical bytes (the canonical form is
///   a fixed point);
/// - the content hash does not change across that round trip;
/// - validation (alone and with the report as its own previous year) and error messages
///   never crash.
enum LoaderFuzz {
    static let path = "fuzz-input.json"
    /// Findings seen so far; kept so the validator's work is observable and not optimised away.
    nonisolated(unsafe) static var findingCount = 0

    /// Runs one input through the loader and the checks above.
    static func run(_ bytes: [UInt8]) {
        let report: Report
        do {
            report = try ReportFile.decode(bytes, path: path)
        } catch {
            // A refused file: building its message (path, line, column, JSON pointer) must not crash.
            _ = error.description
            return
        }

        let encoded = ReportFile.encode(report)
        let again: Report
        do {
            again = try ReportFile.decode(encoded, path: path)
        } catch {
            fatalError("canonical bytes of a decoded report do not decode: \(error)")
        }
        guard again == report else {
            fatalError("decode(encode(report)) != report")
        }
        guard ReportFile.encode(again) == encoded else {
            fatalError("encode is not a fixed point: encode(decode(encode(report))) != encode(report)")
        }
        guard ReportFile.digest(again) == ReportFile.digest(report) else {
            fatalError("content digest changed across a round trip")
        }

        // The checker on fuzzed data: alone, and with the report as its own previous year so the
        // cross-year rules see fuzzed values on both sides.
        findingCount &+= Validator.validate(report).count
        findingCount &+= Validator.validate(report, previous: again).count
    }
}

/// libFuzzer's entry point. Also called by the replay driver in normal builds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    LoaderFuzz.run(bytes)
    return 0
}
