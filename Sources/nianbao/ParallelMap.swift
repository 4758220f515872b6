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
        guard count > 0 else { return }
        if workers <= 1 || count == 1 {
            for i in 0..<count { consume(i, transform(i)) }
            return
        }
        let state = PipelineState<R>(window: window)
        let space = DispatchSemaphore(value: window)
        let ready = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for _ in 0..<min(workers, count) {
            DispatchQueue.global().async(group: group) {
                while true {
                    space.wait()
                    guard let index = state.claim(below: count) else {
                        space.signal()
                        return
                    }
                    let result = transform(index)
                    state.store(index, result)
                    ready.signal()
                }
            }
        }
        var next = 0
        while next < count {
            if let result = state.take(next) {
                consume(next, result)
                next += 1
                space.signal()
            } else {
                ready.wait()
            }
        }
        group.wait()
    }
}

/// The shared slots of an `OrderedPipeline`: the next index to claim and results by index modulo the window.
private final class PipelineState<R: Sendable>: Sendable {
    private struct Slots: ~Copyable {
        var nextClaim = 0
        var results: [Int: R] = [:]
    }

    private let slots = Mutex(Slots())

    init(window: Int) {
        slots.withLock { $0.results.reserveCapacity(window) }
    }

    func claim(below count: Int) -> Int? {
        slots.withLock { s in
            guard s.nextClaim < count else { return nil }
            defer { s.nextClaim += 1 }
            return s.nextClaim
        }
    }

    func store(_ index: Int, _ value: R) {
        slots.withLock { _ = $0.results.updateValue(value, forKey: index) }
    }

    func take(_ index: Int) -> R? {
        slots.withLock { $0.results.removeValue(forKey: index) }
    }
}
