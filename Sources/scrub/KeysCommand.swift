import ArgumentParser
import ScrubAccess
import ScrubKit

/// `scrub keys`: the server's API keys, each a name, a role and a token stored only as its hash.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage scrub's keys: the API keys scrub serve accepts, and the audit trail's signing key.",
        discussion: """
            Roles: dialer (check), agent (check, opt-outs), compliance (also re-consent, audit), admin (list keys \
            over HTTP). The key file is owner-only; a running server picks up changes at its next request. \
            `signing-key` makes the Ed25519 key that signs audit and journal records; `check-log-key` the HMAC \
            key of scrub serve's check records. See docs/serve.md.
            """,
        subcommands: [
            KeysAddCommand.self, KeysListCommand.self, KeysRevokeCommand.self, KeysSigningKeyCommand.self,
            KeysCheckLogKeyCommand.self,
        ]
    )
}

/// Runs `body`, printing a key store error and turning it into its exit code.
func reportingKeyErrors(_ body: () throws(KeyStoreError) -> Void) throws {
    do {
        try body()
    } catch {
        printError(error.description)
        let code: Int32 =
            switch error.kind {
            case .usage: ExitStatus.usage
            case .io: ExitStatus.ioError
            case .badData: ExitStatus.dataError
            case .notFound: ExitStatus.noInput
            }
        throw ExitCode(code)
    }
}

extension KeyRole: ExpressibleByArgument {}
