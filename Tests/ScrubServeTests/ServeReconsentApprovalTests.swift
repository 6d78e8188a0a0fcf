import Foundation
import HummingbirdTesting
import ScrubAccess
import ScrubRecords
import ScrubTestSupport
import Synchronization
import Testing

@Suite("scrub serve: re-consent with two approvals (optouts.reconsent.approvals: 2)")
struct ServeReconsentApprovalTests {
    /// A fixture whose pipeline asks for two approvals, with a second compliance key, and the number
    /// opted out by an agent.
    static func fixture() throws -> (fixture: ServeFixture, second: String) {
        let fixture = try ServeFixture(reconsentApprovals: 2)
        let second = try FileKeyStore(path: fixture.keys).add(
            name: "compliance-2", role: .compliance, created: "2026-12-01T00:00:00Z"
        ).token
        return (fixture, second)
    }

    /// The journal's events in order.
    static func events(_ path: String) throws -> [OptOutEvent] {
        var events: [OptOutEvent] = []
        try OptOutJournal(path: path).forEachEvent { event, _ in events.append(event) }
        return events
    }

    /// A clock the test moves.
    final class TestClock: Sendable {
        let seconds = Mutex(UTCTime(parsing: Array(ServeFixture.noon.utf8))!.seconds)
        func now() -> UTCTime { UTCTime(seconds: seconds.withLock { $0 }) }
        func advance(hours: Int64) { seconds.withLock { $0 += hours * 3600 } }
    }

    @Test("a proposal lifts nothing; the proposer cannot approve it; a second compliance key's approval does")
    func fourEyes() async throws {
        let (fixture, second) = try Self.fixture()
        let events = try await fixture.serve { client in
            let first = fixture.tokens[.compliance]
            #expect(
                try await client.send(
                    .post, "/v1/optouts", token: fixture.tokens[.agent], body: ServeOptOutTests.optOutBody
                ).status == .created)
            let proposed = try await client.send(
                .post, "/v1/optouts/reconsent", token: first, body: ServeOptOutTests.reconsentBody)
            #expect(proposed.status == .accepted, "\(proposed.text)")
            #expect(proposed.json["approvals_needed"] as? Int == 1)
            #expect(proposed.json["proposed_by"] as? String == "compliance-1")
            let id = try #require(proposed.json["proposal_id"] as? String)
            #expect(try await ServeOptOutTests.decision(client, fixture) == "SUPPRESSED")

            let pending = try await client.send(.get, "/v1/optouts/reconsent/pending", token: second)
            #expect((pending.json["proposals"] as? [[String: Any]])?.map { $0["proposal_id"] as? String } == [id])

            let own = try await client.send(.post, "/v1/optouts/reconsent/\(id)/approve", token: first)
            #expect(own.status == .forbidden, "\(own.text)")
            let agent = try await client.send(
                .post, "/v1/optouts/reconsent/\(id)/approve", token: fixture.tokens[.agent])
            #expect(agent.status == .forbidden)
            #expect(try await ServeOptOutTests.decision(client, fixture) == "SUPPRESSED")

            let approved = try await client.send(.post, "/v1/optouts/reconsent/\(id)/approve", token: second)
            #expect(approved.status == .created, "\(approved.text)")
            #expect(approved.json["event"] as? String == "reconsent")
            #expect(try await ServeOptOutTests.decision(client, fixture) == "CLEAN")

            let again = try await client.send(.post, "/v1/optouts/reconsent/\(id)/approve", token: second)
            #expect(again.status == .notFound)
            #expect(again.json["field"] as? String == "proposal_id")
            return try Self.events(fixture.journal)
        }
        let reconsent = try #require(events.last)
        #expect(reconsent.action == .reconsent)
        #expect(reconsent.actor == "compliance-1" && reconsent.approvedBy == "compliance-2")
        #expect(reconsent.evidence == "form-12")
        #expect(try HashChainedLog(path: fixture.journal).verify().firstBrokenLine == nil)

        let records = try lines(of: fixture.auditLog).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let trail = records.map { "\($0["action"] ?? ""):\($0["actor"] ?? ""):\($0["status"] ?? "")" }
        #expect(
            trail == [
                "record_opt_out:agent-1:201", "record_reconsent:compliance-1:202",
                "approve_reconsent:compliance-1:403", "approve_reconsent:agent-1:403",
                "approve_reconsent:compliance-2:201", "approve_reconsent:compliance-2:404",
            ])
        #expect(records[1]["outcome"] as? String == "proposed" && records[4]["outcome"] as? String == "recorded")
        #expect(records[4]["proposal_id"] as? String == records[1]["proposal_id"] as? String)
        #expect(records[4]["proposed_by"] as? String == "compliance-1")
        let text = try String(contentsOfFile: fixture.auditLog, encoding: .utf8)
        #expect(!text.contains("4155550104") && !text.contains("415 555 0104"))
    }

    @Test("a proposal lapses after 24 hours and lifts nothing; a bad number is refused before it is proposed")
    func lapseAndBadNumber() async throws {
        let (fixture, second) = try Self.fixture()
        let clock = TestClock()
        try await fixture.server(now: clock.now).application().test(.live) { client in
            _ = try await client.send(
                .post, "/v1/optouts", token: fixture.tokens[.agent], body: ServeOptOutTests.optOutBody)
            let bad = try await client.send(
                .post, "/v1/optouts/reconsent", token: fixture.tokens[.compliance],
                body: json(["number": "12", "channel": "web", "reason": "r", "evidence": "e"]))
            #expect(bad.status == .badRequest && bad.json["field"] as? String == "number", "\(bad.text)")
            let proposed = try await client.send(
                .post, "/v1/optouts/reconsent", token: fixture.tokens[.compliance],
                body: ServeOptOutTests.reconsentBody)
            let id = try #require(proposed.json["proposal_id"] as? String)
            clock.advance(hours: 24)
            let late = try await client.send(.post, "/v1/optouts/reconsent/\(id)/approve", token: second)
            #expect(late.status == .notFound, "\(late.text)")
            let pending = try await client.send(.get, "/v1/optouts/reconsent/pending", token: second)
            #expect((pending.json["proposals"] as? [[String: Any]])?.isEmpty == true)
            let body = json(["number": ServeFixture.clean, "at": ServeFixture.noon])
            let check = try await client.send(.post, "/v1/check", token: fixture.tokens[.dialer], body: body)
            #expect(check.json["decision"] as? String == "SUPPRESSED")
        }
        #expect(try Self.events(fixture.journal).filter { $0.action == .reconsent }.isEmpty)
    }

    @Test("without the setting, one compliance key records a re-consent at once (201)")
    func oneApproval() async throws {
        let fixture = try ServeFixture(reconsentApprovals: 1)
        let status = try await fixture.serve { client in
            try await client.send(
                .post, "/v1/optouts/reconsent", token: fixture.tokens[.compliance],
                body: ServeOptOutTests.reconsentBody
            ).status
        }
        #expect(status == .created)
    }
}
