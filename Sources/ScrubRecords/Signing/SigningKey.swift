internal import Crypto
import Foundation

/// The private half of the Ed25519 key that signs audit and journal records.
///
/// Held by the service account that runs `scrub` (a 0600 file it owns), not by the people who read
/// or back up the logs: with only write access to a log, an edit or a forged record cannot be given
/// a valid signature. Whoever holds this key can sign anything, so it is the one secret of the trail.
public struct SigningKey: Sendable {
    /// The first word of a private key file.
    public static let fileTag = "scrub-ed25519-private-key"

    /// The 32-byte seed; Crypto's key type is not `Sendable`, so it is made from this when needed.
    private let raw: Data

    private var key: Curve25519.Signing.PrivateKey {
        // The seed was accepted by the same initialiser when this value was made.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    /// A new random key.
    public init() {
        raw = Curve25519.Signing.PrivateKey().rawRepresentation
    }

    /// The key a private key file holds: `scrub-ed25519-private-key BASE64` (the 32-byte seed).
    public init(fileText text: String) throws(RecordError) {
        guard let raw = KeyFileText.payload(of: text, tag: Self.fileTag),
            (try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)) != nil
        else {
            throw RecordError(
                .configuration, "not a signing key file (it must hold '\(Self.fileTag)' and a base64 key)")
        }
        self.raw = raw
    }

    /// The public half, for `scrub audit verify --public-key`.
    public var verifyingKey: VerifyingKey {
        VerifyingKey(key.publicKey)
    }

    /// The private key file's text.
    public var fileText: String {
        "\(Self.fileTag) \(raw.base64EncodedString())\n"
    }

    /// The key made ready to sign many records: Crypto's key and the key id, derived once (making
    /// them per record cost more than the signature).
    func prepared() -> Prepared {
        let key = self.key
        return Prepared(key: key, id: VerifyingKey(key.publicKey).id)
    }

    /// A ``SigningKey`` ready to sign, for the records of one append.
    struct Prepared {
        let key: Curve25519.Signing.PrivateKey
        /// The ``VerifyingKey/id`` records name as `signed_by`.
        let id: String

        /// The Ed25519 signature of `message`.
        func signature(for message: [UInt8]) throws(RecordError) -> Data {
            do {
                return try key.signature(for: message)
            } catch {
                throw RecordError(.io, "cannot sign the record: \(error)")
            }
        }
    }

    /// Reads a private key file, refusing one that others can read (as ssh does): a key the group
    /// can read is no longer held by the service account alone.
    ///
    /// - Throws: `.missingInput` when it cannot be read, `.configuration` when it is readable by the
    ///   group or others or is not a key file.
    public static func load(path: String) throws(RecordError) -> SigningKey {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let mode = attributes?[.posixPermissions] as? Int else {
            throw RecordError(.missingInput, "cannot read the signing key", at: path)
        }
        guard mode & 0o077 == 0 else {
            throw RecordError(
                .configuration,
                "the signing key is readable by others (mode \(String(mode & 0o777, radix: 8))): "
                    + "chmod 600 it, and check who has read it",
                at: path)
        }
        do {
            return try SigningKey(fileText: try SmallTextFile.read(path))
        } catch {
            throw RecordError(error.kind, error.message, at: path)
        }
    }

    /// Writes a new key to `path` (0600) and its public half to `path.pub` (0644), refusing to
    /// replace an existing file: overwriting a signing key would orphan every log it signed.
    ///
    /// - Throws: `.cannotCreateOutput` when either file exists or cannot be written.
    public func write(to path: String) throws(RecordError) {
        let publicPath = path + ".pub"
        for existing in [path, publicPath] where FileManager.default.fileExists(atPath: existing) {
            throw RecordError(
                .cannotCreateOutput,
                "already exists: a new key would orphan the logs signed with it; choose "
                    + "another path", at: existing)
        }
        try SmallTextFile.write(fileText, to: path, permissions: 0o600)
        try SmallTextFile.write(verifyingKey.fileText, to: publicPath, permissions: 0o644)
    }
}

/// Key files: one line, a tag naming what the file holds, a space and the key in base64.
enum KeyFileText {
    /// The raw key of `text` when it is `tag BASE64` (surrounding spaces and a newline allowed).
    static func payload(of text: String, tag: String) -> Data? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count == 2, words[0] == tag else { return nil }
        return Data(base64Encoded: String(words[1]))
    }
}
