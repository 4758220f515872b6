#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NianbaoCore

/// The batch walker, file lists and the non-blocking loader.
@Suite struct BatchWalkTests {
    /// A fresh temporary folder, removed by `cleanUp`.
    static func temporaryFolder() -> String {
        var template = Array("/tmp/nianbao-walk-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
        return path
    }

    static func write(_ path: String, _ text: String = "{}") {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    static func cleanUp(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test func walksNestedFoldersInOrderSafelyThroughLinkLoops() throws {
        let root = Self.temporaryFolder()
        defer { Self.cleanUp(root) }
        mkdir(root + "/b", 0o755)
        mkdir(root + "/a", 0o755)
        mkdir(root + "/a/z", 0o755)
        mkdir(root + "/.hidden", 0o755)
        Self.write(root + "/b/2.json")
        Self.write(root + "/b/10.JSON")
        Self.write(root + "/a/z/x.json")
        Self.write(root + "/a/notes.txt")
        Self.write(root + "/a/y.json")
        Self.write(root + "/.hidden/h.json")
        Self.write(root + "/a/.tmp.json")
        symlink(root, root + "/a/z/loop")          // a loop back to the root
        symlink(root + "/b", root + "/c")           // a second way to b: walked once only
        mkfifo(root + "/b/pipe.json", 0o644)        // must be refused without being opened
        symlink(root + "/nowhere.json", root + "/b/dangling.json")
        let inputs = ReportWalker.expand([root])
        let rel = inputs.map { String($0.path.dropFirst(root.count + 1)) }
        #expect(rel == ["a/y.json", "a/z/x.json", "b/10.JSON", "b/2.json", "b/dangling.json", "b/pipe.json"])
        #expect(inputs[4] == .refused(path: root + "/b/dangling.json", reason: "文件不存在。"))
        guard case .refused(_, let reason) = inputs[5] else { Issue.record("FIFO not refused"); return }
        #expect(reason.contains("命名管道"))
        // Named on the command line: taken whatever the name; a FIFO refused; a missing path said so.
        let named = ReportWalker.expand([root + "/a/notes.txt", root + "/b/pipe.json", root + "/gone"])
        #expect(named[0] == .file(root + "/a/notes.txt"))
        guard case .refused = named[1], case .refused(_, "文件不存在。") = named[2] else { Issue.record("\(named)"); return }
    }

    @Test func loaderRefusesAFIFOWithoutBlocking() {
        let root = Self.temporaryFolder()
        defer { Self.cleanUp(root) }
        mkfifo(root + "/p.json", 0o644)
        #expect(throws: ReportFileError.self) { try BatchLoader.load(path: root + "/p.json") }
        do { _ = try BatchLoader.load(path: root + "/p.json") } catch { #expect(error.message.contains("命名管道")) }
    }

    @Test func fileListsSplitOnNULOrNewlines() {
        #expect(FileList.parse(Array("a.json\nb c.json\r\n\n d.json\n".utf8)) == ["a.json", "b c.json", " d.json"])
        #expect(FileList.parse(Array("a\nb.json\0c.json\0\0".utf8)) == ["a\nb.json", "c.json"])
        #expect(FileList.parse([]) == [])
    }
}
