import NianbaoCore

/// Rules for what may be typed into a numeric cell, with refusals in Chinese.
///
/// A refused character is kept in the entry, not dropped: `1.5` typed into a count cell stays
/// `1.5` (marked, with the reason) until the clerk fixes or cancels it, and can never be saved
/// as 15. The buffer holds what was typed, normalised (full-width digits and signs to ASCII).
public enum CellInput {
    /// Most integer digits a cell accepts (`CellValue.maxCount` has 12).
    static let maxIntegerDigits = 12

    /// The buffer after typing `character`: always appended (normalised), refused or not.
    public static func typing(_ character: Character, into buffer: String) -> String {
        buffer + String(normalise(character))
    }

    /// The buffer after typing `character`, or the refusal the entry then carries.
    ///
    /// Kept for callers that only want to know whether a keystroke is acceptable.
    public static func accept(_ character: Character, into buffer: String, kind: CellKind) -> Result<String, Refusal> {
        let next = typing(character, into: buffer)
        if let refusal = problem(in: next, kind: kind) { return .failure(refusal) }
        return .success(next)
    }

    /// What is wrong with a buffer while typing, or nil when it is (or may still become) a value.
    ///
    /// Unfinished entries (`-`, `12.`, `1,2`) are not refused here; `value(of:kind:)` refuses them.
    public static func problem(in buffer: String, kind: CellKind) -> Refusal? {
        var integerDigits = 0
        var decimals = 0
        var seenPoint = false
        for (i, c) in buffer.enumerated() {
            switch c {
            case "0"..."9":
                if seenPoint {
                    decimals += 1
                    if decimals > Amount.formScale { return Refusal("金额最多 \(Amount.formScale) 位小数。") }
                } else {
                    integerDigits += 1
                    if integerDigits > maxIntegerDigits { return Refusal("数字太大：最多 \(maxIntegerDigits) 位整数。") }
                }
            case "-":
                guard kind == .signedCount else { return Refusal("此格不能填负数：应填写\(kind.expectation)。") }
                guard i == 0 else { return Refusal("负号只能写在数字最前面。") }
            case ".":
                guard kind == .amount else {
                    return Refusal("此格只能填写整数，不能有小数：应填写\(kind.expectation)。")
                }
                guard !seenPoint else { return Refusal("已经有一个小数点了。") }
                seenPoint = true
            case ",":
                guard !seenPoint else { return Refusal("小数部分不能有千分位逗号。") }
            case " ":
                return Refusal("数字中间不能有空格：应填写\(kind.expectation)。")
            default:
                return Refusal("“\(TerminalSafe.sanitize(String(c)))”不能填入此格：应填写\(kind.expectation)。")
            }
        }
        return nil
    }

    /// The value a finished buffer stands for, or a refusal.
    public static func value(of buffer: String, kind: CellKind) -> Result<CellValue, Refusal> {
        if let refusal = problem(in: buffer, kind: kind) { return .failure(refusal) }
        var text = buffer
        if text.hasSuffix("."), kind == .amount { text.removeLast() }
        if text.isEmpty { return .success(.empty) }
        if text == "-" { return .failure(Refusal("请在负号后输入数字，或按 Esc 取消。")) }
        if text.contains(",") {
            guard thousandsGroupingIsValid(text) else {
                return .failure(Refusal("千分位逗号的位置不对（\(buffer)）：应每三位一个逗号，如 1,234。"))
            }
            text.removeAll { $0 == "," }
        }
        switch kind {
        case .count, .signedCount:
            guard let n = Int64(text), n.magnitude <= CellValue.maxCount.magnitude else {
                return .failure(Refusal("无法识别的数字：\(buffer)"))
            }
            return .success(.count(n))
        case .amount:
            guard let a = Amount(text) else { return .failure(Refusal("无法识别的金额：\(buffer)")) }
            return .success(.amount(a))
        }
    }

    /// True when the commas of `text` (sign, integer part, optional decimals) group digits by three.
    static func thousandsGroupingIsValid(_ text: String) -> Bool {
        var integer = Substring(text)
        if integer.hasPrefix("-") { integer = integer.dropFirst() }
        if let point = integer.firstIndex(of: ".") { integer = integer[..<point] }
        let groups = integer.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count) else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// ASCII form of digits, signs, points and commas; other characters unchanged.
    static func normalise(_ c: Character) -> Character {
        if let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(s.value) {
            return Character(Unicode.Scalar(s.value - 0xFF10 + 0x30)!)
        }
        switch c {
        case "，": return ","
        case "－", "−": return "-"
        case "．", "。": return "."
        case "\u{3000}", "\t": return " "
        default: return c
        }
    }
}

/// Why a keystroke was refused, in Chinese.
public struct Refusal: Error, Sendable, Hashable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
