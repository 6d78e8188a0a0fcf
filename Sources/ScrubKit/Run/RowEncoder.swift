import ScrubIO
import ScrubPipeline
import ScrubRecords
import ScrubRules

/// The one encoder of output rows: a clean row with its annotation columns, a rejected row with its
/// reject columns, a malformed row, and a lead of several numbers (``LeadNumbers``) to whichever
/// output it goes. Workers encode with one each; the sequencer with its own for the rows it writes
/// again (duplicates), so both write the same bytes for the same decision.
///
/// Not thread-safe: its ``CleanAnnotations`` cache fills as rows come.
struct RowEncoder {
    /// The columns a clean lead of several numbers gains last: the column its number came from, and
    /// what happened to its other numbers.
    static let leadCleanColumns = ["phone_source", "other_numbers"]
    /// The column a rejected lead of several numbers gains last: every number's reason.
    static let leadRejectColumns = ["number_reasons"]

    private var annotations: CleanAnnotations
    private let writesExemptionColumn: Bool
    private let writesLocalWindows: Bool

    init(plan: PipelinePlan, delimiter: UInt8) {
        annotations = CleanAnnotations(delimiter: delimiter)
        writesExemptionColumn = plan.writesExemptionColumn
        writesLocalWindows = plan.output.localWindows
    }

    /// Writes a clean row: its fields, `e164`, the annotations, `exemption` and `call_windows_local`
    /// when the pipeline has them; the caller ends the record. Counts it in the annotations.
    mutating func appendClean(
        _ record: CSVRecord, _ decision: Decision, number: NumberFacts, of input: RowInput, to writer: CSVWriter
    ) {
        writer.appendFields(of: record, inputDelimiter: input.delimiter)
        ScrubRun.withE164Text(number.e164) { writer.appendField($0) }
        annotations.write(number.profile, decision.window, to: writer)
        if writesExemptionColumn { writer.appendField(decision.exemption?.rawValue ?? "") }
        if writesLocalWindows { annotations.writeLocalWindows(to: writer) }
    }

    /// Writes a lead of several numbers to `clean` when one of them is callable, else to `rejects`;
    /// returns whether it went to `clean`.
    ///
    /// Throws a `ScrubIOError` from a writer, or a `PipelineError` for a clean number without a number.
    mutating func writeLead(
        _ record: CSVRecord, _ lead: LeadNumbers, of input: RowInput, clean: CSVWriter, rejects: CSVWriter
    ) throws -> Bool {
        let decision = lead.decision
        let chosen = lead.chosen
        switch decision.outcome {
        case .clean:
            guard let number = decision.number else { throw Self.cleanWithoutNumber }
            appendClean(record, decision, number: number, of: input, to: clean)
            clean.appendField(lead.callableColumn ?? "")
            clean.appendField(lead.outcomes(except: chosen))
            try clean.endRecord()
            return true
        case .reject(let reason, let detail):
            rejects.appendFields(of: record, inputDelimiter: input.delimiter)
            RejectColumns.append(
                reason: reason, detail: detail, input: input.name, line: record.line,
                nextCallableAt: decision.nextCallableAt, to: rejects)
            rejects.appendField(lead.outcomes())
            try rejects.endRecord()
            return false
        }
    }

    /// Adds the clean rows counted since the last call to `tally`.
    mutating func takeCounts(into tally: inout RunTally) {
        annotations.takeCounts(into: &tally)
    }

    /// Unreachable (only a number passes the number rule); an exit code, never a trap.
    static let cleanWithoutNumber = PipelineError(
        .internalError, "a clean row has no number; nothing was published")

    /// Writes a rejected row of a one-number pipeline: its fields, then the reject columns (``RejectColumns``).
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

    /// Writes a malformed row: empty fields, then its reason, what was wrong, where, and its raw bytes
    /// (and an empty `number_reasons` when leads have several numbers).
    static func writeMalformed(
        _ bad: CSVMalformedRecord, of input: RowInput, to writer: CSVWriter
    ) throws(ScrubIOError) {
        for _ in 0..<input.width { writer.appendField(RejectColumns.empty) }
        bad.raw.withUnsafeBytes { raw in
            RejectColumns.append(
                reason: .malformedRow, detail: bad.description, input: input.name, line: bad.line, raw: raw,
                to: writer)
        }
        if input.columns.hasSeveralPhones { writer.appendField(RejectColumns.empty) }
        try writer.endRecord()
    }
}
