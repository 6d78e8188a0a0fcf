import ScrubIO
import ScrubRecords

/// One worker's state for deciding and encoding rows: its own copies of everything that caches as
/// rows come (the decider's normaliser, windows and caps; the place fields; the clean annotations'
/// encodings) and two writers that encode into chunk-local buffers.
///
/// A worker is used by one thread at a time: ``RowWorkers`` checks it out for one chunk. What it
/// shares with other workers is read only: the lists and registries (memory-mapped or in memory,
/// never changed after setup), the consent policy and the computed calling windows
/// (`CallingWindowCache`, safe to share).
final class RowWorker: @unchecked Sendable {
    private let decider: RowDecider
    private let consent: ConsentPolicy?
    private let lists: Int
    private let writesExemptionColumn: Bool
    private let writesLocalWindows: Bool
    private var places: PlaceFields
    /// The columns `places` reads, and what it needs to read others (standard input's, once read).
    private var placeColumns: PipelinePlan.Columns
    private let defaultCountry: String
    private let placeValues: PlaceValues
    /// Date columns that do not read in their format, counted for the chunk at hand.
    private var dates: UnreadableDates?
    private var annotations: CleanAnnotations
    private var record = CSVRecord()
    private let cleanBytes = ChunkBytes()
    private let rejectBytes = ChunkBytes()
    private let clean: CSVWriter
    private let rejects: CSVWriter

    init(plan: PipelinePlan, delimiter: UInt8) {
        decider = plan.makeDeciderForAnotherThread()
        consent = plan.compliance.consent
        lists = plan.registries.count + plan.suppressionLists.count
        writesExemptionColumn = plan.writesExemptionColumn
        writesLocalWindows = plan.output.localWindows
        places = PlaceFields(columns: plan.columns, defaultCountry: plan.defaultCountry, values: plan.placeValues)
        placeColumns = plan.columns
        defaultCountry = plan.defaultCountry
        placeValues = plan.placeValues
        dates = plan.unreadableDates()
        annotations = CleanAnnotations(delimiter: delimiter)
        clean = CSVWriter(sink: cleanBytes, delimiter: delimiter)
        rejects = CSVWriter(sink: rejectBytes, delimiter: delimiter)
    }

    /// Decides every row of `chunk` but for duplicates, encodes it into the output it goes to, and
    /// counts it; the rows that reach duplicates are listed for the sequencer.
    ///
    /// Throws a `ScrubIOError` from a writer, or a `PipelineError` for a decision that breaks the
    /// rules' contract (a clean row without a number).
    func encode(_ chunk: ParsedChunk, of input: RowInput) throws -> EncodedChunk {
        var clock = StageClock()
        if input.columns != placeColumns {
            // Standard input read alone: its header placed the columns after the workers were made.
            places = PlaceFields(columns: input.columns, defaultCountry: defaultCountry, values: placeValues)
            placeColumns = input.columns
        }
        var out = EncodedChunk(
            tally: RunTally(lists: lists), unmapped: places.takeUnmapped(),
            groups: GroupCounts(columns: input.columns.groupBy))
        let cleanBase = clean.byteCount
        let rejectsBase = rejects.byteCount
        let cleanRecordsBase = clean.recordCount
        let rejectRecordsBase = rejects.recordCount
        for outcome in chunk.outcomes {
            clock.beginRow()
            out.tally.rowsIn += 1
            guard case .record(let index) = outcome else {
                if case .malformed(let bad, _) = outcome {
                    try Self.writeMalformed(bad, of: input, to: rejects)
                    out.tally.reject(.malformedRow, number: nil)
                    out.groups.countMalformed()
                }
                clock.end(.write)
                continue
            }
            chunk.record(index, into: &record)
            let place = places.read(record)
            // The dates tally reads every row's dates: the evidence is read once, for it and the rules.
            let evidence = dates != nil ? consent?.evidence(of: record) : nil
            dates?.count(record, evidence: evidence)
            let person = input.personColumn.flatMap { record.withField($0, PersonKey.subject) }
            let pending = record.withField(input.phoneColumn) { phone in
                decider.decide(
                    RowFacts(
                        phone: phone, country: place.country, unknownCountry: place.unknownCountry,
                        location: place.location, personKey: person),
                    evidence: { evidence ?? consent?.evidence(of: record) ?? LeadEvidence() })
            }
            clock.end(.decide)
            let decision = pending.decision
            out.tally.count(decision)
            out.groups.count(record, reason: decision.reason)
            let cleanOffset = clean.byteCount - cleanBase
            let rejectsOffset = rejects.byteCount - rejectsBase
            switch decision.outcome {
            case .clean:
                guard let number = decision.number else {
                    // Unreachable (only a number passes the number rule); an exit code, never a trap.
                    throw PipelineError(.internalError, "a clean row has no number; nothing was published")
                }
                clean.appendFields(of: record, inputDelimiter: input.delimiter)
                ScrubRun.withE164Text(number.e164) { clean.appendField($0) }
                annotations.write(number.profile, decision.window, to: clean)
                if writesExemptionColumn { clean.appendField(decision.exemption?.rawValue ?? "") }
                if writesLocalWindows { annotations.writeLocalWindows(to: clean) }
                try clean.endRecord()
            case .reject(let reason, let detail):
                try Self.writeRejected(
                    record, reason: reason, detail: detail, nextCallableAt: decision.nextCallableAt,
                    of: input, to: rejects)
            }
            if pending.reachesDuplicates, let number = decision.number {
                let counted: DuplicateCandidate.Counted
                if decision.isClean {
                    counted = .clean(
                        key: RunTally.cleanKey(number.profile, decision.window), exemption: decision.exemption)
                } else {
                    counted = .rejected(out.rejectedCandidates.count)
                    out.rejectedCandidates.append(decision)
                }
                let inClean = decision.isClean
                out.candidates.append(
                    DuplicateCandidate(
                        e164: number.e164, line: record.line, record: index, inClean: inClean,
                        cleanOffset: cleanOffset,
                        cleanRecordsBefore: clean.recordCount - cleanRecordsBase - (inClean ? 1 : 0),
                        rejectsOffset: rejectsOffset,
                        rejectRecordsBefore: rejects.recordCount - rejectRecordsBase - (inClean ? 0 : 1),
                        length: inClean
                            ? clean.byteCount - cleanBase - cleanOffset
                            : rejects.byteCount - rejectsBase - rejectsOffset,
                        counted: counted))
            }
            clock.end(.write)
        }
        try clean.flush()
        try rejects.flush()
        // The record is a view of the chunk: let go of it, so the chunk's bytes are freed with the chunk.
        record.removeAll()
        out.clean = cleanBytes.take()
        out.rejects = rejectBytes.take()
        out.cleanRecords = clean.recordCount - cleanRecordsBase
        out.rejectRecords = rejects.recordCount - rejectRecordsBase
        out.unmapped = places.takeUnmapped()
        out.dates = dates?.take()
        annotations.takeCounts(into: &out.tally)
        (out.decideCPU, out.writeCPU) = clock.split()
        return out
    }

    /// Writes a rejected row: its fields, then the reject columns (``RejectColumns``).
    static func writeRejected(
        _ record: CSVRecord, reason: RejectReason, detail: String, nextCallableAt: UTCTime? = nil, of input: RowInput,
        to writer: CSVWriter
    ) throws(ScrubIOError) {
        writer.appendFields(of: record, inputDelimiter: input.delimiter)
        RejectColumns.append(
            reason: reason, detail: detail, input: input.name, line: record.line, nextCallableAt: nextCallableAt,
            to: writer)
        try writer.endRecord()
    }

    /// Writes a malformed row: empty fields, then its reason, what was wrong, where, and its raw bytes.
    private static func writeMalformed(
        _ bad: CSVMalformedRecord, of input: RowInput, to writer: CSVWriter
    ) throws(ScrubIOError) {
        for _ in 0..<input.width { writer.appendField(RejectColumns.empty) }
        bad.raw.withUnsafeBytes { raw in
            RejectColumns.append(
                reason: .malformedRow, detail: bad.description, input: input.name, line: bad.line, raw: raw,
                to: writer)
        }
        try writer.endRecord()
    }
}

/// What encoding a row needs to know of its input.
struct RowInput: Sendable {
    /// The input's file name, for `input_file`.
    var name: String
    /// The input's columns: the plan's, or those found in standard input's header.
    var columns: PipelinePlan.Columns
    /// The input's delimiter: rows are copied as they stood when the outputs use it too.
    var delimiter: UInt8
    /// Fields of the header, for a malformed row's empty fields.
    var width: Int

    var phoneColumn: Int { columns.phone }
    /// `input.person_column`, when the pipeline names one.
    var personColumn: Int? { columns.person }
}

/// The workers of a run, each checked out by one thread at a time.
final class RowWorkers: Sendable {
    private let free: GuardedState<[RowWorker]>

    /// `count` workers: one for each thread that may encode a chunk at once (the pool's threads and
    /// the consumer, which reads a chunk again when its guessed start was wrong).
    init(count: Int, plan: PipelinePlan, delimiter: UInt8) {
        free = GuardedState((0..<count).map { _ in RowWorker(plan: plan, delimiter: delimiter) })
    }

    /// Runs `body` with a worker no other thread holds meanwhile.
    func with<R>(_ body: (RowWorker) throws -> R) rethrows -> R {
        let worker = free.wait(until: { !$0.isEmpty }) { $0.removeLast() }
        defer { free.update { $0.append(worker) } }
        return try body(worker)
    }
}

/// Collects what a worker's writer flushes, for one chunk at a time.
private final class ChunkBytes: ByteSink {
    private var bytes: [UInt8] = []

    func write(_ chunk: UnsafeRawBufferPointer) throws(ScrubIOError) {
        bytes.append(contentsOf: chunk)
    }

    func finish() throws(ScrubIOError) {}

    /// The bytes collected since the last call; the next chunk's start with room for as many, so
    /// that they are not copied as they grow.
    func take() -> [UInt8] {
        let taken = bytes
        bytes = []
        bytes.reserveCapacity(taken.count)
        return taken
    }
}
