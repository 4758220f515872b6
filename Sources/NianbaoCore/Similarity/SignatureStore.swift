extension SimilarityClusters {
    /// The signatures of a batch, in input order, kept in a few flat arrays.
    ///
    /// A batch check keeps one signature per file until the end. Kept as `Signature` values, each
    /// holds three heap objects made on a worker thread between that file's short-lived ones,
    /// and the heap grew by about 0.8 kB a file; here a file costs its bins (128 bytes a
    /// compared part) and the bytes of its two names.
    public struct SignatureStore: Sendable {
        private var keyBytes: [UInt8] = []
        private var keyEnds: [Int] = []
        private var nameBytes: [UInt8] = []
        private var nameEnds: [Int] = []
        private var bins: [UInt16] = []
        private var binStarts: [Int] = []
        private var present: [UInt32] = []
        private var pathBytes: [UInt8] = []
        private var pathEnds: [Int] = []

        public init() {}

        /// The store of `signatures`, in their order.
        public init(_ signatures: [Signature]) {
            for signature in signatures { append(signature) }
        }

        /// How many signatures are kept.
        public var count: Int { present.count }

        /// Keeps `signature` after the others, with the path of its file (for naming cluster members).
        public mutating func append(_ signature: Signature, path: String) {
            append(signature)
            pathBytes.append(contentsOf: path.utf8)
            pathEnds.append(pathBytes.count)
        }

        /// Keeps `signature` after the others.
        public mutating func append(_ signature: Signature) {
            keyBytes.append(contentsOf: signature.agency.utf8)
            keyEnds.append(keyBytes.count)
            nameBytes.append(contentsOf: signature.name.utf8)
            nameEnds.append(nameBytes.count)
            binStarts.append(bins.count)
            bins.append(contentsOf: signature.bins)
            present.append(signature.present)
        }

        /// The agency's name key of signature `i` (`AgencyName.key`).
        public func agencyKey(_ i: Int) -> String {
            String(decoding: keyBytes[(i == 0 ? 0 : keyEnds[i - 1])..<keyEnds[i]], as: UTF8.self)
        }

        /// The agency's name as signature `i`'s report writes it.
        public func name(_ i: Int) -> String {
            String(decoding: nameBytes[(i == 0 ? 0 : nameEnds[i - 1])..<nameEnds[i]], as: UTF8.self)
        }

        /// The path of signature `i`'s file, when it was given (else "").
        public func path(_ i: Int) -> String {
            guard i < pathEnds.count else { return "" }
            return String(decoding: pathBytes[(i == 0 ? 0 : pathEnds[i - 1])..<pathEnds[i]], as: UTF8.self)
        }

        /// The bytes of signature `i`'s name key, name and path.
        func nameBytes(_ i: Int) -> (key: ArraySlice<UInt8>, name: ArraySlice<UInt8>, path: ArraySlice<UInt8>) {
            (keyBytes[(i == 0 ? 0 : keyEnds[i - 1])..<keyEnds[i]], nameBytes[(i == 0 ? 0 : nameEnds[i - 1])..<nameEnds[i]],
             i < pathEnds.count ? pathBytes[(i == 0 ? 0 : pathEnds[i - 1])..<pathEnds[i]] : [])
        }

        /// Which parts of signature `i` have a sketch (bit p for part p).
        func presentParts(_ i: Int) -> UInt32 { present[i] }

        /// The sketch of part `p` of signature `i`, or nil when that part was not compared.
        func sketch(_ i: Int, part p: Int) -> ArraySlice<UInt16>? {
            guard p < 32, present[i] & (1 << UInt32(p)) != 0 else { return nil }
            let start = binStarts[i] + (present[i] & ((1 << UInt32(p)) - 1)).nonzeroBitCount * SimilarityClusters.bins
            return bins[start..<(start + SimilarityClusters.bins)]
        }
    }
}
