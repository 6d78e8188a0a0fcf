import Crypto
import Foundation
import ScrubRecords
import ScrubTestSupport

// Signed logs for the audit tests, and an attacker's tools written from the documented format
// (docs/operations.md, "Audit trail"), independent of the code under test.

/// An audit-like record: nested values, escapes and non-ASCII text, as run records hold.
func auditRecord(_ index: Int) -> [String: AuditValue] {
    [
        "run_id": .string("run-\(index)"), "rows_in": .int(1000 + index), "allow_stale": .bool(index % 2 == 0),
        "error": .null, "operator": .string("Zoë \"ops\"\n"),
        "lists": .array([.object(["name": .string("us-dnc"), "sha256": .string(String(repeating: "ab", count: 8))])]),
    ]
}

/// A log of `count` records signed with `key`.
func signedLog(
    _ dir: TemporaryDirectory, key: SigningKey, count: Int = 4, name: String = "audit.jsonl"
) throws
    -> String
{
    let path = dir.path(name)
    for index in 0..<count { try AuditLog(path: path, signer: key).append(auditRecord(index)) }
    return path
}

/// The SHA-256 of `line`'s bytes, lowercase hex: what the next record's `prev_sha256` holds.
func sha256Hex(_ line: String) -> String {
    SHA256.hash(data: Data(line.utf8)).map { String(format: "%02x", $0) }.joined()
}

/// A line an attacker signs with a key of their own, in the documented format: the canonical JSON
/// of the record with `prev_sha256` and `signed_by`, and `,"signature":"BASE64"` before the brace.
func forgedLine(
    _ fields: [String: AuditValue], previous: String, key: Curve25519.Signing.PrivateKey, claiming keyID: String
) throws -> String {
    var record = fields
    record["prev_sha256"] = .string(previous)
    record["signed_by"] = .string(keyID)
    let message = AuditValue.object(record).json
    let signature = try key.signature(for: Data(message.utf8)).base64EncodedString()
    return String(message.dropLast()) + #","signature":""# + signature + #""}"#
}

/// `lines` as a log file's text.
func logText(_ lines: [String]) -> String {
    lines.joined(separator: "\n") + "\n"
}
