/// Normalisation used to compare published labels with the form's labels (format-spec §1.4):
/// NFKC, all whitespace removed, quotation marks removed, `1、` treated as `1.`; Traditional
/// characters mapped to Simplified and pinyin annotations dropped (`復(fù)議` → `复议`), so the
/// labels of Traditional-script copies match.
enum LabelKey {
    /// The comparison key of a label or cell text.
    ///
    /// Works on the text's UTF-8 bytes (one pass when the text is already a key, as most cells
    /// are); `LabelKeyTests` pins it to the scalar-by-scalar definition above on labels, the
    /// shape corpus and random text.
    static func of(_ text: some StringProtocol) -> String {
        if let key = text.utf8.withContiguousStorageIfAvailable({ of(utf8: $0) }) { return key }
        var copy = String(text)
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { of(utf8: $0) } ?? copy
    }

    /// `of` for a String: the String itself when it is already a key, as most cells are (no copy).
    static func of(_ text: String) -> String {
        let key: String?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            isAlreadyKey(utf8: bytes) ? nil : onePassKey(utf8: bytes) ?? twoPassKey(utf8: bytes)
        }
        switch key {
        case .some(.none): return text
        case .some(.some(let made)): return made
        case .none: return of(text[...])
        }
    }

    /// `of` for valid UTF-8 `bytes`.
    static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        if isAlreadyKey(utf8: bytes) { return String(decoding: bytes, as: UTF8.self) }
        return onePassKey(utf8: bytes) ?? twoPassKey(utf8: bytes)
    }

    /// The key in one pass over `bytes`, NFKC applied scalar by scalar as the key is built; nil
    /// when a `(` follows an ideograph (a pinyin annotation needs the NFKC text ahead: `twoPassKey`).
    static func onePassKey(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // The key is built in temporary storage (on the stack for short texts); NFKC may lengthen
        // a text, so past this room the two passes take over.
        let room = bytes.count * 2 + 64
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: room) { buffer -> String? in
            onePassKey(utf8: bytes, into: buffer)
        }
    }

    private static func onePassKey(utf8 bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> String? {
        var out = ByteWriter(buffer: buffer)
        var lastWasIdeograph = false
        var previousWasDigit = false
        var i = 0
        // One scalar of the NFKC text; false: give up.
        func add(_ source: Unicode.Scalar) -> Bool {
            var scalar = source
            if isSpace(scalar) { return true }
            if scalar == "(" && lastWasIdeograph { return false }
            if let simplified = TraditionalChinese.simplified(scalar) { scalar = simplified }
            switch scalar.value {
            case _ where isQuotationMark(scalar):
                return true
            case 0x3001 where previousWasDigit:  // 1、 → 1.
                lastWasIdeograph = false
                previousWasDigit = false
                return out.append(".")
            default:
                break
            }
            previousWasDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            lastWasIdeograph = TraditionalChinese.isIdeograph(scalar)
            return out.append(scalar)
        }
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                guard add(Unicode.Scalar(b)) else { return nil }
                i += 1
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(bytes, at: i)
            i += length
            if needsCompatibilityMapping(scalar), let range = mapping(of: scalar) {
                for value in CompatibilityMapping.mapped[range] { guard add(Unicode.Scalar(value)!) else { return nil } }
            } else {
                guard add(scalar) else { return nil }
            }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<out.count]), as: UTF8.self)
    }

    /// Writes UTF-8 into a fixed buffer; `append` is false when it is full.
    private struct ByteWriter {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        var count = 0

        @inline(__always)
        mutating func append(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            let n = v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
            guard count + n <= buffer.count else { return false }
            switch n {
            case 1:
                buffer[count] = UInt8(v)
            case 2:
                buffer[count] = UInt8(0xC0 | v >> 6)
                buffer[count + 1] = UInt8(0x80 | v & 0x3F)
            case 3:
                buffer[count] = UInt8(0xE0 | v >> 12)
                buffer[count + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                buffer[count + 2] = UInt8(0x80 | v & 0x3F)
            default:
                buffer[count] = UInt8(0xF0 | v >> 18)
                buffer[count + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                buffer[count + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                buffer[count + 3] = UInt8(0x80 | v & 0x3F)
            }
            count += n
            return true
        }
    }

    /// The key of `bytes`: NFKC first, then the key built from it (any text).
    static func twoPassKey(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        // NFKC, scalar by scalar (as `nfkc`).
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let (scalar, length) = UTF8Scalars.decode(bytes, at: i)
            i += length
            if needsCompatibilityMapping(scalar), let range = mapping(of: scalar) {
                for value in CompatibilityMapping.mapped[range] { scalars.append(Unicode.Scalar(value)!) }
            } else {
                scalars.append(scalar)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var last: Unicode.Scalar? = nil
        var previousWasDigit = false
        var index = 0
        while index < scalars.count {
            var scalar = scalars[index]
            index += 1
            if isSpace(scalar) { continue }
            if scalar == "(", let last, TraditionalChinese.isIdeograph(last),
               let end = TraditionalChinese.annotationEnd(scalars, from: index - 1) {
                index = end  // `復(fù)` → `復`
                continue
            }
            if let simplified = TraditionalChinese.simplified(scalar) { scalar = simplified }
            switch scalar.value {
            case _ where isQuotationMark(scalar):
                continue
            case 0x3001 where previousWasDigit:  // 1、 → 1.
                out.append(UInt8(ascii: "."))
                last = "."
                previousWasDigit = false
                continue
            default:
                break
            }
            previousWasDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            UTF8Scalars.append(scalar, to: &out)
            last = scalar
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `isAlreadyKey` for valid UTF-8 `bytes`.
    @inline(__always)
    static func isAlreadyKey(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousWasDigit = false
        var previousWasIdeograph = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                // ASCII: spaces, quotes and `(` after an ideograph change the key.
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) || b == 0x22 || b == 0x27 { return false }
                if b == UInt8(ascii: "(") && previousWasIdeograph { return false }
                previousWasIdeograph = false
                previousWasDigit = b >= 0x30 && b <= 0x39
                i += 1
                continue
            }
            let (scalar, length) = UTF8Scalars.decode(bytes, at: i)
            i += length
            if isSpace(scalar) || needsCompatibilityMapping(scalar) || TraditionalChinese.isMapped(scalar) { return false }
            previousWasIdeograph = scalar.value >= 0x3400 && TraditionalChinese.isIdeograph(scalar)
            switch scalar.value {
            case 0x2018, 0x2019, 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F: return false
            case 0x3001 where previousWasDigit: return false
            default: break
            }
            previousWasDigit = false
        }
        return true
    }

    /// The key by its definition, scalar by scalar: NFKC, then spaces, quotes and pinyin
    /// annotations dropped, Traditional characters simplified, `1、` → `1.` (what `of` computes faster).
    static func definitionKey(_ text: some StringProtocol) -> String {
        if isAlreadyKey(text) { return String(text) }
        let nfkc = nfkc(String(text))
        var out = String.UnicodeScalarView()
        var previousWasDigit = false
        let scalars = nfkc.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            var scalar = scalars[index]
            scalars.formIndex(after: &index)
            if isSpace(scalar) { continue }
            if scalar == "(", let last = out.last, TraditionalChinese.isIdeograph(last),
               let end = TraditionalChinese.annotationEnd(scalars, from: scalars.index(before: index)) {
                index = end  // `復(fù)` → `復`
                continue
            }
            if let simplified = TraditionalChinese.simplified(scalar) { scalar = simplified }
            switch scalar.value {
            case _ where isQuotationMark(scalar):
                continue
            case 0x3001 where previousWasDigit:  // 1、 → 1.
                out.append(".")
                previousWasDigit = false
                continue
            default:
                break
            }
            previousWasDigit = scalar.value >= 0x30 && scalar.value <= 0x39
            out.append(scalar)
        }
        return String(out)
    }

    /// True when `of` would return the text unchanged (the common case: digits, plain CJK labels).
    static func isAlreadyKey(_ text: some StringProtocol) -> Bool {
        var previousWasDigit = false
        var previousWasIdeograph = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) || needsCompatibilityMapping(scalar) || TraditionalChinese.isMapped(scalar) { return false }
            // A pinyin annotation may follow (`務(wù)`).
            if scalar == "(" && previousWasIdeograph { return false }
            previousWasIdeograph = scalar.value >= 0x3400 && TraditionalChinese.isIdeograph(scalar)
            switch scalar.value {
            case _ where isQuotationMark(scalar): return false
            case 0x3001 where previousWasDigit: return false
            default: break
            }
            previousWasDigit = scalar.value >= 0x30 && scalar.value <= 0x39
        }
        return true
    }

    /// NFKC of `text`, scalar by scalar from the generated `CompatibilityMapping` table.
    ///
    /// Each scalar becomes its own NFKC form. Swift compares and hashes strings by canonical
    /// equivalence, so the result compares equal to the NFKC of the whole text; it is not
    /// recomposed across scalars (e.g. a letter followed by a combining accent).
    static func nfkc(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if needsCompatibilityMapping(scalar), let range = mapping(of: scalar) {
                changed = true
                for value in CompatibilityMapping.mapped[range] { out.append(Unicode.Scalar(value)!) }
            } else {
                out.append(scalar)
            }
        }
        return changed ? String(out) : text
    }

    /// Where the NFKC form of `scalar` sits in `CompatibilityMapping.mapped`, or nil when NFKC leaves it alone.
    static func mapping(of scalar: Unicode.Scalar) -> Range<Int>? {
        let keys = CompatibilityMapping.scalars
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < scalar.value { low = mid + 1 } else { high = mid }
        }
        guard low < keys.count, keys[low] == scalar.value else { return nil }
        return Int(CompatibilityMapping.offsets[low])..<Int(CompatibilityMapping.offsets[low + 1])
    }

    @inline(__always)
    static func needsCompatibilityMapping(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return false }
        if v >= 0x4E00 && v <= 0x9FFF { return false }
        switch v {
        case 0x3001, 0x3002, 0x300A...0x3011, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7:
            return false
        default:
            return true
        }
    }

    /// The quotation marks a key leaves out: `"` `'` ‘ ’ “ ” 「 」 『 』.
    @inline(__always)
    static func isQuotationMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F: true
        default: false
        }
    }

    /// Whitespace of any kind, including NBSP and the ideographic space.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// The label without a trailing parenthesised note, e.g. `(二)部分公开` for
    /// `(二)部分公开(区分处理的,…)`; nil when the label has no such note.
    static func core(ofKey key: String) -> String? {
        guard key.hasSuffix(")") else { return nil }
        var depth = 0
        var index = key.endIndex
        while index > key.startIndex {
            index = key.index(before: index)
            let c = key[index]
            if c == ")" { depth += 1 }
            if c == "(" {
                depth -= 1
                if depth == 0 {
                    return index == key.startIndex ? nil : String(key[..<index])
                }
            }
        }
        return nil
    }

    /// True when published text (already a key) carries the label: it starts with the label,
    /// or with the label's core when the label ends with a parenthesised note.
    static func matches(_ published: String, label: String, core: String?) -> Bool {
        if published.bytesStart(with: label) { return true }
        if let core, published.bytesStart(with: core) { return true }
        return false
    }
}

extension String {
    /// The string with whitespace of any kind (NBSP and the ideographic space too) removed from both ends.
    public var trimmingAllSpace: Substring {
        // One Character at a time, by index: `dropLast()` counts the whole text's Characters.
        var s = Substring(self)
        while let f = s.unicodeScalars.first, LabelKey.isSpace(f) { s = s[s.index(after: s.startIndex)...] }
        while let l = s.unicodeScalars.last, LabelKey.isSpace(l) { s = s[..<s.index(before: s.endIndex)] }
        return s
    }
}

extension String {
    /// Byte-wise prefix test; both sides are already normalised keys, so no Unicode equivalence is needed.
    @inline(__always)
    func bytesStart(with prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    /// Byte-wise substring test for normalised keys (no copies of either side).
    func bytesContain(_ needle: String) -> Bool {
        if utf8.count < needle.utf8.count { return false }
        let found = utf8.withContiguousStorageIfAvailable { h in
            needle.utf8.withContiguousStorageIfAvailable { n in UTF8Scalars.contains(h, n) }
        }
        if let found, let found { return found }
        return UTF8Scalars.contains(Array(utf8), Array(needle.utf8))
    }
}
