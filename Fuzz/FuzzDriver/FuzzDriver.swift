import Foundation

/// The entry point both fuzz targets share.
///
/// Built with `-sanitize=fuzzer -DFUZZING`, it hands over to libFuzzer. (SwiftPM links every
/// executable with `main` aliased to the module's own entry point, so libFuzzer's `main` is
/// not used; `LLVMFuzzerRunDriver` is libFuzzer's documented way in for programs with their own.)
///
/// Without libFuzzer (a normal `swift build`), it replays inputs through the same entry point:
/// every file named on the command line, and every file under every folder named. Arguments
/// starting with `-` (libFuzzer flags) are ignored, so a fuzzing command line can be replayed as
/// is. Exits non-zero if an argument cannot be read; a crash is the fuzz target's.
public enum FuzzDriver {
    /// Runs libFuzzer or the replayer on `fuzz`; `name` is the program's, for messages.
    public static func main(name: String, _ fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzz))
        #else
        replay(name: name, fuzz)
        #endif
    }

    static func replay(name: String, _ fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
        var files: [String] = []
        var unreadable: [String] = []
        for argument in CommandLine.arguments.dropFirst() where !argument.hasPrefix("-") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                unreadable.append(argument)
                continue
            }
            if !isDirectory.boolValue {
                files.append(argument)
                continue
            }
            let base = URL(fileURLWithPath: argument)
            let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
            var found: [String] = []
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { found.append(url.path) }
            }
            files += found.sorted()
        }
        if CommandLine.arguments.count < 2 {
            FileHandle.standardError.write(Data("usage: \(name) FILE|DIR...（重放输入；用 -sanitize=fuzzer -DFUZZING 构建则为 libFuzzer 模糊测试）\n".utf8))
            exit(2)
        }
        var ran = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                unreadable.append(file)
                continue
            }
            let bytes = [UInt8](data)
            _ = bytes.withUnsafeBufferPointer { fuzz($0.baseAddress, $0.count) }
            ran += 1
        }
        print("\(name): ran \(ran) input\(ran == 1 ? "" : "s") without a crash")
        for file in unreadable {
            FileHandle.standardError.write(Data("\(name): cannot read \(file)\n".utf8))
        }
        exit(unreadable.isEmpty ? 0 : 1)
    }
}

#if FUZZING
/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`, from
/// the libFuzzer runtime that `-sanitize=fuzzer` links in.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif
