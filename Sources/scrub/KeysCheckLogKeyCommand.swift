import ArgumentParser
import ScrubAccess

/// `scrub keys check-log-key generate`: the operator's HMAC key for check records.
struct KeysCheckLogKeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-log-key",
        abstract: "Make the HMAC-SHA256 key under which scrub serve's check records hash each number.",
        discussion: """
            Give it to scrub serve with --check-log-key. Whoever holds it can recover the numbers in the check \
            log by trying them all: keep it with the operator, apart from the people who read the log. See \
            docs/serve.md, "Check records".
            """,
        subcommands: [Generate.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write a new key file (0600) of 256 random bits; print its id.",
            discussion: "Refuses to replace an existing file: a replaced key orphans every record made with it."
        )

        @Option(help: ArgumentHelp("The key file to write.", valueName: "keyfile"))
        var out: String

        func run() throws {
            let key = CheckLogKey()
            try reportingKeyErrors { () throws(KeyStoreError) in try key.write(to: out) }
            printError("\(out): check-log key written (owner-only)")
            print(key.id)
        }
    }
}
