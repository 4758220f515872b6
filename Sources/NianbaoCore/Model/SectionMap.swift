/// One optional value per section, kept in an array by the section's position.
///
/// The six sections are a fixed set, so no hashing is needed; a `Dictionary` keyed by
/// `SectionID` would also make the runtime search every protocol conformance in the program
/// the first time it is created, which a clerk waits for when the editor starts.
public struct SectionMap<Value> {
    private var slots: [Value?]

    /// A map with no values.
    public init() {
        slots = Array(repeating: nil, count: SectionID.count)
    }

    /// The value for a section, or nil.
    public subscript(_ id: SectionID) -> Value? {
        get { slots[id.ordinal] }
        set { slots[id.ordinal] = newValue }
    }
}

extension SectionMap: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (SectionID, Value)...) {
        self.init()
        for (id, value) in elements { self[id] = value }
    }
}

extension SectionMap: Equatable where Value: Equatable {}
extension SectionMap: Sendable where Value: Sendable {}
