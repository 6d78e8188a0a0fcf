import Foundation

/// The log of runs: every `scrub run` appends one record, whatever its outcome.
///
/// A ``HashChainedLog``: each record holds `prev_sha256`, the SHA-256 of the previous line's bytes
/// (64 zeros for the first), so editing, inserting or deleting any line breaks the chain at that
/// point, which `verify` names. The chain shows tampering; it does not prevent it: keep the log on
/// storage the operators of the runs cannot rewrite, or ship it elsewhere, for stronger guarantees.
public struct AuditLog: Sendable {
    public typealias Verification = HashChainedLog.Verification

    public static let genesis = HashChainedLog.genesis
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Appends `fields` as one record chained to the last line, creating the log's folder (owner-only)
    /// if it does not exist yet.
    public func append(_ fields: [String: AuditValue]) throws {
        if !FileManager.default.fileExists(atPath: path) {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        try HashChainedLog(path: path).append([fields])
    }

    public func verify() throws -> Verification {
        try HashChainedLog(path: path).verify()
    }
}
