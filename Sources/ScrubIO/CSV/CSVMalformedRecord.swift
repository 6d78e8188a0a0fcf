/// A record that could not be read as the header says. Reading goes on with the next record.
///
/// Malformed records are outcomes, not errors: a lead file with one broken row is still a lead
/// file, and the broken row must reach the rejects output with its bytes, not vanish.
public struct CSVMalformedRecord: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The record has a different number of fields than the header.
        case fieldCount(expected: Int, found: Int)
        /// A quoted field is still open at the end of the input, within the size limit. `raw` is the
        /// record's first line, and reading resumed on the line after it.
        case unterminatedQuote
        /// The record is `length` bytes long, more than the reader's limit. `raw` holds its first
        /// `limit` bytes; reading resumed where the record's quoting ends it.
        case tooLarge(limit: Int, length: Int)
        /// A quoted field opened in this record never closes, and the record, which runs to the end
        /// of the input, is `length` bytes long, more than the limit. `raw` holds its first `limit` bytes.
        case unclosedPastLimit(limit: Int, length: Int)
    }

    /// The 1-based physical line on which the record starts.
    public var line: Int
    /// The physical line on which the record ends (`line` for a one-line record).
    public var lastLine: Int
    public var reason: Reason
    /// The record's bytes as they appear in the input, without the line ending.
    public var raw: [UInt8]

    public init(line: Int, reason: Reason, raw: [UInt8], lastLine: Int? = nil) {
        self.line = line
        self.lastLine = max(line, lastLine ?? line)
        self.reason = reason
        self.raw = raw
    }

    public var description: String {
        let lines = lastLine > line ? "lines \(line.grouped)-\(lastLine.grouped)" : "line \(line.grouped)"
        switch reason {
        case .fieldCount(let expected, let found):
            return "\(lines): \(found) fields where the header has \(expected)"
        case .unterminatedQuote:
            return "\(lines): a quoted field is never closed"
        case .tooLarge(let limit, let length):
            return "\(lines): record of \(length.grouped) bytes is longer than the \(limit.grouped)-byte limit"
        case .unclosedPastLimit(let limit, let length):
            return "\(lines): a quoted field is never closed, so the record runs to the end of the input: "
                + "\(length.grouped) bytes, longer than the \(limit.grouped)-byte limit"
        }
    }
}

/// What one call to `CSVReader.next(into:)` found.
public enum CSVReadOutcome: Sendable, Equatable {
    /// A well-formed record was read into the caller's record value.
    case record
    /// A malformed record was skipped; it is described here.
    case malformed(CSVMalformedRecord)
    /// The input has no more records.
    case endOfInput
}
