import Foundation
import ScrubIO
import ScrubPipeline
import ScrubRecords
import ScrubRules

/// One attempt at a run, audited whatever happens: what a nightly job needs, whether the CLI or a
/// library caller starts it.
///
/// A successful run's audit record is appended after its output set is sealed and before it is
/// published, so a set is never published without its record; an attempt that fails, at any point,
/// appends a record carrying its exit status (also after a success record whose switch then failed)
/// and says so in the output folder's status file, and publishes nothing.
public struct RunAttempt: Sendable {
    public let runID: String
    public let started: Date
    /// Recorded as the attempt's command line.
    public var commandLine: [String]
    /// Who started it, by name (`--actor`, else the login name): the record's `operator`.
    public var actor: String
    /// Signs the attempt's audit records; nil writes them unsigned.
    public var signer: SigningKey?
    /// A dry run (`scrub run --dry-run`): nothing is published, the output folder and its status file
    /// are left alone, and every record of the attempt says `"dry_run": true`.
    public var dryRun = false

    public init(
        runID: String = UUID().uuidString.lowercased(), started: Date = Date(),
        commandLine: [String] = CommandLine.arguments, actor: String = ActingUser.loginName, signer: SigningKey? = nil
    ) {
        self.runID = runID
        self.started = started
        self.commandLine = commandLine
        self.actor = actor
        self.signer = signer
    }

    /// How an attempt ended when it did not succeed: its message, exit status and kind (for the
    /// status file).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var exitStatus: Int32
        public var kind: String
        /// Whether the attempt's failure record and status are already written.
        public var recorded = false
        /// What could not be recorded (the failure record, the status file), for the caller to say.
        public var problems: [String] = []

        public init(message: String, exitStatus: Int32, kind: String) {
            self.message = message
            self.exitStatus = exitStatus
            self.kind = kind
        }

        /// The failure an error means, with the exit status `ExitStatus` gives it.
        public init(_ error: any Error) {
            switch error {
            case let error as Failure: self = error
            case let error as PipelineError:
                self.init(message: error.description, exitStatus: ExitStatus.code(for: error), kind: "\(error.kind)")
            case let error as ScrubIOError:
                self.init(message: error.description, exitStatus: ExitStatus.code(for: error), kind: "\(error.kind)")
            case let error as RecordError:
                self.init(message: error.description, exitStatus: ExitStatus.code(for: error), kind: "\(error.kind)")
            default:
                self.init(message: "error: \(error)", exitStatus: ExitStatus.ioError, kind: "internal")
            }
        }

        public var description: String { message }
    }

    /// Runs `scrub` and publishes its set after appending the success record to the plan's audit log.
    ///
    /// - Throws: a ``Failure`` whose record and status are written (`recorded`); the error that ended
    ///   the run is its message.
    public func run(_ scrub: ScrubRun) throws(Failure) -> ScrubRun.Result {
        let plan = scrub.plan
        do {
            return try scrub.run(runID: runID, started: started, dryRun: dryRun) { result in
                try append(
                    plan: plan, result: result, report: result.report, exitStatus: 0, error: nil, to: plan.auditLog)
            }
        } catch {
            var failure = Failure(error)
            if failure.kind == "audit" { failure.message += "; nothing was published" }
            failure.problems = record(
                failure, plan: plan, report: nil, auditLog: plan.auditLog, outputDirectory: plan.outputDirectory)
            failure.recorded = true
            throw failure
        }
    }

    /// Records an attempt that failed: its audit record (when an audit log is known) and the output
    /// folder's status file (when the folder is known). Neither can throw: what could not be
    /// written is returned, for the caller to say.
    public func record(
        _ failure: Failure, plan: PipelinePlan?, report: RunReport?, auditLog: String?, outputDirectory: String?
    ) -> [String] {
        var problems: [String] = []
        do {
            try append(
                plan: plan, result: nil, report: report, exitStatus: failure.exitStatus, error: failure.message,
                to: auditLog)
        } catch {
            problems.append(error.message)
        }
        if let outputDirectory, !dryRun {
            let attempt = RunStatus.Attempt(
                runID: runID, startedAt: started, endedAt: Date(), exitStatus: failure.exitStatus,
                errorKind: failure.kind)
            do {
                _ = try RunStatus.recordFailure(attempt, outputDirectory: outputDirectory)
            } catch {
                problems.append("\(error.description) (the status file)")
            }
        }
        return problems
    }

    private func append(
        plan: PipelinePlan?, result: ScrubRun.Result?, report: RunReport?, exitStatus: Int32, error: String?,
        to path: String?
    ) throws(Failure) {
        guard let path else { return }
        var record = ScrubRun.auditRecord(
            plan: plan, report: result?.report ?? report, commandLine: commandLine, runID: runID, started: started,
            ended: Date(), exitStatus: exitStatus, error: error, actor: actor)
        if dryRun { record["dry_run"] = .bool(true) }
        if let result, !dryRun {
            record["output_set"] = .string(result.setID)
            record["output_set_path"] = .string(result.setPath)
        }
        do {
            try AuditLog(path: path, signer: signer).append(record)
        } catch {
            throw Failure(
                message: "\(path): error: cannot append the audit record: \(error)",
                exitStatus: ExitStatus.ioError, kind: "audit")
        }
    }
}
