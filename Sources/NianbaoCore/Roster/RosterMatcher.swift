/// Finds the roster unit a report's agency name belongs to; never guesses between two.
///
/// Names are compared by `AgencyName.key`. An exact key match wins. Otherwise a roster name that
/// the report's name ends with, or that ends with the report's name (a roster of a county often
/// leaves out the county's name: `水利局` for `某县水利局`), matches when it is the only one;
/// two or more such candidates are reported as ambiguous.
public struct RosterMatcher: Sendable {
    public let roster: Roster
    private let keys: [String]
    private let exact: [String: Int]

    /// How a name matched.
    public enum Match: Sendable, Equatable {
        /// The unit at this index; `exact` false when only the end of the names agreed.
        case unit(Int, exact: Bool)
        /// Several units could be meant (indices); nothing is chosen.
        case ambiguous([Int])
        case none
    }

    public init(roster: Roster) {
        self.roster = roster
        keys = roster.units.map { AgencyName.key($0.name) }
        var exact: [String: Int] = [:]
        for (i, key) in keys.enumerated() where exact[key] == nil { exact[key] = i }
        self.exact = exact
    }

    /// The unit for an agency name.
    public func match(_ agency: String) -> Match {
        let key = AgencyName.key(agency)
        guard !key.isEmpty else { return .none }
        if let i = exact[key] { return .unit(i, exact: true) }
        var candidates: [Int] = []
        for (i, unit) in keys.enumerated() where unit.count >= 2 && key.count >= 2 {
            if key.hasSuffix(unit) || unit.hasSuffix(key) { candidates.append(i) }
        }
        switch candidates.count {
        case 0: return .none
        case 1: return .unit(candidates[0], exact: false)
        default: return .ambiguous(candidates)
        }
    }
}
