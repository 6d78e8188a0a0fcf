import Foundation
import HTTPTypes
import Hummingbird
import ScrubRecords

/// A handler's answer before it is written: a status and a JSON object.
///
/// `@unchecked Sendable`: the object is built by one handler and written by the same request, never
/// shared.
struct Reply: @unchecked Sendable {
    var status: HTTPResponse.Status
    var object: Any
    /// The answer as values written without `JSONSerialization` (the check route's, the hot one);
    /// when set, `object` is not used.
    var value: AuditValue?

    init(_ status: HTTPResponse.Status, _ object: Any) {
        self.status = status
        self.object = object
    }

    init(_ status: HTTPResponse.Status, value: AuditValue) {
        self.status = status
        self.object = [String: Any]()
        self.value = value
    }

    /// The object as JSON: keys sorted, one line, so the same answer has the same bytes.
    func response(requestID: String) -> Response {
        let data =
            value.map { Data($0.json.utf8) }
            ?? (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data(#"{"error":"the answer could not be written"}"#.utf8)
        var headers: HTTPFields = [.contentType: "application/json"]
        headers[HTTPField.Name("X-Request-Id")!] = requestID
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        return Response(
            status: status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: Array(data) + [0x0A])))
    }
}
