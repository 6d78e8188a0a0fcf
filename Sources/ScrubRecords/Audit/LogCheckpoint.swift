import Foundation
import ScrubIO

/// A signed statement of how far a log went: its record count and the digest of its last record, at
/// a time. A chain cannot show that its tail was cut; a checkpoint kept somewhere the log's writers
/// cannot rewrite (another host, a ticket, a mail) can: `scrub audit verify --expect-head` fails when
/// the log now holds fewer records, or another record at that count.
///
/// One JSON line, signed as records are (``RecordSignature``):
/// `{"checkpoint":1,"head_sha256":"…","log":"audit.jsonl","records":42,"signed_by":"…","time":"…","signature":"…"}`.
public struct LogCheckpoint: Sendable, Equatable {
    /// The checkpoint format this code writes and reads.
    public static let formatVersion = 1

    /// The log's file name (not its folder), for the people who read the checkpoint.
    public var log: String
    public var records: Int
    /// The SHA-256 of the record at `records` (``HashChainedLog/genesis`` for an empty log).
    public var head: String
    public var time: UTCTime
    /// Whether the line carried a signature that the public key it was read with accepted.
    public private(set) var signatureChecked = false

    public init(log: String, records: Int, head: String, time: UTCTime) {
        self.log = log
        self.records = records
        self.head = head
        self.time = time
    }

    /// The checkpoint's line (without a newline), signed with `key`.
    public func line(signedWith key: SigningKey) throws(RecordError) -> String {
        let fields: [String: AuditValue] = [
            "checkpoint": .int(Self.formatVersion), "log": .string(log), "records": .int(records),
            "head_sha256": .string(head), "time": .string(time.description),
        ]
        return String(decoding: try RecordSignature.line(fields, signedWith: key.prepared()), as: UTF8.self)
    }

    /// Reads a checkpoint line; with `publicKey`, its signature must be that key's.
    ///
    /// - Throws: `RecordError` `.badData` for a line that is not a checkpoint or whose signature does
    ///   not match.
    public init(line text: String, publicKey: VerifyingKey?) throws(RecordError) {
        var bytes = Array(text.utf8)
        while let last = bytes.last, last == 0x0A || last == 0x0D || last == 0x20 { bytes.removeLast() }
        let parsed = bytes.withUnsafeBytes { line -> (FlatJSONObject, (message: [UInt8], signature: Data)?)? in
            FlatJSONObject(line).map { ($0, RecordSignature.split(line)) }
        }
        guard let (object, signed) = parsed, case .int(let version) = object["checkpoint"],
            case .string(let log) = object["log"], case .int(let records) = object["records"], records >= 0,
            case .string(let head) = object["head_sha256"], head.count == 64,
            case .string(let timeText) = object["time"], let time = UTCTime(parsing: timeText.utf8)
        else {
            throw RecordError(.badData, "not a checkpoint (scrub audit checkpoint writes them)")
        }
        guard version == Self.formatVersion else {
            throw RecordError(
                .badData, "checkpoint format \(version) is not supported (this scrub reads \(Self.formatVersion))")
        }
        self.init(log: log, records: records, head: head, time: time)
        if let publicKey {
            guard let signed, publicKey.isValidSignature(signed.signature, for: signed.message) else {
                throw RecordError(
                    .badData,
                    "the checkpoint's signature does not match the public key (\(publicKey.id)): it was edited, "
                        + "or made without the private key")
            }
            signatureChecked = true
        }
    }

    /// Reads the checkpoint file at `path`; see ``init(line:publicKey:)``.
    public static func read(path: String, publicKey: VerifyingKey?) throws(RecordError) -> LogCheckpoint {
        let line: String
        do throws(ScrubIOError) {
            line = try SmallTextFile.read(path)
        } catch {
            throw RecordError(error)
        }
        do {
            return try LogCheckpoint(line: line, publicKey: publicKey)
        } catch {
            throw RecordError(error.kind, error.message, at: path)
        }
    }
}
