import Dispatch

/// Maps an array on all cores, keeping the order of the results.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], chunk: Int = 16, _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > chunk else { return items.map(transform) }
        let box = ResultBox<R>(count: items.count)
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * chunk
            for i in start..<min(start + chunk, items.count) { box.set(i, transform(items[i])) }
        }
        return box.values()
    }
}

/// Slots written by index from several threads; each slot is written exactly once.
private final class ResultBox<R>: @unchecked Sendable {
    private var slots: [R?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [R] { slots.map { $0! } }
}
