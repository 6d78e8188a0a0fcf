import ArgumentParser
import Foundation
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Explain the decision a pipeline would make for one number: lists, registries, windows, rules."
    )

    @Argument(help: "The phone number, as written in a lead file.")
    var number: String

    @Option(help: "The pipeline whose lists, registries and rules apply.")
    var pipeline: String

    @Option(help: "The campaign date: YYYY-MM-DD, today or tomorrow (default: the pipeline's).")
    var date: String?

    @Option(help: "The row's country (default: the pipeline's default country).")
    var country: String?

    @Option(help: "The row's state or province.")
    var state: String?

    @Option(help: "The row's postcode.")
    var postcode: String?

    @Option(help: "The lead's person key (input.person_column), such as a CRM contact id.")
    var person: String?

    @Option(help: "The row's consent timestamp, in the pipeline's date format (ISO 8601 by default).")
    var consentAt: String?

    @Flag(help: "The row's consent has no evidence reference.")
    var noConsentEvidence = false

    @Option(help: "The row's business-relationship date, in the pipeline's date format (ISO 8601 by default).")
    var ebrDate: String?

    @Option(help: "The row's business-relationship type: purchase or inquiry.")
    var ebrType: String?

    @Flag(help: "The call is made while performing a current contract with the caller and relates to it.")
    var currentContract = false

    @Option(help: "The call channel: voice, prerecorded, autodialed or sms (default: the pipeline's).")
    var channel: String?

    @Flag(help: "Use registries older than their maximum age.")
    var allowStale = false

    @Flag(help: "Print one JSON object: decision, detail, e164, windows_utc, next_callable_at, trace.")
    var json = false

    @Option(help: "The check time, from which next_callable_at counts: YYYY-MM-DDTHH:MM:SSZ (default: now).")
    var at: String?

    /// The lead facts given by flags, read as the run reads its columns: dates in the pipeline's
    /// `date_format`. A date that does not read is a usage error, not a silent "no consent".
    func evidence(_ formats: ConsentPolicy.DateFormats) throws -> LeadEvidence {
        func read<T>(_ text: String?, _ parse: (UnsafeRawBufferPointer) -> T?) -> T? {
            text.flatMap { Array($0.utf8).withUnsafeBytes(parse) }
        }
        for (flag, text, format) in [
            ("--consent-at", consentAt, formats.timestamp), ("--ebr-date", ebrDate, formats.relationshipDate),
        ] {
            if let text, read(text, format.day) == nil {
                throw ValidationError("\(flag) `\(text)` does not read as \(format), the pipeline's date format")
            }
        }
        if let ebrType, read(ebrType, LeadEvidence.relationship) == nil {
            throw ValidationError("--ebr-type takes purchase or inquiry, not `\(ebrType)`")
        }
        return LeadEvidence(
            consentDay: read(consentAt, formats.timestamp.day), hasConsentReference: !noConsentEvidence,
            relationshipDay: read(ebrDate, formats.relationshipDate.day),
            relationship: read(ebrType, LeadEvidence.relationship), hasCurrentContract: currentContract)
    }

    func validate() throws {
        if let at, UTCTime(parsing: Array(at.utf8)) == nil {
            throw ValidationError("--at takes a time such as 2026-12-01T15:00:00Z, not `\(at)`")
        }
        if let person, let problem = PersonKey.problem(person) { throw ValidationError("--person: \(problem)") }
    }

    /// `--at`, or now.
    var checkTime: UTCTime {
        at.flatMap { UTCTime(parsing: Array($0.utf8)) } ?? UTCTime(seconds: Int64(Date().timeIntervalSince1970))
    }

    /// Prints the decision first; exits 0 when it is `CLEAN`, 1 when it is not, 64 or above on any error
    /// (``ExitStatus``), so a script can branch on the status alone.
    func run() throws {
        let plan: PipelinePlan
        do throws(PipelineError) {
            let definition = try PipelineDefinition.load(path: pipeline)
            var overrides = PipelineDefinition()
            overrides.campaignDate = date.map { .init(value: $0, location: "--date") }
            overrides.channel = channel.map { .init(value: $0, location: "--channel") }
            if allowStale { overrides.allowStale = .init(value: true, location: "--allow-stale") }
            plan = try PipelinePlan.resolve(
                definition, overrides: overrides, environment: .standard(normalizer: PhoneNormalizerStage()))
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
        let evidence: LeadEvidence
        do {
            evidence = try self.evidence(plan.compliance.consent?.dateFormats ?? .init())
        } catch {
            printError("\(error)")
            throw ExitCode(ExitStatus.usage)
        }
        let answer = plan.check(
            CheckRequest(
                number, country: country, state: state, postcode: postcode, evidence: evidence, person: person),
            at: checkTime)
        print(json ? answer.json : answer.text)
        if !answer.isClean { throw ExitCode(Self.notCleanStatus) }
    }

    /// The exit status of a decision other than `CLEAN`: below 64, so no error reads as a decision.
    static let notCleanStatus: Int32 = 1
}
