import ScrubIO
import ScrubPipeline
import ScrubRecords
import ScrubRules

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
    private var places: PlaceFields
    /// Date columns that do not read in their format, counted for the chunk at hand.
    private var dates: UnreadableDates?
    private var encoder: RowEncoder
    private var record = CSVRecord()
    private let cleanBytes = ChunkBytes()
    private let rejectBytes = ChunkBytes()
    private let clean: CSVWriter
    private let rejects: CSVWriter

    init(plan: PipelinePlan, delimiter: UInt8) {
        decider = plan.makeDeciderForAnotherThread()
        consent = plan.compliance.consent
        lists = plan.registries.count + plan.suppressionLists.count
        places = PlaceFields(columns: plan.columns, defaultCountry: plan.defaultCountry, values: plan.placeValues)
        dates = plan.unreadableDates()
        encoder = RowEncoder(plan: plan, delimiter: delimiter)
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
        var out = EncodedChunk(
            tally: RunTally(lists: lists), unmapped: places.takeUnmapped(),
            groups: GroupCounts(columns: input.columns.groupBy))
        out.leadOutcomes.reserveCapacity(chunk.outcomes.count)
        let start = ChunkStart(clean: clean, rejects: rejects)
        let phoneNames = input.columns.phoneNames
        // The reusable record, borrowed for the chunk: a stored property handed to each call would be
        // copied (its buffers retained and released) at every call, several times a row.
        var record = CSVRecord()
        swap(&record, &self.record)
        defer { swap(&record, &self.record) }
        for outcome in chunk.outcomes {
            clock.beginRow()
            out.tally.rowsIn += 1
            guard case .record(let index) = outcome else {
                if case .malformed(let bad, _) = outcome {
                    try RowEncoder.writeMalformed(bad, of: input, to: rejects)
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
            func decide(_ column: Int) -> PendingDecision {
                record.withField(column) { phone in
                    decider.decide(
                        RowFacts(
                            phone: phone, country: place.country, unknownCountry: place.unknownCountry,
                            location: place.location, personKey: person),
                        evidence: { evidence ?? consent?.evidence(of: record) ?? LeadEvidence() })
                }
            }
            let cleanOffset = clean.byteCount - start.cleanBytes
            let rejectsOffset = rejects.byteCount - start.rejectsBytes
            if input.columns.hasSeveralPhones {
                let lead = LeadNumbers(input.columns.phones.map(decide), names: phoneNames)
                clock.end(.decide)
                let decision = lead.decision
                out.tally.count(decision)
                out.tally.numbers.count(lead)
                out.groups.count(record, reason: decision.reason)
                let outcome = Self.append(
                    person ?? lead.numbers.lazy.compactMap(\.decision.number?.e164).first, decision, to: &out)
                for number in lead.numbers where !number.reachesDuplicates {
                    if let e164 = number.decision.number?.e164 { out.numbersRejectedEarly.append(e164) }
                }
                let inClean = try encoder.writeLead(record, lead, of: input, clean: clean, rejects: rejects)
                if lead.reachesDuplicates {
                    out.leadCandidates.append(
                        LeadCandidate(
                            row: row(
                                index, line: record.line, outcome: outcome, since: start, cleanOffset: cleanOffset,
                                rejectsOffset: rejectsOffset, inClean),
                            lead: lead))
                }
                clock.end(.write)
                continue
            }
            let pending = decide(input.phoneColumn)
            clock.end(.decide)
            let decision = pending.decision
            out.tally.count(decision)
            out.groups.count(record, reason: decision.reason)
            let outcome = Self.append(person ?? decision.number?.e164, decision, to: &out)
            if !pending.reachesDuplicates, let e164 = decision.number?.e164 { out.numbersRejectedEarly.append(e164) }
            switch decision.outcome {
            case .clean:
                guard let number = decision.number else { throw RowEncoder.cleanWithoutNumber }
                encoder.appendClean(record, decision, number: number, of: input, to: clean)
                try clean.endRecord()
            case .reject(let reason, let detail):
                try RowEncoder.writeRejected(
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
                out.candidates.append(
                    DuplicateCandidate(
                        e164: number.e164,
                        row: row(
                            index, line: record.line, outcome: outcome, since: start, cleanOffset: cleanOffset,
                            rejectsOffset: rejectsOffset, decision.isClean),
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
        out.cleanRecords = clean.recordCount - start.cleanRecords
        out.rejectRecords = rejects.recordCount - start.rejectRecords
        out.unmapped = places.takeUnmapped()
        out.dates = dates?.take()
        encoder.takeCounts(into: &out.tally)
        (out.decideCPU, out.writeCPU) = clock.split()
        return out
    }

    /// Appends the row's ``LeadOutcomes`` entry when it has a key; returns the entry's index.
    private static func append(_ key: UInt64?, _ decision: Decision, to out: inout EncodedChunk) -> Int? {
        guard let key else { return nil }
        out.leadOutcomes.append(LeadOutcomes.entry(key, decision.reason))
        return out.leadOutcomes.count - 1
    }

    /// Both writers' counts when a chunk started: the chunk's bytes and records are counted from here.
    private struct ChunkStart {
        let cleanBytes: Int
        let rejectsBytes: Int
        let cleanRecords: Int
        let rejectRecords: Int

        init(clean: CSVWriter, rejects: CSVWriter) {
            cleanBytes = clean.byteCount
            rejectsBytes = rejects.byteCount
            cleanRecords = clean.recordCount
            rejectRecords = rejects.recordCount
        }
    }

    /// The row just written (record `index`, at input line `line`), which started at the offsets given.
    private func row(
        _ index: Int, line: Int, outcome: Int?, since start: ChunkStart, cleanOffset: Int, rejectsOffset: Int,
        _ inClean: Bool
    ) -> CandidateRow {
        CandidateRow(
            line: line, record: index, outcome: outcome, inClean: inClean, cleanOffset: cleanOffset,
            cleanRecordsBefore: clean.recordCount - start.cleanRecords - (inClean ? 1 : 0),
            rejectsOffset: rejectsOffset,
            rejectRecordsBefore: rejects.recordCount - start.rejectRecords - (inClean ? 0 : 1),
            length: inClean
                ? clean.byteCount - start.cleanBytes - cleanOffset
                : rejects.byteCount - start.rejectsBytes - rejectsOffset)
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
