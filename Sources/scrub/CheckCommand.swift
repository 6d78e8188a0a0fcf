import ArgumentParser
import Foundation
import ScrubKit

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

    @Option(help: "The row's consent timestamp (ISO 8601), for pipelines with consent columns.")
    var consentAt: String?

    @Flag(help: "The row's consent has no evidence reference.")
    var noConsentEvidence = false

    @Option(help: "The row's business-relationship date (YYYY-MM-DD).")
    var ebrDate: String?

    @Option(help: "The row's business-relationship type: purchase or inquiry.")
    var ebrType: String?

    @Flag(help: "Use registries older than their maximum age.")
    var allowStale = false

    @Flag(help: "Print one JSON object: decision, detail, e164, windows_utc, next_callable_at, trace.")
    var json = false

    @Option(help: "The check time, from which next_callable_at counts: YYYY-MM-DDTHH:MM:SSZ (default: now).")
    var at: String?

    /// The lead facts given by flags, read as the run reads its columns.
    var evidence: LeadEvidence {
        func read<T>(_ text: String?, _ parse: (UnsafeRawBufferPointer) -> T?) -> T? {
            text.flatMap { Array($0.utf8).withUnsafeBytes(parse) }
        }
        return LeadEvidence(
            consentDay: read(consentAt, LeadEvidence.date), hasConsentReference: !noConsentEvidence,
            relationshipDay: read(ebrDate, LeadEvidence.date), relationship: read(ebrType, LeadEvidence.relationship))
    }

    func validate() throws {
        if let at, UTCTime(parsing: Array(at.utf8)) == nil {
            throw ValidationError("--at takes a time such as 2026-12-01T15:00:00Z, not `\(at)`")
        }
    }

    /// `--at`, or now.
    var checkTime: UTCTime {
        at.flatMap { UTCTime(parsing: Array($0.utf8)) } ?? UTCTime(seconds: Int64(Date().timeIntervalSince1970))
    }

    func run() throws {
        do throws(PipelineError) {
            let definition = try PipelineDefinition.load(path: pipeline)
            var overrides = PipelineDefinition()
            overrides.campaignDate = date.map { .init(value: $0, location: "--date") }
            if allowStale { overrides.allowStale = .init(value: true, location: "--allow-stale") }
            let plan = try PipelinePlan.resolve(
                definition, overrides: overrides, environment: .standard(normalizer: PhoneNormalizerStage()))
            let answer = plan.check(
                CheckRequest(number, country: country, state: state, postcode: postcode, evidence: evidence),
                at: checkTime)
            print(json ? answer.json : answer.text)
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}
