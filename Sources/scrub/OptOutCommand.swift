import ArgumentParser
import Foundation
import ScrubIO
import ScrubIndex
import ScrubKit
import ScrubRecords
import ScrubRules

/// `scrub optout`: the company's own do-not-call journal, with evidence.
struct OptOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optout",
        abstract: "Record opt-outs and re-consent with evidence, and compile them into a suppression index.",
        discussion: """
            The journal is an append-only, hash-chained JSON Lines file (check it with scrub audit verify). \
            Opt-outs take effect at the next run that uses an index compiled after them. See docs/opt-outs.md.
            """,
        subcommands: [
            OptOutAddCommand.self, OptOutReconsentCommand.self, OptOutImportCommand.self, OptOutCompileCommand.self,
            OptOutStatusCommand.self,
        ]
    )
}

/// Runs `body`, printing an error that ends an opt-out command and turning it into its exit code.
func reportingOptOutErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as RecordError {
        printError(error.description)
        throw ExitCode(ExitStatus.code(for: error))
    } catch let error as PipelineError {
        printError(error.description)
        throw ExitCode(ExitStatus.code(for: error))
    }
}

extension OptOutChannel: ExpressibleByArgument {}

extension OptOutScope: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
