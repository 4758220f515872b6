/// Splits digit runs printed with no separator (`1210000013`) into a row's cells, using only the
/// form's arithmetic, and only when exactly one split satisfies it.
///
/// Parts are non-negative integers without leading zeros (a lone `0` is a part); a space or a
/// separator between runs is a cell boundary; a `-` starts a negative part where the column is
/// signed. A sum group (six applicant cells and 总计 in table 三, four results and 总计 per block
/// in table 四) requires its last part to equal the sum of the others.
enum DigitRunSolver {
    /// The cells of a row to split into: how many, which are signed, and their sum groups.
    struct RowShape: Sendable {
        var count: Int
        var signed: Set<Int> = []
        /// Each group: indices of the parts and the index of their total (after the parts).
        var groups: [(parts: [Int], total: Int)] = []
    }

    /// What the digits allow.
    struct Outcome: Sendable {
        /// Every split found (up to the limit), each a value per cell (nil: a blank cell at a space).
        var candidates: [[Int64?]]
        /// More splits exist than were collected, or the search was cut short.
        var truncated: Bool
    }

    static let maxDigits = 12
    static let candidateLimit = 16
    static let nodeBudget = 200_000

    /// Splits of `runs` (texts of ASCII digits, possibly `-`) into `shape.count` parts;
    /// with `useSums`, only those satisfying every sum group. The space between two runs is a
    /// cell boundary, or a blank cell whose `&nbsp;` survived as a space: both are tried (a blank
    /// counts as 0 in a sum, as the printed totals count it).
    ///
    /// `leadingBlank`/`trailingBlank`: a space before the first run (after the label) or after
    /// the last one, where blank cells may stand too. `fixed`: only the split giving these values
    /// (a 0 may also be a blank at a space) — to test a reading another identity derived.
    static func splits(_ runs: [String], shape: RowShape, useSums: Bool, limit: Int = candidateLimit,
                       leadingBlank: Bool = false, trailingBlank: Bool = false, fixed: [Int64]? = nil, gaps: [Int]? = nil) -> Outcome {
        // Blank cells a space may stand for: as many as its width when `gaps` gives the widths
        // (before the first run, between runs, after the last), else any number.
        func gap(_ k: Int) -> Int {
            if let gaps, k < gaps.count { return gaps[k] }
            return k == 0 ? (leadingBlank ? Int.max : 0) : k == runs.count ? (trailingBlank ? Int.max : 0) : Int.max
        }
        // Pieces: each run cut before every `-`; a piece starting with `-` is a negative part's digits.
        var pieces: [(digits: [UInt8], negative: Bool, blanksBefore: Int)] = []
        for (r, run) in runs.enumerated() {
            var current: [UInt8] = []
            var negative = false
            var afterSpace = gap(r)
            for b in run.utf8 {
                if b == UInt8(ascii: "-") {
                    if !current.isEmpty { pieces.append((current, negative, afterSpace)); afterSpace = 0 }
                    current = []
                    negative = true
                } else if b >= 0x30 && b <= 0x39 {
                    current.append(b - 0x30)
                } else {
                    return Outcome(candidates: [], truncated: false)
                }
            }
            if !current.isEmpty { pieces.append((current, negative, afterSpace)) } else if negative { return Outcome(candidates: [], truncated: false) }
        }
        let totalDigits = pieces.reduce(0) { $0 + $1.digits.count }
        guard pieces.count <= shape.count, totalDigits > 0 else { return Outcome(candidates: [], truncated: false) }
        var groupOfTotal: [Int: [Int]] = [:]
        var groupOfPart: [Int: Int] = [:]
        if useSums {
            for g in shape.groups {
                groupOfTotal[g.total] = g.parts
                for p in g.parts { groupOfPart[p] = g.total }
            }
        }
        // Digits left from each piece onward, and pieces left.
        var digitsFrom = Array(repeating: 0, count: pieces.count + 1)
        for k in stride(from: pieces.count - 1, through: 0, by: -1) { digitsFrom[k] = digitsFrom[k + 1] + pieces[k].digits.count }

        var values = Array(repeating: Int64?(0), count: shape.count)
        var found: [[Int64?]] = []
        var truncated = false
        var nodes = 0

        func value(_ piece: Int, _ from: Int, _ length: Int) -> Int64? {
            let d = pieces[piece].digits
            if length > 1 && d[from] == 0 { return nil }
            var v: Int64 = 0
            for k in from..<from + length { v = v * 10 + Int64(d[k]) }
            return v
        }
        // part: next cell; piece/offset: where its digits start.
        let trailingGap = gap(runs.count)
        func search(_ part: Int, _ piece: Int, _ offset: Int, _ blanks: Int = 0) {
            if truncated { return }
            nodes += 1
            if nodes > nodeBudget { truncated = true; return }
            if piece == pieces.count {
                if part < shape.count, blanks < trailingGap, fixed?[part] ?? 0 == 0 {
                    // A blank cell after the last run (a space before the line's end).
                    values[part] = nil
                    search(part + 1, piece, 0, blanks + 1)
                    return
                }
                guard part == shape.count else { return }
                if useSums {
                    // Totals left blank leave their groups unchecked; every other group must hold.
                    for g in shape.groups where values[g.total] != nil {
                        if g.parts.reduce(Int64(0), { $0 + (values[$1] ?? 0) }) != values[g.total]! { return }
                    }
                }
                found.append(values)
                if found.count > limit { truncated = true }
                return
            }
            if part == shape.count { return }
            let digitsLeft = digitsFrom[piece] - offset
            let partsLeft = shape.count - part
            // Every remaining piece needs a part; no part holds more than `maxDigits` digits.
            if pieces.count - piece > partsLeft || digitsLeft > partsLeft * maxDigits { return }
            // A blank cell where a space was (not a total: its blank cannot be checked, so such rows are refused upstream).
            // A blank total leaves its group unchecked: then other readings usually remain, and the row is refused.
            if offset == 0, blanks < pieces[piece].blanksBefore, fixed?[part] ?? 0 == 0 {
                values[part] = nil
                search(part + 1, piece, 0, blanks + 1)
                if truncated { return }
            }
            let available = pieces[piece].digits.count - offset
            let negative = offset == 0 && pieces[piece].negative
            if negative && !shape.signed.contains(part) { return }
            func take(_ length: Int, _ v: Int64) {
                values[part] = negative ? -v : v
                if offset + length == pieces[piece].digits.count { search(part + 1, piece + 1, 0) } else {
                    // A part cannot continue past a boundary, but a boundary may fall inside a piece only
                    // without a sign in between: the next part starts inside this piece.
                    search(part + 1, piece, offset + length)
                }
            }
            if let fixed {
                let want = fixed[part]
                if (want < 0) != negative { return }
                let text = Array(String(want.magnitude).utf8).map { $0 - 0x30 }
                guard text.count <= available, Array(pieces[piece].digits[offset..<offset + text.count]) == text else { return }
                take(text.count, Int64(want.magnitude))
                return
            }
            if let parts = groupOfTotal[part] {
                // The total is the sum: its digits are decided.
                var sum: Int64 = 0
                for p in parts { sum += values[p] ?? 0 }
                guard sum >= 0 else { return }
                let text = Array(String(sum).utf8).map { $0 - 0x30 }
                guard text.count <= available, Array(pieces[piece].digits[offset..<offset + text.count]) == text else { return }
                take(text.count, sum)
                return
            }
            for length in 1...min(maxDigits, available) {
                guard let v = value(piece, offset, length) else { break }
                if v > CellValue.maxCount { break }
                take(length, v)
                if truncated { return }
            }
        }
        search(0, 0, 0)
        return Outcome(candidates: found, truncated: truncated)
    }
}

extension DigitRunSolver {
    /// True when the digits also read as a row with fewer cells whose sum holds: blank cells
    /// vanish when cells run together, so then the full-row split is not certain.
    /// For rows with one sum group whose total is the last cell (table 三).
    static func alsoReadsWithVanishedCells(_ runs: [String], shape: RowShape) -> Bool {
        guard shape.groups.count == 1, shape.groups[0].total == shape.count - 1 else { return false }
        for count in stride(from: shape.count - 1, through: 2, by: -1) {
            var fewer = RowShape(count: count)
            fewer.groups = [(Array(0..<(count - 1)), count - 1)]
            fewer.signed = []
            let outcome = splits(runs, shape: fewer, useSums: true, limit: 0)
            if !outcome.candidates.isEmpty || outcome.truncated { return true }
        }
        return false
    }
}
