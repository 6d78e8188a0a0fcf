import CallingWindows
import Foundation
import Logging
import ScrubIO

/// Runs a resolved pipeline: one visible loop over the input records, each decided once and
/// written to exactly one of the clean and rejects outputs.
///
/// Outputs are written under temporary names and published only when the whole run succeeded and
/// the counts balance (rows in = clean + rejected); a failed run publishes nothing and leaves
/// earlier outputs untouched.
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
        public var outputPaths: [String]
    }

    public func run() throws -> Result {
        let started = ContinuousClock.now
        let processCPUAtStart = CPUTime.process()
        try FileManager.default.createDirectory(
            atPath: plan.outputDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let lock = try DirectoryLock(directory: plan.outputDirectory)
        defer { lock.release() }
        OutputFile.removeLeftovers(in: plan.outputDirectory, names: Self.outputNames)
        logger.info(
            "run started",
            metadata: [
                "pipeline": "\(plan.name)", "inputs": "\(plan.inputs.count)",
                "registries": "\(plan.registries.map(\.info.name))",
                "suppression_lists": "\(plan.suppressionLists.count)", "campaign_date": "\(plan.campaignDate)",
                "threads": "\(threads)",
            ])

        let directory = URL(fileURLWithPath: plan.outputDirectory)
        let cleanFile = try OutputFile(path: directory.appendingPathComponent("clean.csv.gz").path)
        let rejectsFile = try OutputFile(path: directory.appendingPathComponent("rejects.csv.gz").path)
        let cleanHash = HashingSink(cleanFile)
        let rejectsHash = HashingSink(rejectsFile)
        let delimiter = plan.delimiter ?? UInt8(ascii: ",")
        var clean: CSVWriter?
        var rejects: CSVWriter?
        var cleanSink: ParallelGzipSink?
        var rejectsSink: ParallelGzipSink?

        var tally = RunTally(lists: plan.registries + plan.suppressionLists)
        var annotations = CleanAnnotations(delimiter: delimiter)
        var countries = FieldValueCache(uppercased: true)
        var states = FieldValueCache(uppercased: false)
        var postcodes = FieldValueCache(uppercased: false)
        var decider = RowDecider(
            normalizer: plan.normalizer, suppressionLists: plan.suppressionLists, registries: plan.registries,
            windows: plan.windows, rejectWithoutWindow: plan.rejectWithoutWindow)
        decider.compliance = plan.compliance
        let consent = plan.compliance.consent
        var exempted: [Exemption: Int] = [:]
        logComplianceWarnings()
        let hourStart = Int64(plan.campaignDate.dayNumber) * 86_400 - 14 * 3_600
        var stageClock = StageClock()
        var inflateCPU = Duration.zero
        var inputFacts: [RunReport.FileFacts] = []
        let totalBytes = plan.inputs.reduce(Int64(0)) { sum, path in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0)
        }
        var bytesBefore: Int64 = 0

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
                    tally.reject(.malformedRow, list: nil, number: nil)
                    continue
                }
                let country =
                    columns.country.map { record.withField($0) { countries.value($0) } }?.text
                    ?? plan.defaultCountry
                let state = columns.state.map { record.withField($0) { states.value($0) } }
                // A postcode places only an Australian lead (its states, for the windows); other countries'
                // postcodes are not read, so millions of distinct ones do not fill the cache.
                let postcode =
                    country == "AU" ? columns.postcode.map { record.withField($0) { postcodes.value($0) } } : nil
                let location = LeadLocation(
                    state: state?.text, postcode: postcode?.text,
                    key: Self.locationKey(state: state?.id, postcode: postcode?.id))
                let decision = record.withField(columns.phone) {
                    decider.decide(
                        phone: $0, country: country, location: location, line: record.line,
                        evidence: { consent?.evidence(of: record) ?? LeadEvidence() })
                }
                stageClock.end(.decide)
                switch decision {
                case .clean(let number, let window):
                    cleanWriter.appendFields(of: record, inputDelimiter: inputDelimiter)
                    Self.withE164Text(number.e164) { cleanWriter.appendField($0) }
                    let entry = annotations.count(number.profile, window)
                    annotations.write(entry, to: cleanWriter)
                    if plan.writesExemptionColumn {
                        cleanWriter.appendField(decider.exemption?.rawValue ?? "")
                        if let exemption = decider.exemption { exempted[exemption, default: 0] += 1 }
                    }
                    try cleanWriter.endRecord()
                    tally.cleanRows += 1
                case .reject(let reason, let detail, let number):
                    rejectsWriter.appendFields(of: record, inputDelimiter: inputDelimiter)
                    rejectsWriter.appendField(reason.rawValue)
                    rejectsWriter.appendField(detail)
                    rejectsWriter.appendField(inputName)
                    rejectsWriter.appendField(String(record.line))
                    rejectsWriter.appendField("")
                    try rejectsWriter.endRecord()
                    tally.reject(
                        reason, list: reason == .suppressed || reason == .dncRegistry ? detail : nil, number: number)
                }
                stageClock.end(.write)
                if tally.rowsIn % 65_536 == 0 { progress?(bytesBefore + bytes.fileBytesRead, totalBytes, tally.rowsIn) }
            }
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
        let total = ContinuousClock.now - started
        var report = makeReport(
            tally: tally, summary: tally.summary(clean: annotations.entries, hourStart: hourStart), inputs: inputFacts,
            outputs: [
                .init(path: cleanFile.path, bytes: cleanHash.bytes, sha256: cleanHash.digest ?? ""),
                .init(path: rejectsFile.path, bytes: rejectsHash.bytes, sha256: rejectsHash.digest ?? ""),
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
            hourStart: hourStart)
        addCompliance(to: &report, exempted: exempted, rejectedByCap: decider.compliance.rejectedByCap)

        let reportFile = try OutputFile(path: directory.appendingPathComponent("report.json").path)
        try reportFile.write(try report.jsonBytes())
        let htmlFile = try OutputFile(path: directory.appendingPathComponent("report.html").path)
        try htmlFile.write(Array(HTMLReport(report: report).render().utf8))
        // Publish only now: every output is complete and the counts balance.
        for file in [cleanFile, rejectsFile, reportFile, htmlFile] { try file.commit() }
        logger.info(
            "run finished",
            metadata: [
                "rows_in": "\(report.rowsIn)", "clean": "\(report.clean)", "rejected": "\(report.rejected)",
                "seconds": "\(report.timings.totalSeconds)",
            ])
        return Result(report: report, outputPaths: [cleanFile.path, rejectsFile.path, reportFile.path, htmlFile.path])
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
        hourStart: Int64
    ) -> RunReport {
        var warnings: [String] = []
        let lists = (plan.registries + plan.suppressionLists).map { list -> RunReport.ListFacts in
            let info = list.info
            let age = info.snapshotDate.flatMap(LocalDate.init).map { plan.campaignDate.dayNumber - $0.dayNumber }
            let stale = age.map { a in info.maxAgeDays.map { a > $0 } ?? false } ?? false
            if stale { warnings.append("\(info.name) is stale (\(age!) days old) and was used with --allow-stale") }
            return .init(
                name: info.name, kind: info.kind.rawValue, regions: info.regions, snapshotDate: info.snapshotDate,
                ageDays: age, maxAgeDays: info.maxAgeDays, stale: stale, entries: info.entries, path: info.path,
                sha256: info.sha256, rejected: tally.byList[info.detail] ?? 0)
        }
        if plan.registries.isEmpty { warnings.append("no Do-Not-Call registry was checked") }
        if let malformed = tally.rejectedByReason[.malformedRow], malformed > 0 {
            warnings.append("\(malformed) malformed row(s): see rejects.csv.gz")
        }
        let hourText = Date(timeIntervalSince1970: TimeInterval(hourStart)).ISO8601Format()
        return RunReport(
            pipeline: plan.name, campaignDate: plan.campaignDate.description, purpose: plan.purpose,
            rulesVersion: plan.windows?.rulesVersion, allowStale: plan.allowStale, rowsIn: tally.rowsIn,
            clean: tally.cleanRows, rejected: tally.rejectedRows, rejectedByReason: summary.rejectedByReason,
            rejectedByList: tally.byList, rowsByRegion: summary.rowsByRegion, cleanByRegion: summary.cleanByRegion,
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
