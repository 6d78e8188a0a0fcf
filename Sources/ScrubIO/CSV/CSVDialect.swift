/// How a delimited text file is written: its delimiter, line endings and byte-order mark.
public struct CSVDialect: Sendable, Equatable {
    /// The line ending of the header row.
    public enum LineEnding: String, Sendable, Equatable {
        case lf = "LF"
        case crlf = "CRLF"
        case cr = "CR"
        /// No line ending: the file is one unterminated line, or empty.
        case none
    }

    /// The field delimiter byte: `,` `;` TAB or `|`.
    public var delimiter: UInt8
    public var lineEnding: LineEnding
    /// Whether the file starts with a UTF-8 byte-order mark (which the reader strips).
    public var hasByteOrderMark: Bool

    public init(delimiter: UInt8 = UInt8(ascii: ","), lineEnding: LineEnding = .lf, hasByteOrderMark: Bool = false) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.hasByteOrderMark = hasByteOrderMark
    }

    /// The delimiters the reader detects, in order of preference on a tie.
    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// A readable name for a delimiter byte (`","`, `TAB`, ...).
    public static func name(of delimiter: UInt8) -> String {
        delimiter == 0x09 ? "TAB" : "\"\(Character(Unicode.Scalar(delimiter)))\""
    }

    /// Picks the delimiter that occurs most often outside quotes in a header line; `,` when none occurs.
    ///
    /// A header is the most reliable place to look: column names rarely contain delimiters, and it
    /// is read before any record, so the whole file is parsed with one dialect.
    public static func detectDelimiter(inHeader line: UnsafeRawBufferPointer) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidateDelimiters.count)
        var inQuotes = false
        for byte in line {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes, let index = candidateDelimiters.firstIndex(of: byte) {
                counts[index] += 1
            } else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                break
            }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidateDelimiters[best]
    }
}
