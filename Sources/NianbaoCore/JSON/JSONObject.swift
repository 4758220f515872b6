/// A JSON object: members in source (or insertion) order with unique keys.
///
/// Keys are compared by their exact UTF-8 bytes, never by Unicode canonical
/// equivalence, so `"café"` (NFC) and `"cafe\u{301}"` (NFD) are different keys, as RFC 8785 requires.
public struct JSONObject: Sendable, Equatable {
    /// The members in order. Keys are unique.
    public private(set) var members: [(key: String, value: JSONValue)]

    /// An empty object.
    public init() {
        members = []
    }

    /// Builds an object from members; a later member with the same key replaces the earlier value in place.
    public init(_ members: [(key: String, value: JSONValue)]) {
        self.members = []
        self.members.reserveCapacity(members.count)
        for member in members {
            self[member.key] = member.value
        }
    }

    /// Trusted initializer for members already known to have unique keys (used by the parser).
    init(uniqueMembers: [(key: String, value: JSONValue)]) {
        members = uniqueMembers
    }

    /// The keys in member order.
    public var keys: [String] {
        members.map(\.key)
    }

    /// Number of members.
    public var count: Int {
        members.count
    }

    /// True if the object has no members.
    public var isEmpty: Bool {
        members.isEmpty
    }

    /// Index of the member whose key has exactly the bytes of `key`.
    public func index(forKey key: String) -> Int? {
        members.firstIndex { JSONObject.sameKey($0.key, key) }
    }

    /// The value for `key`; setting nil removes the member, setting a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let i = index(forKey: key) else { return nil }
            return members[i].value
        }
        set {
            if let i = index(forKey: key) {
                if let newValue {
                    members[i].value = newValue
                } else {
                    members.remove(at: i)
                }
            } else if let newValue {
                members.append((key: key, value: newValue))
            }
        }
    }

    /// Order-insensitive equality: same key set (by bytes) and equal values.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        let l = JSONTokenWriting.sortedMembers(lhs)
        let r = JSONTokenWriting.sortedMembers(rhs)
        for (a, b) in zip(l, r) {
            guard sameKey(a.key, b.key), a.value == b.value else { return false }
        }
        return true
    }

    /// Byte-wise key comparison (no Unicode normalization).
    static func sameKey(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a
        var b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in pa.elementsEqual(pb) } }
    }
}
