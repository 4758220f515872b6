/// JSON tokens written straight into a byte buffer, escaped exactly as the canonical writers escape them,
/// for callers that stream large documents without building a `JSONValue` for every part.
public enum JSONText {
    /// Appends `s` as a JSON string literal (the escaping of `JCSWriter` and `PrettyCanonicalWriter`).
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        JSONTokenWriting.appendString(s, to: &out)
    }
}
