import Foundation

/// An append-only file of JSON records, one a line, each holding the SHA-256 of the line before it.
///
/// The audit log and the opt-out journal are both such logs. Each record's `prev_sha256` is the
/// SHA-256 of the previous line's bytes (64 zeros for the first), so editing, inserting, deleting or
/// reordering lines breaks the chain where it happened, which ``verify()`` names. Deleting lines at
/// the end leaves a shorter valid chain: keep the last line's digest elsewhere (``Verification/head``
/// as `scrub audit verify` prints it; a compiled suppression index does this for a journal) to detect
/// that. The chain shows tampering; it does not prevent it.
///
/// Appends hold an exclusive lock from reading the last line to writing the new ones, so concurrent
/// writers never fork the chain; all records of one append are written in one write.
public struct HashChainedLog: Sendable {
    /// The link of the first record.
    public static let genesis = String(repeating: "0", count: 64)
    /// The key under which a record holds its predecessor's digest.
    public static let linkField = "prev_sha256"

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Appends `records` in order, each chained to the one before it.
    public func append(_ records: [[String: AuditValue]]) throws {
        try append { _ in records }
    }

    /// Appends the records `body` makes after seeing the log's current lines, under one exclusive lock:
    /// nothing can be appended between what `body` read and what it adds.
    ///
    /// - Returns: the records appended.
    @discardableResult
    func append(making body: (LogLines) throws -> [[String: AuditValue]]) throws -> Int {
        let file = try LogFile(path: path, access: .append)
        let lines = LogLines(file: file, byteCount: try file.size())
        let records = try body(lines)
        guard !records.isEmpty else { return 0 }
        var previous = try lines.lastLineDigest()
        var bytes: [UInt8] = []
        // A line cut short by a crash stays (verify reports it); the new records start on a fresh line.
        if try !lines.endsWithNewline() { bytes.append(0x0A) }
        for fields in records {
            var record = fields
            record[Self.linkField] = .string(previous)
            let line = Array(AuditValue.object(record).json.utf8)
            previous = line.withUnsafeBytes { HashChain.digest($0) }
            bytes += line
            bytes.append(0x0A)
        }
        try file.append(bytes)
        return records.count
    }

    /// Reads the log under a shared lock: appends wait until `body` returns.
    func read<R>(_ body: (LogLines) throws -> R) throws -> R {
        let file = try LogFile(path: path, access: .read)
        return try body(LogLines(file: file, byteCount: try file.size()))
    }

    /// The outcome of checking a log's chain.
    public struct Verification: Equatable, Sendable {
        public var records: Int
        /// The 1-based line of the first record whose chain link is wrong, if any.
        public var firstBrokenLine: Int?
        public var problem: String?
        /// The SHA-256 of the last line: record it elsewhere to detect lines deleted at the end later.
        public var head: String

        public init(records: Int, firstBrokenLine: Int?, problem: String?, head: String) {
            self.records = records
            self.firstBrokenLine = firstBrokenLine
            self.problem = problem
            self.head = head
        }
    }

    /// Checks every record's link, stopping at the first broken one.
    public func verify() throws -> Verification {
        try read { lines in
            var chain = HashChain()
            var broken: (line: Int, problem: String)?
            try lines.forEach { number, line in
                guard broken == nil, !line.isEmpty else { return }
                guard line.last == 0x7D, let link = Self.link(of: line) else {
                    _ = chain.take(line: line, link: nil)
                    broken = (number, "it is not a JSON record with a \(Self.linkField) (an edited or cut-short line)")
                    return
                }
                if let problem = chain.take(line: line, link: link) { broken = (number, problem) }
            }
            return Verification(
                records: chain.count, firstBrokenLine: broken?.line, problem: broken?.problem, head: chain.head)
        }
    }

    /// The `prev_sha256` of a record line, or nil when the line is not a JSON object holding one.
    ///
    /// Flat records (journal events) are read by ``FlatJSONObject``; others (audit records, which nest)
    /// by `JSONSerialization`.
    static func link(of line: UnsafeRawBufferPointer) -> String? {
        if let flat = FlatJSONObject(line) {
            guard case .string(let link) = flat[linkField] else { return nil }
            return link
        }
        let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
        return object?[linkField] as? String
    }
}
