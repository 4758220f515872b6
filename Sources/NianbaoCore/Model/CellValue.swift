/// The content of one table cell.
public enum CellValue: Sendable, Hashable, CustomStringConvertible {
    /// Not filled in yet. Never taken as 0.
    case empty
    /// An integer count (negative only where the form allows it; rules check that).
    case count(Int64)
    /// An exact decimal amount in 万元.
    case amount(Amount)

    /// Largest absolute count accepted in a cell.
    public static let maxCount: Int64 = 999_999_999_999

    public var isEmpty: Bool { if case .empty = self { true } else { false } }

    /// The count, if this is one.
    public var count: Int64? { if case .count(let n) = self { n } else { nil } }

    /// The value as an amount (counts convert exactly), nil when empty.
    public var asAmount: Amount? {
        switch self {
        case .empty: nil
        case .count(let n): Amount(integer: n)
        case .amount(let a): a
        }
    }

    /// True when the value is present and below zero.
    public var isNegative: Bool {
        switch self {
        case .empty: false
        case .count(let n): n < 0
        case .amount(let a): a.isNegative
        }
    }

    /// True when the value is present and zero.
    public var isZero: Bool {
        switch self {
        case .empty: false
        case .count(let n): n == 0
        case .amount(let a): a.isZero
        }
    }

    /// Canonical text (empty string when empty).
    public var description: String {
        switch self {
        case .empty: ""
        case .count(let n): String(n)
        case .amount(let a): a.description
        }
    }

    /// Text for display, with thousands separators; `—` would hide emptiness, so empty shows blank.
    public var displayText: String {
        switch self {
        case .empty: ""
        case .count(let n): n > -1000 && n < 1000 ? String(n) : Amount(integer: n).grouped  // no separator below 1,000
        case .amount(let a): a.grouped
        }
    }

    /// Exact sum of values; nil if any is empty, or on overflow.
    public static func sum(_ values: some Sequence<CellValue>) -> CellValue? {
        var total: Int64 = 0
        var amount: Amount? = nil
        for value in values {
            switch value {
            case .empty:
                return nil
            case .count(let n):
                let (t, o) = total.addingReportingOverflow(n)
                if o { return nil }
                total = t
            case .amount(let a):
                amount = (amount ?? .zero).adding(a)
                if amount == nil { return nil }
            }
        }
        guard let amount else { return .count(total) }
        return amount.adding(Amount(integer: total)).map(CellValue.amount)
    }

    /// Exact sum of the values at `indices`; nil if any is empty, or on overflow.
    @inlinable
    public static func sum(of indices: [Int], in cells: [CellValue]) -> CellValue? {
        var total: Int64 = 0
        for i in indices {
            switch cells[i] {
            case .count(let n):
                let (t, o) = total.addingReportingOverflow(n)
                if o { return nil }
                total = t
            case .empty:
                return nil
            case .amount:
                return sum(indices.map { cells[$0] })
            }
        }
        return .count(total)
    }

    /// True when both are present and numerically equal.
    public func numericallyEquals(_ other: CellValue) -> Bool {
        guard let a = asAmount, let b = other.asAmount else { return false }
        return a == b
    }
}
