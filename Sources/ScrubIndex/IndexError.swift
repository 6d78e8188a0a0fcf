/// An error that ends building, opening or checking an index file.
///
/// Each case says which file, where in it (a byte offset or a line) when that is known, what is wrong,
/// and in its message what to do next. Bad input lines are not errors: they are counted, and only
/// too many of them end a build (``Kind/tooManyInvalidLines``).
public struct IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened, read or mapped.
        case cannotOpen
        /// The file is shorter than its header says: it was cut off while being copied or written.
        case truncated
        /// The file does not start with the index magic bytes: it is not an index file.
        case badMagic
        /// The file is an index of a format version this build cannot read.
        case unsupportedVersion
        /// The header or metadata fail their checksum or are inconsistent.
        case corruptHeader
        /// The directory or the stored entries fail their checksum or are inconsistent; or an input list
        /// does not match the SHA-256 its sidecar file (`FILE.sha256`) gives for it (the same fault, in the
        /// file the index is built from: the bytes are not the ones published).
        case corruptPayload
        /// More input lines were invalid than the build allows.
        case tooManyInvalidLines
        /// The index would exceed what the format can hold.
        case tooLarge
        /// An input could not be read.
        case io
        /// The output could not be created, written or renamed into place.
        case cannotCreate
        /// An argument is not valid (a bad date, an unknown kind, an unsupported format).
        case invalidArgument
    }

    public var kind: Kind
    /// The file the error is about; `-` for standard input.
    public var path: String
    /// The 1-based line of an input file, when the error is about one line.
    public var line: Int?
    /// The 1-based column, when the error is about one place in a line (an XML input).
    public var column: Int?
    /// The byte offset in an index file where the problem was found, when known.
    public var offset: Int?
    /// What went wrong and what to do about it.
    public var message: String

    public init(
        _ kind: Kind, path: String, line: Int? = nil, column: Int? = nil, offset: Int? = nil, message: String
    ) {
        self.kind = kind
        self.path = path
        self.line = line
        self.column = column
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let line {
            return "\(path):\(line)\(column.map { ":\($0)" } ?? ""): error: \(message)"
        }
        if let offset {
            return "\(path): byte \(offset): error: \(message)"
        }
        return "\(path): error: \(message)"
    }
}
