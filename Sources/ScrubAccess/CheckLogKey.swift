internal import Crypto
import Foundation
import ScrubIO

/// The operator's key for check records: a check leaves HMAC-SHA256(key, number) instead of the number.
///
/// With the key, a company can later show that a number was checked before it was dialled (compute
/// the number's HMAC, find the record); without it, the records name no number. With it, anyone can
/// recover a number by trying every possible one (there are only billions), so the records are
/// pseudonymous personal data, not anonymous: see docs/serve.md, "Check records".
public struct CheckLogKey: Sendable {
    /// The first line of a key file, so a key is not mistaken for another secret.
    public static let fileTag = "scrub-check-log-hmac-key"

    /// The key's bytes, for its file.
    private let bytes: [UInt8]
    /// HMAC-SHA256 keyed with `bytes`, before any message: each pseudonym copies it (its hashers are
    /// copy-on-write), so the key is not set up again for every number checked. Never mutated, so
    /// sharing it across threads is safe; `HMAC` is not marked `Sendable`.
    private nonisolated(unsafe) let keyed: HMAC<SHA256>
    /// A short name of the key that does not reveal it (the first 16 hex digits of SHA-256 of its
    /// bytes), written in each record so a record names the key to check it with after a rotation.
    public let id: String

    /// A new key of 256 random bits from the system's secure generator.
    public init() {
        self.init(SymmetricKey(size: .bits256))
    }

    private init(_ key: SymmetricKey) {
        bytes = key.withUnsafeBytes { Array($0) }
        keyed = HMAC<SHA256>(key: key)
        id = String(Hex.string(SHA256.hash(data: bytes)).prefix(16))
    }

    /// Reads a key file's text: the tag, then the key in base64 (at least 32 bytes).
    public init(fileText text: String) throws(KeyStoreError) {
        guard let bytes = SmallTextFile.keyPayload(of: text, tag: Self.fileTag), bytes.count >= 32 else {
            throw KeyStoreError(
                .badData, store: "check-log key",
                "not a check-log key file (it must hold '\(Self.fileTag)' and at least 32 bytes in base64)")
        }
        self.init(SymmetricKey(data: bytes))
    }

    /// The file's text: the tag, then the key in base64.
    public var fileText: String {
        Self.fileTag + "\n" + Data(bytes).base64EncodedString() + "\n"
    }

    /// HMAC-SHA256 of `text` (a number in E.164, `+14155550104`) as lower-case hex.
    public func pseudonym(_ text: String) -> String {
        var mac = keyed
        var text = text
        text.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return Hex.string(mac.finalize())
    }

    /// Reads the key at `path`, refusing a file others can read (it must be 0600 or stricter).
    public static func load(path: String) throws(KeyStoreError) -> CheckLogKey {
        let text: String
        do throws(ScrubIOError) {
            text = try SmallTextFile.read(path, secret: true)
        } catch {
            let kind: KeyStoreError.Kind =
                switch error.kind {
                case .cannotOpen: .notFound
                case .unsafePermissions: .usage
                default: .io
                }
            throw KeyStoreError(kind, store: path, "cannot use the check-log key: \(error.message)")
        }
        do {
            return try CheckLogKey(fileText: text)
        } catch {
            throw KeyStoreError(error.kind, store: path, error.message)
        }
    }

    /// Writes a new key file (owner-only), refusing to replace one: a replaced key orphans every record
    /// made with it.
    public func write(to path: String) throws(KeyStoreError) {
        do throws(ScrubIOError) {
            try SmallTextFile.create(fileText, at: path, permissions: 0o600)
        } catch {
            throw KeyStoreError(
                error.kind == .cannotCreate ? .usage : .io, store: path,
                "cannot write the check-log key: \(error.message)")
        }
    }
}
