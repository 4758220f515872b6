#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

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

    /// The number of cores online.
    static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
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

/// Transforms items `0..<count` on all cores and hands the results to `consume` in index order,
/// as soon as each is next in line, with at most `window` results held at once.
///
/// Memory stays bounded by the window whatever the count; `consume` runs on the calling thread.
enum OrderedPipeline {
    static func run<R: Sendable>(count: Int, window: Int = 256, workers: Int = ParallelMap.cores,
                                 _ transform: @escaping @Sendable (Int) -> R, consume: (Int, R) -> Void) {
        let counter = Counter(limit: count)
        run(next: { counter.next() }, window: window, workers: workers, transform, consume: consume)
    }

    /// Transforms the items `next` produces, on all cores, and hands the results to `consume` in
    /// the order the items were produced, with at most `window` items taken and not yet consumed.
    ///
    /// `next` is called on one thread at a time (any of them), never again once it returned nil,
    /// and only when the window has room: the source (a folder walk, a file list) is read as the
    /// results are written, so neither the items nor the results are ever all held.
    static func run<T: Sendable, R: Sendable>(next: @escaping @Sendable () -> T?, window: Int = 256,
                                              workers: Int = ParallelMap.cores,
                                              _ transform: @escaping @Sendable (T) -> R, consume: (Int, R) -> Void) {
        if workers <= 1 {
            var i = 0
            while let item = next() {
                consume(i, transform(item))
                i += 1
            }
            return
        }
        let state = PipelineState<T, R>(window: window, next: next)
        let space = DispatchSemaphore(value: window)
        let ready = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while true {
                    space.wait()
                    guard let (index, item) = state.claim() else {
                        space.signal()
                        ready.signal()
                        return
                    }
                    let result = transform(item)
                    state.store(index, result)
                    ready.signal()
                }
            }
        }
        var index = 0
        while true {
            if let result = state.take(index) {
                consume(index, result)
                index += 1
                space.signal()
            } else if state.total == index {
                break
            } else {
                ready.wait()
            }
        }
        group.wait()
    }

    /// Items `0..<limit`, one per call.
    private final class Counter: Sendable {
        private let state: Mutex<Int> = Mutex(0)
        private let limit: Int

        init(limit: Int) { self.limit = limit }

        func next() -> Int? {
            state.withLock { n in
                guard n < limit else { return nil }
                defer { n += 1 }
                return n
            }
        }
    }
}

/// The shared state of an `OrderedPipeline`: the source (taken under its own lock, so a slow
/// `next` never holds up storing results) and the results by index.
private final class PipelineState<T: Sendable, R: Sendable>: Sendable {
    private struct Source: ~Copyable {
        var claimed = 0
        var exhausted = false
    }

    private let source = Mutex(Source())
    private let next: @Sendable () -> T?
    private let results: Mutex<[Int: R]>
    /// The number of items, once the source is exhausted.
    private let finalCount = Mutex<Int?>(nil)

    init(window: Int, next: @escaping @Sendable () -> T?) {
        self.next = next
        var slots: [Int: R] = [:]
        slots.reserveCapacity(window)
        results = Mutex(slots)
    }

    /// The next item and its index, or nil when there are no more.
    func claim() -> (Int, T)? {
        source.withLock { s in
            guard !s.exhausted else { return nil }
            guard let item = next() else {
                s.exhausted = true
                let count = s.claimed
                finalCount.withLock { $0 = count }
                return nil
            }
            defer { s.claimed += 1 }
            return (s.claimed, item)
        }
    }

    /// How many items there were, once the source is exhausted.
    var total: Int? { finalCount.withLock { $0 } }

    func store(_ index: Int, _ value: R) {
        results.withLock { _ = $0.updateValue(value, forKey: index) }
    }

    func take(_ index: Int) -> R? {
        results.withLock { $0.removeValue(forKey: index) }
    }
}
