import NianbaoCore

/// Rules for what may be typed into a numeric cell, with refusals in Chinese.
public enum CellInput {
    /// Most integer digits a cell accepts (`CellValue.maxCount` has 12).
    static let maxIntegerDigits = 12

    /// The buffer after typing `character`, or a refusal message.
    ///
    /// Full-width digits and signs are normalised; thousands separators are accepted and dropped.
    public static func accept(_ character: Character, into buffer: String, kind: CellKind) -> Result<String, Refusal> {
        guard let c = normalise(character) else { return .success(buffer) }
        switch c {
        case "0"..."9":
            let parts = buffer.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2 {
                if parts[1].count >= Amount.formScale {
                    return .failure(Refusal("金额最多 \(Amount.formScale) 位小数。"))
                }
            } else if buffer.filter(\.isNumber).count >= maxIntegerDigits {
                return .failure(Refusal("数字太大：最多 \(maxIntegerDigits) 位整数。"))
            }
            return .success(buffer + String(c))
        case "-":
            guard kind == .signedCount else {
                return .failure(Refusal("此格不能填负数：应填写\(kind.expectation)。"))
            }
            guard buffer.isEmpty else { return .failure(Refusal("负号只能写在数字最前面。")) }
            return .success("-")
        case ".":
            guard kind == .amount else {
                return .failure(Refusal("此格只能填写整数，不能有小数：应填写\(kind.expectation)。"))
            }
            guard !buffer.contains(".") else { return .failure(Refusal("已经有一个小数点了。")) }
            return .success((buffer.isEmpty || buffer == "-" ? buffer + "0" : buffer) + ".")
        default:
            return .failure(Refusal("“\(character)”不能填入此格：应填写\(kind.expectation)。"))
        }
    }

    /// The buffer after typing a whole pasted string, or the first refusal.
    public static func accept(_ text: String, into buffer: String, kind: CellKind) -> Result<String, Refusal> {
        var out = buffer
        for c in text where !c.isWhitespace {
            switch accept(c, into: out, kind: kind) {
            case .success(let b): out = b
            case .failure(let r): return .failure(r)
            }
        }
        return .success(out)
    }

    /// The value a finished buffer stands for, or a refusal.
    public static func value(of buffer: String, kind: CellKind) -> Result<CellValue, Refusal> {
        var text = buffer
        if text.hasSuffix(".") { text.removeLast() }
        if text.isEmpty { return .success(.empty) }
        if text == "-" { return .failure(Refusal("请在负号后输入数字，或按 Esc 取消。")) }
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

    /// ASCII form of digits, signs and points; nil for thousands separators (dropped).
    static func normalise(_ c: Character) -> Character? {
        if let s = c.unicodeScalars.first, c.unicodeScalars.count == 1, (0xFF10...0xFF19).contains(s.value) {
            return Character(Unicode.Scalar(s.value - 0xFF10 + 0x30)!)
        }
        switch c {
        case ",", "，": return nil
        case "－", "−": return "-"
        case "．", "。": return "."
        default: return c
        }
    }
}

/// Why a keystroke was refused, in Chinese.
public struct Refusal: Error, Sendable, Hashable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
