import ArgumentParser
import ScrubKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the hash-chained audit log that every scrub run appends to.",
        subcommands: [AuditVerifyCommand.self]
    )
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check an audit log's hash chain and name the first record that was edited, inserted or deleted."
    )

    @Argument(help: "The audit log (audit.jsonl).")
    var file: String

    func run() throws {
        let result: AuditLog.Verification
        do {
            result = try AuditLog(path: file).verify()
        } catch let error as PipelineError {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
        if let line = result.firstBrokenLine {
            printError(
                "\(file):\(line): error: the chain is broken at record \(result.records): \(result.problem ?? "")")
            throw ExitCode(ExitStatus.dataError)
        }
        print("\(file): \(result.records) record(s), chain intact")
    }
}
