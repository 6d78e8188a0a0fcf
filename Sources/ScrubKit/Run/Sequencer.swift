import ScrubIO
import ScrubPipeline
import ScrubRules

/// The one part of a run that sees rows in input order: it applies the duplicates rule to the rows
/// that reached it (the first occurrence of a number wins), adds the chunks' counts up, and appends
/// the chunks' encoded rows to the clean and rejects outputs in input order.
///
/// Light by design, since every row passes through one thread here: per chunk, a tally to add and
/// bulk copies of its encoded bytes; per row that reached duplicates, one hash-map look-up. Only a
/// later occurrence costs more: its row is cut out of the bytes its worker encoded, its counts are
/// taken back and it is written again as a `DUPLICATE` rejection.
struct Sequencer {
    private(set) var tally: RunTally
    private(set) var unmapped: UnmappedPlaceValues
    /// Rows by the values of `report.group_by`'s columns.
    private(set) var groups: GroupCounts
    /// Date values that did not read, added chunk by chunk in input order.
    private(set) var dates: UnreadableDates?
    /// Every row's ``LeadOutcomes`` entry in input order, as finally decided.
    private var leadOutcomes: [UInt64] = []
    /// Numbers rejected before duplicates, repeats included (``distinctNumbers()``).
    private var numbersRejectedEarly: [UInt64] = []
    /// Workers' CPU time deciding and encoding, summed.
    private(set) var decideCPU: Duration = .zero
    private(set) var writeCPU: Duration = .zero
    private let duplicates = DuplicateRule()
    /// Encodes the leads a duplicate number changed (rows of one number are only ever rejected here).
    private var encoder: RowEncoder
    private var record = CSVRecord()

    /// A sequencer for `plan`'s run, counting by the columns the plan placed (see ``place(_:)``).
    init(plan: PipelinePlan, delimiter: UInt8) {
        encoder = RowEncoder(plan: plan, delimiter: delimiter)
        tally = RunTally(lists: plan.registries.count + plan.suppressionLists.count)
        unmapped = UnmappedPlaceValues(countryColumn: "", stateColumn: "", postcodeColumn: "")
        groups = GroupCounts(columns: [])
        place(plan)
    }

    /// Starts the counts that name columns (the place values' column names, `report.group_by`'s
    /// columns, the date columns) for `plan`'s columns: as resolved, or, for standard input read alone,
    /// as placed once the run read its header. Every input of a run shares them.
    mutating func place(_ plan: PipelinePlan) {
        unmapped = PlaceFields(columns: plan.columns, defaultCountry: plan.defaultCountry, values: plan.placeValues)
            .unmapped.emptied(tracked: UnmappedPlaceValues.maxTracked)
        groups = GroupCounts(columns: plan.columns.groupBy)
        dates = plan.unreadableDates()
    }

    /// Takes the next chunk in input order, with what its worker made of it.
    mutating func take(
        _ chunk: ParsedChunk, _ encoded: EncodedChunk, of input: RowInput, to outputs: RunOutputs
    ) throws {
        tally.add(encoded.tally)
        unmapped.add(encoded.unmapped)
        groups.add(encoded.groups)
        if let chunkDates = encoded.dates { dates?.add(chunkDates) }
        decideCPU += encoded.decideCPU
        writeCPU += encoded.writeCPU
        let outcomesBase = leadOutcomes.count
        leadOutcomes += encoded.leadOutcomes
        numbersRejectedEarly += encoded.numbersRejectedEarly
        var clean = Cursor()
        var rejects = Cursor()
        try encoded.clean.withUnsafeBytes { cleanBytes in
            try encoded.rejects.withUnsafeBytes { rejectBytes in
                /// Writes what precedes `row` in both outputs and skips it.
                func cut(_ row: CandidateRow) throws(ScrubIOError) {
                    try clean.copy(
                        cleanBytes, to: row.cleanOffset, records: row.cleanRecordsBefore, into: outputs.clean)
                    try rejects.copy(
                        rejectBytes, to: row.rejectsOffset, records: row.rejectRecordsBefore, into: outputs.rejects)
                    if row.inClean {
                        clean.skip(row.length)
                    } else {
                        rejects.skip(row.length)
                    }
                }
                let candidates = encoded.candidates
                for index in candidates.indices {
                    // The seen-number map outgrows the caches: start loading a later candidate's slot.
                    if index + Self.prefetchDistance < candidates.count {
                        duplicates.prefetch(candidates[index + Self.prefetchDistance].e164)
                    }
                    let candidate = candidates[index]
                    guard let first = duplicates.firstLine(of: candidate.e164, recordingAt: candidate.row.line) else {
                        continue
                    }
                    // A later occurrence: write what precedes it, skip its row, write its DUPLICATE.
                    try cut(candidate.row)
                    let original = self.decision(counted: candidate, in: encoded)
                    takeBack(original)
                    let duplicate = DuplicateRule.duplicate(original, firstLine: first)
                    tally.count(duplicate)
                    if let outcome = candidate.row.outcome {
                        leadOutcomes[outcomesBase + outcome] = LeadOutcomes.replacingOutcome(
                            of: leadOutcomes[outcomesBase + outcome], with: .duplicate)
                    }
                    chunk.record(candidate.row.record, into: &record)
                    groups.count(record, reason: original.reason, by: -1)
                    groups.count(record, reason: .duplicate)
                    try RowEncoder.writeRejected(
                        record, reason: .duplicate, detail: duplicate.detail ?? "", of: input, to: outputs.rejects)
                }
                for candidate in encoded.leadCandidates {
                    var lead = candidate.lead
                    var changed = false
                    for (index, number) in lead.numbers.enumerated() where number.reachesDuplicates {
                        guard let e164 = number.decision.number?.e164,
                            let first = duplicates.firstLine(of: e164, recordingAt: candidate.row.line)
                        else { continue }
                        lead.markDuplicate(index, firstLine: first)
                        changed = true
                    }
                    // Only a later occurrence of one of its numbers changes the lead: encode it again.
                    guard changed else { continue }
                    try cut(candidate.row)
                    let original = candidate.lead.decision
                    takeBack(original)
                    tally.numbers.count(candidate.lead, by: -1)
                    tally.count(lead.decision)
                    tally.numbers.count(lead)
                    if let outcome = candidate.row.outcome {
                        leadOutcomes[outcomesBase + outcome] = LeadOutcomes.replacingOutcome(
                            of: leadOutcomes[outcomesBase + outcome], with: lead.decision.reason)
                    }
                    chunk.record(candidate.row.record, into: &record)
                    groups.count(record, reason: original.reason, by: -1)
                    groups.count(record, reason: lead.decision.reason)
                    _ = try encoder.writeLead(record, lead, of: input, clean: outputs.clean, rejects: outputs.rejects)
                    encoder.takeCounts(into: &tally)
                }
                record.removeAll()  // a view of the chunk, which is freed after this
                try clean.copy(cleanBytes, to: cleanBytes.count, records: encoded.cleanRecords, into: outputs.clean)
                try rejects.copy(
                    rejectBytes, to: rejectBytes.count, records: encoded.rejectRecords, into: outputs.rejects)
            }
        }
    }

    /// How many candidates ahead the seen-number map's slots are prefetched.
    static let prefetchDistance = 16

    /// Hands over the rows' ``LeadOutcomes`` entries (called once, at the end), so they are sorted
    /// in place rather than copied.
    mutating func takeLeadOutcomes() -> [UInt64] {
        var taken: [UInt64] = []
        swap(&taken, &leadOutcomes)
        return taken
    }

    /// The distinct numbers of the run: those that reached duplicates, and those rejected before
    /// that never did. Called once, at the end.
    mutating func distinctNumbers() -> Int {
        RadixSort.sort(&numbersRejectedEarly, bits: 50)
        var distinct = duplicates.numbersSeen
        for index in numbersRejectedEarly.indices
        where (index == 0 || numbersRejectedEarly[index - 1] != numbersRejectedEarly[index])
            && !duplicates.hasSeen(numbersRejectedEarly[index])
        {
            distinct += 1
        }
        numbersRejectedEarly = []
        return distinct
    }

    /// Takes back a row's counted decision: its reason, list and cap, or its clean (profile, window).
    private mutating func takeBack(_ decision: Decision) {
        tally.count(decision, by: -1)
        if decision.isClean, let profile = decision.number?.profile {
            tally.countClean(profile, decision.window, rows: -1)
        }
    }

    /// The decision the candidate's worker counted.
    private func decision(counted candidate: DuplicateCandidate, in encoded: EncodedChunk) -> Decision {
        switch candidate.counted {
        case .rejected(let index):
            return encoded.rejectedCandidates[index]
        case .clean(let key, let exemption):
            guard let entry = tally.clean[key] else { preconditionFailure("a clean candidate was counted") }
            var decision = Decision()
            decision.number = NumberFacts(e164: candidate.e164, profile: entry.profile)
            decision.window = entry.window
            decision.exemption = exemption
            return decision
        }
    }

    /// How far one output's chunk bytes have been written (or skipped).
    private struct Cursor {
        var offset = 0
        var records = 0

        /// Writes the bytes from here to `end`, which hold the records from here to `recordsBefore`.
        mutating func copy(
            _ bytes: UnsafeRawBufferPointer, to end: Int, records recordsBefore: Int, into writer: CSVWriter
        ) throws(ScrubIOError) {
            guard end > offset else { return }
            try writer.appendRecords(
                UnsafeRawBufferPointer(rebasing: bytes[offset..<end]), records: recordsBefore - records)
            offset = end
            records = recordsBefore
        }

        /// Skips one record of `length` bytes.
        mutating func skip(_ length: Int) {
            offset += length
            records += 1
        }
    }
}
