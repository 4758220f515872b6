#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// UTF-8 helpers for the text readers' fast paths: decoding and encoding one scalar, a byte
/// substring search, and which scalars are always a character (grapheme cluster) of their own.
enum UTF8Scalars {
    /// The scalar starting at `i` in valid UTF-8, and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }

    /// Appends the UTF-8 encoding of `scalar`.
    @inline(__always)
    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | (v >> 12) & 0x3F))
            out.append(UInt8(0x80 | (v >> 6) & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// True when `needle` occurs in `haystack` (byte-wise; an empty needle always does): `memchr`
    /// finds each candidate first byte, `memcmp` compares the rest.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let n = needle.baseAddress, !needle.isEmpty else { return true }
        guard let h = haystack.baseAddress, haystack.count >= needle.count else { return false }
        let first = Int32(n.pointee)
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(h + offset, first, last - offset + 1) else { return false }
            let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - h
            if memcmp(h + at, n, needle.count) == 0 { return true }
            offset = at + 1
        }
        return false
    }

    /// True when `needle` occurs in `haystack` (byte-wise; an empty needle always does).
    static func contains<C: RandomAccessCollection<UInt8>>(_ haystack: C, _ needle: C) -> Bool where C.Index == Int {
        guard let first = needle.first else { return true }
        let h0 = haystack.startIndex, n0 = needle.startIndex
        let n = needle.count
        guard haystack.count >= n else { return false }
        var i = h0
        let last = haystack.endIndex - n
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < n && haystack[i + k] == needle[n0 + k] { k += 1 }
                if k == n { return true }
            }
            i += 1
        }
        return false
    }

    /// `text.count` (characters), counted from the UTF-8 bytes when every scalar is a character of its own.
    static func characterCount(_ text: String) -> Int {
        let counted: Int?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            var n = 0
            var i = 0
            while i < bytes.count {
                // E5–E9 lead the ideographs U+5000–U+9FFF, each standalone.
                if bytes[i] >= 0xE5 && bytes[i] <= 0xE9 {
                    n += 1
                    i += 3
                    continue
                }
                let (scalar, length) = decode(bytes, at: i)
                guard isStandalone(scalar.value) else { return nil }
                n += 1
                i += length
            }
            return n
        }
        return (counted ?? nil) ?? text.count
    }

    /// True for scalars that are always a grapheme cluster of their own, whatever is next to
    /// them: none is a combining mark, joiner, variation selector, prepended mark, Hangul jamo,
    /// regional indicator, CR or LF. Chosen for report text: ASCII, Latin-1 and the Latin
    /// letters of pinyin, general punctuation, symbols, CJK punctuation, kana, ideographs and
    /// fullwidth forms. In text made only of these, a character offset is a scalar offset.
    @inline(__always)
    static func isStandalone(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x20 ? v != 0x7F : (v == 0x09 || v == 0x0B || v == 0x0C) }
        if v >= 0x4E00 && v <= 0x9FFF { return true }
        switch v {
        case 0xA0...0x2FF,  // Latin-1, Latin Extended A/B, IPA, spacing modifiers (not the combining marks at 0x300)
             0x1E00...0x1EFF,  // Latin Extended Additional (ḿ)
             0x2000...0x200B, 0x2010...0x2027, 0x202F...0x205F,  // spaces and punctuation (not ZWNJ, ZWJ, marks, bidi controls)
             0x2070...0x209F, 0x20A0...0x20CF,  // super/subscripts, currency
             0x2100...0x23FF,  // letterlike, number forms, arrows, mathematical and technical symbols
             0x2460...0x27BF,  // enclosed alphanumerics, box drawing, shapes, dingbats
             0x2E80...0x2FDF,  // CJK radicals
             0x3000...0x3029, 0x3030...0x303F,  // CJK punctuation (not the tone marks at 0x302A–0x302F)
             0x3041...0x3096, 0x309B...0x30FF,  // kana (not the combining sound marks at 0x3099–0x309A)
             0x3105...0x312F, 0x3200...0x33FF, 0x3400...0x4DBF,  // bopomofo, enclosed CJK, compatibility, Extension A
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE4F, 0xFE50...0xFE6B,  // compatibility ideographs, CJK forms
             0xFF01...0xFF65,  // fullwidth ASCII, halfwidth punctuation (not the halfwidth kana sound marks)
             0xFFE0...0xFFEE, 0xFEFF,  // fullwidth symbols, byte order mark
             0x20000...0x3134F:  // ideographs beyond the BMP
            return true
        default:
            return false
        }
    }
}
