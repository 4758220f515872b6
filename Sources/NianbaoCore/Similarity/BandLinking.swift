extension SimilarityClusters {
    /// One band of one part's sketch of one file: the key files are bucketed by.
    ///
    /// Sorted by part and band, then key, then file, these give every bucket of every band in a
    /// fixed order, whether they are sorted in memory or in runs on disk (`SignatureSpill`).
    struct BandKey: Comparable, BitwiseCopyable {
        /// The band's hash (FNV-1a over its rows, seeded with the band).
        var key: UInt64
        /// The file, in input order.
        var index: UInt32
        /// Part × 256 + band.
        var group: UInt16

        static func < (a: BandKey, b: BandKey) -> Bool {
            if a.group != b.group { return a.group < b.group }
            if a.key != b.key { return a.key < b.key }
            return a.index < b.index
        }

        var part: Int { Int(group >> 8) }

        /// The band keys of one part's sketch of file `index`.
        static func keys(of sketch: some RandomAccessCollection<UInt16>, part: Int, index: Int,
                         into out: inout [BandKey]) {
            let base = sketch.startIndex
            for band in 0..<bands {
                var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(band)
                for k in (band * rows)..<((band + 1) * rows) {
                    h = (h ^ UInt64(sketch[sketch.index(base, offsetBy: k)])) &* 0x0000_0100_0000_01B3
                }
                out.append(BandKey(key: h, index: UInt32(index), group: UInt16(part << 8 | band)))
            }
        }
    }

    /// Where `link` finds what it needs of the files: their sketches and name keys.
    protocol SketchSource {
        /// The number of files.
        var count: Int { get }
        /// Part `part`'s sketch of file `index` (`bins` values) into `buffer`; false when it cannot be read.
        func sketch(_ index: Int, part: Int, into buffer: inout [UInt16]) -> Bool
        /// The agency's name key of file `index`.
        func agencyKey(_ index: Int) -> String
    }

    /// The clusters from band keys in sorted order (`BandKey.<`).
    ///
    /// Per part, per band, per bucket in key order, the bucket's first file is compared with each
    /// later one not yet linked to it, and linked when the estimate reaches `threshold`; the
    /// groups of linked files of at least two agencies are the clusters. Besides the keys (read
    /// as they come), it holds five bytes a file and the members of the clusters.
    static func link(sortedKeys keys: inout some IteratorProtocol<BandKey>, source: some SketchSource,
                     parts: [TextPart], threshold: Double) -> [Cluster] {
        let count = source.count
        var clusters: [Cluster] = []
        var parent: [UInt32] = []
        /// Equal bins when the file was linked (64 = not yet); bit 7 marks a group's root with members.
        var joined: [UInt8] = []
        func root(_ i: Int) -> Int {
            var i = i
            while Int(parent[i]) != i {
                parent[i] = parent[Int(parent[i])]
                i = Int(parent[i])
            }
            return i
        }
        func finish(part p: Int) {
            for r in 0..<count where Int(parent[r]) != r { joined[root(r)] |= 0x80 }
            var slot: [UInt32: Int] = [:]
            var groups: [[UInt32]] = []
            for r in 0..<count {
                let top = root(r)
                guard top != r || joined[r] & 0x80 != 0 else { continue }
                if let s = slot[UInt32(top)] {
                    groups[s].append(UInt32(r))
                } else {
                    slot[UInt32(top)] = groups.count
                    groups.append([UInt32(r)])
                }
            }
            for members in groups where members.count > 1 {
                let firstKey = source.agencyKey(Int(members[0]))
                guard members.dropFirst().contains(where: { source.agencyKey(Int($0)) != firstKey }) else { continue }
                let lowest = members.map { joined[Int($0)] & 0x7F }.min() ?? UInt8(bins)
                clusters.append(Cluster(part: parts[p], members: members.map(Int.init),
                                        similarity: Double(lowest) / Double(bins)))
            }
        }
        var part = -1
        var bucket: (group: UInt16, key: UInt64)?
        var first = 0
        var firstSketch = [UInt16](repeating: 0, count: bins)
        var firstRead = false
        var otherSketch = [UInt16](repeating: 0, count: bins)
        while let k = keys.next() {
            if k.part != part {
                if part >= 0 { finish(part: part) }
                part = k.part
                parent = (0..<count).map { UInt32($0) }
                joined = [UInt8](repeating: UInt8(bins), count: count)
                bucket = nil
            }
            guard let current = bucket, current.group == k.group, current.key == k.key else {
                bucket = (k.group, k.key)
                first = Int(k.index)
                firstRead = false
                continue
            }
            let other = Int(k.index)
            guard root(other) != root(first) else { continue }
            if !firstRead {
                guard source.sketch(first, part: part, into: &firstSketch) else { continue }
                firstRead = true
            }
            guard source.sketch(other, part: part, into: &otherSketch) else { continue }
            let equal = equalBins(firstSketch, otherSketch)
            guard Double(equal) / Double(bins) >= threshold else { continue }  // as `estimate` computes it
            parent[root(other)] = UInt32(root(first))
            joined[other] = min(joined[other], UInt8(equal))
        }
        if part >= 0 { finish(part: part) }
        return clusters.sorted { ($0.part.id, $0.members.first ?? 0) < ($1.part.id, $1.members.first ?? 0) }
    }

    /// The number of equal bins of two sketches.
    static func equalBins(_ a: [UInt16], _ b: [UInt16]) -> Int {
        var equal = 0
        for k in 0..<bins where a[k] == b[k] { equal += 1 }
        return equal
    }
}

extension SimilarityClusters.SignatureStore: SimilarityClusters.SketchSource {
    func sketch(_ index: Int, part: Int, into buffer: inout [UInt16]) -> Bool {
        guard let sketch = sketch(index, part: part) else { return false }
        for k in 0..<SimilarityClusters.bins { buffer[k] = sketch[sketch.startIndex + k] }
        return true
    }

    /// Every band key of the store, sorted.
    func sortedBandKeys(parts: Int) -> [SimilarityClusters.BandKey] {
        var keys: [SimilarityClusters.BandKey] = []
        keys.reserveCapacity(count * SimilarityClusters.bands)
        for i in 0..<count {
            for p in 0..<parts {
                if let sketch = sketch(i, part: p) { SimilarityClusters.BandKey.keys(of: sketch, part: p, index: i, into: &keys) }
            }
        }
        keys.sort()
        return keys
    }
}
