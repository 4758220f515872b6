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

    /// The editor on a fresh temporary copy; the copy is removed afterwards unless it holds work.
    static func open() throws {
        let path = try temporaryCopy()
        defer { cleanUp(path: path) }
        try EditSession(path: path, previous: nil).run { SampleReports.seed }
    }

    /// Removes the temporary copy and its folder when it is still the pristine sample and no
    /// recovery copy refers to it; otherwise keeps it and says where it is.
    static func cleanUp(path: String, recovery: RecoveryStore = .standard()) {
        let pristine = (try? ReportFile.readBytes(path: path)).map { $0 == Array(SampleReports.seedJSON.utf8) } ?? true
        let hasRecovery = recovery.load(for: path) != nil
        if pristine, !hasRecovery {
            unlink(path)
            rmdir(String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]))
            return
        }
        let why = hasRecovery ? "有未保存修改的恢复副本" : "其中有已保存的修改"
        Console.error("示例报告的临时副本\(why)，已保留：\(TerminalSafe.sanitize(path))\n")
    }
}
