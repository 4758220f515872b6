#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NianbaoCore

extension SavingTests {
    @Suite struct FileLockTests {
        @Test func acquireConflictAndRelease() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                try writeBytes([], path)
                guard case .acquired(let lock) = FileLock.acquire(for: path) else {
                    Issue.record("first editor should get the lock")
                    return
                }
                #expect(lock.lockPath == dir + "/.report.json.nianbao-lock")
                let record = try #require(
                    try JSONSerialization.jsonObject(with: Data(readBytes(lock.lockPath))) as? [String: Any])
                #expect((record["pid"] as? NSNumber)?.int32Value == getpid())

                // A second open file description conflicts with flock, just like a second editor.
                guard case .heldByOther(let owner) = FileLock.acquire(for: path) else {
                    Issue.record("second editor should see the lock as held")
                    return
                }
                #expect(owner.pid == getpid())
                #expect(owner.isThisHost)
                #expect(owner.processAlive == true)
                #expect(owner.startedAt != nil)

                lock.release()
                #expect(!lock.isHeld)
                #expect(!FileManager.default.fileExists(atPath: lock.lockPath))
                guard case .acquired(let again) = FileLock.acquire(for: path) else {
                    Issue.record("lock should be free after release")
                    return
                }
                again.release()
                #expect(listing(dir) == ["report.json"])
            }
        }

        @Test func anotherProcessSeesTheLock() throws {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") else { return }
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                guard case .acquired(let lock) = FileLock.acquire(for: path) else {
                    Issue.record("expected to acquire")
                    return
                }
                defer { lock.release() }
                let probe = Process()
                probe.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
                probe.arguments = ["--nonblock", "--exclusive", lock.lockPath, "true"]
                try probe.run()
                probe.waitUntilExit()
                #expect(probe.terminationStatus == 1)  // flock(1): "could not acquire"
            }
        }

        @Test func staleLockIsTakenOver() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                let lockPath = FileLock.lockPath(for: path)
                let stale = #"{"app":"nianbao","pid":999999,"user":"someone","host":"\#(Posix.hostName())","started":1700000000}"#
                try writeBytes(Array(stale.utf8), lockPath)
                guard case .stale(let previous, let lock) = FileLock.acquire(for: path) else {
                    Issue.record("a lock file without a flock should be stale")
                    return
                }
                #expect(previous.pid == 999999)
                #expect(previous.user == "someone")
                #expect(previous.processAlive == false)
                #expect(previous.startedAt == Date(timeIntervalSince1970: 1_700_000_000))
                let record = try #require(
                    try JSONSerialization.jsonObject(with: Data(readBytes(lockPath))) as? [String: Any])
                #expect((record["pid"] as? NSNumber)?.int32Value == getpid())
                #expect(lock.isHeld)
                lock.release()
                #expect(!FileManager.default.fileExists(atPath: lockPath))
            }
        }

        @Test func lockingThroughSymlinkLocksTheRealFile() throws {
            try withTemporaryDirectory { dir in
                try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: false)
                try writeBytes([], dir + "/real/report.json")
                symlink(dir + "/real/report.json", dir + "/link.json")
                guard case .acquired(let lock) = FileLock.acquire(for: dir + "/link.json") else {
                    Issue.record("expected to acquire")
                    return
                }
                defer { lock.release() }
                #expect(lock.lockPath == dir + "/real/.report.json.nianbao-lock")
                guard case .heldByOther = FileLock.acquire(for: dir + "/real/report.json") else {
                    Issue.record("the real path should be locked too")
                    return
                }
            }
        }

        /// Read-only folder: locking is skipped with a reason instead of failing the open.
        /// As root the kernel would allow it; we apply the same mode-bit policy as saving.
        @Test func readOnlyFolderMakesLockingUnavailable() throws {
            try withTemporaryDirectory { dir in
                let folder = dir + "/locked"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
                try writeBytes([], folder + "/report.json")
                chmod(folder, 0o555)
                defer { chmod(folder, 0o755) }
                guard case .unavailable(let reason) = FileLock.acquire(for: folder + "/report.json") else {
                    Issue.record("expected locking to be unavailable")
                    return
                }
                #expect(reason.contains(folder))
                #expect(reason.contains("EACCES"))
                #expect(listing(folder) == ["report.json"])
            }
        }
    }
}
