import ArgumentParser
import ScrubKit
import ScrubRecords

/// `scrub keys signing-key`: the Ed25519 key that signs audit and journal records.
struct KeysSigningKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signing-key",
        abstract: "Make or show the Ed25519 key that signs audit log and opt-out journal records.",
        discussion: """
            Generate it as the service account that runs scrub, and keep the private file that account's \
            alone; give the .pub file to whoever verifies the logs (scrub audit verify --public-key). See \
            docs/operations.md, "Audit trail".
            """,
        subcommands: [Generate.self, Public.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write a new private key (0600) and its public key (KEYFILE.pub); print the public key.",
            discussion: "Refuses to replace an existing file: a replaced key orphans every log it signed."
        )

        @Option(help: ArgumentHelp("The private key file to write.", valueName: "keyfile"))
        var out: String

        func run() throws {
            let key = SigningKey()
            do {
                try key.write(to: out)
            } catch {
                printError(error.description)
                throw ExitCode(ExitStatus.code(for: error))
            }
            printError("\(out): private key written (owner-only); public key \(out).pub, key id \(key.verifyingKey.id)")
            print(key.verifyingKey.fileText, terminator: "")
        }
    }

    struct Public: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "public",
            abstract: "Print the public key of a private key file."
        )

        @Argument(help: ArgumentHelp("The private key file.", valueName: "keyfile"))
        var keyFile: String

        func run() throws {
            let key = try loadSigningKey(keyFile)
            print(key.verifyingKey.fileText, terminator: "")
        }
    }
}
