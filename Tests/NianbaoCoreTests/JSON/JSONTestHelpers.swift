@testable import NianbaoCore

/// Small helpers shared by the JSON tests.
enum JSONTestHelpers {
    /// `sha256sum` of the bytes `{"a":"年报","b":[1,2.5]}`.
    static let expectedDigestOfSample = "sha256:2712cbdce8f365717a4cb0aff6e616301a32849d516a39b0c18e99013d785731"

    /// Removes SP, LF, CR and TAB outside string literals (json-and-saving.md A5 step 5).
    static func stripInsignificantWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                out.append(byte)
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                }
            } else if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                continue
            } else {
                out.append(byte)
                if byte == 0x22 { inString = true }
            }
        }
        return out
    }

    /// Parses a string with default options, expecting failure; returns the error.
    static func parseError(_ text: String, options: JSONParser.Options = .init()) -> JSONParseError? {
        parseError(Array(text.utf8), options: options)
    }

    /// Parses bytes with the given options, expecting failure; returns the error.
    static func parseError(_ bytes: [UInt8], options: JSONParser.Options = .init()) -> JSONParseError? {
        do {
            _ = try JSONParser(options: options).parse(bytes)
            return nil
        } catch {
            return error
        }
    }
}

/// SplitMix64: a tiny deterministic generator for property tests.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
