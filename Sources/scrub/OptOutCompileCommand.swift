import ArgumentParser
import ScrubKit
import ScrubRecords

struct OptOutCompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile the journal's current state into a suppression index.",
        discussion: """
            The index holds every number whose latest event is an opt-out (re-consent lifts the opt-out of its \
            own scope). Its snapshot date is the newest event's day and its source is the journal with its \
            SHA-256, so scrub optout status can tell which events came later. An opt-out whose expiry \
            (`expires_at`) has passed at --as-of is left out. Same journal and --as-of, same bytes (a journal \
            without expiries gives the same bytes whenever it is compiled).
            """
    )

    @Argument(help: "The journal (JSON Lines).")
    var journal: String

    @Option(help: "The index file to write.")
    var output: String

    @Option(help: "The list's name in the index (default: the journal's file name without extension).")
    var name: String?

    @Option(help: "Only opt-outs that apply to this brand or campaign (and to all); default: every opt-out.")
    var scope: OptOutScope?

    @Option(help: "The time expiries are judged at, ISO 8601 (default: now).")
    var asOf: String?

    @OptionGroup var audit: CommandAuditOptions

    func validate() throws {
        if let asOf, UTCTime(parsing: asOf.utf8) == nil {
            throw ValidationError("--as-of must be an ISO 8601 time such as 2026-12-01T00:00:00Z, not '\(asOf)'")
        }
    }

    func run() throws {
        try audit.audited("optout compile", outputs: [output]) {
            try perform()
        }
    }

    /// The command itself, its errors printed and turned into exit codes.
    private func perform() throws {
        try reportingOptOutErrors {
            try reportingIndexErrors {
                let asOf = asOf.flatMap { UTCTime(parsing: $0.utf8) } ?? .now
                let result = try OptOutJournal(path: journal).compile(
                    to: output, name: name, scope: scope, asOf: asOf)
                print(
                    "\(output): \(result.numbers) number(s)"
                        + (result.persons > 0 ? " and \(result.persons) person(s)" : "")
                        + " opted out, from \(result.events) event(s); snapshot "
                        + "\(result.snapshotDate); journal sha256 \(result.journalSHA256)")
                if result.expired > 0 {
                    print("\(result.expired) opt-out(s) expired by \(asOf) were left out")
                }
                print(result.index.summary(output: output))
            }
        }
    }
}
