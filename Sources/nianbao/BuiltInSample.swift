#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NianbaoCore

/// The built-in sample, opened by `nianbao` with no arguments.
enum BuiltInSample {
    /// Writes a fresh temporary copy of the sample and returns its path.
    static func temporaryCopy() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-sample-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("示例-驻马店市水利局2020.json").path
        do {
            try AtomicFileWriter.write(Array(SampleReports.seedJSON.utf8), to: path)
        } catch {
            throw CommandFailure(code: 2, message: error.message)
        }
        return path
    }
}
