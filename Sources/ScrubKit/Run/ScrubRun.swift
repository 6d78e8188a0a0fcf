import CallingWindows
import Foundation
import Logging
import ScrubIO

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
    public static let rejectColumns = ["reject_reason", "reject_detail", "input_file", "line", "raw_record"]
    /// The files a run publishes in its output folder.
    public static let outputNames = ["clean.csv.gz", "rejects.csv.gz", "report.json", "report.html"]

    public let plan: PipelinePlan
    /// Compression threads. Outputs are byte-identical whatever the count.
    public let threads: Int
    /// Uncompressed bytes per gzip member of the outputs (tests make it small to cross many blocks).
    public var gzipBlockSize = 1 << 20
    /// Called now and then with (compressed bytes read, total compressed bytes, rows so far).
    public var progress: ((Int64, Int64, Int) -> Void)?
    /// Run events at info level: counts, files and lists only, never a number or a name.
    public var logger = Logger(label: "scrub.run")

    /// - Parameter threads: compression threads; inflating runs on a thread of its own besides.
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
    /// - Parameters:
    ///   - runID: names the set and the status file's attempt.
    ///   - started: when the attempt started, for the status file.
    ///   - beforePublishing: called with the complete, sealed set before the switch (the audit record is
    ///     appended here); if it throws, nothing is published and the error is rethrown.
    public func run(
        runID: String = UUID().uuidString.lowercased(), started: Date = Date(),
        beforePublishing: (Result) throws -> Void = { _ in }
    ) throws -> Result {
        let clockStarted = ContinuousClock.now
        let processCPUAtStart = CPUTime.process()
        let folder = OutputFolder(path: plan.outputDirectory)
        let lock = try folder.lock()
        defer { lock.release() }
        folder.sweep()
        let setID = OutputFolder.setID(at: started, runID: runID)
        var published = false
        // A set is discarded unless published; one the folder still links to (a failed revert) stays.
        defer { if !published && folder.publishedSet() != setID { folder.discard(setID) } }
        let staging = try folder.stage(setID)
        logger.info(
            "run started",
            metadata: [
                "pipeline": "\(plan.name)", "inputs": "\(plan.inputs.count)",
                "registries": "\(plan.registries.map(\.info.name))",
                "suppression_lists": "\(plan.suppressionLists.count)", "campaign_date": "\(plan.campaignDate)",
                "threads": "\(threads)",
            ])

        let directory = URL(fileURLWithPath: staging)
        let stablePaths = Self.outputNames.map { folder.path + "/" + $0 }
        let cleanFile = try OutputFile(path: directory.appendingPathComponent("clean.csv.gz").path)
        let rejectsFile = try OutputFile(path: directory.appendingPathComponent("rejects.csv.gz").path)
        let cleanHash = HashingSink(cleanFile)
        let rejectsHash = HashingSink(rejectsFile)
        let delimiter = plan.delimiter ?? UInt8(ascii: ",")
        var clean: CSVWriter?
        var rejects: CSVWriter?
        var cleanSink: ParallelGzipSink?
        var rejectsSink: ParallelGzipSink?

        var tally = RunTally(lists: plan.registries.count + plan.suppressionLists.count)
        var annotations = CleanAnnotations(delimiter: delimiter)
        var places = PlaceFields(columns: plan.columns, defaultCountry: plan.defaultCountry)
        let decider = plan.makeDecider()
        let duplicates = DuplicateRule()
        let consent = plan.compliance.consent
        logComplianceWarnings()
        let hourStart = Int64(plan.campaignDate.dayNumber) * 86_400 - 14 * 3_600
        var stageClock = StageClock()
        var inflateCPU = Duration.zero
        var inputFacts: [RunReport.FileFacts] = []
        let totalBytes = plan.inputs.reduce(Int64(0)) { sum, path in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0)
        }
        var bytesBefore: Int64 = 0
        var readWarnings: [String] = []

        for input in plan.inputs {
            // Standard input cannot be read twice: it is hashed as it is read, not on a thread of its own.
            let stdin = input == "-" ? HashingSource(try ByteReader(path: "-", decompress: false)) : nil
            let digest = stdin == nil ? BackgroundDigest(path: input) : nil
            let bytes = PrefetchingByteSource(try stdin.map { try ByteReader(source: $0) } ?? ByteReader(path: input))
            let reader = try CSVReader(source: bytes, options: .init(delimiter: plan.delimiter))
            let inputName = URL(fileURLWithPath: input).lastPathComponent
            let columns =
                stdin == nil
                ? plan.columns
                : try plan.columns(
                    forHeader: reader.header.fields.map { String(decoding: $0, as: UTF8.self) }, of: input)
            if clean == nil {
                let header = reader.header.fields
                cleanSink = ParallelGzipSink(
                    writingTo: cleanHash, level: plan.compressionLevel, threads: threads, blockSize: gzipBlockSize)
                rejectsSink = ParallelGzipSink(
                    writingTo: rejectsHash, level: plan.compressionLevel, threads: threads, blockSize: gzipBlockSize)
                clean = CSVWriter(sink: cleanSink!, delimiter: delimiter)
                rejects = CSVWriter(sink: rejectsSink!, delimiter: delimiter)
                try clean!.write(fields: header + cleanColumns.map { Array($0.utf8) })
                try rejects!.write(fields: header + Self.rejectColumns.map { Array($0.utf8) })
            }
            let cleanWriter = clean!
            let rejectsWriter = rejects!
            let width = reader.header.count
            let inputDelimiter = reader.dialect.delimiter
            var record = CSVRecord()
            while true {
                stageClock.beginRow()
                let outcome = try reader.next(into: &record)
                stageClock.end(.parse)
                if outcome == .endOfInput { break }
                tally.rowsIn += 1
                if case .malformed(let bad) = outcome {
                    for _ in 0..<width { rejectsWriter.appendField(UnsafeRawBufferPointer(start: nil, count: 0)) }
                    rejectsWriter.appendField(RejectReason.malformedRow.rawValue)
                    rejectsWriter.appendField(bad.description)
                    rejectsWriter.appendField(inputName)
                    rejectsWriter.appendField(String(bad.line))
                    bad.raw.withUnsafeBytes { rejectsWriter.appendField($0) }
                    try rejectsWriter.endRecord()
                    tally.reject(.malformedRow, number: nil)
                    continue
                }
                let place = places.read(record)
                let pending = record.withField(columns.phone) {
                    decider.decide(
                        RowFacts(
                            phone: $0, country: place.country, unknownCountry: place.unknownCountry,
                            location: place.location),
                        evidence: { consent?.evidence(of: record) ?? LeadEvidence() })
                }
                let decision = duplicates.finish(pending, line: record.line)
                stageClock.end(.decide)
                tally.count(decision)
                switch decision.outcome {
                case .clean:
                    guard let number = decision.number else { preconditionFailure("a clean decision has its number") }
                    cleanWriter.appendFields(of: record, inputDelimiter: inputDelimiter)
                    Self.withE164Text(number.e164) { cleanWriter.appendField($0) }
                    let entry = annotations.count(number.profile, decision.window)
                    annotations.write(entry, to: cleanWriter)
                    if plan.writesExemptionColumn { cleanWriter.appendField(decision.exemption?.rawValue ?? "") }
                    try cleanWriter.endRecord()
                case .reject(let reason, let detail):
                    rejectsWriter.appendFields(of: record, inputDelimiter: inputDelimiter)
                    rejectsWriter.appendField(reason.rawValue)
                    rejectsWriter.appendField(detail)
                    rejectsWriter.appendField(inputName)
                    rejectsWriter.appendField(String(record.line))
                    rejectsWriter.appendField("")
                    try rejectsWriter.endRecord()
                }
                stageClock.end(.write)
                if tally.rowsIn % 65_536 == 0 { progress?(bytesBefore + bytes.fileBytesRead, totalBytes, tally.rowsIn) }
            }
            readWarnings += reader.runWarnings(inputName: inputName)
            bytesBefore += bytes.fileBytesRead
            inflateCPU += bytes.backgroundCPUTime
            progress?(bytesBefore, totalBytes, tally.rowsIn)
            logger.info("input read", metadata: ["input": "\(inputName)", "rows_so_far": "\(tally.rowsIn)"])
            inputFacts.append(
                .init(
                    path: input, bytes: bytes.finishedReader?.fileBytesRead ?? bytes.fileBytesRead,
                    sha256: try digest?.wait() ?? stdin?.digest ?? ""))
        }
        let loopCPU = stageClock.split()
        try clean?.finish()
        try rejects?.finish()
        guard tally.rowsIn == tally.cleanRows + tally.rejectedRows,
            clean?.recordCount == tally.cleanRows + 1, rejects?.recordCount == tally.rejectedRows + 1
        else {
            throw PipelineError(
                .internalError,
                "rows do not balance: \(tally.rowsIn) in, \(tally.cleanRows) clean, \(tally.rejectedRows) rejected; "
                    + "nothing was published")
        }
        let total = ContinuousClock.now - clockStarted
        var report = makeReport(
            tally: tally, summary: tally.summary(clean: annotations.entries, hourStart: hourStart), inputs: inputFacts,
            outputs: [
                .init(path: stablePaths[0], bytes: cleanHash.bytes, sha256: cleanHash.digest ?? ""),
                .init(path: stablePaths[1], bytes: rejectsHash.bytes, sha256: rejectsHash.digest ?? ""),
            ],
            timings: .init(
                totalSeconds: total.seconds,
                rowsPerSecond: total.seconds > 0 ? Double(tally.rowsIn) / total.seconds : 0,
                cpuSeconds: RunReport.Timings.cpuStages(
                    inflate: inflateCPU.seconds, parse: loopCPU[.parse] ?? 0, decide: loopCPU[.decide] ?? 0,
                    write: loopCPU[.write] ?? 0,
                    compress: (cleanSink?.compressionCPUTime ?? .zero).seconds
                        + (rejectsSink?.compressionCPUTime ?? .zero).seconds,
                    process: (CPUTime.process() - processCPUAtStart).seconds)),
            hourStart: hourStart, readWarnings: readWarnings)
        addCompliance(to: &report, exempted: tally.exempted, rejectedByCap: tally.rejectedByCapName)
        report.outputSet = setID
        report.warnings += places.unmapped.warnings

        let reportFile = try OutputFile(path: directory.appendingPathComponent("report.json").path)
        try reportFile.write(try report.jsonBytes())
        let htmlFile = try OutputFile(path: directory.appendingPathComponent("report.html").path)
        try htmlFile.write(Array(HTMLReport(report: report).render().utf8))
        // Publish only now: every output is complete and the counts balance.
        for file in [cleanFile, rejectsFile, reportFile, htmlFile] { try file.commit() }
        try folder.seal(setID)
        let result = Result(report: report, outputPaths: stablePaths, setID: setID, setPath: folder.setPath(setID))
        try beforePublishing(result)
        let previous = try folder.publish(setID)
        let status = RunStatus(
            lastAttempt: .init(runID: runID, startedAt: started, endedAt: Date(), exitStatus: 0, errorKind: nil),
            publishedSet: setID, publishedBy: runID, publishedAt: Date())
        do throws(ScrubIOError) {
            try status.write(to: folder)
        } catch {
            // A status file naming the old set beside a new set would mislead a dialer: unpublish.
            let reverted = folder.revert(to: previous)
            throw ScrubIOError(
                error.kind, path: error.path,
                message: error.message
                    + (reverted
                        ? "; the status file was not written, so the set was unpublished"
                        : "; the status file was not written and the previous set could not be restored"))
        }
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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var start = buffer.count
            var value = e164
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            start -= 1
            buffer[start] = UInt8(ascii: "+")
            return body(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[start...])))
        }
    }

    private func makeReport(
        tally: RunTally, summary: RunTally.Summary, inputs: [RunReport.FileFacts], outputs: [RunReport.FileFacts],
        timings: RunReport.Timings,
        hourStart: Int64, readWarnings: [String]
    ) -> RunReport {
        var warnings: [String] = []
        let lists = (plan.registries + plan.suppressionLists).enumerated().map {
            position, list -> RunReport.ListFacts in
            let info = list.info
            let age = info.snapshotDate.flatMap(LocalDate.init).map { plan.campaignDate.dayNumber - $0.dayNumber }
            // Only a registry goes stale with age (docs/opt-outs.md, "Freshness"); an internal list is as
            // fresh as the requests it holds, which the opt-out journal check reports.
            let maxAge = info.kind == .registry ? info.maxAgeDays : nil
            let stale = age.map { a in maxAge.map { a > $0 } ?? false } ?? false
            if stale, let age {
                let override = plan.staleRegistries.contains { $0.name == info.name } && plan.allowStale
                warnings.append(
                    "\(info.name) is stale (\(age) days old)" + (override ? " and was used with --allow-stale" : ""))
            }
            return .init(
                name: info.name, kind: info.kind.rawValue, regions: info.regions, covers: info.coverage,
                snapshotDate: info.snapshotDate, ageDays: age, maxAgeDays: maxAge, stale: stale, entries: info.entries,
                path: info.path,
                sha256: info.sha256, rejected: tally.rejectedByList[position])
        }
        if plan.registries.isEmpty { warnings.append("no Do-Not-Call registry was checked") }
        warnings += RegistryCoverage(registries: plan.registries.map(\.info)).gapWarnings(
            cleanByRegion: summary.cleanByRegion)
        if let malformed = tally.rejectedByReason[.malformedRow], malformed > 0 {
            warnings.append("\(malformed) malformed row(s): see rejects.csv.gz")
        }
        // How the inputs were read: quotes that never close, rows past the size limit.
        for warning in readWarnings { logger.warning("\(warning)") }
        warnings += readWarnings
        let hourText = Date(timeIntervalSince1970: TimeInterval(hourStart)).ISO8601Format()
        return RunReport(
            pipeline: plan.name, campaignDate: plan.campaignDate.description, purpose: plan.purpose,
            rulesVersion: plan.windows?.rulesVersion, allowStale: plan.allowStale, rowsIn: tally.rowsIn,
            clean: tally.cleanRows, rejected: tally.rejectedRows, rejectedByReason: summary.rejectedByReason,
            rejectedByList: tally.rejectedByList(plan.registries + plan.suppressionLists),
            rowsByRegion: summary.rowsByRegion, cleanByRegion: summary.cleanByRegion,
            cleanByLineType: summary.cleanByLineType, ambiguousTimeZones: summary.ambiguous,
            callableByUTCHour: summary.hours, callableHoursStart: hourText, inputs: inputs, lists: lists,
            outputs: outputs, warnings: warnings, timings: timings)
    }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}

extension RunReport {
    /// The report as pretty, key-sorted JSON.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return Array(try encoder.encode(self)) + [0x0A]
    }
}
