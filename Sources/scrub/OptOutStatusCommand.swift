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
            journal no longer begins with what the index was compiled from. For pending events it shows the \
            date by which the oldest must be honoured (10 business days, 47 CFR 64.1200(d)(3)) and says when \
            that date has passed.
            """
    )

    @Option(help: "The time the deadline is judged at, ISO 8601 (default: now).")
    var at: String?

    func validate() throws {
        if let at, UTCTime(parsing: at.utf8) == nil {
            throw ValidationError("--at must be an ISO 8601 time such as 2026-12-01T09:00:00Z, not '\(at)'")
        }
    }

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
                    let deadline = HonouringDeadline.deadline(forRequestAt: oldest)
                    let now = at.flatMap { UTCTime(parsing: $0.utf8) } ?? .now
                    print(
                        "\(index): holds \(status.compiledEvents) event(s); \(status.pendingEvents) newer event(s) "
                            + "from line \(line), the oldest asked at \(oldest): run scrub optout compile")
                    print(
                        (now > deadline ? "OVERDUE: " : "")
                            + "the oldest must be honoured by \(deadline) (\(HonouringDeadline.citation))")
                } else {
                    print("\(index): holds all \(status.compiledEvents) event(s) of \(journal)")
                }
            }
        }
        if pending { throw ExitCode(1) }
    }
}
