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
        id = String(APIToken.hex(SHA256.hash(data: bytes)).prefix(16))
    }

    /// Reads a key file's text: the tag line, then the key in base64 (at least 32 bytes).
    public init(fileText text: String) throws(KeyStoreError) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count == 2, lines[0] == Self.fileTag, let bytes = Data(base64Encoded: lines[1]), bytes.count >= 32
        else {
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
        return APIToken.hex(mac.finalize())
    }

    /// Reads the key at `path`, refusing a file others can read (it must be 0600 or stricter).
    public static func load(path: String) throws(KeyStoreError) -> CheckLogKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw KeyStoreError(.notFound, store: path, "cannot read the check-log key")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw KeyStoreError(
                .usage, store: path,
                "the check-log key is readable by others (mode \(String(info.st_mode & 0o777, radix: 8))): "
                    + "chmod 600 it, and give it only to the account that runs scrub serve")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw KeyStoreError(.io, store: path, "cannot read the check-log key")
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
        guard !FileManager.default.fileExists(atPath: path) else {
            throw KeyStoreError(.usage, store: path, "a file is already there; a check-log key is never overwritten")
        }
        do throws(ScrubIOError) {
            let file = try OutputFile(path: path, permissions: 0o600)
            try file.write(Array(fileText.utf8))
            try file.commit()
        } catch {
            throw KeyStoreError(.io, store: path, "cannot write the check-log key: \(error.message)")
        }
    }
}
