import Foundation
import Hummingbird
import HummingbirdAuth
import ScrubAccess

extension ScrubServer {
    /// Runs one route's handler and writes its reply, or the error's, counting and logging it.
    ///
    /// A refusal (``ServeError``) is answered with its status; any other error is the server's own
    /// fault (the journal or the audit log cannot be written) and answered 500, logged without the body.
    func respond(route: String, _ handler: (String) async throws -> Reply) async -> Response {
        let requestID = UUID().uuidString.lowercased()
        let reply: Reply
        do {
            reply = try await handler(requestID)
        } catch let error as ServeError {
            reply = Reply(error.status, error.body)
        } catch {
            logger.error(
                "request failed", metadata: ["route": "\(route)", "request_id": "\(requestID)", "error": "\(error)"])
            reply = Reply(.internalServerError, ["error": "the server could not complete the request; see its log"])
        }
        metrics.request(route: route, status: reply.status.code)
        // Answered requests are counted in /metrics; a line each only at debug level, since writing one
        // was a measurable share of a check (docs/benchmarks.md). Refusals stay at info, where an operator looks.
        logger.log(
            level: reply.status.code < 400 ? .debug : .info, "request",
            metadata: ["route": "\(route)", "status": "\(reply.status.code)", "request_id": "\(requestID)"])
        return reply.response(requestID: requestID)
    }

    /// `/metrics`: the Prometheus text format, no token needed.
    func metricsResponse() -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
            body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
    }

    /// The key presenting the request's bearer token.
    ///
    /// - Throws: 401 for a missing, unknown or revoked token.
    func authenticate(_ request: Request) throws -> APIKey {
        guard let token = request.headers.bearer?.token, !token.isEmpty else {
            throw ServeError(.unauthorized, "give a key: Authorization: Bearer <token>")
        }
        guard let key = try keys.authenticate(token: token) else {
            throw ServeError(.unauthorized, "the token is not a valid key (unknown or revoked)")
        }
        return key
    }

    /// Refuses (403) a key whose role does not have `permission`.
    func require(_ key: APIKey, _ permission: Permission) throws(ServeError) {
        guard key.role.allows(permission) else {
            throw ServeError(
                .forbidden,
                "role \(key.role.rawValue) may not \(permission.rawValue.replacingOccurrences(of: "_", with: " "))")
        }
    }

    /// The request body, at most ``maxBodyBytes``; with `emptyAllowed`, no body reads as `{}`.
    func body(of request: Request, emptyAllowed: Bool = false) async throws -> JSONBody {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.maxBodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw ServeError.badRequest("the body is larger than \(Self.maxBodyBytes / 1024) KiB", field: "body")
        }
        if emptyAllowed && buffer.readableBytes == 0 { return JSONBody(fields: [:], path: "") }
        return try JSONBody(Array(buffer.readableBytesView))
    }
}
