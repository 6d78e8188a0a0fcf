import ScrubIO

/// What `scrub inspect` learns about one lead file in a single streaming pass.
public struct FileInspection: Sendable, Codable, Equatable {
    public struct Compression: Sendable, Codable, Equatable {
        /// `gzip` or `none`.
        public var format: String
        public var gzipMembers: Int
        /// Bytes in the file as stored.
        public var fileBytes: Int64
        /// Bytes after decompression.
        public var rawBytes: Int64
    }

    public struct Dialect: Sendable, Codable, Equatable {
        /// The delimiter as text (`,`, `;`, `\t`, `|`).
        public var delimiter: String
        /// `LF`, `CRLF`, `CR` or `none`.
        public var lineEndings: String
        public var byteOrderMark: Bool
        /// Whether every record is valid UTF-8.
        public var validUTF8: Bool
        /// Records with bytes that are not valid UTF-8 (Latin-1 names from old CRMs, typically).
        public var recordsWithInvalidUTF8: Int
        /// The line of the first such record.
        public var firstInvalidUTF8Line: Int?
    }

    public struct PhoneColumn: Sendable, Codable, Equatable {
        public var name: String
        /// The share of non-empty sampled values shaped like a phone number, 0...1.
        public var share: Double
    }

    public var path: String
    public var compression: Compression
    public var dialect: Dialect
    public var columns: [String]
    public var records: Int
    public var malformedRecords: Int
    /// Malformed records longer than the reader's size limit.
    public var oversizedRecords: Int
    /// Malformed records whose quoted field never closes before the end of the file.
    public var unclosedQuotes: Int
    /// The lines of the first few malformed records, with what is wrong.
    public var malformedSamples: [String]
    public var blankLines: Int
    /// Columns whose values look like phone numbers, most phone-like first.
    public var phoneColumns: [PhoneColumn]
}
