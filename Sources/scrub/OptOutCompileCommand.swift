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
            SHA-256, so scrub optout status can tell which events came later. Same journal, same bytes.
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

    @OptionGroup var audit: CommandAuditOptions

    func run() throws {
        try audit.audited("optout compile", outputs: [output]) {
            try perform()
        }
    }

    /// The command itself, its errors printed and turned into exit codes.
    private func perform() throws {
        try reportingOptOutErrors {
            try reportingIndexErrors {
                let result = try OptOutJournal(path: journal).compile(to: output, name: name, scope: scope)
                print(
                    "\(output): \(result.numbers) number(s) opted out, from \(result.events) event(s); snapshot "
                        + "\(result.snapshotDate); journal sha256 \(result.journalSHA256)")
                print(result.index.summary(output: output))
            }
        }
    }
}
