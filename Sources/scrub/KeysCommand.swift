import ArgumentParser

/// `scrub keys`: the keys scrub holds.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage scrub's keys: the signing key of the audit trail.",
        subcommands: [KeysSigningKeyCommand.self]
    )
}
