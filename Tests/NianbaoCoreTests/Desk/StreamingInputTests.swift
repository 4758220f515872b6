#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NianbaoCore

/// A batch's inputs produced as they are asked for: the walk and the file list, lazily and in order.
@Suite struct StreamingInputTests {
    /// Roots handed out one at a time, counting how many were taken.
    final class CountingRoots: IteratorProtocol {
        private var rest: [String]
        private(set) var taken = 0
        init(_ roots: [String]) { rest = roots.reversed() }
        func next() -> String? {
            guard let root = rest.popLast() else { return nil }
            taken += 1
            return root
        }
    }

    @Test func theStreamIsTheWalkOneInputAtATime() throws {
        let root = BatchWalkTests.temporaryFolder()
        defer { BatchWalkTests.cleanUp(root) }
        for city in ["b", "a", "c"] {
            mkdir(root + "/" + city, 0o755)
            for county in ["z", "y"] {
                mkdir(root + "/\(city)/\(county)", 0o755)
                for n in [10, 2, 1] { BatchWalkTests.write(root + "/\(city)/\(county)/r\(n).json") }
            }
        }
        mkdir(root + "/a/empty", 0o755)
        symlink(root + "/a", root + "/c/y/back")   // a second way to a: walked once only
        BatchWalkTests.write(root + "/top.json")
        let roots = [root + "/c", root, root + "/gone.json", root + "/a/y/r1.json", "bad\u{0}name.json"]
        let eager = ReportWalker.expand(roots)
        let counting = CountingRoots(roots)
        var stream = ReportWalker.Stream(counting)
        var streamed: [BatchInput] = []
        let next = stream.next()
        let first = try #require(next)
        #expect(counting.taken == 1, "the next root is taken only when the one before is done")
        streamed.append(first)
        while let input = stream.next() { streamed.append(input) }
        #expect(streamed == eager)
        let rel = eager.map { $0.path.hasPrefix(root) ? String($0.path.dropFirst(root.count)) : $0.path }
        #expect(rel.prefix(7) == ["/c/y/back/y/r1.json", "/c/y/back/y/r10.json", "/c/y/back/y/r2.json",
                                 "/c/y/back/z/r1.json", "/c/y/back/z/r10.json", "/c/y/back/z/r2.json", "/c/y/r1.json"])
        #expect(eager.filter { $0.path.hasPrefix(root + "/a/") } == [.file(root + "/a/y/r1.json")],
                "a was walked through c/y/back already; a file named is taken all the same")
        #expect(rel.contains("/b/z/r2.json") && rel.contains("/top.json"))
        #expect(eager.count == 12 + 6 + 1 + 1 + 1 + 1, "\(rel)")
        #expect(eager.last == .refused(path: "bad\u{0}name.json", reason: "路径中含有 NUL 字符，不是有效的文件名。"))
    }

    static func listFile(_ bytes: [UInt8]) -> String {
        let path = BatchWalkTests.temporaryFolder() + "/list"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    static func read(_ path: String) throws -> (entries: [String], failure: FileList.ReadError?) {
        let reader = try FileList.Reader(path)
        var entries: [String] = []
        while let e = reader.next() { entries.append(e) }
        return (entries, reader.failure)
    }

    @Test func theListReaderReadsWhatParseReads() throws {
        var long: [UInt8] = []
        for i in 0..<40_000 { long += Array("省/市\(i % 97)/县/第\(i)号.json".utf8) + (i % 5 == 0 ? [0x0D, 0x0A] : [0x0A]) }
        var nul: [UInt8] = []
        for i in 0..<30_000 { nul += Array("a\nb/\(i).json".utf8) + [0] + (i % 7 == 0 ? [0] : []) }
        let cases: [[UInt8]] = [Array("a.json\nb c.json\r\n\n d.json\n".utf8), Array("a\nb.json\0c.json\0\0".utf8), [],
                                Array("\n\n\r\n".utf8), Array("no-newline.json".utf8), long, nul]
        for bytes in cases {
            let path = Self.listFile(bytes)
            defer { BatchWalkTests.cleanUp(String(path.dropLast(5))) }
            let (entries, failure) = try Self.read(path)
            #expect(failure == nil)
            #expect(entries == FileList.parse(bytes), "\(bytes.count) bytes")
            #expect(try FileList.Reader(path).isEmpty() == FileList.parse(bytes).isEmpty)
        }
    }

    @Test func theListReaderRefusesFoldersAndStopsAtAnEndlessEntry() throws {
        let dir = BatchWalkTests.temporaryFolder()
        defer { BatchWalkTests.cleanUp(dir) }
        #expect(throws: FileList.ReadError.self) { try FileList.Reader(dir) }
        #expect(throws: FileList.ReadError.self) { try FileList.Reader(dir + "/missing") }
        let path = Self.listFile(Array("a.json\n".utf8) + [UInt8](repeating: 0x61, count: FileList.Reader.longestEntry + 10))
        defer { BatchWalkTests.cleanUp(String(path.dropLast(5))) }
        let (entries, failure) = try Self.read(path)
        #expect(entries == ["a.json"])
        #expect(failure?.message.contains("不是文件名") == true)
    }
}
