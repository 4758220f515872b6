import Foundation
import Testing
@testable import NianbaoCore

/// nst/JSONTestSuite `test_parsing`: y_ must parse, n_ must fail cleanly, i_ must not crash.
@Suite struct JSONTestSuiteTests {
    /// `y_` files that our stricter policy rejects on purpose, with the reason.
    static let rejectedValidFiles: [String: String] = [
        "y_object_duplicated_key.json": "duplicate keys are an error (RFC 8785 §3.1 / I-JSON)",
        "y_object_duplicated_key_and_value.json": "duplicate keys are an error even with equal values",
    ]

    @Test func everyFileBehaves() throws {
        guard let dir = SharedTestData.directory("jsontestsuite/test_parsing") else { return }
        let names = try SharedTestData.files(in: dir).filter { $0.hasSuffix(".json") }
        var counts = (y: 0, n: 0, i: 0, iAccepted: 0, iRejected: 0)
        var exceptionsSeen: Set<String> = []
        for name in names {
            let bytes = try SharedTestData.bytes(dir.appendingPathComponent(name))
            let result: Result<JSONValue, JSONParseError>
            do {
                result = .success(try JSONParser().parse(bytes))
            } catch {
                result = .failure(error)
            }
            switch name.prefix(2) {
            case "y_":
                counts.y += 1
                if let reason = Self.rejectedValidFiles[name] {
                    exceptionsSeen.insert(name)
                    if case .success = result { Issue.record("\(name) should be rejected: \(reason)") }
                    if case .failure(let error) = result { #expect(error.kind == .duplicateKey, "\(name)") }
                } else if case .failure(let error) = result {
                    Issue.record("\(name) must parse: \(error)")
                } else if case .success(let value) = result {
                    // Valid files round-trip through both writers.
                    let pcf = PrettyCanonicalWriter.bytes(value)
                    #expect((try? JSONParser().parse(pcf)) == value, "\(name)")
                    #expect(JSONTestHelpers.stripInsignificantWhitespace(pcf) == JCSWriter.bytes(value), "\(name)")
                }
            case "n_":
                counts.n += 1
                if case .success = result { Issue.record("\(name) must be rejected") }
                if case .failure(let error) = result {
                    #expect(!error.message.isEmpty && error.line >= 1 && error.column >= 1, "\(name)")
                }
            case "i_":
                counts.i += 1
                if case .success = result { counts.iAccepted += 1 } else { counts.iRejected += 1 }
            default:
                Issue.record("unexpected file \(name)")
            }
        }
        #expect(counts.y == 95)
        #expect(counts.n == 188)
        #expect(counts.i == 35)
        #expect(counts.iAccepted + counts.iRejected == counts.i)
        #expect(exceptionsSeen == Set(Self.rejectedValidFiles.keys))
    }

    /// Our BOM, surrogate, depth and range policy on the implementation-defined files.
    @Test func implementationDefinedFilesFollowOurPolicy() throws {
        guard let dir = SharedTestData.directory("jsontestsuite/test_parsing") else { return }
        let expectations: [String: JSONParseError.Kind] = [
            "i_structure_UTF-8_BOM_empty_object.json": .byteOrderMark,
            "i_structure_500_nested_arrays.json": .nestingTooDeep,
            "i_string_lone_second_surrogate.json": .invalidSurrogate,
            "i_string_1st_surrogate_but_2nd_missing.json": .invalidSurrogate,
            "i_string_UTF-8_invalid_sequence.json": .invalidUTF8,
            "i_string_UTF-16LE_with_BOM.json": .invalidUTF8,
            "i_number_huge_exp.json": .numberTooLong,
            "i_number_real_pos_overflow.json": .numberOutOfRange,
            "i_number_neg_int_huge_exp.json": .numberOutOfRange,
        ]
        for (name, kind) in expectations.sorted(by: { $0.key < $1.key }) {
            let bytes = try SharedTestData.bytes(dir.appendingPathComponent(name))
            #expect(JSONTestHelpers.parseError(bytes)?.kind == kind, "\(name)")
        }
    }
}

/// Mutated copies of the valid suite files: the parser must return or throw, never trap.
@Suite struct JSONMutationTests {
    @Test func mutatedValidFilesNeverCrash() throws {
        guard let dir = SharedTestData.directory("jsontestsuite/test_parsing") else { return }
        let names = try SharedTestData.files(in: dir).filter { $0.hasPrefix("y_") }
        var rng = SplitMix64(seed: 42)
        var parsed = 0
        var rejected = 0
        for name in names {
            let original = try SharedTestData.bytes(dir.appendingPathComponent(name))
            guard !original.isEmpty else { continue }
            for _ in 0..<30 {
                var bytes = original
                let position = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 4 {
                case 0: bytes.removeSubrange(position...)
                case 1: bytes[position] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8))
                case 2: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: position)
                default: bytes.remove(at: position)
                }
                if JSONTestHelpers.parseError(bytes) == nil { parsed += 1 } else { rejected += 1 }
            }
        }
        #expect(parsed + rejected == names.count * 30)
        #expect(rejected > 0)
    }
}
