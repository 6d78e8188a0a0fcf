import ArgumentParser
import ScrubKit
import ScrubRecords

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the hash-chained audit log that every scrub run appends to, and opt-out journals.",
        subcommands: [AuditVerifyCommand.self, AuditCheckpointCommand.self]
    )
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a hash-chained log and name the first record that was edited, inserted, deleted or forged.",
        discussion: """
            Works on the audit log and on opt-out journals. Without --public-key only the chain is checked, \
            which anyone who can write the file can recompute, and which shows no edit of the last record. \
            With it, every record must carry a valid signature. A chain cannot show records cut from its end: \
            --expect-head checks against a checkpoint kept elsewhere (scrub audit checkpoint). Prints the last \
            record's SHA-256. See docs/operations.md, "Audit trail".
            """
    )

    @Argument(help: "The audit log (audit.jsonl) or an opt-out journal.")
    var file: String

    @Option(help: ArgumentHelp("The signing key's public key (KEYFILE.pub): check every record's signature."))
    var publicKey: String?

    @Option(
        help: ArgumentHelp(
            "A checkpoint (scrub audit checkpoint): the log must still hold its records, unchanged.",
            valueName: "checkpoint"))
    var expectHead: String?

    func run() throws {
        let result: HashChainedLog.Verification
        let checkpoint: LogCheckpoint?
        let key: VerifyingKey?
        do {
            key = try publicKey.map { path throws(RecordError) in try VerifyingKey.load(path: path) }
            checkpoint = try expectHead.map { path throws(RecordError) in
                try LogCheckpoint.read(path: path, publicKey: key)
            }
            result = try HashChainedLog(path: file).verify(publicKey: key, expecting: checkpoint)
        } catch let error as RecordError {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
        if let problem = result.problem {
            if let line = result.firstBrokenLine {
                printError("\(file):\(line): error: the chain is broken at record \(result.records): \(problem)")
            } else {
                printError("\(file): error: \(problem)")
            }
            throw ExitCode(ExitStatus.dataError)
        }
        var checked = "chain intact"
        if let key {
            checked += ", every record signed by key \(key.id)"
        } else if result.signedRecords > 0 {
            checked += " (\(result.signedRecords) signed record(s) not checked: give --public-key)"
        }
        if let checkpoint {
            checked += "; holds the \(checkpoint.records) record(s) of the checkpoint of \(checkpoint.time)"
            if !checkpoint.signatureChecked { checked += " (its signature not checked: give --public-key)" }
        }
        print("\(file): \(result.records) record(s), \(checked); last record sha256 \(result.head)")
    }
}
