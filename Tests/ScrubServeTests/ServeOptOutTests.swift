import Foundation
import HummingbirdTesting
import ScrubAccess
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("scrub serve: opt-outs and re-consent")
struct ServeOptOutTests {
    static let number = ServeFixture.clean
    static let optOutBody = json([
        "number": number, "channel": "call", "reason": "asked on the call", "evidence": "disposition-77",
    ])
    static let reconsentBody = json([
        "number": number, "channel": "web", "reason": "opted in again", "evidence": "form-12",
    ])

    /// A number's decision from a dialer's check, with the lead's person key if given.
    static func decision(
        _ client: some TestClientProtocol, _ fixture: ServeFixture, of number: String = number, person: String? = nil
    ) async throws -> String? {
        var body: [String: Any] = ["number": number]
        body["person"] = person
        let answer = try await client.send(.post, "/v1/check", token: fixture.tokens[.dialer], body: json(body))
        return answer.json["decision"] as? String
    }

    @Test("an agent's opt-out counts for the next check, survives a restart, and reaches the next compile")
    func optOutThenRestart() async throws {
        let fixture = try ServeFixture()
        try await fixture.serve { client in
            #expect(try await Self.decision(client, fixture) == "CLEAN")
            let recorded = try await client.send(
                .post, "/v1/optouts", token: fixture.tokens[.agent], body: Self.optOutBody)
            #expect(recorded.status == .created, "\(recorded.text)")
            let id = try #require(recorded.json["event_id"] as? String)
            #expect(id.count == 64 && id.allSatisfy(\.isHexDigit))
            #expect(try await Self.decision(client, fixture) == "SUPPRESSED")
        }
        let afterRestart = try await fixture.serve { client in try await Self.decision(client, fixture) }
        #expect(afterRestart == "SUPPRESSED")
        // A batch run resolved now still has the old index; the next compile brings the opt-out in.
        #expect(try fixture.plan().check(CheckRequest(Self.number), at: testTime()).decision.reason == nil)
        try OptOutJournal(path: fixture.journal).compile(to: fixture.dir.path("optouts.idx"))
        #expect(try fixture.plan().check(CheckRequest(Self.number), at: testTime()).decision.reason == .suppressed)
    }

    @Test("compliance's re-consent lifts the opt-out at once and after a restart")
    func reconsent() async throws {
        let fixture = try ServeFixture()
        try await fixture.serve { client in
            #expect(
                try await client.send(.post, "/v1/optouts", token: fixture.tokens[.agent], body: Self.optOutBody)
                    .status == .created)
            #expect(try await Self.decision(client, fixture) == "SUPPRESSED")
            let lifted = try await client.send(
                .post, "/v1/optouts/reconsent", token: fixture.tokens[.compliance], body: Self.reconsentBody)
            #expect(lifted.status == .created, "\(lifted.text)")
            #expect(try await Self.decision(client, fixture) == "CLEAN")
        }
        let afterRestart = try await fixture.serve { client in try await Self.decision(client, fixture) }
        #expect(afterRestart == "CLEAN")
    }

    @Test("an opt-out for a person suppresses a check of any number with the person key, after a restart too")
    func personOptOut() async throws {
        let fixture = try ServeFixture()
        let other = "+1 415 555 0199"
        try await fixture.serve { client in
            #expect(try await Self.decision(client, fixture, of: other, person: "C-001") == "CLEAN")
            var body = try #require(
                try JSONSerialization.jsonObject(with: Data(Self.optOutBody.utf8)) as? [String: Any])
            body["person"] = "C-001"
            let recorded = try await client.send(.post, "/v1/optouts", token: fixture.tokens[.agent], body: json(body))
            #expect(recorded.status == .created, "\(recorded.text)")
            #expect(try await Self.decision(client, fixture, of: other, person: "C-001") == "SUPPRESSED")
            #expect(try await Self.decision(client, fixture, of: other, person: "C-002") == "CLEAN")
            #expect(try await Self.decision(client, fixture, of: other, person: nil) == "CLEAN")
            #expect(try await Self.decision(client, fixture) == "SUPPRESSED", "the number itself too")
            body["person"] = " "
            let blank = try await client.send(.post, "/v1/optouts", token: fixture.tokens[.agent], body: json(body))
            #expect(blank.status == .badRequest && blank.json["field"] as? String == "person")
            let badCheck = try await client.send(
                .post, "/v1/check", token: fixture.tokens[.dialer], body: json(["number": other, "person": ""]))
            #expect(badCheck.status == .badRequest && badCheck.json["field"] as? String == "person")
        }
        #expect(
            try await fixture.serve { client in try await Self.decision(client, fixture, of: other, person: "C-001") }
                == "SUPPRESSED")
        #expect(!(try String(contentsOfFile: fixture.auditLog, encoding: .utf8)).contains("C-001"))
    }

    @Test("every opt-out request with a key is audited: actor, role, request id, outcome; no token, no number")
    func auditRecords() async throws {
        let fixture = try ServeFixture()
        let requestIDs = try await fixture.serve { client in
            let recorded = try await client.send(
                .post, "/v1/optouts", token: fixture.tokens[.agent], body: Self.optOutBody)
            let refused = try await client.send(
                .post, "/v1/optouts/reconsent", token: fixture.tokens[.agent], body: Self.reconsentBody)
            let invalid = try await client.send(
                .post, "/v1/optouts", token: fixture.tokens[.compliance],
                body: json(["number": "12", "channel": "call", "reason": "r", "evidence": "e"]))
            #expect(recorded.status == .created && refused.status == .forbidden && invalid.status == .badRequest)
            #expect(invalid.json["field"] as? String == "number")
            return [recorded, refused, invalid].count
        }
        #expect(requestIDs == 3)
        let records = try lines(of: fixture.auditLog).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.map { $0["actor"] as? String } == ["agent-1", "agent-1", "compliance-1"])
        #expect(records.map { $0["role"] as? String } == ["agent", "agent", "compliance"])
        #expect(records.map { $0["status"] as? Int } == [201, 403, 400])
        #expect(records.map { $0["outcome"] as? String } == ["recorded", "refused", "refused"])
        #expect(Set(records.compactMap { $0["request_id"] as? String }).count == 3)
        let text = try String(contentsOfFile: fixture.auditLog, encoding: .utf8)
        #expect(!text.contains("4155550104") && !text.contains("415 555 0104"))
        for token in fixture.tokens.values { #expect(!text.contains(token)) }
        #expect(try AuditLog(path: fixture.auditLog).verify().firstBrokenLine == nil)
    }

    @Test("GET /v1/audit: audit records and journal events, filtered by kind and time")
    func auditRead() async throws {
        let fixture = try ServeFixture()
        let (all, optOuts, later) = try await fixture.serve { client in
            _ = try await client.send(.post, "/v1/optouts", token: fixture.tokens[.agent], body: Self.optOutBody)
            let token = fixture.tokens[.compliance]
            return (
                try await client.send(.get, "/v1/audit", token: token),
                try await client.send(.get, "/v1/audit?kind=opt_out", token: token),
                try await client.send(.get, "/v1/audit?since=2026-12-01T17:59:00Z&kind=request", token: token)
            )
        }
        let kinds = (all.json["records"] as? [[String: Any]])?.map { $0["kind"] as? String }
        #expect(kinds == ["opt_out", "request", "opt_out"])  // by time; the audit log first at equal times
        #expect((optOuts.json["records"] as? [[String: Any]])?.count == 2)
        #expect((later.json["records"] as? [[String: Any]])?.count == 1)
    }
}
