/// Undo (or redo) steps, newest on top, at most `limit` of them.
///
/// A persistent stack: a push links one new node to the nodes the previous editor state still
/// holds, where an array would copy every step (the previous state shares the buffer) and, at
/// the limit, shift them all to drop the oldest. Steps past the limit are unreachable at once
/// and let go in one pass every `limit / 4` pushes.
public struct UndoHistory: Sendable {
    private final class Node: Sendable {
        let entry: UndoEntry
        let below: Node?
        init(_ entry: UndoEntry, below: Node?) {
            self.entry = entry
            self.below = below
        }
    }

    private var top: Node?
    /// Steps that can be taken back.
    public private(set) var count = 0
    /// Nodes linked, including those past the limit not yet let go.
    private var depth = 0
    public let limit: Int

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    public var isEmpty: Bool { count == 0 }

    /// The newest step.
    public var last: UndoEntry? { count > 0 ? top?.entry : nil }

    /// Pushes a step; the oldest goes when there are more than `limit`.
    public mutating func append(_ entry: UndoEntry) {
        top = Node(entry, below: top)
        count = min(count + 1, limit)
        depth += 1
        if depth > limit + max(1, limit / 4) { letGoPastLimit() }
    }

    /// Takes the newest step off.
    public mutating func popLast() -> UndoEntry? {
        guard count > 0, let node = top else { return nil }
        top = node.below
        count -= 1
        depth -= 1
        return node.entry
    }

    public mutating func removeAll() {
        top = nil
        count = 0
        depth = 0
    }

    /// The steps, oldest first.
    public var entries: [UndoEntry] {
        var out: [UndoEntry] = []
        out.reserveCapacity(count)
        var node = top
        while out.count < count, let n = node {
            out.append(n.entry)
            node = n.below
        }
        return out.reversed()
    }

    /// Links the `count` reachable steps again without the ones below them.
    private mutating func letGoPastLimit() {
        let kept = entries
        removeAll()
        for e in kept {
            top = Node(e, below: top)
        }
        count = kept.count
        depth = kept.count
    }
}
