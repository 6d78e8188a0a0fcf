/// A YAML file that cannot be read, or whose content does not decode, with where.
///
/// Rendered as `file:line:column: error: message`. Callers with errors of their own (the pipeline,
/// the calling rules) take the place and the message over, or build richer ones from ``decoding``.
package struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a value did not decode, and where in the document.
    package struct Decoding: Sendable, Equatable {
        package enum Problem: Sendable, Equatable, CustomStringConvertible {
            case wrongType
            case missingValue
            case missingKey(String)
            case notValid

            package var description: String {
                switch self {
                case .wrongType: "has the wrong type"
                case .missingValue: "is missing a value"
                case .missingKey(let key): "is missing the required field '\(key)'"
                case .notValid: "is not valid"
                }
            }
        }

        /// Keys and indices from the root to the value.
        package var path: [YAMLPath]
        package var problem: Problem
        /// The decoder's own words; may be empty.
        package var detail: String
    }

    package var file: String
    package var line: Int?
    package var column: Int?
    package var message: String
    /// Set when the text is YAML but a value did not decode.
    package var decoding: Decoding?

    package init(file: String, line: Int? = nil, column: Int? = nil, message: String, decoding: Decoding? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.decoding = decoding
    }

    /// `file:line:column`, `file:line` or `file`.
    package var location: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text
    }

    package var description: String { "\(location): error: \(message)" }
}
