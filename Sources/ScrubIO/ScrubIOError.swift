/// An error that ends reading or writing a byte stream.
///
/// Every case carries where it happened (the file, and a byte offset or line where one applies),
/// so the message a person sees points at the exact place to look.
public struct ScrubIOError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or read.
        case cannotOpen
        /// A read or write system call failed.
        case io
        /// The gzip stream ends before its last member is complete.
        case truncatedGzip
        /// The gzip data is damaged: a bad header, a bad deflate block or a CRC/length mismatch.
        case corruptGzip
        /// Bytes follow the last gzip member that are not another gzip member.
        case trailingGarbage
        /// The output could not be created or published.
        case cannotCreate
        /// The header row of a delimited file cannot be parsed.
        case badHeader
        /// Another process holds the lock on an output folder.
        case locked
        /// A secret (a key file) that the group or others may read.
        case unsafePermissions
    }

    public var kind: Kind
    /// The file the error is about; `-` for standard input or output.
    public var path: String
    /// The byte offset in the (compressed) file where the problem was found, when known.
    public var offset: Int64?
    /// What went wrong, in words a person can act on.
    public var message: String

    public init(_ kind: Kind, path: String, offset: Int64? = nil, message: String) {
        self.kind = kind
        self.path = path
        self.offset = offset
        self.message = message
    }

    public var description: String {
        if let offset {
            return "\(path): byte \(offset): error: \(message)"
        }
        return "\(path): error: \(message)"
    }
}
