import Foundation

/// The log of runs: every `scrub run` appends one record, whatever its outcome.
///
/// A ``HashChainedLog``: each record holds `prev_sha256`, the SHA-256 of the previous line's bytes
/// (64 zeros for the first), and, with a signing key, an Ed25519 signature. Unsigned, the chain shows
/// an inserted, deleted or reordered line and an edit of any line but the last to someone who cannot
/// recompute it; signed, any edit or forgery by someone without the private key. A cut tail needs a
/// ``LogCheckpoint`` kept elsewhere. See docs/operations.md, "Audit trail".
public struct AuditLog: Sendable {
    public typealias Verification = HashChainedLog.Verification

    public static let genesis = HashChainedLog.genesis
    public let path: String
    /// The key that signs appended records; nil writes unsigned records.
    public let signer: SigningKey?

    public init(path: String, signer: SigningKey? = nil) {
        self.path = path
        self.signer = signer
    }

    /// Appends `fields` as one record chained to the last line, creating the log's folder (owner-only)
    /// if it does not exist yet.
    public func append(_ fields: [String: AuditValue]) throws {
        if !FileManager.default.fileExists(atPath: path) {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try HashChainedLog(path: path, signer: signer).append([fields])
    }

    public func verify(publicKey: VerifyingKey? = nil) throws -> Verification {
        try HashChainedLog(path: path).verify(publicKey: publicKey)
    }
}
