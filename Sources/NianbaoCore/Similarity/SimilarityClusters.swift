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
                            threshold: Double = 0.8, minimumLength: Int = 60) -> [Cluster] {
        let signatures = reports.map { Signature($0, parts: parts, minimumLength: minimumLength) }
        return find(signatures: signatures, parts: parts, threshold: threshold)
    }

    /// The sections compared by default: 一 and 五.
    public static let defaultParts: [TextPart] = [.section(.s1), .section(.s5)]

    /// What is kept of one report for clustering: its agency's name key and one sketch per part
    /// (64 values of 32 bits, 256 bytes a part), so a batch keeps signatures only, never texts.
    public struct Signature: Sendable {
        /// The agency's name key (`AgencyName.key`): members of a cluster are of at least two agencies.
        public let agency: String
        /// The agency's name as the report writes it.
        public let name: String
        let sketches: [[UInt32]?]

        /// The signature of `report` for `parts` (a part shorter than `minimumLength` is not compared).
        public init(_ report: Report, parts: [TextPart] = SimilarityClusters.defaultParts, minimumLength: Int = 60) {
            agency = AgencyName.key(report.agency)
            name = report.agency
            let ownName = Array(report.agency.unicodeScalars.filter { !$0.properties.isWhitespace })
            sketches = parts.map { part in
                // The report's own name is no sign of copying, and a copier replaces it: it is masked like a figure.
                var text = report.text(of: part)
                if ownName.count >= 2 {
                    var scalars = Array(text.unicodeScalars)
                    AgencyName.replace(ownName, with: ["\u{25A1}"], in: &scalars)
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars)
                    text = String(view)
                }
                return SimilarityClusters.sketch(text, minimumLength: minimumLength).map { $0.map { UInt32(truncatingIfNeeded: $0) } }
            }
        }

        private init(agency: String, name: String, sketches: [[UInt32]?]) {
            self.agency = agency
            self.name = name
            self.sketches = sketches
        }

        /// A report that could not be read: nothing to compare.
        public static let unreadable = Signature(agency: "", name: "", sketches: [])
    }

    /// Clusters from signatures made with the same `parts`, in their order (members index the signatures).
    public static func find(signatures: [Signature], parts: [TextPart] = defaultParts, threshold: Double = 0.8) -> [Cluster] {
        var clusters: [Cluster] = []
        for (p, part) in parts.enumerated() {
            let sketches: [[UInt32]?] = signatures.map { p < $0.sketches.count ? $0.sketches[p] : nil }
            var parent = Array(0..<signatures.count)
            var joinedAt = [Double](repeating: 1, count: signatures.count)
            func root(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
                return i
            }
            for band in 0..<bands {
                var buckets: [UInt64: [Int]] = [:]
                for (r, sketch) in sketches.enumerated() {
                    guard let sketch else { continue }
                    var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(band)
                    for k in (band * rows)..<((band + 1) * rows) { h = (h ^ UInt64(sketch[k])) &* 0x0000_0100_0000_01B3 }
                    buckets[h, default: []].append(r)
                }
                for members in buckets.values where members.count > 1 {
                    let first = members[0]
                    for other in members.dropFirst() where root(other) != root(first) {
                        let similarity = estimate(sketches[first]!, sketches[other]!)
                        guard similarity >= threshold else { continue }
                        parent[root(other)] = root(first)
                        joinedAt[other] = min(joinedAt[other], similarity)
                    }
                }
            }
            var groups: [Int: [Int]] = [:]
            for r in 0..<signatures.count where sketches[r] != nil { groups[root(r), default: []].append(r) }
            for members in groups.values where members.count > 1 && Set(members.map { signatures[$0].agency }).count > 1 {
                let sorted = members.sorted()
                clusters.append(Cluster(part: part, members: sorted,
                                        similarity: sorted.map { joinedAt[$0] }.min() ?? 1))
            }
        }
        return clusters.sorted { ($0.part.id, $0.members.first ?? 0) < ($1.part.id, $1.members.first ?? 0) }
    }

    /// The one-permutation MinHash sketch of a text, or nil when it is too short to compare.
    static func sketch(_ text: String, minimumLength: Int) -> [UInt64]? {
        let masked = MaskedText(text)
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
    static func estimate(_ a: [UInt32], _ b: [UInt32]) -> Double {
        var equal = 0
        for k in 0..<bins where a[k] == b[k] { equal += 1 }
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
