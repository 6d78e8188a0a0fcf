import ArgumentParser
import Foundation
import ScrubKit
import ScrubRecords

/// `--actor`, `--audit-log` and `--signing-key` for the commands that change the lists runs use
/// (`registry build`, `registry update`, `optout compile`): with `--audit-log`, the command appends a
/// record of who made which file, whatever its outcome.
struct CommandAuditOptions: ParsableArguments {
    @Option(help: "Who runs it, recorded with --audit-log (default: the login name).")
    var actor: String?

    @Option(help: ArgumentHelp("Append a record of this command to this audit log.", valueName: "audit.jsonl"))
    var auditLog: String?

    @OptionGroup var signing: SigningOptions

    func validate() throws {
        guard auditLog == nil else { return }
        if actor != nil || signing.signingKey != nil {
            throw ValidationError("--actor and --signing-key go into the record of --audit-log: give --audit-log too")
        }
    }

    /// Runs `body`; with `--audit-log`, then appends its record, carrying the exit status `body` ended
    /// with. A record that cannot be appended fails the command (exit 74) even if `body` succeeded.
    func audited(_ command: String, outputs: [String], _ body: () throws -> Void) throws {
        guard let auditLog else { return try body() }
        let log = AuditLog(path: auditLog, signer: try signing.load())
        var status: Int32 = 0
        var failure: (any Error)?
        do {
            try body()
        } catch let exit as ExitCode {
            status = exit.rawValue
            failure = exit
        } catch {
            status = ExitStatus.ioError
            failure = error
        }
        do {
            try log.append(
                CommandAuditRecord.fields(
                    command: command, actor: ActingUser.name(actor), commandLine: CommandLine.arguments,
                    outputs: outputs, exitStatus: status, at: Date()))
        } catch {
            printError("cannot append the audit record: \(error)")
            if failure == nil { throw ExitCode(ExitStatus.ioError) }
        }
        if let failure { throw failure }
    }
}
