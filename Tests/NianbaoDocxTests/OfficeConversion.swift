import Foundation
@testable import NianbaoCore

/// Runs LibreOffice (`soffice --headless --convert-to`) on files of ours, when it is installed:
/// a real office suite's Word and PDF output of our HTML export. Each run has its own profile
/// folder (removed afterwards) and a time limit; the process is ended if it overruns.
enum OfficeConversion {
    static var soffice: String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/soffice"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Converts `files` into `folder` (`format` as for `--convert-to`); returns the converted
    /// files' paths, or nil when LibreOffice is missing or failed.
    static func convert(_ files: [URL], to format: String, extension ext: String, in folder: URL) -> [URL]? {
        guard let soffice, !files.isEmpty else { return nil }
        let profile = folder.appendingPathComponent("lo-profile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        process.arguments = ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--norestore",
                             "--infilter=HTML (StarWriter)", "--convert-to", format, "--outdir", folder.path] + files.map(\.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let deadline = Date().addingTimeInterval(240)
        while process.isRunning && Date() < deadline { usleep(100_000) }
        if process.isRunning {
            process.terminate()
            usleep(500_000)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            return nil
        }
        let outputs = files.map { folder.appendingPathComponent($0.deletingPathExtension().lastPathComponent + "." + ext) }
        return outputs.allSatisfy { FileManager.default.fileExists(atPath: $0.path) } ? outputs : nil
    }
}
