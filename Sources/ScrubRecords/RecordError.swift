import ScrubIO

/// An error that ends reading or appending a hash-chained record, with where it happened.
///
/// Rendered as `file:line: error: message` (or `file: error: message`), as every error of the house is;
/// its kinds are the pipeline's (``RecordError`` in ScrubKit takes one over unchanged), so a command
/// maps both to the same exit codes.
public struct RecordError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A request or an import option is wrong: no evidence, a missing column (exit 78).
        case configuration
        /// The log or the file to import does not exist (exit 66).
        case missingInput
        /// A line is not a record, the chain is broken, or numbers are not valid (exit 65).
        case badData
        /// The log cannot be created or written: a missing folder, a full disk (exit 73).
        case cannotCreateOutput
        /// Reading, locking, writing or flushing failed (exit 74).
        case io
    }

    public var kind: Kind
    /// `file:line` or `file`, when the error has a place.
    public var location: String?
    public var message: String

    public init(_ kind: Kind, _ message: String, at location: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// A system call's failure on a log, at the log's path.
    package init(_ error: ScrubIOError) {
        let kind: Kind =
            switch error.kind {
            case .cannotOpen: .missingInput
            case .cannotCreate: .cannotCreateOutput
            case .unsafePermissions: .configuration
            default: .io
            }
        self.init(kind, error.message, at: error.path)
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}
