#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NianbaoCore

/// Issue 14: the safety net never fails silently, and a shared or hostile folder cannot feed
/// or clobber the clerk's files.
extension SavingTests {
    @Suite struct RecoveryHardeningTests {
        /// A store like the standard one, with every place inside the test folder.
        static func store(_ dir: String) -> RecoveryStore {
            RecoveryStore(places: [.folder(dir + "/state/recovery"), .besideDraft, .folder(dir + "/tmp/nianbao-recovery")])
        }

        @Test func fallsBackBesideTheDraftWhenTheFolderIsReadOnly() throws {
            try withTemporaryDirectory { dir in
                try FileManager.default.createDirectory(atPath: dir + "/state", withIntermediateDirectories: false)
                chmod(dir + "/state", 0o555)  // a read-only home, as it were
                try FileManager.default.createDirectory(atPath: dir + "/drafts", withIntermediateDirectories: false)
                let draft = dir + "/drafts/report.json"
                let store = Self.store(dir)
                let written = try store.write(bytes: Array("v1".utf8), for: draft)
                #expect(written.path == dir + "/drafts/" + RecoveryStore.fileName(Posix.canonicalPath(draft), .besideDraft))
                #expect(Posix.split(written.path).name.hasPrefix(".report.json-"))
                #expect(written.earlierFailures.count == 1)
                #expect(written.earlierFailures.first?.folder == dir + "/state/recovery")
                #expect(written.earlierFailures.first?.cause.contains("EACCES") == true)
                #expect(modeBits(written.path) == 0o600)
                // The copy is found where it went, and removing removes it there.
                #expect(store.load(for: draft)?.bytes == Array("v1".utf8))
                #expect(store.hasNewerCopy(than: draft))
                try store.remove(for: draft)
                #expect(store.load(for: draft) == nil)
                #expect(listing(dir + "/drafts").isEmpty)
            }
        }

        @Test func everyPlaceTriedIsReportedWhenNoneTakesTheCopy() throws {
            try withTemporaryDirectory { dir in
                // XDG_STATE_HOME pointing at a file, a read-only draft folder, and a temp folder others can write to.
                try writeBytes([], dir + "/state")
                try FileManager.default.createDirectory(atPath: dir + "/drafts", withIntermediateDirectories: false)
                chmod(dir + "/drafts", 0o555)
                try FileManager.default.createDirectory(atPath: dir + "/tmp/nianbao-recovery", withIntermediateDirectories: true)
                chmod(dir + "/tmp/nianbao-recovery", 0o777)
                let store = Self.store(dir)
                #expect(throws: RecoveryWriteFailure.self) { try store.write(bytes: [1], for: dir + "/drafts/r.json") }
                do throws(RecoveryWriteFailure) {
                    try store.write(bytes: [1], for: dir + "/drafts/r.json")
                } catch {
                    let folders: [String] = error.attempts.map(\.folder)
                    let expected: [String] = [dir + "/state/recovery", dir + "/drafts", dir + "/tmp/nianbao-recovery"]
                    #expect(folders == expected)
                    #expect(error.attempts[0].cause.contains("ENOTDIR"), "\(error.attempts[0].cause)")
                    #expect(error.attempts[1].cause.contains("只读"), "\(error.attempts[1].cause)")
                    #expect(error.attempts[2].cause.contains("其他用户写入"), "\(error.attempts[2].cause)")
                    #expect(error.message.hasPrefix("无法写入恢复副本：已尝试 3 处"))
                }
                if case .success = store.probe(for: dir + "/drafts/r.json") { Issue.record("the probe must fail too") }
            }
        }

        @Test func aFullDiskIsReportedWithItsCause() throws {
            try withTemporaryDirectory { dir in
                let store = Self.store(dir)
                do throws(RecoveryWriteFailure) {
                    _ = try store.write(bytes: Array(repeating: 0x41, count: 100), for: dir + "/r.json", io: .fullDisk)
                    Issue.record("a full disk must refuse the copy")
                } catch {
                    #expect(error.attempts.count == 3)
                    #expect(error.attempts.allSatisfy { $0.cause.contains("磁盘已满（ENOSPC）") })
                }
                // No temp file is left behind in any place.
                #expect(listing(dir + "/state/recovery").isEmpty)
                #expect(listing(dir).filter { $0.contains(".tmp-") }.isEmpty)
            }
        }

        @Test func aPlantedSymlinkIsReplacedNotWrittenThrough() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/recovery")
                let draft = dir + "/r.json"
                try RecoveryStore.createDirectories(store.directory)
                let victim = dir + "/important.json"
                try writeBytes(Array("keep me".utf8), victim)
                symlink(victim, store.path(for: draft))
                symlink(victim, store.metadataPath(for: draft))
                try store.write(bytes: Array("copy".utf8), for: draft)
                #expect(readBytes(victim) == Array("keep me".utf8), "the clerk's file was overwritten through a link")
                #expect(!isSymlink(store.path(for: draft)))
                #expect(readBytes(store.path(for: draft)) == Array("copy".utf8))
            }
        }

        @Test func aDirectoryOrFIFOPlantedAtTheCopysNameIsRefusedNotRead() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/recovery")
                let draft = dir + "/r.json"
                try RecoveryStore.createDirectories(store.directory)
                try FileManager.default.createDirectory(atPath: store.path(for: draft), withIntermediateDirectories: false)
                #expect(throws: RecoveryWriteFailure.self) { try store.write(bytes: [1], for: draft) }
                rmdir(store.path(for: draft))
                #expect(mkfifo(store.path(for: draft), 0o600) == 0)
                try writeBytes(Array(#"{"originalPath": "x"}"#.utf8), store.metadataPath(for: draft))
                let start = ContinuousClock.now
                #expect(store.load(for: draft) == nil)
                #expect(ContinuousClock.now - start < .seconds(2), "a FIFO must not block the recovery check")
            }
        }

        @Test func aSymlinkedCopyIsNotOffered() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/recovery")
                let draft = dir + "/r.json"
                try store.write(bytes: Array("real".utf8), for: draft)
                let elsewhere = dir + "/forged.json"
                try writeBytes(Array("forged".utf8), elsewhere)
                unlink(store.path(for: draft))
                symlink(elsewhere, store.path(for: draft))
                #expect(store.load(for: draft) == nil)
            }
        }

        @Test func onlyCopiesWhoseSidecarNamesTheDraftAreOffered() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/recovery")
                let draft = dir + "/r.json"
                try store.write(bytes: Array("mine".utf8), for: draft)
                #expect(store.load(for: draft)?.bytes == Array("mine".utf8))
                // A sidecar naming another file.
                let meta = #"{"app": "nianbao", "originalPath": "/elsewhere/r.json"}"#
                unlink(store.metadataPath(for: draft))
                try writeBytes(Array(meta.utf8), store.metadataPath(for: draft))
                #expect(store.load(for: draft) == nil)
                // No sidecar at all.
                unlink(store.metadataPath(for: draft))
                #expect(store.load(for: draft) == nil)
                #expect(!store.hasNewerCopy(than: draft))
            }
        }

        @Test(.enabled(if: geteuid() == 0, "needs root to give a file to another user"))
        func aCopyOwnedBySomeoneElseIsNotOffered() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/recovery")
                let draft = dir + "/r.json"
                try store.write(bytes: Array("forged".utf8), for: draft)
                chown(store.path(for: draft), 65534, 65534)
                #expect(store.load(for: draft) == nil)
            }
        }

        @Test func aFolderOthersCanWriteToIsRefused() throws {
            try withTemporaryDirectory { dir in
                let store = RecoveryStore(directory: dir + "/recovery")
                let draft = dir + "/r.json"
                try store.write(bytes: Array("mine".utf8), for: draft)
                chmod(store.directory, 0o777)
                #expect(store.load(for: draft) == nil, "a copy in a folder anyone could write to is not trusted")
                do throws(RecoveryWriteFailure) {
                    try store.write(bytes: [1], for: draft)
                    Issue.record("a folder writable by others must be refused")
                } catch {
                    #expect(error.attempts.first?.cause.contains("其他用户写入") == true)
                }
            }
        }

        @Test func newestCopyAcrossPlacesWinsAndOthersAreRemoved() throws {
            try withTemporaryDirectory { dir in
                let store = Self.store(dir)
                let draft = dir + "/r.json"
                try store.write(bytes: Array("first".utf8), for: draft)
                let primary = store.path(for: draft, in: store.places[0])
                #expect(readBytes(primary) == Array("first".utf8))
                // The primary goes read-only: the next copy goes beside the draft, and the stale one is removed.
                chmod(dir + "/state/recovery", 0o555)
                let second = try store.write(bytes: Array("second".utf8), for: draft)
                #expect(second.path == store.path(for: draft, in: .besideDraft))
                chmod(dir + "/state/recovery", 0o700)
                #expect(store.load(for: draft)?.bytes == Array("second".utf8))
            }
        }

        @Test func staleTempFilesOfDeadSavesAreRemovedOnTheNextSave() throws {
            try withTemporaryDirectory { dir in
                let draft = dir + "/report.json"
                try writeBytes(Array("v0".utf8), draft)
                var dead: Int32 = 4_000_000
                while Posix.processExists(dead) { dead -= 1 }
                let stale = ".report.json.tmp-\(dead)-1a2b3c"
                let alive = ".report.json.tmp-1-ffff"  // pid 1 is always running
                let otherFile = ".other.json.tmp-\(dead)-abc"
                let lookalike = ".report.json.tmp-\(dead)-xyz"
                for name in [stale, alive, otherFile, lookalike] { try writeBytes([0], dir + "/" + name) }
                #expect(StaleTemporaries.pid(inTemporaryName: stale, for: "report.json") == dead)
                #expect(StaleTemporaries.pid(inTemporaryName: lookalike, for: "report.json") == nil)
                try AtomicFileWriter.write(Array("v1".utf8), to: draft)
                #expect(listing(dir) == [alive, otherFile, lookalike, "report.json"].sorted())
                #expect(readBytes(draft) == Array("v1".utf8))
            }
        }

        @Test func theLockFileTakesTheDraftsPermissions() throws {
            try withTemporaryDirectory { dir in
                let draft = dir + "/report.json"
                try writeBytes(Array("{}".utf8), draft)
                chmod(draft, 0o640)
                guard case .acquired(let lock) = FileLock.acquire(for: draft) else {
                    Issue.record("expected to acquire")
                    return
                }
                defer { lock.release() }
                #expect(modeBits(lock.lockPath) == 0o640)
            }
        }
    }

    /// The messages the editor shows about recovery copies.
    @Suite struct RecoveryStatusTests {
        let failure = RecoveryWriteFailure(attempts: [
            RecoveryAttempt(folder: "/home/li/.local/state/nianbao/recovery", cause: "磁盘已满（ENOSPC）"),
            RecoveryAttempt(folder: "/data", cause: "磁盘已满（ENOSPC）"),
        ])

        @Test func aFailedSaveNeverClaimsACopyThatFailed() {
            var status = RecoveryStatus()
            status.record(.failure(failure))
            let message = status.saveFailedMessage("磁盘已满（ENOSPC）")
            #expect(!message.contains("已写入恢复副本"))
            #expect(message.contains("恢复副本也无法写入"))
            #expect(message.contains("/home/li/.local/state/nianbao/recovery"))
            #expect(message.contains("/data"))
            #expect(status.warning?.contains("已尝试") == true)
            #expect(status.exitReport(unsavedEdits: true)?.contains("未保存的修改已丢失") == true)
        }

        @Test func aWrittenCopyIsNamedWithItsPath() {
            var status = RecoveryStatus()
            #expect(status.saveFailedMessage("x") == "保存失败：x（修改仍在编辑器中）")
            #expect(status.record(.success(RecoveryWritten(path: "/r/a.recovery.json"))) == nil)
            #expect(status.saveFailedMessage("x").contains("恢复副本已写入 /r/a.recovery.json"))
            #expect(status.warning == nil)
            #expect(status.exitReport(unsavedEdits: false) == nil)
        }

        @Test func recoveringFromAFailureIsSaidOnceAndRememberedForTheExitReport() {
            var status = RecoveryStatus()
            #expect(status.record(.failure(failure))?.hasPrefix("警告") == true)
            #expect(status.isFailing)
            let moved = RecoveryWritten(path: "/tmp/x.recovery.json", earlierFailures: failure.attempts)
            #expect(status.record(.success(moved)) == "恢复副本已重新写入 /tmp/x.recovery.json。")
            #expect(!status.isFailing)
            #expect(status.warning == nil)
            #expect(status.record(.success(moved)) == nil)
            #expect(status.exitReport(unsavedEdits: false)?.contains("曾无法写入") == true)
        }

        @Test func aFallbackIsMentioned() {
            var status = RecoveryStatus()
            let moved = RecoveryWritten(path: "/data/.r.json-1.recovery.json", earlierFailures: [failure.attempts[0]])
            #expect(status.record(.success(moved))?.contains("改存到 /data/.r.json-1.recovery.json") == true)
            #expect(status.recordProbe(.success(RecoveryWritten(path: "/data", earlierFailures: [failure.attempts[0]])))?
                .contains("恢复副本将写到 /data") == true)
        }
    }
}
