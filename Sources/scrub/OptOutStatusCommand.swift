import ArgumentParser
import ScrubIndex
import ScrubKit
import ScrubRecords

struct OptOutStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show which journal events a compiled suppression index does not hold yet.",
        discussion: """
            Exits 0 when the index holds every event, 1 when events are pending (compile again), 65 when the \
            journal no longer begins with what the index was compiled from.
            """
    )

    @Argument(help: "The journal (JSON Lines).")
    var journal: String

    @Option(help: "A suppression index compiled from the journal.")
    var index: String

    func run() throws {
        var pending = false
        try reportingOptOutErrors {
            try reportingIndexErrors {
                let metadata = try IndexFile(path: index).metadata
                let status = try OptOutJournal(path: journal).freshness(of: metadata)
                if let oldest = status.oldestPending, let line = status.firstPendingLine {
                    pending = true
                    print(
                        "\(index): holds \(status.compiledEvents) event(s); \(status.pendingEvents) newer event(s) "
                            + "from line \(line), the oldest asked at \(oldest): run scrub optout compile")
                } else {
                    print("\(index): holds all \(status.compiledEvents) event(s) of \(journal)")
                }
            }
        }
        if pending { throw ExitCode(1) }
    }
}
