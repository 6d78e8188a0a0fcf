import Foundation
import ScrubRecords
import ScrubRules

/// The audit record of a command that changes the lists runs use (`registry build`, `registry update`,
/// `optout compile`): who made which file, when, with what outcome.
///
/// Written only when the command is given an audit log: these commands have no pipeline to name one.
/// Holds paths and digests, never numbers.
public enum CommandAuditRecord {
    /// - Parameters:
    ///   - command: the subcommand, `registry build`.
    ///   - actor: who ran it, by name (``ActingUser``).
    ///   - outputs: the files it writes; the digest of each that exists after a success is recorded.
    public static func fields(
        command: String, actor: String, commandLine: [String], outputs: [String], exitStatus: Int32, at time: Date
    ) -> [String: AuditValue] {
        [
            "command": .string(command),
            "operator": .string(actor),
            "host": .string(ProcessInfo.processInfo.hostName),
            "command_line": .array(commandLine.map { .string($0) }),
            "ended_at": .string(time.ISO8601Format()),
            "exit_status": .int(Int(exitStatus)),
            "outputs": .array(
                outputs.map { path in
                    var digest: String?
                    if exitStatus == 0 { digest = try? FileDigest.sha256(path: path) }
                    return .object(["path": .string(path), "sha256": digest.map { .string($0) } ?? .null])
                }),
        ]
    }
}
