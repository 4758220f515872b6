#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NianbaoCore

/// Issue 14: a FIFO, a socket or any other non-regular file is refused at once, never read.
extension SavingTests {
    @Suite struct NonRegularInputTests {
        @Test func aFIFOWithNoWriterIsRefusedWithoutBlocking() throws {
            try withTemporaryDirectory { dir in
                let fifo = dir + "/fifo.json"
                #expect(mkfifo(fifo, 0o600) == 0)
                let start = ContinuousClock.now
                #expect {
                    _ = try ReportFile.readBytes(path: fifo)
                } throws: { error in
                    (error as? ReportFileError)?.message.contains("命名管道（FIFO）") == true
                }
                #expect(ContinuousClock.now - start < .seconds(2))
            }
        }

        @Test func aSocketIsRefused() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/s.json"
                let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
                defer { close(fd) }
                var address = sockaddr_un()
                address.sun_family = sa_family_t(AF_UNIX)
                withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                    for (i, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[i] = byte }
                }
                let bound = withUnsafePointer(to: &address) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
                }
                try #require(bound == 0)
                #expect(throws: ReportFileError.self) { _ = try ReportFile.readBytes(path: path) }
            }
        }

        @Test func aDeviceAndADirectoryAreRefused() throws {
            #expect { _ = try ReportFile.readBytes(path: "/dev/zero") } throws: { error in
                (error as? ReportFileError)?.message.contains("字符设备") == true
            }
            try withTemporaryDirectory { dir in
                let refused = (try? ReportFile.readBytes(path: dir)) == nil
                #expect(refused)
            }
        }

        @Test func aRegularFileStillReads() throws {
            try withTemporaryDirectory { dir in
                try writeBytes(Array("{}".utf8), dir + "/a.json")
                #expect(try ReportFile.readBytes(path: dir + "/a.json") == Array("{}".utf8))
            }
        }
    }
}
