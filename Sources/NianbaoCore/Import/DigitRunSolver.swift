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
        // Per part: the parts it totals (when it is a group's total), and the total it is a part of.
        var partsOfTotal = [[Int]?](repeating: nil, count: shape.count)
        var totalOfPart = [Int](repeating: -1, count: shape.count)
        if useSums {
            for g in shape.groups {
                partsOfTotal[g.total] = g.parts
                for p in g.parts where g.total > p { totalOfPart[p] = g.total }
            }
        }
        // Digits left from each piece onward, and pieces left.
        var digitsFrom = Array(repeating: 0, count: pieces.count + 1)  // var: the anchored search below trims it
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
        func digitCount(_ v: Int64) -> Int {
            var n = 1, x = v.magnitude
            while x >= 10 { x /= 10; n += 1 }
            return n
        }
        /// The sum so far of the group parts before `part` that total into `total` (blank = 0).
        func partial(_ total: Int, before part: Int) -> Int64 {
            var sum: Int64 = 0
            for p in partsOfTotal[total]! where p < part { sum &+= values[p] ?? 0 }
            return sum
        }
        // part: next cell; piece/offset: where its digits start.
        let trailingGap = gap(runs.count)
        // Some cell may be a blank at a space; per total, how many of its parts overfill it.
        let blankPossible = trailingGap > 0 || pieces.contains { $0.blanksBefore > 0 }
        var overfull = [Int](repeating: 0, count: shape.count)
        // The total of the last cell when taken first (see below), and the trailing blanks then allowed.
        var anchored: (part: Int, value: Int64?) = (-1, nil)
        let power10: [Int64] = (0...18).map { k in (0..<k).reduce(Int64(1)) { r, _ in r * 10 } }
        var trailingGapOverride: Int? = nil
        func search(_ part: Int, _ piece: Int, _ offset: Int, _ blanks: Int = 0) {
            if truncated { return }
            nodes += 1
            if nodes > nodeBudget { truncated = true; return }
            if piece == pieces.count {
                if part == anchored.part, let t = anchored.value {
                    // The last cell's total, its digits set apart: the parts must add up to it.
                    guard partial(part, before: part) == t else { return }
                    values[part] = t
                    search(part + 1, piece, 0, 0)
                    return
                }
                if part < shape.count, blanks < (trailingGapOverride ?? trailingGap), fixed?[part] ?? 0 == 0 {
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
                let length = digitCount(want)
                guard length <= available, value(piece, offset, length) == Int64(want.magnitude) else { return }
                take(length, Int64(want.magnitude))
                return
            }
            if partsOfTotal[part] != nil {
                // Its parts already need more digits than are left: only a blank total remains.
                // The anchored total stands after the digits left (taken at their end, above).
                if overfull[part] > 0 || part == anchored.part { return }
                // The total is the sum: its digits are decided.
                let sum = partial(part, before: part)
                guard sum >= 0 else { return }
                let length = digitCount(sum)
                guard length <= available, value(piece, offset, length) == sum else { return }
                take(length, sum)
                return
            }
            // A part of a later total: the total needs at least as many digits as the parts' sum
            // (parts are not negative where a total checks them), so longer parts cannot fit.
            let total = totalOfPart[part]
            let before = total >= 0 ? partial(total, before: part) : 0
            for length in 1...min(maxDigits, available) {
                guard let v = value(piece, offset, length) else { break }
                if v > CellValue.maxCount { break }
                // The last cell's total taken first: the parts cannot pass it.
                if total == anchored.part, let t = anchored.value, !negative {
                    if before &+ v > t { break }
                    // The digits left go to the parts left (blanks only crowd them more): one of
                    // them has at least ⌈digits / parts⌉ digits, so at least 10^(that − 1).
                    let rest = digitsLeft - length, partsAfter = total - part - 1
                    if partsAfter == 0 ? rest > 0 : (rest + partsAfter - 1) / partsAfter >= 2
                        && before &+ v &+ power10[min(18, (rest + partsAfter - 1) / partsAfter - 1)] > t { continue }
                    // Nor can they fall short of it: with `rest` digits, each part left has at most
                    // rest − partsAfter + 1 of them (all `rest` where a blank may stand), and at most
                    // 12, so the parts add up to less than partsAfter times 10 to that (0 without
                    // digits). A longer part may still reach the total.
                    let longest = min(maxDigits, blankPossible ? rest : max(1, rest - partsAfter + 1))
                    if rest == 0 ? before &+ v < t : partsAfter > 0 && before &+ v &+ Int64(partsAfter) &* power10[longest] <= t { continue }
                    take(length, v)
                } else if total >= 0, !negative, digitCount(before &+ v) > digitsLeft - length {
                    // No printed total can hold the sum now, nor with a longer part: go on only
                    // where the total may be a blank at a space (it then checks nothing).
                    guard blankPossible else { break }
                    overfull[total] += 1
                    take(length, v)
                    overfull[total] -= 1
                } else {
                    take(length, v)
                }
                if truncated { return }
            }
        }
        // A row whose last cell totals unsigned parts (table 三): that total is the last digits
        // (when no blank follows them), so it is taken first, one length at a time, and bounds
        // the parts; the rows with a blank there are searched apart. Same splits, far fewer tries.
        if shape.groups.count == 1, let last = shape.groups.first(where: { $0.total == shape.count - 1 }), useSums, fixed == nil,
           last.parts.allSatisfy({ !shape.signed.contains($0) }), let end = pieces.last, !end.negative {
            if trailingGap > 0 {
                // The total is a blank after the last run (only where a space is).
                overfull[last.total] = 1
                search(0, 0, 0)
                overfull[last.total] = 0
            }
            let whole = pieces
            let wholeFrom = digitsFrom
            for length in 1...min(maxDigits, end.digits.count) where !truncated {
                let from = end.digits.count - length
                guard length == 1 || end.digits[from] != 0 else { continue }
                var t: Int64 = 0
                for d in end.digits[from...] { t = t * 10 + Int64(d) }
                if t > CellValue.maxCount { break }
                // The parts split the digits before the total's; blank cells before the total
                // stand where the space before its run was.
                pieces = whole
                if from == 0 {
                    trailingGapOverride = pieces.removeLast().blanksBefore
                } else {
                    pieces[pieces.count - 1].digits.removeLast(length)
                    trailingGapOverride = 0
                }
                digitsFrom = Array(wholeFrom.prefix(pieces.count)) + [0]
                for k in digitsFrom.indices.dropLast() { digitsFrom[k] -= length }
                anchored = (last.total, t)
                search(0, 0, 0)
            }
            pieces = whole
            digitsFrom = wholeFrom
            anchored = (-1, nil)
            trailingGapOverride = nil
        } else {
            search(0, 0, 0)
        }
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
