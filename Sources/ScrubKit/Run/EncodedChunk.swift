import ScrubRules

/// A chunk of input rows as a worker leaves it for the sequencer: its clean and rejects rows encoded
/// in input order, what they count, and the rows whose fate still depends on earlier rows.
///
/// Every row of the chunk is already encoded and counted as if its decision were final; only a
/// ``DuplicateCandidate`` can change (to `DUPLICATE`), so the sequencer's work on a chunk is adding
/// its tally, one hash-map look-up per candidate, and bulk copies of the encoded bytes.
struct EncodedChunk: Sendable {
    /// Clean rows, encoded back to back, and how many.
    var clean: [UInt8] = []
    var cleanRecords = 0
    /// Rejected rows, encoded back to back, and how many.
    var rejects: [UInt8] = []
    var rejectRecords = 0
    /// Every row of the chunk counted with the decision its worker made.
    var tally: RunTally
    /// Place values that named nothing, in the chunk's order of first sight.
    var unmapped: UnmappedPlaceValues
    /// The chunk's rows by the values of `report.group_by`'s columns.
    var groups: GroupCounts
    /// Date values of the chunk that did not read in their column's format.
    var dates: UnreadableDates?
    /// The rows that reached the duplicates rule, in input order.
    var candidates: [DuplicateCandidate] = []
    /// The same for leads of several numbers (`phone_column` a list): the leads some of whose numbers
    /// reached it. A chunk has these or `candidates`, never both.
    var leadCandidates: [LeadCandidate] = []
    /// Each row's ``LeadOutcomes`` entry, in input order (rows with no person key and no number have none).
    var leadOutcomes: [UInt64] = []
    /// Numbers some rule before duplicates rejected, for the report's distinct numbers (those that
    /// reached duplicates are counted by the duplicates rule).
    var numbersRejectedEarly: [UInt64] = []
    /// The decisions of candidates that some later rule (caps, windows) rejected, by `Counted.rejected`.
    var rejectedCandidates: [Decision] = []
    /// Worker CPU time spent deciding and encoding the chunk.
    var decideCPU: Duration = .zero
    var writeCPU: Duration = .zero
}

/// A row that reached the duplicates rule: its number and line, where its encoded row is, and what
/// its worker counted for it, so the sequencer can take that back if it is a later occurrence.
struct DuplicateCandidate: Sendable {
    /// What the worker counted for the row.
    enum Counted: Sendable {
        /// A clean row: its ``RunTally/cleanKey(_:_:)`` and exemption (the tally's entry holds its
        /// profile and window).
        case clean(key: UInt64, exemption: Exemption?)
        /// A row a later rule rejected: its decision's index in `EncodedChunk.rejectedCandidates`.
        case rejected(Int)
    }

    var e164: UInt64
    var row: CandidateRow
    var counted: Counted
}

/// A lead of several numbers some of which reached the duplicates rule: the sequencer checks each,
/// and encodes the lead again when one is a later occurrence.
struct LeadCandidate: Sendable {
    var row: CandidateRow
    /// Its numbers as the worker decided and counted them.
    var lead: LeadNumbers
}

/// A row whose fate depends on earlier rows: which row it is, its entry among the chunk's lead
/// outcomes, and where its encoding lies in the chunk's bytes, so the sequencer can cut it out.
struct CandidateRow: Sendable {
    var line: Int
    /// The row's record in the chunk (`ParsedChunk.record(_:into:)`), to encode it again.
    var record: Int
    /// Its entry in `EncodedChunk.leadOutcomes`, when it has one (every row with a number has).
    var outcome: Int?
    /// Whether the row is in the clean bytes (else in the rejects bytes).
    var inClean: Bool
    /// Bytes and records of each output's chunk bytes before this row.
    var cleanOffset: Int
    var cleanRecordsBefore: Int
    var rejectsOffset: Int
    var rejectRecordsBefore: Int
    /// The length of its encoded row.
    var length: Int
}
