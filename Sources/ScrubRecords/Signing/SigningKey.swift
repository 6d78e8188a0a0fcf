internal import Crypto
import Foundation
import ScrubIO

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
        guard let raw = SmallTextFile.keyPayload(of: text, tag: Self.fileTag).map({ Data($0) }),
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
        let text: String
        do throws(ScrubIOError) {
            text = try SmallTextFile.read(path, secret: true)
        } catch {
            throw RecordError(error)
        }
        do {
            return try SigningKey(fileText: text)
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
        do throws(ScrubIOError) {
            try SmallTextFile.create(fileText, at: path, permissions: 0o600)
            try SmallTextFile.create(verifyingKey.fileText, at: publicPath, permissions: 0o644)
        } catch {
            throw RecordError(error)
        }
    }
}
