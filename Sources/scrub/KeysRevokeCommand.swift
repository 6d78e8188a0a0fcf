import ArgumentParser
import ScrubAccess

struct KeysRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Remove a key: a running server refuses its token from the next request.")

    @Argument(help: "The key file.")
    var keys: String

    @Argument(help: "The key's name.")
    var name: String

    func run() throws {
        try reportingKeyErrors { () throws(KeyStoreError) in
            try FileKeyStore(path: keys).revoke(name: name)
            print("\(keys): revoked key \(name)")
        }
    }
}
