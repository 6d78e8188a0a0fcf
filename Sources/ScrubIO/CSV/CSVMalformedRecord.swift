/// A record that could not be read as the header says. Reading goes on with the next record.
///
/// Malformed records are outcomes, not errors: a lead file with one broken row is still a lead
/// file, and the broken row must reach the rejects output with its bytes, not vanish.
public struct CSVMalformedRecord: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The record has a different number of fields than the header.
        case fieldCount(expected: Int, found: Int)
        /// A quoted field is never closed. Reading resumes at the line after the record's first line.
        case unterminatedQuote
        /// The record is longer than the reader's limit. `raw` holds the first `limit` bytes.
        case tooLarge(limit: Int)
    }

    /// The 1-based physical line on which the record starts.
    public var line: Int
    public var reason: Reason
    /// The record's bytes as they appear in the input, without the line ending.
    public var raw: [UInt8]

    public init(line: Int, reason: Reason, raw: [UInt8]) {
        self.line = line
        self.reason = reason
        self.raw = raw
    }

    public var description: String {
        switch reason {
        case .fieldCount(let expected, let found):
            return "line \(line): \(found) fields where the header has \(expected)"
        case .unterminatedQuote:
            return "line \(line): a quoted field is never closed"
        case .tooLarge(let limit):
            return "line \(line): record is longer than the \(limit)-byte limit"
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
