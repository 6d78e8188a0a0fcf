import Foundation

extension HashChainedLog {
    /// The outcome of checking a log's chain, and its signatures and a checkpoint when asked.
    public struct Verification: Equatable, Sendable {
        /// Records read, up to and including the first bad one.
        public var records: Int
        /// The 1-based line of the first bad record, if any (nil too when the log is shorter than a
        /// checkpoint: then no line is wrong, lines are missing).
        public var firstBrokenLine: Int?
        public var problem: String?
        /// The SHA-256 of the last line: record it elsewhere to detect lines deleted at the end later.
        public var head: String
        /// Records carrying a signature (checked only when verified with a public key).
        public var signedRecords = 0
        /// Whether signatures were checked with a public key.
        public var signaturesChecked = false

        public init(records: Int, firstBrokenLine: Int?, problem: String?, head: String) {
            self.records = records
            self.firstBrokenLine = firstBrokenLine
            self.problem = problem
            self.head = head
        }

        /// Whether nothing was found wrong.
        public var isIntact: Bool { problem == nil }
    }

    /// Checks every record's link, stopping at the first bad record.
    ///
    /// - Parameters:
    ///   - publicKey: when given, every record must carry a valid signature by its private half: an
    ///     unsigned record, or one whose bytes differ in any way from what was signed, is bad.
    ///   - checkpoint: when given, the log must hold at least its count of records, and the digest
    ///     of the record at that count must be its head: a cut tail or a rewritten log fails.
    public func verify(
        publicKey: VerifyingKey? = nil, expecting checkpoint: LogCheckpoint? = nil
    ) throws
        -> Verification
    {
        let key = publicKey?.prepared()
        return try read { lines in
            var chain = HashChain()
            var signed = 0
            var broken: (line: Int, problem: String)?
            var atCheckpoint: (line: Int, head: String)?
            try lines.forEach { number, line in
                guard broken == nil, !line.isEmpty else { return }
                broken = Self.problem(with: line, publicKey: key, chain: &chain).map {
                    (line: number, problem: $0)
                }
                if RecordSignature.isSigned(line) { signed += 1 }
                if chain.count == checkpoint?.records { atCheckpoint = (number, chain.head) }
            }
            var result = Verification(
                records: chain.count, firstBrokenLine: broken?.line, problem: broken?.problem, head: chain.head)
            result.signedRecords = signed
            result.signaturesChecked = publicKey != nil
            if broken == nil, let checkpoint {
                if let atCheckpoint, atCheckpoint.head != checkpoint.head {
                    result.firstBrokenLine = atCheckpoint.line
                    result.problem =
                        "record \(checkpoint.records) is not the one the checkpoint of \(checkpoint.time) saw "
                        + "(its head \(checkpoint.head)): the log was rewritten up to there"
                } else if atCheckpoint == nil && checkpoint.records > 0 {
                    result.problem =
                        "the log holds \(chain.count) record(s), the checkpoint of \(checkpoint.time) counted "
                        + "\(checkpoint.records): records were cut from the end, or the log was replaced"
                }
            }
            return result
        }
    }

    /// What is wrong with the next record `line`, advancing `chain` past it; nil when nothing is.
    private static func problem(
        with line: UnsafeRawBufferPointer, publicKey: VerifyingKey.Prepared?, chain: inout HashChain
    ) -> String? {
        guard line.last == 0x7D, let fields = fields(of: line) else {
            _ = chain.take(line: line, link: nil)
            return "it is not a JSON record with a \(linkField) (an edited or cut-short line)"
        }
        if let publicKey {
            guard let (message, signature) = RecordSignature.split(line) else {
                _ = chain.take(line: line, link: fields.link)
                return "it is not signed, and every record of a log verified with a public key must be"
            }
            guard publicKey.isValidSignature(signature, for: message) else {
                _ = chain.take(line: line, link: fields.link)
                let signer = fields.signedBy.map { "it names key \($0)" } ?? "it names no key"
                return "its signature does not match the public key (\(publicKey.id); \(signer)): the record was "
                    + "edited after it was signed, or forged without the private key"
            }
        }
        return chain.take(line: line, link: fields.link)
    }
}
