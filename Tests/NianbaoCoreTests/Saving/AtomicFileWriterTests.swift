#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NianbaoCore

extension SavingTests {
    @Suite struct AtomicFileWriterTests {
        let json = Array(#"{"单位":"财政局"}"#.utf8)

        @Test func createsNewFileWithUmaskMode() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                try AtomicFileWriter.write(json, to: path)
                #expect(readBytes(path) == json)
                #expect(modeBits(path) == 0o644 & ~Posix.currentUmask())
                #expect(listing(dir) == ["report.json"])
            }
        }

        @Test func overwritesAndKeepsMode0640() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                try writeBytes(Array("old content that is longer".utf8), path)
                chmod(path, 0o640)
                try AtomicFileWriter.write(json, to: path)
                #expect(readBytes(path) == json)
                #expect(modeBits(path) == 0o640)
                #expect(listing(dir) == ["report.json"])
            }
        }

        @Test func writesThroughSymlinkChainAndKeepsLinks() throws {
            try withTemporaryDirectory { dir in
                try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: false)
                let target = dir + "/real/report.json"
                try writeBytes(Array("old".utf8), target)
                chmod(target, 0o600)
                symlink("real/report.json", dir + "/link1")  // relative link
                symlink(dir + "/link1", dir + "/link2")  // absolute link to a link
                try AtomicFileWriter.write(json, to: dir + "/link2")
                #expect(isSymlink(dir + "/link1"))
                #expect(isSymlink(dir + "/link2"))
                #expect(readBytes(target) == json)
                #expect(modeBits(target) == 0o600)
                #expect(listing(dir + "/real") == ["report.json"])
            }
        }

        @Test func danglingSymlinkCreatesItsTarget() throws {
            try withTemporaryDirectory { dir in
                symlink("new.json", dir + "/link")
                try AtomicFileWriter.write(json, to: dir + "/link")
                #expect(isSymlink(dir + "/link"))
                #expect(readBytes(dir + "/new.json") == json)
            }
        }

        @Test func symlinkLoopIsRefused() throws {
            try withTemporaryDirectory { dir in
                symlink("b", dir + "/a")
                symlink("a", dir + "/b")
                let error = #expect(throws: SaveError.self) { try AtomicFileWriter.write(json, to: dir + "/a") }
                #expect(error?.reason == .symlinkLoop)
                #expect(error?.message.contains("ELOOP") == true)
            }
        }

        /// The folder is chmod 0555. An ordinary user is refused by the kernel (faccessat);
        /// root bypasses that, so our own mode-bit check refuses deliberately (see WritePermission).
        @Test func readOnlyDirectoryIsRefusedAndOriginalUntouched() throws {
            try withTemporaryDirectory { dir in
                let folder = dir + "/locked"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
                let path = folder + "/report.json"
                try writeBytes(Array("original".utf8), path)
                chmod(folder, 0o555)
                defer { chmod(folder, 0o755) }
                let error = #expect(throws: SaveError.self) { try AtomicFileWriter.write(json, to: path) }
                #expect(error?.reason == .directoryReadOnly)
                #expect(error?.errnoCode == EACCES)
                #expect(error?.message == "无法保存 \(path)：所在目录 \(folder) 只读，无法在其中创建文件（EACCES）")
                #expect(readBytes(path) == Array("original".utf8))
                #expect(listing(folder) == ["report.json"])
            }
        }

        /// The file is chmod 0444. Root would be allowed by the kernel; we refuse anyway
        /// because no write bit is set for anyone (see WritePermission).
        @Test func readOnlyFileIsRefused() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                try writeBytes(Array("original".utf8), path)
                chmod(path, 0o444)
                let error = #expect(throws: SaveError.self) { try AtomicFileWriter.write(json, to: path) }
                #expect(error?.reason == .fileReadOnly)
                #expect(error?.message == "无法保存 \(path)：文件只读，没有写入权限（EACCES）")
                #expect(readBytes(path) == Array("original".utf8))
                #expect(modeBits(path) == 0o444)
                #expect(listing(dir) == ["report.json"])
            }
        }

        @Test func diskFullLeavesOriginalAndNoTempFile() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                try writeBytes(Array("original".utf8), path)
                let calls = Counter()
                let io = SaveIO(
                    write: { fd, buffer, count in
                        // First call writes a few bytes, then the disk is full.
                        if calls.next() == 0 { return (write(fd, buffer, min(count, 3)), 0) }
                        return (-1, ENOSPC)
                    },
                    fsync: SaveIO.system.fsync)
                let error = #expect(throws: SaveError.self) {
                    try AtomicFileWriter.write(json, to: path, io: io)
                }
                #expect(error?.reason == .diskFull)
                #expect(error?.message == "无法保存 \(path)：磁盘已满（ENOSPC）")
                #expect(readBytes(path) == Array("original".utf8))
                #expect(listing(dir) == ["report.json"])
            }
        }

        @Test func shortWritesAndEINTRAreRetried() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                let calls = Counter()
                let io = SaveIO(
                    write: { fd, buffer, count in
                        if calls.next() % 2 == 0 { return (-1, EINTR) }
                        return (write(fd, buffer, min(count, 2)), 0)
                    },
                    fsync: SaveIO.system.fsync)
                try AtomicFileWriter.write(json, to: path, io: io)
                #expect(readBytes(path) == json)
            }
        }

        @Test func fsyncFailureIsNotRetriedAndOriginalKept() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                try writeBytes(Array("original".utf8), path)
                let io = SaveIO(write: SaveIO.system.write, fsync: { _ in EIO })
                let error = #expect(throws: SaveError.self) { try AtomicFileWriter.write(json, to: path, io: io) }
                #expect(error?.message == "无法保存 \(path)：磁盘读写错误（EIO）")
                #expect(readBytes(path) == Array("original".utf8))
                #expect(listing(dir) == ["report.json"])
            }
        }

        @Test func directoryTargetAndMissingFolderAreRefused() throws {
            try withTemporaryDirectory { dir in
                try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
                let notFile = #expect(throws: SaveError.self) { try AtomicFileWriter.write(json, to: dir + "/sub") }
                #expect(notFile?.reason == .notRegularFile)
                let missing = #expect(throws: SaveError.self) {
                    try AtomicFileWriter.write(json, to: dir + "/nope/report.json")
                }
                #expect(missing?.reason == .directoryMissing)
                #expect(missing?.message == "无法保存 \(dir)/nope/report.json：所在目录 \(dir)/nope 不存在（ENOENT）")
            }
        }

        @Test func errnoMessagesAreChineseAndNameTheCause() {
            #expect(SaveError(path: "/x/y.json", errno: ENOSPC).message == "无法保存 /x/y.json：磁盘已满（ENOSPC）")
            #expect(SaveError(path: "/x/y.json", errno: EDQUOT).message == "无法保存 /x/y.json：超出磁盘配额（EDQUOT）")
            #expect(SaveError(path: "/x/y.json", errno: EROFS).message == "无法保存 /x/y.json：所在文件系统为只读挂载（EROFS）")
            #expect(SaveError(path: "/x/y.json", errno: EACCES).message == "无法保存 /x/y.json：没有写入权限（EACCES）")
            #expect(SaveError(path: "/x/y.json", errno: EACCES, directory: "/x").reason == .directoryReadOnly)
            #expect("\(SaveError(path: "/a", errno: EIO))" == "无法保存 /a：磁盘读写错误（EIO）")
        }

        @Test func temporaryNameFitsAndFollowsPattern() {
            let name = AtomicFileWriter.temporaryName(for: "report.json")
            #expect(name.hasPrefix(".report.json.tmp-\(getpid())-"))
            let long = AtomicFileWriter.temporaryName(for: String(repeating: "年", count: 85))  // 255 bytes
            #expect(long.utf8.count <= 255)
        }
    }
}

/// A thread-safe call counter for injected syscalls.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    /// Returns the current count, then increments it.
    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}
