internal import Crypto
import Foundation
import ScrubIO

/// The public half of a ``SigningKey``: checks record signatures, cannot make them.
///
/// Give it to whoever verifies the logs (auditors, a monitoring job); it is not secret.
public struct VerifyingKey: Sendable {
    /// The first word of a public key file.
    public static let fileTag = "scrub-ed25519-public-key"

    /// The 32-byte key; Crypto's key type is not `Sendable`, so it is made from this when needed.
    private let raw: Data

    init(_ key: Curve25519.Signing.PublicKey) {
        raw = key.rawRepresentation
    }

    /// The key a public key file holds: `scrub-ed25519-public-key BASE64` (32 bytes).
    public init(fileText text: String) throws(RecordError) {
        guard let raw = SmallTextFile.keyPayload(of: text, tag: Self.fileTag).map({ Data($0) }),
            (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil
        else {
            throw RecordError(
                .configuration, "not a public key file (it must hold '\(Self.fileTag)' and a base64 key)")
        }
        self.raw = raw
    }

    /// Reads a public key file (`KEYFILE.pub`, as `scrub keys signing-key generate` writes it).
    public static func load(path: String) throws(RecordError) -> VerifyingKey {
        let text: String
        do throws(ScrubIOError) {
            text = try SmallTextFile.read(path)
        } catch {
            throw RecordError(error)
        }
        do {
            return try VerifyingKey(fileText: text)
        } catch {
            throw RecordError(error.kind, error.message, at: path)
        }
    }

    /// The public key file's text.
    public var fileText: String {
        "\(Self.fileTag) \(raw.base64EncodedString())\n"
    }

    /// A short name of the key: the first 16 hex digits of its SHA-256. Signed records carry it as
    /// `signed_by`, so a record signed with another key says which; an attacker can write any
    /// `signed_by`, so it names, it does not prove.
    public var id: String {
        String(Hex.string(SHA256.hash(data: raw)).prefix(16))
    }

    /// Whether `signature` is this key's Ed25519 signature of `message`.
    func isValidSignature(_ signature: Data, for message: [UInt8]) -> Bool {
        prepared().isValidSignature(signature, for: message)
    }

    /// The key made ready to check many records: Crypto's key and the id, made once.
    func prepared() -> Prepared {
        // The bytes were accepted by the same initialiser when this value was made.
        Prepared(key: try! Curve25519.Signing.PublicKey(rawRepresentation: raw), id: id)
    }

    /// A ``VerifyingKey`` ready to check, for the records of one verification.
    struct Prepared {
        let key: Curve25519.Signing.PublicKey
        let id: String

        func isValidSignature(_ signature: Data, for message: [UInt8]) -> Bool {
            key.isValidSignature(signature, for: message)
        }
    }
}
