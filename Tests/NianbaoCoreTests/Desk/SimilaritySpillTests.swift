#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import NianbaoCore

/// The copying check across agencies with its signatures spilled to disk: the same clusters as in
/// memory, nothing left in the temporary folder, and a plain reason when the disk cannot be used.
@Suite struct SimilaritySpillTests {
    /// Generated reports with planted copies in sections 一 and 五: groups copying one text with a
    /// new opening, a sentence dropped or figures changed; one agency's two years; short and
    /// missing sections; and reports of their own.
    static func signatures(count: Int) -> [(SimilarityClusters.Signature, String)] {
        var out: [(SimilarityClusters.Signature, String)] = []
        for i in 0..<count {
            var r = SampleReports.filled(form: .v2021, year: 2025, agency: "某市第\(i)号单位")
            let s1Source = i % 3 == 0 ? i % 37 : i  // every third copies one of 37 texts
            let s5Source = i % 5 == 0 ? i % 11 : i  // every fifth one of 11
            var s1 = SimilarityTests.prose(seed: UInt64(100 + s1Source), length: 500)
            if s1Source != i {
                switch i % 4 {
                case 0: s1 = "本单位" + s1
                case 1: s1 = String(s1.dropLast(30)) + "成效明显\(i)件。"
                case 2: s1 = s1.replacingOccurrences(of: "件。", with: "\(i)件。")
                default: break
                }
            }
            r.texts[.s1] = i % 29 == 0 ? "无。" : s1
            r.texts[.s5] = i % 13 == 0 ? "" : SimilarityTests.prose(seed: UInt64(20_000 + s5Source), length: 160)
            if i % 41 == 1 { r.agency = "某市第\(i - 1)号单位" }  // the same agency as the file before: not another unit
            let signature = i % 53 == 7 ? SimilarityClusters.Signature.unreadable : SimilarityClusters.Signature(r)
            out.append((signature, "省/市\(i / 100)/r\(i).json"))
        }
        return out
    }

    /// The clusters' members as the algorithm before the spill found them (buckets in a
    /// dictionary): which files are grouped does not depend on the order buckets are taken in.
    static func referenceMembers(_ signatures: [SimilarityClusters.Signature]) -> [[Int]] {
        let store = SimilarityClusters.SignatureStore(signatures)
        var result: [(String, [Int])] = []
        for (p, part) in SimilarityClusters.defaultParts.enumerated() {
            let sketches = (0..<store.count).map { store.sketch($0, part: p) }
            var parent = Array(0..<store.count)
            func root(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { i = parent[i] }
                return i
            }
            for band in 0..<SimilarityClusters.bands {
                var buckets: [UInt64: [Int]] = [:]
                for (r, sketch) in sketches.enumerated() {
                    guard let sketch else { continue }
                    var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(band)
                    for k in (band * SimilarityClusters.rows)..<((band + 1) * SimilarityClusters.rows) {
                        h = (h ^ UInt64(sketch[sketch.startIndex + k])) &* 0x0000_0100_0000_01B3
                    }
                    buckets[h, default: []].append(r)
                }
                for members in buckets.values where members.count > 1 {
                    for other in members.dropFirst() where root(other) != root(members[0]) {
                        if SimilarityClusters.estimate(sketches[members[0]]!, sketches[other]!) >= SimilarityClusters.defaultThreshold {
                            parent[root(other)] = root(members[0])
                        }
                    }
                }
            }
            var groups: [Int: [Int]] = [:]
            for r in 0..<store.count where sketches[r] != nil { groups[root(r), default: []].append(r) }
            for members in groups.values where members.count > 1 && Set(members.map { store.agencyKey($0) }).count > 1 {
                result.append((part.id, members.sorted()))
            }
        }
        return result.sorted { ($0.0, $0.1[0]) < ($1.0, $1.1[0]) }.map(\.1)
    }

    /// A fresh folder standing for TMPDIR.
    static func folder() -> String {
        var template = Array("/tmp/nianbao-spill-test-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    static func entries(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? ["?"]
    }

    static func collect(_ items: [(SimilarityClusters.Signature, String)], _ collector: SimilarityClusters.Collector)
        -> (clusters: [SimilarityClusters.Cluster], names: [[String]])? {
        for (signature, path) in items { collector.append(signature, path: path) }
        guard case .clusters(let list) = collector.finish() else { return nil }
        return (list.clusters, list.clusters.map { $0.members.map { "\(list.member($0).path)|\(list.member($0).agency)" } })
    }

    @Test func spilledClustersAreTheClustersInMemory() throws {
        let items = Self.signatures(count: 1_500)
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let inMemory = try #require(Self.collect(items, SimilarityClusters.Collector(spillAfter: .max)))
        #expect(inMemory.clusters.count >= 40, "the planted groups: \(inMemory.clusters.count)")
        #expect(inMemory.clusters.contains { $0.similarity < 1 } && inMemory.clusters.contains { $0.part == .section(.s5) })
        #expect(inMemory.clusters.map(\.members) == Self.referenceMembers(items.map(\.0)), "the same groups as before the spill")
        #expect(inMemory.names.allSatisfy { $0.allSatisfy { $0.hasPrefix("省/市") && $0.contains("|某市第") } })
        // Spilled after 100 files: in one sorted chunk; in runs of 700 keys merged 3 at a time (several passes).
        for (chunk, fanIn) in [(SignatureSpill.chunkKeys, SignatureSpill.fanIn), (700, 3), (4_096, 64)] {
            let collector = SimilarityClusters.Collector(parts: SimilarityClusters.defaultParts, threshold: SimilarityClusters.defaultThreshold,
                                                         spillAfter: 100, chunkKeys: chunk, fanIn: fanIn) { () throws(TemporaryFile.CreateError) in
                try TemporaryFile(directory: dir)
            }
            for (signature, path) in items.prefix(200) { collector.append(signature, path: path) }
            #expect(collector.isSpilled)
            #expect(Self.entries(dir).isEmpty, "the spill files have no name while in use")
            let spilled = try #require(Self.collect(Array(items.dropFirst(200)), collector))
            #expect(spilled.clusters == inMemory.clusters, "chunk \(chunk), fan-in \(fanIn)")
            #expect(spilled.names == inMemory.names)
            if chunk == 700 {
                let stats = try #require(collector.spillStatistics)
                #expect(stats.runs > 20 && stats.passes >= 2, "\(stats)")
            }
        }
        #expect(Self.entries(dir).isEmpty, "nothing left in the temporary folder")
    }

    @Test func aTemporaryFolderThatCannotBeUsedSkipsTheCheckAndSaysWhy() throws {
        let items = Self.signatures(count: 300)
        let missing = SimilarityClusters.Collector(spillAfter: 10, directory: "/nonexistent/nianbao-tmp")
        for (signature, path) in items { missing.append(signature, path: path) }
        guard case .skipped(let reason) = missing.finish() else { Issue.record("not skipped"); return }
        #expect(reason.contains("无法在临时文件夹 /nonexistent/nianbao-tmp 中建立临时文件") && reason.contains("No such file"), "\(reason)")
        #expect(missing.count == 300)
        // A disk that fills up: every write to /dev/full fails with ENOSPC.
        let full = SimilarityClusters.Collector(parts: SimilarityClusters.defaultParts, threshold: SimilarityClusters.defaultThreshold,
                                                spillAfter: 10) { () throws(TemporaryFile.CreateError) in
            TemporaryFile(descriptor: open("/dev/full", O_RDWR), directory: "/dev")
        }
        for (signature, path) in items { full.append(signature, path: path) }
        guard case .skipped(let why) = full.finish() else { Issue.record("not skipped"); return }
        #expect(why.contains("写入临时文件失败") && why.contains("space"), "\(why)")
        // Below the threshold nothing touches the disk.
        let small = SimilarityClusters.Collector(spillAfter: 1_000, directory: "/nonexistent/nianbao-tmp")
        #expect(Self.collect(items, small) != nil && !small.isSpilled)
    }

    @Test func temporaryFilesReadBackWhatWasWritten() throws {
        let dir = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try TemporaryFile(directory: dir)
        #expect(Self.entries(dir).isEmpty)
        var expected: [UInt8] = []
        for i in 0..<5_000 {
            let piece = Array("第\(i)段".utf8) + [UInt8](repeating: UInt8(i % 251), count: i % 300)
            file.append(piece)
            expected += piece
        }
        let big = [UInt8](repeating: 7, count: 200_000)  // larger than the buffer: written straight through
        file.append(big)
        expected += big
        #expect(file.size == UInt64(expected.count))
        var back = [UInt8](repeating: 0, count: expected.count)
        #expect(back.withUnsafeMutableBytes { file.read(at: 0, into: $0) })
        #expect(back == expected)
        var tail = [UInt8](repeating: 0, count: 10)
        #expect(!tail.withUnsafeMutableBytes { file.read(at: UInt64(expected.count - 5), into: $0) }, "past the end")
        #expect(file.failure?.contains("读取临时文件失败") == true)
    }
}
