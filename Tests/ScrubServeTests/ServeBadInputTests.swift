import Foundation
import HummingbirdTesting
import ScrubAccess
import ScrubTestSupport
import Testing

/// A body a route must refuse, and the field the refusal must name.
struct BadBody: Sendable, CustomTestStringConvertible {
    let uri: String
    let body: String
    let field: String

    var testDescription: String { "\(uri) \(body.prefix(60))" }

    static let all: [BadBody] = [
        BadBody(uri: "/v1/check", body: "", field: "body"),
        BadBody(uri: "/v1/check", body: "{", field: "body"),
        BadBody(uri: "/v1/check", body: "[1]", field: "body"),
        BadBody(uri: "/v1/check", body: #""+14155550104""#, field: "body"),
        BadBody(uri: "/v1/check", body: "{}", field: "number"),
        BadBody(uri: "/v1/check", body: #"{"number": 14155550104}"#, field: "number"),
        BadBody(uri: "/v1/check", body: #"{"number": "  "}"#, field: "number"),
        BadBody(uri: "/v1/check", body: #"{"number": "+14155550104", "colour": "red"}"#, field: "colour"),
        BadBody(uri: "/v1/check", body: #"{"number": "+14155550104", "country": ["US"]}"#, field: "country"),
        BadBody(uri: "/v1/check", body: #"{"number": "+14155550104", "at": "noon"}"#, field: "at"),
        BadBody(uri: "/v1/check", body: #"{"number": "+14155550104", "consent_at": "yesterday"}"#, field: "consent_at"),
        BadBody(uri: "/v1/check", body: #"{"number": "+14155550104", "ebr_type": "friend"}"#, field: "ebr_type"),
        BadBody(uri: "/v1/check", body: #"{"numbers": "+14155550104"}"#, field: "numbers"),
        BadBody(uri: "/v1/check", body: #"{"numbers": []}"#, field: "numbers"),
        BadBody(uri: "/v1/check", body: #"{"numbers": ["+14155550104", 7]}"#, field: "numbers[1]"),
        BadBody(uri: "/v1/check", body: #"{"numbers": [{"number": "+14155550104", "x": 1}]}"#, field: "numbers[0].x"),
        BadBody(uri: "/v1/check", body: #"{"numbers": ["+14155550104"], "at": "2026-12-01T00:00:00Z"}"#, field: "at"),
        BadBody(
            uri: "/v1/check", body: json(["numbers": Array(repeating: "+14155550104", count: 1_001)]),
            field: "numbers"),
        BadBody(
            uri: "/v1/check", body: "{\"number\": \"" + String(repeating: "1", count: 70_000) + "\"}", field: "body"),
        BadBody(uri: "/v1/optouts", body: #"{"number": "+14155550104"}"#, field: "channel"),
        BadBody(
            uri: "/v1/optouts", body: #"{"number": "+14155550104", "channel": "fax", "reason": "r", "evidence": "e"}"#,
            field: "channel"),
        BadBody(
            uri: "/v1/optouts", body: #"{"number": "+14155550104", "channel": "call", "reason": "r"}"#,
            field: "evidence"),
        BadBody(
            uri: "/v1/optouts",
            body: #"{"number": "+14155550104", "channel": "call", "reason": "r", "evidence": "e", "scope": "x"}"#,
            field: "scope"),
        BadBody(
            uri: "/v1/optouts",
            body: #"{"number": "+14155550104", "channel": "call", "reason": "r", "evidence": "e", "country": "USA"}"#,
            field: "country"),
        BadBody(
            uri: "/v1/optouts/reconsent",
            body: #"{"number": "+14155550104", "channel": "web", "reason": "r", "evidence": " "}"#, field: "evidence"),
        BadBody(uri: "/v1/optouts/reconsent", body: #"{"number": true}"#, field: "number"),
    ]
}

@Suite("scrub serve: bad input")
struct ServeBadInputTests {
    @Test("a bad body is a 400 naming the field, and records nothing", arguments: BadBody.all)
    func badBody(_ bad: BadBody) async throws {
        let fixture = try ServeFixture()
        let answer = try await fixture.serve { client in
            try await client.send(.post, bad.uri, token: fixture.tokens[.compliance], body: bad.body)
        }
        #expect(answer.status == .badRequest, "\(answer.text)")
        #expect(answer.json["field"] as? String == bad.field, "\(answer.text)")
        #expect(try lines(of: fixture.journal).count == 1)
    }

    @Test("an unknown query parameter or a bad time in GET /v1/audit is a 400 naming it")
    func badQuery() async throws {
        let fixture = try ServeFixture()
        let answers = try await fixture.serve { client in
            [
                try await client.send(.get, "/v1/audit?from=2026-01-01", token: fixture.tokens[.compliance]),
                try await client.send(.get, "/v1/audit?since=soon", token: fixture.tokens[.compliance]),
                try await client.send(.get, "/v1/audit?kind=everything", token: fixture.tokens[.compliance]),
            ]
        }
        #expect(answers.map(\.status) == [.badRequest, .badRequest, .badRequest])
        #expect(answers.map { $0.json["field"] as? String } == ["from", "since", "kind"])
    }
}
