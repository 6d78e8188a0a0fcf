import ArgumentParser
import Foundation
import ScrubKit
import ScrubRecords
import ScrubRules

/// Options shared by `scrub optout add` and `scrub optout reconsent`.
struct OptOutEventOptions: ParsableArguments {
    @Argument(help: "The journal (JSON Lines); created owner-only if missing.")
    var journal: String

    @Argument(help: "The numbers, E.164 (+14155550123) or national with --country.")
    var numbers: [String]

    @Option(help: "ISO 3166 country of national-format numbers.")
    var country = "US"

    @Option(help: "call, sms, email, web, letter or complaint.")
    var channel: OptOutChannel

    @Option(help: "Why, in words (\"asked on the call\", \"replied STOP\").")
    var reason: String

    @Option(help: "Where it can be checked: a ticket, recording or disposition id, a letter's reference.")
    var evidence: String?

    @Flag(help: "There is no evidence to give (opt-outs only); the events record that none was given.")
    var noEvidence = false

    @Option(help: "all, or a brand or campaign name.")
    var scope: OptOutScope = .all

    @Option(help: "Who records it, by name (default: the login name).")
    var actor: String?

    @Option(
        help: """
            Re-consents only: the second person who approved it (four eyes), by name; not the --actor.
            """)
    var approvedBy: String?

    @Option(
        help: """
            The person the numbers belong to (a CRM contact id): the event binds every number of the \
            person, matched on the pipeline's input.person_column (Washington's rule); default: the numbers.
            """)
    var person: String?

    @OptionGroup var signing: SigningOptions

    @Option(help: "When the person asked, ISO 8601 (default: now).")
    var time: String?

    @Option(
        help: """
            When the opt-out stops binding, ISO 8601, where the law sets a term (Washington: one year); \
            default: until a re-consent.
            """)
    var expiresAt: String?

    func validate() throws {
        guard country.count == 2, country.allSatisfy(\.isLetter) else {
            throw ValidationError("--country takes a two-letter ISO 3166 code such as US, not '\(country)'")
        }
        if let time, UTCTime(parsing: time.utf8) == nil {
            throw ValidationError("--time must be an ISO 8601 time such as 2026-11-28T14:03:00Z, not '\(time)'")
        }
        if let expiresAt, UTCTime(parsing: expiresAt.utf8) == nil {
            throw ValidationError(
                "--expires-at must be an ISO 8601 time such as 2027-11-28T00:00:00Z, not '\(expiresAt)'")
        }
    }

    /// Normalises and appends one event a number, printing how many (never the numbers).
    func record(_ action: OptOutEvent.Action, normalizer: some NumberNormalizing) throws {
        let signer = try signing.load()
        try reportingOptOutErrors {
            var request = OptOutRequest(
                action: action, scope: scope, channel: channel, reason: reason, evidence: evidence ?? "",
                actor: ActingUser.name(actor), time: time.flatMap { UTCTime(parsing: $0.utf8) })
            request.noEvidence = noEvidence
            request.expiresAt = expiresAt.flatMap { UTCTime(parsing: $0.utf8) }
            request.approvedBy = approvedBy
            request.person = person
            let events = try OptOutJournal(path: journal, signer: signer).record(
                numbers, country: country.uppercased(), request: request, normalizer: normalizer, now: .now)
            let noun = action == .optOut ? "opt-out" : "re-consent"
            print("\(journal): \(events.count) \(noun) event(s) appended (scope \(scope))")
        }
    }
}

struct OptOutAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record that numbers must not be called, with evidence.",
        discussion: """
            Every number is normalised first; if any is not valid, nothing is added and the command exits 65.
            """
    )

    @OptionGroup var options: OptOutEventOptions

    func run() throws {
        try options.record(.optOut, normalizer: PhoneNormalizerStage())
    }
}

struct OptOutReconsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconsent",
        abstract: "Record that numbers may be called again in a scope, with evidence of consent.",
        discussion: """
            Lifts the opt-out of the same scope only, and only if given after it. Every number is normalised \
            first; if any is not valid, nothing is added.
            """
    )

    @OptionGroup var options: OptOutEventOptions

    func run() throws {
        try options.record(.reconsent, normalizer: PhoneNormalizerStage())
    }
}

extension UTCTime {
    /// The current time, to the second.
    static var now: UTCTime {
        UTCTime(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
