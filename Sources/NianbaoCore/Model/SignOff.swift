/// 落款: the agency as printed under the report and its date, the only printed publication date.
public struct SignOff: Sendable, Hashable {
    /// The agency as the sign-off prints it (may differ from `Report.agency`).
    public var agency: String
    /// The printed date, when there is one.
    public var date: CalendarDate?

    public init(agency: String, date: CalendarDate? = nil) {
        self.agency = agency
        self.date = date
    }
}
