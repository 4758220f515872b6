extension Array where Element == String {
    /// The strings with `separator` between them: the same as `joined(separator:)`.
    ///
    /// The standard library's `joined(separator:)` is not specialised for arrays; its first call
    /// makes the Swift runtime search every protocol conformance in the program for Array's,
    /// which a clerk would wait for while the editor opens.
    public func joinedText(separator: String) -> String {
        var result = ""
        for (i, part) in enumerated() {
            if i > 0 { result += separator }
            result += part
        }
        return result
    }
}
