import Foundation

/// How a record line carries its signature: the canonical JSON of the record (keys sorted, with its
/// `prev_sha256` and `signed_by`), with `,"signature":"BASE64"` inserted before the closing brace.
///
/// The signed message is the line itself without that suffix, so every byte of the line but the
/// signature is covered, the previous record's digest included, and a verifier needs no JSON
/// canonicalisation: it cuts a fixed-length suffix. The suffix is always the line's last field,
/// whatever the sort order of the others (JSON readers do not mind).
enum RecordSignature {
    /// The field holding the Ed25519 signature (64 bytes, 88 base64 characters).
    static let field = "signature"
    /// The field naming the signing key (``VerifyingKey/id``).
    static let keyField = "signed_by"

    private static let opening = Array(",\"\(field)\":\"".utf8)
    private static let encodedLength = 88
    private static let suffixLength = opening.count + encodedLength + 2

    /// The line of `fields`, signed with `key` when one is given (the caller adds `prev_sha256`).
    static func line(
        _ fields: [String: AuditValue], signedWith key: SigningKey.Prepared?
    ) throws(RecordError)
        -> [UInt8]
    {
        guard let key else { return Array(AuditValue.object(fields).json.utf8) }
        var record = fields
        record[field] = nil
        record[keyField] = .string(key.id)
        let message = Array(AuditValue.object(record).json.utf8)
        let signature = try key.signature(for: message)
        return Array(message.dropLast()) + opening + Array(signature.base64EncodedString().utf8) + Array("\"}".utf8)
    }

    /// The signed message and signature of `line`, or nil when the line does not end with a signature.
    static func split(_ line: UnsafeRawBufferPointer) -> (message: [UInt8], signature: Data)? {
        guard line.count > suffixLength, line[line.count - 1] == 0x7D, line[line.count - 2] == 0x22 else {
            return nil
        }
        let start = line.count - suffixLength
        guard line[start..<start + opening.count].elementsEqual(opening) else { return nil }
        let encoded = String(decoding: line[(start + opening.count)..<(line.count - 2)], as: UTF8.self)
        // Canonical base64 only: a decoder ignores the unused low bits of the last digit, and an edit
        // there would change the line without changing the signature.
        guard let signature = Data(base64Encoded: encoded), signature.count == 64,
            signature.base64EncodedString() == encoded
        else { return nil }
        return (Array(line[..<start]) + [0x7D], signature)
    }

    /// Whether `line` carries a signature suffix (valid or not).
    static func isSigned(_ line: UnsafeRawBufferPointer) -> Bool {
        split(line) != nil
    }
}
