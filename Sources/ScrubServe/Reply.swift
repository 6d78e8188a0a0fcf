import Foundation
import HTTPTypes
import Hummingbird
import ScrubRecords

/// A handler's answer before it is written: a status and a JSON object.
///
/// `@unchecked Sendable`: the object is built by one handler and written by the same request, never
/// shared.
struct Reply: @unchecked Sendable {
    /// What the answer's JSON is written from.
    enum Body {
        /// `JSONSerialization` objects, for the routes that answer rarely.
        case object(Any)
        /// Values written without `JSONSerialization`: the check route's, the hot one.
        case value(AuditValue)
    }

    var status: HTTPResponse.Status
    var body: Body

    init(_ status: HTTPResponse.Status, _ object: Any) {
        self.status = status
        self.body = .object(object)
    }

    init(_ status: HTTPResponse.Status, value: AuditValue) {
        self.status = status
        self.body = .value(value)
    }

    /// The body as JSON: keys sorted, one line, so the same answer has the same bytes.
    func response(requestID: String) -> Response {
        let data: Data
        switch body {
        case .value(let value): data = Data(value.json.utf8)
        case .object(let object):
            data =
                (try? JSONSerialization.data(
                    withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
                ?? Data(#"{"error":"the answer could not be written"}"#.utf8)
        }
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("X-Request-Id")!] = requestID
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(
            status: status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: Array(data) + [0x0A])))
    }
}
