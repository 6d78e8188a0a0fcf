import ArgumentParser
import Foundation
import ScrubIO
import ScrubKit
import ScrubRecords

/// `scrub audit checkpoint`: a signed statement of a log's record count and head, to keep elsewhere.
struct AuditCheckpointCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkpoint",
        abstract:
            "Print (or write) a signed checkpoint of a log: its record count, last record's SHA-256 and the time.",
        discussion: """
            Verifies the log with the signing key's public half first, and refuses a log that does not verify. \
            Keep checkpoints where the log's writers cannot rewrite them (another host, a ticket): scrub audit \
            verify --expect-head CHECKPOINT then fails when records were cut from the end or rewritten.
            """
    )

    @Argument(help: "The audit log or opt-out journal.")
    var log: String

    @OptionGroup var signing: SigningOptions

    @Option(help: ArgumentHelp("Write the checkpoint to this file instead of standard output.", valueName: "file"))
    var out: String?

    func run() throws {
        guard let key = try signing.load() else {
            throw ValidationError(
                "a checkpoint is signed: give --signing-key (or set \(SigningOptions.environmentVariable))")
        }
        do {
            let result = try HashChainedLog(path: log).verify(publicKey: key.verifyingKey)
            if let problem = result.problem {
                throw RecordError(
                    .badData, "the chain is broken at record \(result.records): \(problem); no checkpoint written",
                    at: "\(log)\(result.firstBrokenLine.map { ":\($0)" } ?? "")")
            }
            let checkpoint = LogCheckpoint(
                log: URL(fileURLWithPath: log).lastPathComponent, records: result.records, head: result.head,
                time: .now)
            let line = try checkpoint.line(signedWith: key) + "\n"
            if let out {
                let file = try OutputFile(path: out, permissions: 0o644)
                try file.write(Array(line.utf8))
                try file.commit()
                printError("\(out): checkpoint of \(result.records) record(s) written")
            } else {
                print(line, terminator: "")
            }
        } catch let error as RecordError {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        } catch let error as ScrubIOError {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}
