extension SimilarityClusters {
    /// The signatures of a batch, taken as the files are checked, and the clusters among them at
    /// the end, in memory that does not grow with the batch.
    ///
    /// Up to `spillAfter` files the signatures are kept in a `SignatureStore`; beyond, all of
    /// them go to unnamed temporary files (`TemporaryFile`, in `TMPDIR`): the sketches in fixed
    /// records, the names and paths, and the band keys in sorted runs that are merged at the end,
    /// so the buckets are read in order and each candidate pair is checked by reading its
    /// sketches back. Both ways give the same clusters (`link`). When a temporary file cannot be
    /// made or written the clusters are skipped, and `finish` says why.
    ///
    /// ```swift
    /// let collector = SimilarityClusters.Collector()
    /// collector.append(SimilarityClusters.Signature(report), path: path)   // per file, in order
    /// switch collector.finish() {
    /// case .clusters(let list): for c in list.clusters { print(list.member(c.members[0]).path) }
    /// case .skipped(let reason): print(reason)
    /// }
    /// ```
    public final class Collector {
        /// Files kept in memory before the signatures go to disk (about 6 MB of them).
        public static let defaultSpillAfter = 10_000

        public let parts: [TextPart]
        public let threshold: Double
        public let spillAfter: Int
        private var store = SignatureStore()
        private var spill: SignatureSpill?
        private var failure: String?
        private let makeFile: () throws(TemporaryFile.CreateError) -> TemporaryFile
        private let chunkKeys: Int
        private let fanIn: Int
        /// The number of signatures taken.
        public private(set) var count = 0

        /// True once the signatures are on disk.
        public var isSpilled: Bool { spill != nil }

        /// Runs of band keys written and merge passes made so far (tests).
        var spillStatistics: (runs: Int, passes: Int)? { spill.map { ($0.runsWritten, $0.passes) } }

        public convenience init(parts: [TextPart] = defaultParts, threshold: Double = defaultThreshold,
                                spillAfter: Int = defaultSpillAfter, directory: String? = nil) {
            let directory = directory ?? TemporaryFile.defaultDirectory
            self.init(parts: parts, threshold: threshold, spillAfter: spillAfter) { () throws(TemporaryFile.CreateError) in
                try TemporaryFile(directory: directory)
            }
        }

        /// `chunkKeys` and `fanIn` are the spill's run size and merge width (lowered by tests to force many runs and passes).
        init(parts: [TextPart], threshold: Double, spillAfter: Int, chunkKeys: Int = SignatureSpill.chunkKeys,
             fanIn: Int = SignatureSpill.fanIn, makeFile: @escaping () throws(TemporaryFile.CreateError) -> TemporaryFile) {
            self.chunkKeys = chunkKeys
            self.fanIn = fanIn
            self.parts = parts
            self.threshold = threshold
            self.spillAfter = spillAfter
            self.makeFile = makeFile
        }

        /// Takes the signature of the next file and the file's path.
        public func append(_ signature: Signature, path: String) {
            count += 1
            guard failure == nil else { return }
            if let spill {
                spill.append(signature, path: path)
                if let problem = spill.failure { drop(problem) }
                return
            }
            store.append(signature, path: path)
            if store.count > spillAfter { startSpilling() }
        }

        private func startSpilling() {
            do {
                let spill = try SignatureSpill(parts: parts.count, chunkKeys: chunkKeys, fanIn: fanIn, makeFile: makeFile)
                for i in 0..<store.count { spill.append(from: store, i) }
                store = SignatureStore()
                if let problem = spill.failure { drop(problem) } else { self.spill = spill }
            } catch {
                drop(error.message)
            }
        }

        private func drop(_ reason: String) {
            failure = reason
            spill = nil
            store = SignatureStore()
        }

        /// What the collector ends with.
        public enum Outcome {
            case clusters(ClusterList)
            /// The clusters could not be found, and why (in Chinese).
            case skipped(String)
        }

        /// The clusters among the signatures taken.
        public func finish() -> Outcome {
            if let failure { return .skipped(failure) }
            guard let spill else {
                return .clusters(ClusterList(clusters: count > 1 ? find(store: store, parts: parts, threshold: threshold) : [],
                                             names: .memory(store)))
            }
            var keys = spill.sortedKeys()
            let clusters = link(sortedKeys: &keys, source: spill, parts: parts, threshold: threshold)
            if let problem = spill.failure { return .skipped(problem) }
            return .clusters(ClusterList(clusters: clusters, names: .spilled(spill)))
        }
    }

    /// Clusters, and the paths and names of their members.
    public struct ClusterList {
        enum Names {
            case memory(SignatureStore)
            case spilled(SignatureSpill)
        }

        public let clusters: [Cluster]
        let names: Names

        /// The path and the agency's name (as its report writes it) of file `index`.
        public func member(_ index: Int) -> (path: String, agency: String) {
            switch names {
            case .memory(let store): (store.path(index), store.name(index))
            case .spilled(let spill): spill.member(index)
            }
        }

        /// Why a member's name could not be read back, if one could not (then it is shown empty).
        public var failure: String? {
            if case .spilled(let spill) = names { return spill.failure }
            return nil
        }
    }
}

/// The signatures of a batch on disk: sketches in fixed records, names and paths with an index
/// of offsets, and band keys in sorted runs.
final class SignatureSpill: SimilarityClusters.SketchSource {
    typealias BandKey = SimilarityClusters.BandKey
    private let parts: Int
    private let sketches: TemporaryFile
    private let names: TemporaryFile
    private let offsets: TemporaryFile
    private var runs: TemporaryFile
    private var runList: [(start: UInt64, count: Int)] = []
    private var chunk: [BandKey] = []
    private let makeFile: () throws(TemporaryFile.CreateError) -> TemporaryFile
    private(set) var count = 0
    private var otherFailure: String?

    /// Band keys sorted in memory before they are written as one run (4 MB).
    static let chunkKeys = 1 << 18
    /// Runs merged at once (a 64 kB buffer each).
    static let fanIn = 64
    static let bufferKeys = 4096
    private var recordBytes: Int { parts * SimilarityClusters.bins * 2 }

    private let chunkLimit: Int
    private let mergeWidth: Int
    /// How many runs the keys were written in, and how many merge passes were made (tests).
    private(set) var runsWritten = 0, passes = 0

    init(parts: Int, chunkKeys: Int = SignatureSpill.chunkKeys, fanIn: Int = SignatureSpill.fanIn,
         makeFile: @escaping () throws(TemporaryFile.CreateError) -> TemporaryFile) throws(TemporaryFile.CreateError) {
        self.parts = parts
        chunkLimit = max(1, chunkKeys)
        mergeWidth = max(2, fanIn)
        self.makeFile = makeFile
        sketches = try makeFile()
        names = try makeFile()
        offsets = try makeFile()
        runs = try makeFile()
        chunk.reserveCapacity(min(chunkLimit, Self.chunkKeys))
    }

    /// The first failure of any of the files.
    var failure: String? {
        otherFailure ?? sketches.failure ?? names.failure ?? offsets.failure ?? runs.failure
    }

    func append(_ signature: SimilarityClusters.Signature, path: String) {
        append(key: signature.agency.utf8, name: signature.name.utf8, path: path.utf8, present: signature.present) { p in
            guard signature.present & (1 << UInt32(p)) != 0 else { return nil }
            let start = (signature.present & ((1 << UInt32(p)) - 1)).nonzeroBitCount * SimilarityClusters.bins
            return signature.bins[start..<(start + SimilarityClusters.bins)]
        }
    }

    func append(from store: SimilarityClusters.SignatureStore, _ i: Int) {
        let text = store.nameBytes(i)
        append(key: text.key, name: text.name, path: text.path, present: store.presentParts(i)) { store.sketch(i, part: $0) }
    }

    private func append(key: some Collection<UInt8>, name: some Collection<UInt8>, path: some Collection<UInt8>,
                        present: UInt32, sketch: (Int) -> ArraySlice<UInt16>?) {
        let index = count
        count += 1
        offsets.append(value: names.size)
        for field in [Array(key), Array(name), Array(path)] {
            names.append(value: UInt32(field.count))
            names.append(field)
        }
        let zeros = [UInt16](repeating: 0, count: SimilarityClusters.bins)
        for p in 0..<parts {
            if let bins = sketch(p) {
                bins.withUnsafeBytes { sketches.append($0) }
                BandKey.keys(of: bins, part: p, index: index, into: &chunk)
            } else {
                zeros.withUnsafeBytes { sketches.append($0) }
            }
        }
        if chunk.count >= chunkLimit { writeRun() }
    }

    /// Sorts the keys in memory and writes them as one run.
    private func writeRun() {
        guard !chunk.isEmpty else { return }
        chunk.sort()
        runsWritten += 1
        runList.append((runs.size, chunk.count))
        chunk.withUnsafeBytes { runs.append($0) }
        chunk.removeAll(keepingCapacity: true)
    }

    /// Every band key, in order: merged from the runs (in passes of `fanIn`), or the last chunk sorted.
    func sortedKeys() -> AnyIterator<BandKey> {
        if runList.isEmpty {
            chunk.sort()
            let keys = chunk
            chunk = []
            return AnyIterator(keys.makeIterator())
        }
        writeRun()
        chunk = []
        while runList.count > mergeWidth, failure == nil {
            passes += 1
            do {
                let next = try makeFile()
                var merged: [(start: UInt64, count: Int)] = []
                var buffer: [BandKey] = []
                buffer.reserveCapacity(Self.bufferKeys)
                for group in stride(from: 0, to: runList.count, by: mergeWidth) {
                    let part = Array(runList[group..<min(group + mergeWidth, runList.count)])
                    let start = next.size
                    var merger = RunMerger(file: runs, runs: part)
                    var n = 0
                    while let key = merger.next() {
                        buffer.append(key)
                        n += 1
                        if buffer.count == Self.bufferKeys {
                            buffer.withUnsafeBytes { next.append($0) }
                            buffer.removeAll(keepingCapacity: true)
                        }
                    }
                    buffer.withUnsafeBytes { next.append($0) }
                    buffer.removeAll(keepingCapacity: true)
                    merged.append((start, n))
                }
                if let problem = next.failure { otherFailure = problem }
                runs = next
                runList = merged
            } catch {
                otherFailure = error.message
            }
        }
        var merger = RunMerger(file: runs, runs: runList)
        return AnyIterator { merger.next() }
    }

    func sketch(_ index: Int, part: Int, into buffer: inout [UInt16]) -> Bool {
        let offset = UInt64(index * parts + part) * UInt64(SimilarityClusters.bins * 2)
        return buffer.withUnsafeMutableBytes { sketches.read(at: offset, into: $0) }
    }

    /// The name key, name and path of file `index`.
    private func fields(_ index: Int, upTo wanted: Int) -> [String] {
        var at = offsets.read(UInt64.self, at: UInt64(index) * 8, zero: 0)
        var out: [String] = []
        for _ in 0..<wanted {
            let length = names.read(UInt32.self, at: at, zero: 0)
            at += 4
            guard length > 0 else { out.append(""); continue }
            guard length < 1 << 24 else { otherFailure = "临时文件内容不对（名称长度 \(length)）"; return out + [""] }
            var bytes = [UInt8](repeating: 0, count: Int(length))
            bytes.withUnsafeMutableBytes { _ = names.read(at: at, into: $0) }
            at += UInt64(length)
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        return out
    }

    func agencyKey(_ index: Int) -> String { fields(index, upTo: 1)[0] }

    func member(_ index: Int) -> (path: String, agency: String) {
        let f = fields(index, upTo: 3)
        return f.count == 3 ? (f[2], f[1]) : ("", "")
    }
}

/// Reads sorted runs of band keys from one file and yields all their keys in order.
struct RunMerger: IteratorProtocol {
    typealias BandKey = SimilarityClusters.BandKey

    private struct Cursor {
        var next: UInt64
        var remaining: Int
        var buffer: [BandKey] = []
        var position = 0
    }

    private let file: TemporaryFile
    private var cursors: [Cursor]
    /// A min-heap of (key, cursor).
    private var heap: [(BandKey, Int)] = []

    init(file: TemporaryFile, runs: [(start: UInt64, count: Int)]) {
        self.file = file
        cursors = runs.map { Cursor(next: $0.start, remaining: $0.count) }
        for c in cursors.indices {
            if let key = pop(c) { push((key, c)) }
        }
    }

    /// The next key of run `c`, reading its next block when the buffer is spent.
    private mutating func pop(_ c: Int) -> BandKey? {
        if cursors[c].position == cursors[c].buffer.count {
            let n = min(cursors[c].remaining, SignatureSpill.bufferKeys)
            guard n > 0 else { return nil }
            var block = [BandKey](repeating: BandKey(key: 0, index: 0, group: 0), count: n)
            let ok = block.withUnsafeMutableBytes { file.read(at: cursors[c].next, into: $0) }
            guard ok else {
                cursors[c].remaining = 0
                return nil
            }
            cursors[c].next += UInt64(n * MemoryLayout<BandKey>.stride)
            cursors[c].remaining -= n
            cursors[c].buffer = block
            cursors[c].position = 0
        }
        defer { cursors[c].position += 1 }
        return cursors[c].buffer[cursors[c].position]
    }

    mutating func next() -> BandKey? {
        guard let (key, c) = heap.first else { return nil }
        if let following = pop(c) {
            heap[0] = (following, c)
            siftDown(0)
        } else {
            let last = heap.removeLast()
            if !heap.isEmpty {
                heap[0] = last
                siftDown(0)
            }
        }
        return key
    }

    private mutating func push(_ item: (BandKey, Int)) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let up = (i - 1) / 2
            guard heap[i].0 < heap[up].0 else { break }
            heap.swapAt(i, up)
            i = up
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let l = 2 * i + 1, r = l + 1
            var smallest = i
            if l < heap.count, heap[l].0 < heap[smallest].0 { smallest = l }
            if r < heap.count, heap[r].0 < heap[smallest].0 { smallest = r }
            guard smallest != i else { return }
            heap.swapAt(i, smallest)
            i = smallest
        }
    }
}
