import ArgumentParser
import ScrubAccess

struct KeysListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the keys: name, role and creation time (never tokens or hashes).")

    @Argument(help: "The key file.")
    var keys: String

    func run() throws {
        try reportingKeyErrors { () throws(KeyStoreError) in
            for key in try FileKeyStore(path: keys).list() {
                print("\(key.name)\t\(key.role.rawValue)\t\(key.created)")
            }
        }
    }
}
