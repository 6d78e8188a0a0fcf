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

    public let plan: PipelinePlan
    /// Compression threads. Outputs are byte-identical whatever the count.
    public let threads: Int
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
        try FileManager.default.createDirectory(
            atPath: plan.outputDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let lock = try DirectoryLock(directory: plan.outputDirectory)
        defer { lock.release() }
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

        var tally = Tally(lists: plan.registries + plan.suppressionLists)
        var countries = FieldValueCache(uppercased: true)
        var states = FieldValueCache(uppercased: false)
        var postcodes = FieldValueCache(uppercased: false)
        var decider = RowDecider(
            normalizer: plan.normalizer, suppressionLists: plan.suppressionLists, registries: plan.registries,
            windows: plan.windows, rejectWithoutWindow: plan.rejectWithoutWindow)
        let hourStart = Int64(plan.campaignDate.dayNumber) * 86_400 - 14 * 3_600
        var readTime = Duration.zero
        var decideTime = Duration.zero
        var writeTime = Duration.zero
        var inputFacts: [RunReport.FileFacts] = []
        let totalBytes = plan.inputs.reduce(Int64(0)) { sum, path in
            sum + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0)
        }
        var bytesBefore: Int64 = 0

        for input in plan.inputs {
            let bytes = PrefetchingByteSource(try ByteReader(path: input))
            let reader = try CSVReader(source: bytes, options: .init(delimiter: plan.delimiter))
            let inputName = URL(fileURLWithPath: input).lastPathComponent
            let columns = plan.columns
            if clean == nil {
                let header = reader.header.fields
                clean = CSVWriter(
                    sink: GzipSink(writingTo: cleanHash, level: plan.compressionLevel), delimiter: delimiter)
                rejects = CSVWriter(
                    sink: GzipSink(writingTo: rejectsHash, level: plan.compressionLevel), delimiter: delimiter)
                try clean!.write(fields: header + Self.cleanColumns.map { Array($0.utf8) })
                try rejects!.write(fields: header + Self.rejectColumns.map { Array($0.utf8) })
            }
            let cleanWriter = clean!
            let rejectsWriter = rejects!
            let width = reader.header.count
            var record = CSVRecord()
            var clock = ContinuousClock.now
            while true {
                let outcome = try reader.next(into: &record)
                var now = ContinuousClock.now
                readTime += now - clock
                clock = now
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
                    tally.reject(.malformedRow, list: nil, region: nil)
                    continue
                }
                let country =
                    columns.country.flatMap { record.withField($0) { countries.value($0) } } ?? plan.defaultCountry
                let state = columns.state.flatMap { record.withField($0) { states.value($0) } }
                let postcode = columns.postcode.flatMap { record.withField($0) { postcodes.value($0) } }
                let decision = record.withField(columns.phone) {
                    decider.decide(phone: $0, country: country, state: state, postcode: postcode, line: record.line)
                }
                now = ContinuousClock.now
                decideTime += now - clock
                clock = now
                switch decision {
                case .clean(let number, let window):
                    writeFields(of: record, to: cleanWriter)
                    cleanWriter.appendField(number.e164Text)
                    cleanWriter.appendField(number.region)
                    cleanWriter.appendField(number.lineType)
                    cleanWriter.appendField(window?.timeZones ?? number.timeZones.joined(separator: "|"))
                    cleanWriter.appendField(window?.windowsUTC ?? "")
                    cleanWriter.appendField(window?.rules ?? "")
                    cleanWriter.appendField((window?.ambiguous ?? (number.timeZones.count > 1)) ? "true" : "false")
                    try cleanWriter.endRecord()
                    tally.clean(number, window: window, hourStart: hourStart)
                case .reject(let reason, let detail, let number):
                    writeFields(of: record, to: rejectsWriter)
                    rejectsWriter.appendField(reason.rawValue)
                    rejectsWriter.appendField(detail)
                    rejectsWriter.appendField(inputName)
                    rejectsWriter.appendField(String(record.line))
                    rejectsWriter.appendField("")
                    try rejectsWriter.endRecord()
                    tally.reject(
                        reason, list: reason == .suppressed || reason == .dncRegistry ? detail : nil,
                        region: number?.region)
                }
                now = ContinuousClock.now
                writeTime += now - clock
                clock = now
                if tally.rowsIn % 65_536 == 0 { progress?(bytesBefore + bytes.fileBytesRead, totalBytes, tally.rowsIn) }
            }
            bytesBefore += bytes.fileBytesRead
            progress?(bytesBefore, totalBytes, tally.rowsIn)
            logger.info("input read", metadata: ["input": "\(inputName)", "rows_so_far": "\(tally.rowsIn)"])
            inputFacts.append(
                .init(
                    path: input, bytes: bytes.finishedReader?.fileBytesRead ?? bytes.fileBytesRead,
                    sha256: input == "-" ? "" : try FileDigest.sha256(path: input)))
        }
        let finishStart = ContinuousClock.now
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
        let finishTime = ContinuousClock.now - finishStart
        let total = ContinuousClock.now - started
        let report = makeReport(
            tally: tally, inputs: inputFacts,
            outputs: [
                .init(path: cleanFile.path, bytes: cleanHash.bytes, sha256: cleanHash.digest ?? ""),
                .init(path: rejectsFile.path, bytes: rejectsHash.bytes, sha256: rejectsHash.digest ?? ""),
            ],
            timings: .init(
                stages: [
                    "read_parse": readTime.seconds, "decide": decideTime.seconds, "write": writeTime.seconds,
                    "finish": finishTime.seconds,
                ], totalSeconds: total.seconds,
                rowsPerSecond: total.seconds > 0 ? Double(tally.rowsIn) / total.seconds : 0),
            hourStart: hourStart)

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

    private func writeFields(of record: CSVRecord, to writer: CSVWriter) {
        for index in 0..<record.count { record.withField(index) { writer.appendField($0) } }
    }

    private func makeReport(
        tally: Tally, inputs: [RunReport.FileFacts], outputs: [RunReport.FileFacts], timings: RunReport.Timings,
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
        if tally.rejectedByReason[RejectReason.malformedRow.rawValue, default: 0] > 0 {
            warnings.append(
                "\(tally.rejectedByReason[RejectReason.malformedRow.rawValue]!) malformed row(s): see rejects.csv.gz")
        }
        let hourText = Date(timeIntervalSince1970: TimeInterval(hourStart)).ISO8601Format()
        return RunReport(
            pipeline: plan.name, campaignDate: plan.campaignDate.description, purpose: plan.purpose,
            rulesVersion: plan.windows?.rulesVersion, allowStale: plan.allowStale, rowsIn: tally.rowsIn,
            clean: tally.cleanRows, rejected: tally.rejectedRows, rejectedByReason: tally.rejectedByReason,
            rejectedByList: tally.byList, rowsByRegion: tally.rowsByRegion, cleanByRegion: tally.cleanByRegion,
            cleanByLineType: tally.cleanByLineType, ambiguousTimeZones: tally.ambiguous,
            callableByUTCHour: tally.hours, callableHoursStart: hourText, inputs: inputs, lists: lists,
            outputs: outputs, warnings: warnings, timings: timings)
    }
}

/// Running counts for the report.
struct Tally {
    var rowsIn = 0
    var cleanRows = 0
    var rejectedRows = 0
    var rejectedByReason: [String: Int] = [:]
    var byList: [String: Int] = [:]
    var rowsByRegion: [String: Int] = [:]
    var cleanByRegion: [String: Int] = [:]
    var cleanByLineType: [String: Int] = [:]
    var ambiguous = 0
    var hours = [Int](repeating: 0, count: 48)

    init(lists: [NumberList]) {
        for list in lists { byList[list.info.detail] = 0 }
    }

    mutating func reject(_ reason: RejectReason, list: String?, region: String?) {
        rejectedRows += 1
        rejectedByReason[reason.rawValue, default: 0] += 1
        if let list { byList[list, default: 0] += 1 }
        rowsByRegion[region ?? "unknown", default: 0] += 1
    }

    mutating func clean(_ number: NumberFacts, window: WindowAnnotation?, hourStart: Int64) {
        cleanRows += 1
        rowsByRegion[number.region, default: 0] += 1
        cleanByRegion[number.region, default: 0] += 1
        cleanByLineType[number.lineType, default: 0] += 1
        if window?.ambiguous == true { ambiguous += 1 }
        for interval in window?.intervals ?? [] {
            let first = max(0, Int((interval.lowerBound - hourStart) / 3_600))
            let last = min(47, Int((interval.upperBound - 1 - hourStart) / 3_600))
            if first <= last { for hour in first...last { hours[hour] += 1 } }
        }
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
