import FuzzDriver

/// The program's entry point: libFuzzer when built with `-sanitize=fuzzer -DFUZZING`, else a
/// replayer of files and folders (see `FuzzDriver`).
@main
struct NianbaoFuzz {
    static func main() {
        // A closure, not `fuzz` itself: converting the @_cdecl function to a C pointer here would
        // emit a second LLVMFuzzerTestOneInput in this file.
        FuzzDriver.main(name: "nianbao-fuzz") { fuzz($0, $1) }
    }
}
