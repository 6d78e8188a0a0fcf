import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import ScrubAccess
import ScrubTestSupport
import Testing

/// One route, a body its allowed roles succeed with, and the roles that may call it.
struct Endpoint: Sendable, CustomTestStringConvertible {
    let method: HTTPRequest.Method
    let uri: String
    let body: String?
    let success: HTTPResponse.Status
    let allowed: Set<KeyRole>

    var testDescription: String { "\(method) \(uri)" }

    static let all: [Endpoint] = [
        Endpoint(
            method: .post, uri: "/v1/check", body: json(["number": ServeFixture.clean]), success: .ok,
            allowed: [.dialer, .agent, .compliance]),
        Endpoint(
            method: .post, uri: "/v1/optouts",
            body: json(["number": "+1 415 555 0199", "channel": "call", "reason": "asked", "evidence": "call-1"]),
            success: .created, allowed: [.agent, .compliance]),
        Endpoint(
            method: .post, uri: "/v1/optouts/reconsent",
            body: json(["number": "+1 415 555 0199", "channel": "web", "reason": "signed up", "evidence": "form-9"]),
            success: .created, allowed: [.compliance]),
        Endpoint(method: .get, uri: "/v1/audit", body: nil, success: .ok, allowed: [.compliance]),
        Endpoint(method: .get, uri: "/v1/keys", body: nil, success: .ok, allowed: [.admin]),
    ]
}

@Suite("scrub serve: bearer keys and roles")
struct ServeAccessTests {
    @Test("every endpoint with every role: allowed, or 403", arguments: Endpoint.all)
    func roles(_ endpoint: Endpoint) async throws {
        let fixture = try ServeFixture()
        try await fixture.serve { client in
            for role in KeyRole.allCases {
                let answer = try await client.send(
                    endpoint.method, endpoint.uri, token: fixture.tokens[role], body: endpoint.body)
                let expected: HTTPResponse.Status = endpoint.allowed.contains(role) ? endpoint.success : .forbidden
                #expect(answer.status == expected, "\(role) \(answer.text)")
            }
        }
    }

    @Test("no token, a wrong one and a revoked one are 401", arguments: Endpoint.all)
    func unauthorized(_ endpoint: Endpoint) async throws {
        let fixture = try ServeFixture()
        try await fixture.serve { client in
            for token in [nil, "", "scrub_wrong", fixture.revokedToken, fixture.tokens[.compliance]! + "x"] {
                let answer = try await client.send(endpoint.method, endpoint.uri, token: token, body: endpoint.body)
                #expect(answer.status == .unauthorized, "\(token ?? "none")")
                #expect(answer.json["error"] is String)
            }
        }
        // A refused request changes nothing: only the compiled event is in the journal.
        #expect(try lines(of: fixture.journal).count == 1)
    }

    @Test("a key added or revoked while the server runs counts from the next request")
    func liveKeys() async throws {
        let fixture = try ServeFixture()
        try await fixture.serve { client in
            let store = FileKeyStore(path: fixture.keys)
            let token = try store.add(name: "late", role: .dialer, created: "2026-12-01T12:00:00Z").token
            let body = json(["number": ServeFixture.clean])
            #expect(try await client.send(.post, "/v1/check", token: token, body: body).status == .ok)
            try store.revoke(name: "late")
            #expect(try await client.send(.post, "/v1/check", token: token, body: body).status == .unauthorized)
        }
    }

    @Test("GET /v1/keys lists names, roles and times, never hashes or tokens")
    func keyListing() async throws {
        let fixture = try ServeFixture()
        let answer = try await fixture.serve { client in
            try await client.send(.get, "/v1/keys", token: fixture.tokens[.admin])
        }
        let keys = try #require(answer.json["keys"] as? [[String: String]])
        #expect(keys.map { $0["name"] } == ["admin-1", "agent-1", "compliance-1", "dialer-1"])
        #expect(keys.allSatisfy { Set($0.keys) == ["name", "role", "created"] })
        let stored = try String(contentsOfFile: fixture.keys, encoding: .utf8)
        for token in fixture.tokens.values { #expect(!answer.text.contains(token) && !stored.contains(token)) }
        #expect(!answer.text.contains("sha256"))
    }

    @Test("/healthz and /metrics need no token; /metrics holds no number")
    func openEndpoints() async throws {
        let fixture = try ServeFixture()
        let registry = PrometheusCollectorRegistry()
        try await fixture.serve(registry: registry) { client in
            #expect(try await client.send(.get, "/healthz", token: nil).status == .ok)
            let check = try await client.send(
                .post, "/v1/check", token: fixture.tokens[.dialer], body: json(["number": ServeFixture.registered]))
            #expect(check.status == .ok)
            let metrics = try await client.send(.get, "/metrics", token: nil)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains(#"scrub_checks_total{decision="DNC_REGISTRY"} 1"#))
            #expect(metrics.text.contains(#"scrub_http_requests_total{route="check",status="200"} 1"#))
            #expect(!metrics.text.contains("2125550101") && !metrics.text.contains("dialer-1"))
        }
    }
}
