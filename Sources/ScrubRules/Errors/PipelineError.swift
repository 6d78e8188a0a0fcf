import ScrubRecords

/// An error that stops a pipeline before or during its run, with where and what to do.
public struct PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The pipeline definition or a flag is wrong (exit 78).
        case configuration
        /// A registry is older than its maximum age for the campaign date (exit 78).
        case staleRegistry
        /// An input file is missing (exit 66).
        case missingInput
        /// The input data cannot be processed (exit 65).
        case badData
        /// An output cannot be created, or the output directory is locked (exit 73).
        case cannotCreateOutput
        /// Reading or writing failed (exit 74).
        case io
        /// An internal invariant failed, such as rows in != rows out (exit 70).
        case internalError
    }

    public var kind: Kind
    /// `file:line:column` or `file`, when the error has a place.
    public var location: String?
    public var message: String

    public init(_ kind: Kind, _ message: String, at location: String? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location): error: \(message)" }
        return "error: \(message)"
    }
}

extension PipelineError {
    /// A records error as the pipeline's: the same kind, message and place.
    public init(_ error: RecordError) {
        let kind: Kind =
            switch error.kind {
            case .configuration: .configuration
            case .missingInput: .missingInput
            case .badData: .badData
            case .cannotCreateOutput: .cannotCreateOutput
            case .io: .io
            }
        self.init(kind, error.message, at: error.location)
    }
}
