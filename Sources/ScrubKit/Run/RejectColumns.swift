import ScrubIO
import ScrubRecords
import ScrubRules

/// The columns a rejected row gains after its own fields: their names for the header and the one
/// encoder that fills them, so the header and every writer of a rejection (a worker's rejections and
/// malformed rows, the sequencer's duplicates) cannot disagree on their order.
enum RejectColumns {
    /// The header's names, in the order ``append(reason:detail:input:line:raw:nextCallableAt:to:)`` writes them.
    static let names = [
        "reject_reason", "reject_detail", "input_file", "line", "raw_record", Decision.nextCallableColumn,
    ]

    /// Appends `reject_reason`, `reject_detail`, `input_file`, `line`, `raw_record` (the bytes of a
    /// row that did not parse; empty otherwise) and `next_callable_at` to the record `writer` is
    /// writing; the caller ends the record. The line is written without making a string: rows
    /// rejected by the million each cost their digits only.
    static func append(
        reason: RejectReason, detail: String, input: String, line: Int,
        raw: UnsafeRawBufferPointer = RejectColumns.empty, nextCallableAt: UTCTime? = nil, to writer: CSVWriter
    ) {
        writer.appendField(reason.rawValue)
        writer.appendField(detail)
        writer.appendField(input)
        DecimalText.with(UInt64(max(0, line))) { writer.appendField($0) }
        writer.appendField(raw)
        if let nextCallableAt {
            writer.appendField(nextCallableAt.description)
        } else {
            writer.appendField(empty)
        }
    }

    /// No bytes: an empty field.
    static var empty: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: nil, count: 0) }
}
