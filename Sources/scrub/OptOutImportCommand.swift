import ArgumentParser
import Foundation
import ScrubKit
import ScrubRecords
import ScrubRules

struct OptOutImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Append an opt-out for every do-not-call row of a disposition (call outcome) file.",
        discussion: """
            The file is CSV, gzip or plain, with a header. Each row whose code is one of --codes becomes an \
            opt-out whose evidence is the row (file name, line, id). Importing the same file again adds \
            nothing. Rows whose number or time cannot be read are reported by line and skipped; the command \
            then exits 65 after importing the rest.
            """
    )

    @Argument(help: "The journal (JSON Lines); created owner-only if missing.")
    var journal: String

    @Option(help: "The disposition file.")
    var dispositions: String

    @Option(help: "Codes that mean do-not-call, comma-separated, compared without case.")
    var codes = "DNC,OPTOUT"

    @Option(help: "The column holding the number.")
    var numberColumn = "phone"

    @Option(help: "The column holding the call's time, ISO 8601; times without an offset are UTC.")
    var timeColumn = "time"

    @Option(help: "The column holding the outcome code.")
    var codeColumn = "code"

    @Option(help: "The column holding the call or disposition id (default: id, if present).")
    var idColumn: String?

    @Option(
        help: """
            The column holding the lead's person key (a CRM contact id): a row that gives one records an \
            opt-out for the person, which binds their other numbers too.
            """)
    var personColumn: String?

    @Option(help: "ISO 3166 country of national-format numbers.")
    var country = "US"

    @Option(help: "call, sms, email, web, letter or complaint.")
    var channel: OptOutChannel = .call

    @Option(help: "all, or a brand or campaign name.")
    var scope: OptOutScope = .all

    @Option(help: "Who records it, by name (default: the login name).")
    var actor: String?

    @OptionGroup var signing: SigningOptions

    func validate() throws {
        guard country.count == 2, country.allSatisfy(\.isLetter) else {
            throw ValidationError("--country takes a two-letter ISO 3166 code such as US, not '\(country)'")
        }
        guard !codeList.isEmpty else { throw ValidationError("--codes needs at least one code") }
    }

    var codeList: [String] {
        codes.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func run() throws {
        try importRows(normalizer: PhoneNormalizerStage())
    }

    func importRows(normalizer: some NumberNormalizing) throws {
        var unreadable = false
        let signer = try signing.load()
        try reportingOptOutErrors {
            try reportingIndexErrors {
                var options = DispositionImport(path: dispositions, actor: ActingUser.name(actor))
                options.codes = codeList
                options.numberColumn = numberColumn
                options.timeColumn = timeColumn
                options.codeColumn = codeColumn
                options.idColumn = idColumn ?? "id"
                options.idColumnRequired = idColumn != nil
                options.personColumn = personColumn
                options.country = country.uppercased()
                options.channel = channel
                options.scope = scope
                let report = try OptOutJournal(path: journal, signer: signer).importDispositions(
                    options, normalizer: normalizer, now: .now)
                print(
                    "\(dispositions): \(report.rows) row(s), \(report.doNotCallRows) do-not-call; "
                        + "\(report.appended) appended to \(journal), \(report.alreadyRecorded) already recorded, "
                        + "\(report.unreadableRows) unreadable")
                for sample in report.unreadableSamples { printError("\(sample)") }
                unreadable = report.unreadableRows > 0
            }
        }
        if unreadable { throw ExitCode(ExitStatus.dataError) }
    }
}
