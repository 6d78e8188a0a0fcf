import ArgumentParser
import ScrubKit
import ScrubRecords

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the hash-chained audit log that every scrub run appends to, and opt-out journals.",
        subcommands: [AuditVerifyCommand.self]
    )
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a hash-chained log's chain and name the first record that was edited, inserted or deleted.",
        discussion: """
            Works on the audit log and on opt-out journals. Prints the last record's SHA-256: keep it elsewhere \
            to detect records deleted from the end later.
            """
    )

    @Argument(help: "The audit log (audit.jsonl) or an opt-out journal.")
    var file: String

    func run() throws {
        let result: HashChainedLog.Verification
        do {
            result = try HashChainedLog(path: file).verify()
        } catch let error as RecordError {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
        if let line = result.firstBrokenLine {
            printError(
                "\(file):\(line): error: the chain is broken at record \(result.records): \(result.problem ?? "")")
            throw ExitCode(ExitStatus.dataError)
        }
        print("\(file): \(result.records) record(s), chain intact; last record sha256 \(result.head)")
    }
}
