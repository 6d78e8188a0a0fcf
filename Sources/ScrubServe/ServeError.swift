import Hummingbird

/// Why a request was refused: the HTTP status, a message a client's developer can act on, and the
/// request field it is about (`numbers[2].country`), if any.
struct ServeError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    var field: String?

    init(_ status: HTTPResponse.Status, _ message: String, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    static func badRequest(_ message: String, field: String? = nil) -> ServeError {
        ServeError(.badRequest, message, field: field)
    }

    /// `{"error": message, "field": field}`.
    var body: [String: Any] {
        var body: [String: Any] = ["error": message]
        if let field { body["field"] = field }
        return body
    }
}
