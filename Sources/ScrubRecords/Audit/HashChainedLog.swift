import Foundation

/// An append-only file of JSON records, one a line, each holding the SHA-256 of the line before it,
/// and, when the log is written with a ``SigningKey``, an Ed25519 signature over its own bytes.
///
/// The audit log and the opt-out journal are both such logs. Each record's `prev_sha256` is the
/// SHA-256 of the previous line's bytes (64 zeros for the first), so inserting, deleting or
/// reordering lines, or editing any line but the last, breaks the chain where it happened, which
/// ``verify(publicKey:expecting:)`` names. The unkeyed chain alone proves little: whoever can write
/// the file can recompute every digest, and an edit of the last line breaks nothing. Signed records
/// (``RecordSignature``) close both gaps for anyone without the private key. Neither shows lines
/// deleted at the end: a ``LogCheckpoint`` kept elsewhere does. See docs/operations.md, "Audit trail".
///
/// Appends hold an exclusive lock from reading the last line to writing the new ones, so concurrent
/// writers never fork the chain; all records of one append are written in one write. A log is signed
/// throughout or not at all: an append with a key to an unsigned log, or without one to a signed
/// log, is refused, so that verification with a public key never meets a stray unsigned record.
public struct HashChainedLog: Sendable {
    /// The link of the first record.
    public static let genesis = String(repeating: "0", count: 64)
    /// The key under which a record holds its predecessor's digest.
    public static let linkField = "prev_sha256"

    public let path: String
    /// The key that signs appended records; nil writes unsigned records.
    public let signer: SigningKey?

    public init(path: String, signer: SigningKey? = nil) {
        self.path = path
        self.signer = signer
    }

    /// Appends `records` in order, each chained to the one before it.
    public func append(_ records: [[String: AuditValue]]) throws {
        try append { _ in records }
    }

    /// Appends the records `body` makes after seeing the log's current lines, under one exclusive lock:
    /// nothing can be appended between what `body` read and what it adds.
    ///
    /// - Returns: the records appended.
    /// - Throws: `RecordError` `.configuration` when the log's last record is signed and this log has
    ///   no signer, or is unsigned or signed by another key and it has one.
    @discardableResult
    func append(making body: (LogLines) throws -> [[String: AuditValue]]) throws -> Int {
        let file = try LogFile(path: path, access: .append)
        let lines = LogLines(file: file, byteCount: try file.size())
        let records = try body(lines)
        guard !records.isEmpty else { return 0 }
        let last = try lines.lastLine()
        if let last { try checkSigning(after: last) }
        var previous = last.map { $0.withUnsafeBytes { HashChain.digest($0) } } ?? Self.genesis
        let key = signer?.prepared()
        var bytes: [UInt8] = []
        // A line cut short by a crash stays (verify reports it); the new records start on a fresh line.
        if try !lines.endsWithNewline() { bytes.append(0x0A) }
        for fields in records {
            var record = fields
            record[Self.linkField] = .string(previous)
            let line = try RecordSignature.line(record, signedWith: key)
            previous = line.withUnsafeBytes { HashChain.digest($0) }
            bytes += line
            bytes.append(0x0A)
        }
        try file.append(bytes)
        return records.count
    }

    /// Refuses to mix signed and unsigned records, or two keys, in one log. A last line that is not a
    /// record (cut short by a crash) is not judged: verify reports it, and the append goes on.
    private func checkSigning(after last: [UInt8]) throws(RecordError) {
        let read: String?? = last.withUnsafeBytes { line in
            Self.fields(of: line).map { RecordSignature.isSigned(line) ? $0.signedBy ?? "(none named)" : nil }
        }
        guard let signedBy = read else { return }
        switch (signer, signedBy) {
        case (nil, nil): return
        case (nil, .some):
            throw RecordError(
                .configuration, "the log is signed: give the signing key (--signing-key) to append to it", at: path)
        case (.some, nil):
            throw RecordError(
                .configuration,
                "the log holds unsigned records, and a log verified with a public key must be signed throughout: "
                    + "move it aside (keep it, and its last digest from scrub audit verify) and let a new one start",
                at: path)
        case (.some(let key), .some(let id)):
            guard id != key.verifyingKey.id else { return }
            throw RecordError(
                .configuration,
                "the log is signed by key \(id), not by this signing key (\(key.verifyingKey.id)): use that key, "
                    + "or move the log aside and let a new one start",
                at: path)
        }
    }

    /// Reads the log under a shared lock: appends wait until `body` returns.
    func read<R>(_ body: (LogLines) throws -> R) throws -> R {
        let file = try LogFile(path: path, access: .read)
        return try body(LogLines(file: file, byteCount: try file.size()))
    }

    /// The `prev_sha256` and `signed_by` of a record line, or nil when the line is not a JSON object
    /// holding a `prev_sha256`.
    ///
    /// Flat records (journal events) are read by ``FlatJSONObject``; others (audit records, which nest)
    /// by `JSONSerialization`.
    static func fields(of line: UnsafeRawBufferPointer) -> (link: String, signedBy: String?)? {
        if let flat = FlatJSONObject(line) {
            guard case .string(let link) = flat[linkField] else { return nil }
            guard case .string(let signedBy) = flat[RecordSignature.keyField] else { return (link, nil) }
            return (link, signedBy)
        }
        let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any]
        guard let link = object?[linkField] as? String else { return nil }
        return (link, object?[RecordSignature.keyField] as? String)
    }
}
