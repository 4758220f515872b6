import Crypto

/// Content hashes of JSON values, computed over their RFC 8785 (JCS) bytes.
public enum ContentDigest {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `"sha256:"` followed by the lowercase hex SHA-256 of the JCS bytes of `value`.
    public static func sha256(_ value: JSONValue) -> String {
        hex(SHA256.hash(data: JCSWriter.bytes(value)))
    }

    /// `"sha256:"` and the lowercase hex of a SHA-256 digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        var out = Array("sha256:".utf8)
        out.reserveCapacity(7 + 64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0xF)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
