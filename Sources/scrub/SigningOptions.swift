import ArgumentParser
import Foundation
import ScrubKit
import ScrubRecords

/// `--signing-key`: the private key that signs the records a command appends (audit log, journal).
///
/// Without the flag, `SCRUB_SIGNING_KEY` names the key, so a service account's unit or crontab sets
/// it once for every command it runs. Neither given: records are unsigned, as before.
struct SigningOptions: ParsableArguments {
    /// The environment variable naming the key file when `--signing-key` is not given.
    static let environmentVariable = "SCRUB_SIGNING_KEY"

    @Option(
        help: ArgumentHelp(
            "The Ed25519 private key (scrub keys signing-key generate) that signs appended records.",
            discussion: "Default: the file named by SCRUB_SIGNING_KEY; neither: records are unsigned.",
            valueName: "keyfile"))
    var signingKey: String?

    /// The key file to use, if any.
    var path: String? {
        signingKey ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The key, read and checked (owner-only); nil when none is named. Prints the error and exits
    /// with its status when the key cannot be used.
    func load() throws -> SigningKey? {
        try path.map(loadSigningKey)
    }
}

/// Reads the private key at `path`, printing the error and exiting with its status when it cannot
/// be used.
func loadSigningKey(_ path: String) throws -> SigningKey {
    do {
        return try SigningKey.load(path: path)
    } catch {
        printError(error.description)
        throw ExitCode(ExitStatus.code(for: error))
    }
}
