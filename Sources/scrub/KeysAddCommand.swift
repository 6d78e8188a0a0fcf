import ArgumentParser
import ScrubAccess
import ScrubRecords

struct KeysAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a key and print its token once, as the last line of standard output.",
        discussion: "Only the token's SHA-256 is stored: keep the token now, it cannot be shown again."
    )

    @Argument(help: "The key file; created owner-only (0600) if missing.")
    var keys: String

    @Option(help: "dialer, agent, compliance or admin.")
    var role: KeyRole

    @Option(help: "The key's name, as the audit trail names the actor: letters, digits, . _ - @.")
    var name: String

    func run() throws {
        try reportingKeyErrors { () throws(KeyStoreError) in
            let (key, token) = try FileKeyStore(path: keys).add(
                name: name, role: role, created: UTCTime.now.description)
            print("\(keys): added key \(key.name) with role \(key.role.rawValue); its token (shown only now):")
            print(token)
        }
    }
}
