import CallingWindows
import Foundation
import Logging
import ScrubIO
import ScrubPipeline
import ScrubRules

/// Runs a resolved pipeline: one visible loop over the input records, each decided once and
/// written to exactly one of the clean and rejects outputs.
///
/// Outputs are written as one set in a staging folder (``OutputFolder``) and published only when the
/// whole run succeeded, the counts balance (rows in = clean + rejected) and the caller's
/// `beforePublishing` (the audit record) succeeded, by switching the output folder's link in one
/// atomic step. A failed run publishes nothing and leaves the published set untouched.
public final class ScrubRun {
    public static let cleanColumns = [
        "e164", "region", "line_type", "timezones", "call_windows_utc", "call_rules", "tz_ambiguous",
    ]
    /// The clean rows' windows in local time (``LocalWindowText``), after every other annotation column.
    public static let localWindowsColumn = "call_windows_local"
    public static let rejectColumns = RejectColumns.names
    /// The files a run publishes in its output folder with the default outputs (`csv.gz`).
    public static let outputNames = outputNames(for: OutputSettings())

    /// The files a run publishes in its output folder: the clean and rejects outputs, named by
    /// their format, the reports, and each lead's outcome for the next run (``LeadOutcomes``).
    public static func outputNames(for settings: OutputSettings) -> [String] {
        [settings.fileNames.clean, settings.fileNames.rejects, "report.json", "report.html", LeadOutcomes.fileName]
    }

    /// The plan; for standard input read alone, placed against its header once the run read it.
    public internal(set) var plan: PipelinePlan
    /// Threads doing CPU work: parsing, deciding and compressing, on one shared pool (inflating runs
    /// on a thread of its own besides; the thread that takes chunks in input order mostly waits).
    /// With 1, all of that work runs on the calling thread. Outputs are byte-identical whatever the count.
    public let threads: Int
    /// Uncompressed bytes per gzip member of the outputs (tests make it small to cross many blocks).
    public var gzipBlockSize = 1 << 20
    /// Input bytes per chunk handed to a worker (tests make it small so that a small input crosses
    /// many chunks, and quoted line breaks fall across their cuts).
    public var chunkSize = 1 << 20
    /// Rows per sheet of `xlsx` outputs, the header included: Excel's limit (tests make it small to
    /// cross sheets without a million rows).
    package var rowsPerSheet = XLSXSink.maxRowsPerSheet
    /// Called now and then with (compressed bytes read, total compressed bytes, rows so far).
    public var progress: ((Int64, Int64, Int) -> Void)?
    /// Run events at info level: counts, files and lists only, never a number or a name.
    public var logger = Logger(label: "scrub.run")

    /// - Parameter threads: threads doing CPU work (parsing, deciding, compressing); inflating runs
    ///   on a thread of its own besides.
    public init(plan: PipelinePlan, threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.plan = plan
        self.threads = max(1, threads)
    }

    /// The published outputs and the report of a successful run.
    public struct Result {
        public var report: RunReport
        /// The outputs at their stable paths, `OUT/NAME`.
        public var outputPaths: [String]
        /// The published set: its id and its folder, `OUT.sets/ID`.
        public var setID: String
        public var setPath: String
    }

    /// Runs the pipeline and publishes its outputs as one set.
    ///
    /// Every input is read in chunks by workers that parse, decide and encode them (``RowWorker``);
    /// this thread takes the chunks in input order (``Sequencer``): duplicates, counts, and the rows
    /// appended to the outputs, which are compressed on the same workers.
    ///
    /// - Parameters:
    ///   - runID: names the set and the status file's attempt.
    ///   - started: when the attempt started, for the status file.
    ///   - beforePublishing: called with the complete, sealed set before the switch (the audit record is
    ///     appended here); if it throws, nothing is published and the error is rethrown.
    ///   - dryRun: read and decide everything, report, and publish nothing: the outputs are written
    ///     to a folder in the system's temporary folder and removed; the output folder is not locked,
    ///     swept or touched. `beforePublishing` still runs (with an empty `setID`), so the audit log
    ///     records the dry run.
    public func run(
        runID: String = UUID().uuidString.lowercased(), started: Date = Date(), dryRun: Bool = false,
        beforePublishing: (Result) throws -> Void = { _ in }
    ) throws -> Result {
        let clockStarted = ContinuousClock.now
        let processCPUAtStart = CPUTime.process()
        let folder = OutputFolder(path: plan.outputDirectory)
        let lock = try dryRun ? nil : folder.lock()
        defer { lock?.release() }
        if !dryRun { folder.sweep() }
        let setID = OutputFolder.setID(at: started, runID: runID)
        var published = false
        let staging: URL
        if dryRun {
            staging = try Self.dryRunFolder(runID: runID)
        } else {
            staging = URL(fileURLWithPath: try folder.stage(setID))
        }
        defer {
            if dryRun {
                try? FileManager.default.removeItem(at: staging)
            } else if !published && folder.publishedSet() != setID {
                // A set is discarded unless published; one the folder still links to (a failed revert) stays.
                folder.discard(setID)
            }
        }
        logStart()
        logComplianceWarnings()

        // Set-up: one pool for every stage, the outputs, the workers, the sequencer.
        let pool = WorkerPool(threads: threads)
        let delimiter = plan.outputDelimiter
        let outputs = try RunOutputs(
            directory: staging, settings: plan.output, delimiter: delimiter, level: plan.compressionLevel, pool: pool,
            blockSize: gzipBlockSize, rowsPerSheet: rowsPerSheet)
        // Standard input read alone gets its workers once its header has placed the plan.
        let workers =
            plan.readsStandardInputAlone ? nil : RowWorkers(count: threads + 1, plan: plan, delimiter: delimiter)
        var sequencer = Sequencer(plan: plan, delimiter: delimiter)
        var reading = InputsRead(totalBytes: Self.totalBytes(of: plan.inputs))

        // The inputs, one after the other, each on every core.
        for input in plan.inputs {
            try scrub(input, pool: pool, workers: workers, sequencer: &sequencer, outputs: outputs, reading: &reading)
        }

        // Finishing: complete the outputs, check that every row landed exactly once, report.
        try outputs.finish()
        let tally = sequencer.tally
        guard tally.rowsIn == tally.cleanRows + tally.rejectedRows,
            outputs.clean.recordCount == tally.cleanRows + 1, outputs.rejects.recordCount == tally.rejectedRows + 1
        else {
            throw PipelineError(
                .internalError,
                "rows do not balance: \(tally.rowsIn) in, \(tally.cleanRows) clean, \(tally.rejectedRows) rejected; "
                    + "nothing was published")
        }
        let stablePaths = Self.outputNames(for: plan.output).map { folder.path + "/" + $0 }
        let leads = LeadOutcomes.finished(sequencer.takeLeadOutcomes())
        var report = finalReport(
            of: &sequencer, leads: leads, reading: reading, outputs: outputs, folder: folder, stablePaths: stablePaths,
            elapsed: ContinuousClock.now - clockStarted, processCPU: CPUTime.process() - processCPUAtStart)
        report.outputSet = dryRun ? nil : setID

        if dryRun {
            report.dryRun = true
            report.outputs = []
            let result = Result(report: report, outputPaths: [], setID: "", setPath: "")
            try beforePublishing(result)
            logger.info("dry run finished: nothing was published", metadata: ["rows_in": "\(report.rowsIn)"])
            return result
        }
        // Publishing: the whole set, or nothing.
        let result = try publish(
            report, leads: leads, outputs: outputs, staging: staging, folder: folder, setID: setID,
            stablePaths: stablePaths,
            runID: runID, started: started, beforePublishing: beforePublishing)
        published = true
        folder.prune()
        logger.info(
            "run finished",
            metadata: [
                "rows_in": "\(report.rowsIn)", "clean": "\(report.clean)", "rejected": "\(report.rejected)",
                "seconds": "\(report.timings.totalSeconds)",
            ])
        return result
    }

    /// A fresh folder for a dry run's outputs, in the system's temporary folder.
    static func dryRunFolder(runID: String) throws(PipelineError) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-dry-run-\(runID)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw PipelineError(.cannotCreateOutput, "cannot create the dry run's folder: \(error)", at: url.path)
        }
        return url
    }

    /// Interned (state, postcode) ids as one 40-bit key; nil when a field was not interned (too long,
    /// or past the millionth distinct value).
    static func locationKey(state: UInt32?, postcode: UInt32?) -> UInt64? {
        let state = state ?? 0xF_FFFF
        let postcode = postcode ?? 0xF_FFFF
        guard state != 0, postcode != 0, state <= 0xF_FFFF, postcode <= 0xF_FFFF else { return nil }
        return UInt64(state) | UInt64(postcode) << 20
    }

    /// Calls `body` with `+` and the digits of `e164`, formatted without allocating.
    static func withE164Text<R>(_ e164: UInt64, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        DecimalText.with(e164, prefix: UInt8(ascii: "+"), body)
    }
}
