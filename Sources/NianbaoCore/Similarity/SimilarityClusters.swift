/// Groups of reports from different agencies whose text sections are near-identical to each
/// other (与其他单位雷同), found without comparing every pair: each section becomes a one-permutation
/// MinHash sketch of its masked 8-character shingles (boilerplate left out), sketches are banded
/// for locality-sensitive hashing, and only reports sharing a band are compared.
///
/// ```swift
/// let clusters = SimilarityClusters.find(in: reports)            // [SimilarityClusters.Cluster]
/// for cluster in clusters { print(cluster.part, cluster.members, cluster.similarity) }
/// ```
public enum SimilarityClusters {
    /// One group of near-identical sections.
    public struct Cluster: Sendable, Equatable {
        /// The section compared.
        public let part: TextPart
        /// Indices into the reports given, in increasing order; at least two agencies among them.
        public let members: [Int]
        /// The lowest estimated similarity (Jaccard of shingles, 0…1) between a member and the
        /// member it joined the cluster through.
        public let similarity: Double
    }

    /// Sketch size: 64 bins, banded 16 × 4 (candidates from an estimated similarity of about 0.5).
    static let bins = 64
    static let bands = 16
    static let rows = 4

    /// Clusters of `reports` per part.
    ///
    /// - Parameters:
    ///   - parts: the sections compared (default 一 and 五).
    ///   - threshold: the estimated similarity from which two sections count as near-identical.
    ///   - minimumLength: sections with fewer compared characters (after masking and leaving out
    ///     boilerplate) are skipped: “无” and one-line sections are alike without being copied.
    public static func find(in reports: [Report], parts: [TextPart] = defaultParts,
                            threshold: Double = defaultThreshold, minimumLength: Int = 60) -> [Cluster] {
        let signatures = reports.map { Signature($0, parts: parts, minimumLength: minimumLength) }
        return find(signatures: signatures, parts: parts, threshold: threshold)
    }

    /// The estimated similarity from which two sections count as near-identical (chosen by
    /// `nianbao-bench cluster`: every planted copy of a 14-sentence section with a sentence added,
    /// dropped or swapped is found at 0.7, and no pair of distinct reports at 0.6).
    public static let defaultThreshold = 0.7

    /// The sections compared by default: 一 and 五.
    public static let defaultParts: [TextPart] = [.section(.s1), .section(.s5)]

    /// What is kept of one report for clustering: its agency's name key and one sketch per part
    /// (64 values of 16 bits, 128 bytes a part), so a batch keeps signatures only, never texts.
    public struct Signature: Sendable {
        /// The agency's name key (`AgencyName.key`): members of a cluster are of at least two agencies.
        public let agency: String
        /// The agency's name as the report writes it.
        public let name: String
        /// The sketches of the compared parts, `bins` values each, one after another; a part too
        /// short to compare has none. Sixteen bits a bin: a batch keeps every file's signature
        /// until the end, and a chance equality of two bins (1 in 65,536) moves an estimate by
        /// 1/64 that seldom.
        let bins: [UInt16]
        /// Bit p is set when part p has a sketch.
        let present: UInt32

        /// The signature of `report` for `parts` (a part shorter than `minimumLength` is not compared).
        public init(_ report: Report, parts: [TextPart] = SimilarityClusters.defaultParts, minimumLength: Int = 60) {
            precondition(parts.count <= 32, "at most 32 parts")
            agency = AgencyName.key(report.agency)
            name = report.agency
            var ownName = Array(report.agency.utf8.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D })
            if ownName.count < 4 { ownName = [] }
            var bins: [UInt16] = []
            var present: UInt32 = 0
            for (p, part) in parts.enumerated() {
                // The report's own name is no sign of copying, and a copier replaces it: it is masked like a figure.
                let text = SimilarityClusters.masking(ownName, in: report.text(of: part))
                guard let sketch = SimilarityClusters.sketch(text, minimumLength: minimumLength) else { continue }
                if bins.isEmpty { bins.reserveCapacity(SimilarityClusters.bins * parts.count) }
                bins.append(contentsOf: sketch.lazy.map { UInt16(truncatingIfNeeded: $0) })
                present |= 1 << UInt32(p)
            }
            self.bins = bins
            self.present = present
        }

        private init(agency: String, name: String) {
            self.agency = agency
            self.name = name
            self.bins = []
            self.present = 0
        }

        /// A report that could not be read: nothing to compare.
        public static let unreadable = Signature(agency: "", name: "")
    }

    /// Clusters from signatures made with the same `parts`, in their order (members index the signatures).
    public static func find(signatures: [Signature], parts: [TextPart] = defaultParts, threshold: Double = defaultThreshold) -> [Cluster] {
        find(store: SignatureStore(signatures), parts: parts, threshold: threshold)
    }

    /// Clusters from the signatures of `store` (members index the store).
    ///
    /// Buckets are taken per part, per band, in the order of their keys (`link`), so the result
    /// is the same from run to run and the same as from a batch whose signatures were spilled
    /// to disk (`Collector`).
    public static func find(store: SignatureStore, parts: [TextPart] = defaultParts, threshold: Double = defaultThreshold) -> [Cluster] {
        var keys = store.sortedBandKeys(parts: parts.count).makeIterator()
        return link(sortedKeys: &keys, source: store, parts: parts, threshold: threshold)
    }

    /// `text` with every occurrence of the UTF-8 bytes `name` replaced by `□` (searched on bytes: a batch does this for every file).
    static func masking(_ name: [UInt8], in text: String) -> String {
        guard let first = name.first else { return text }
        var text = text
        return text.withUTF8 { bytes -> String in
            guard bytes.count >= name.count else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8]?
            var copied = 0, i = 0
            while i <= bytes.count - name.count {
                if bytes[i] == first, UnsafeBufferPointer(rebasing: bytes[i..<(i + name.count)]).elementsEqual(name) {
                    if out == nil { out = []; out!.reserveCapacity(bytes.count) }
                    out!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                    out!.append(contentsOf: [0xE2, 0x96, 0xA1])  // □
                    i += name.count
                    copied = i
                } else {
                    i += 1
                }
            }
            guard var result = out else { return String(decoding: bytes, as: UTF8.self) }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The one-permutation MinHash sketch of a text, or nil when it is too short to compare.
    static func sketch(_ text: String, minimumLength: Int) -> [UInt64]? {
        let masked = MaskedText(text, keepOrigin: false)
        let n = Boilerplate.shingleLength
        guard masked.scalars.count >= max(n, minimumLength) else { return nil }
        var mins = [UInt64](repeating: .max, count: bins)
        var counted = 0
        for i in 0...(masked.scalars.count - n) {
            let raw = masked.shingle(at: i, length: n)
            if Boilerplate.shingles.contains(raw) { continue }
            counted += 1
            let h = mix(raw)
            let bin = Int(h >> 58)  // the top 6 bits choose one of 64 bins
            let value = h & 0x03FF_FFFF_FFFF_FFFF
            if value < mins[bin] { mins[bin] = value }
        }
        guard counted + n - 1 >= minimumLength else { return nil }
        // Densify: an empty bin takes the next filled bin's value (rotation), so sparse texts still compare.
        for b in 0..<bins where mins[b] == .max {
            var k = 1
            while k < bins, mins[(b + k) % bins] == .max { k += 1 }
            if k < bins { mins[b] = mins[(b + k) % bins] &+ UInt64(k) &* 0x9E37_79B9 }
        }
        return mins
    }

    /// The share of equal bins: an estimate of the Jaccard similarity of the two shingle sets.
    static func estimate(_ a: ArraySlice<UInt16>, _ b: ArraySlice<UInt16>) -> Double {
        var equal = 0
        for k in 0..<bins where a[a.startIndex + k] == b[b.startIndex + k] { equal += 1 }
        return Double(equal) / Double(bins)
    }

    /// A 64-bit finaliser (splitmix64), so that the bins and values are independent.
    @inline(__always) static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
