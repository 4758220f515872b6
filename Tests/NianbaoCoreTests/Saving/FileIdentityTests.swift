import Foundation
import Testing
@testable import NianbaoCore

extension SavingTests {
    @Suite struct FileIdentityTests {
        @Test func identityDetectsReplacementAndMissingFiles() throws {
            try withTemporaryDirectory { dir in
                let path = dir + "/report.json"
                #expect(FileIdentity.of(path: path) == nil)
                try writeBytes(Array("one".utf8), path)
                let first = try #require(FileIdentity.of(path: path))
                #expect(first.size == 3)
                #expect(FileIdentity.of(path: path) == first)
                #expect(!first.hasChanged(at: path))
                try AtomicFileWriter.write(Array("two!".utf8), to: path)
                let second = try #require(FileIdentity.of(path: path))
                #expect(second != first)
                #expect(second.inode != first.inode)
                #expect(first.hasChanged(at: path))
            }
        }
    }
}
