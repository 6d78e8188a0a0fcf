import ArgumentParser
import Foundation
import Logging
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Scrub lead files: normalise, remove registry and suppression matches, annotate calling windows.",
        discussion: """
            Runs a pipeline file, or a pipeline given by flags alone; flags override the file. Publishes \
            clean.csv.gz and rejects.csv.gz (or .csv, .xlsx: output.format), report.json and report.html as one \
            set in the output folder (a link \
            to OUT.sets/ID), only when the whole run succeeds and its audit record is written; every attempt \
            is recorded in the audit log and in OUT.status.json.
            """
    )

    @Argument(help: "The pipeline definition (YAML). Optional when --input and --out are given.")
    var pipeline: String?

    @Option(name: .customLong("input"), help: "Lead files (gzip or plain); several make one run.")
    var inputs: [String] = []
    @Option(name: .customLong("out"), help: "The output folder.")
    var outputDirectory: String?
    @Option(name: .customLong("registry"), help: "Registry index files.")
    var registries: [String] = []
    @Option(name: .customLong("suppression"), help: "Suppression lists: index files, or E.164/CSV lists.")
    var suppressionLists: [String] = []
    @Option(
        name: .customLong("history"), parsing: .upToNextOption,
        help: "Call logs (gzip or plain) for frequency caps; they replace the pipeline's history.files.")
    var historyFiles: [String] = []
    @Option(
        name: .customLong("phone-column"),
        help: "The column holding phone numbers; repeat it for several, in priority order.")
    var phoneColumns: [String] = []
    @Option(help: "The column holding each row's country (ISO 3166 code).")
    var countryColumn: String?
    @Option(help: "The country for rows without one.")
    var defaultCountry: String?
    @Option(help: "The column holding the state or province.")
    var stateColumn: String?
    @Option(help: "The column holding the postcode.")
    var postcodeColumn: String?
    @Option(help: "The campaign date: YYYY-MM-DD, today or tomorrow.")
    var campaignDate: String?
    @Option(help: "The call purpose: telemarketing or research.")
    var purpose: String?
    @Option(help: "The call channel: voice (default), prerecorded, autodialed or sms; rules apply by channel.")
    var channel: String?
    @Option(help: "Gzip level of the outputs, 0-9 (default 1: see docs/benchmarks.md).")
    var compressionLevel: Int?
    @Option(
        help: """
            Threads doing CPU work: parsing, deciding and compressing (default: the machine's cores). \
            Inflating the input runs on a thread of its own besides. Outputs are identical whatever the count.
            """)
    var threads: Int?
    @Option(help: .hidden)  // uncompressed bytes per output gzip member; tests cross many blocks with it
    var gzipBlockSize: Int?
    @Option(help: .hidden)  // input bytes per chunk a worker reads; tests cross many chunks with it
    var chunkSize: Int?
    @Option(help: .hidden)  // rows per sheet of xlsx outputs; tests cross sheets with it
    var rowsPerSheet: Int?
    @Flag(help: "Use registries older than their maximum age (recorded in the report and audit log).")
    var allowStale = false
    @Flag(help: "Reject rows with no calling window on the campaign date.")
    var rejectWithoutWindow = false
    @Flag(
        help: """
            Read and decide everything, print the summary and every warning, and publish nothing: the output \
            folder and its status file are left as they are; the audit log records the dry run.
            """)
    var dryRun = false
    @Flag(help: "Print nothing but errors.")
    var quiet = false
    @Option(help: "Progress bar on standard error: auto (when it is a terminal), always or never.")
    var progress: ProgressMode = .auto
    @Option(help: "Who runs it, recorded in the audit log (default: the login name).")
    var actor: String?
    @OptionGroup var signing: SigningOptions

    enum ProgressMode: String, ExpressibleByArgument {
        case auto, always, never
    }

    func validate() throws {
        if pipeline == nil && (inputs.isEmpty || outputDirectory == nil) {
            throw ValidationError("give a pipeline file, or at least --input and --out")
        }
    }

    /// The flags as a definition whose values override the pipeline file's.
    var overrides: PipelineDefinition {
        var flags = PipelineDefinition()
        func located<T>(_ value: T?, _ flag: String) -> PipelineDefinition.Located<T>? {
            value.map { .init(value: $0, location: flag) }
        }
        flags.inputs = inputs.map { .init(value: $0, location: "--input") }
        flags.outputDirectory = located(outputDirectory, "--out")
        flags.registries = registries.map { .init(value: $0, location: "--registry") }
        flags.suppressionLists = suppressionLists.map { .init(value: $0, location: "--suppression") }
        if !historyFiles.isEmpty {
            flags.history = .init(location: "--history")
            flags.history?.files = historyFiles.map { .init(value: $0, location: "--history") }
        }
        flags.phoneColumns = phoneColumns.map { .init(value: $0, location: "--phone-column") }
        flags.countryColumn = located(countryColumn, "--country-column")
        flags.defaultCountry = located(defaultCountry, "--default-country")
        flags.stateColumn = located(stateColumn, "--state-column")
        flags.postcodeColumn = located(postcodeColumn, "--postcode-column")
        flags.campaignDate = located(campaignDate, "--campaign-date")
        flags.purpose = located(purpose, "--purpose")
        flags.channel = located(channel, "--channel")
        flags.compressionLevel = located(compressionLevel, "--compression-level")
        if allowStale { flags.allowStale = .init(value: true, location: "--allow-stale") }
        if rejectWithoutWindow { flags.rejectWithoutWindow = .init(value: true, location: "--reject-without-window") }
        return flags
    }

    func run() throws {
        // A key that cannot be read ends the command before any record: an unsigned record would
        // break a signed log, and a signed one cannot be made.
        var attempt = RunAttempt(actor: ActingUser.name(actor), signer: try signing.load())
        attempt.dryRun = dryRun
        var plan: PipelinePlan?
        var definition: PipelineDefinition?
        var report: RunReport?
        do {
            do {
                // Checked here, not in `validate()`, so that a refused attempt is audited like any other.
                try OptionRanges.threads.check(threads)
                try OptionRanges.compressionLevel.check(compressionLevel)
                try OptionRanges.gzipBlockSize.check(gzipBlockSize)
                try OptionRanges.chunkSize.check(chunkSize)
                try OptionRanges.rowsPerSheet.check(rowsPerSheet)
                definition = try pipeline.map { path throws(PipelineError) in try PipelineDefinition.load(path: path) }
                plan = try PipelinePlan.resolve(
                    definition ?? PipelineDefinition(), overrides: overrides,
                    environment: .standard(normalizer: PhoneNormalizerStage()))
            } catch let error as ValidationError {
                throw RunAttempt.Failure(
                    message: "error: \(error.message)", exitStatus: ExitStatus.usage, kind: "usage")
            }
            let scrub = ScrubRun(plan: plan!, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
            if let gzipBlockSize { scrub.gzipBlockSize = gzipBlockSize }
            if let chunkSize { scrub.chunkSize = chunkSize }
            if let rowsPerSheet { scrub.rowsPerSheet = rowsPerSheet }
            let bar = ProgressBar(enabled: !quiet && progress.isOn)
            scrub.logger = Logger(label: scrub.logger.label) { label in
                ProgressBar.LineClearing(bar: bar, inner: StreamLogHandler.standardError(label: label))
            }
            scrub.logger.logLevel = quiet ? .error : .info
            scrub.progress = bar.update
            report = try attempt.run(scrub).report
            bar.finish()
        } catch {
            var failure = RunAttempt.Failure(error)
            if !failure.recorded {
                // Refused before the run: the record goes where the definition (or the flags) would put it.
                failure.problems = attempt.record(
                    failure, plan: plan, report: nil,
                    auditLog: plan?.auditLog
                        ?? PipelinePlan.auditLogPath(definition ?? PipelineDefinition(), overrides: overrides),
                    outputDirectory: plan?.outputDirectory
                        ?? PipelinePlan.outputDirectoryPath(definition ?? PipelineDefinition(), overrides: overrides))
            }
            for problem in failure.problems { printError(problem) }
            printError(failure.message)
            throw ExitCode(failure.exitStatus)
        }
        if let report, let plan, !quiet {
            let reasons = report.rejectedByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            let outputs =
                dryRun
                ? "dry run: nothing was published in \(plan.outputDirectory)"
                : "outputs in \(plan.outputDirectory)"
            printError(
                "\(report.rowsIn) rows: \(report.clean) clean, \(report.rejected) rejected"
                    + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
                    + " in \(String(format: "%.2f", report.timings.totalSeconds)) s; \(outputs)"
                    + "\naudit log: \(plan.auditLog)\(auditLogNote(definition))"
                    + report.warnings.map { "\nwarning: \($0)" }.joined()
            )
        }
    }

    /// Why the audit log is where it is, when `--out` chose it: it sits beside the output folder
    /// unless `output.audit_log` names it, so `--out` elsewhere starts another log there.
    private func auditLogNote(_ definition: PipelineDefinition?) -> String {
        guard outputDirectory != nil, definition?.auditLog == nil else { return "" }
        return " (beside the --out folder; set output.audit_log to keep every run in one log)"
    }
}

extension RunCommand.ProgressMode {
    var isOn: Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto: return isatty(2) != 0
        }
    }
}
