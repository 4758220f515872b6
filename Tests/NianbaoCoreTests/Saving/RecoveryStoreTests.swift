#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NianbaoCore

extension SavingTests {
    @Suite struct RecoveryStoreTests {
        @Test func roundTripRemoveAndPermissions() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/state/nianbao/recovery")
                let draft = dir + "/报告 \"2024\".json"
                #expect(store.load(for: draft) == nil)
                let bytes = Array(#"{"年度":2024}"#.utf8)
                try store.write(bytes: bytes, for: draft)
                let copy = try #require(store.load(for: draft))
                #expect(copy.bytes == bytes)
                #expect(copy.originalPath == Posix.canonicalPath(draft))
                #expect(copy.pid == getpid())
                #expect(abs(copy.modificationDate.timeIntervalSinceNow) < 60)
                #expect(modeBits(store.directory) == 0o700)
                #expect(modeBits(store.path(for: draft)) == 0o600)
                #expect(store.path(for: draft).hasSuffix(".recovery.json"))
                #expect(Posix.split(store.path(for: draft)).name.hasPrefix("报告 \"2024\".json-"))

                try store.write(bytes: Array("v2".utf8), for: draft)
                #expect(store.load(for: draft)?.bytes == Array("v2".utf8))

                try store.remove(for: draft)
                #expect(store.load(for: draft) == nil)
                #expect(listing(store.directory).isEmpty)
                try store.remove(for: draft)  // removing nothing is fine
            }
        }

        @Test func hasNewerCopyComparesModificationTimes() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/recovery")
                let draft = dir + "/report.json"
                #expect(!store.hasNewerCopy(than: draft))
                try store.write(bytes: [0x7B, 0x7D], for: draft)
                #expect(store.hasNewerCopy(than: draft))  // draft does not exist
                try writeBytes([0x7B, 0x7D], draft)
                setModificationTime(draft, seconds: 2_000_000_000)
                setModificationTime(store.path(for: draft), seconds: 1_900_000_000)
                #expect(!store.hasNewerCopy(than: draft))
                setModificationTime(store.path(for: draft), seconds: 2_000_000_001)
                #expect(store.hasNewerCopy(than: draft))
            }
        }

        @Test func pathIsPerRealPath() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/recovery")
                try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: false)
                try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: false)
                try writeBytes([], dir + "/a/report.json")
                symlink(dir + "/a/report.json", dir + "/link.json")
                #expect(store.path(for: dir + "/a/report.json") != store.path(for: dir + "/b/report.json"))
                #expect(store.path(for: dir + "/link.json") == store.path(for: dir + "/a/report.json"))
                #expect(store.path(for: dir + "/a/../a/report.json") == store.path(for: dir + "/a/report.json"))
            }
        }

        @Test func standardLocationHonoursEnvironment() {
            #expect(RecoveryStore.standard(environment: ["NIANBAO_RECOVERY_DIR": "/t/r", "XDG_STATE_HOME": "/s"])
                .directory == "/t/r")
            #expect(RecoveryStore.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])
                .directory == "/s/nianbao/recovery")
            #expect(RecoveryStore.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])
                .directory == "/h/.local/state/nianbao/recovery")
        }
    }
}
