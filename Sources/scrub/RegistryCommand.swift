import ArgumentParser
import Foundation
import ScrubIO
import ScrubIndex
import ScrubKit

/// `scrub registry`: build, update, describe, check and query registry and suppression indexes.
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Build and query Do-Not-Call registry and suppression list indexes.",
        discussion: """
            An index is an immutable, memory-mapped file built once per snapshot; see docs/index-format.md.
            """,
        subcommands: [
            RegistryBuildCommand.self, RegistryUpdateCommand.self, RegistryInfoCommand.self,
            RegistryVerifyCommand.self, RegistryLookupCommand.self,
        ]
    )
}

/// Runs `body`, printing an index or input error and turning it into its exit code.
func reportingIndexErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as IndexError {
        printError(error.description)
        throw ExitCode(ExitStatus.code(for: error))
    } catch let error as ScrubIOError {
        printError(error.description)
        throw ExitCode(ExitStatus.code(for: error))
    }
}
