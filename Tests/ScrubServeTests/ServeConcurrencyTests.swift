import Foundation
import Hummingbird
import HummingbirdTesting
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("scrub serve: concurrent opt-outs")
struct ServeConcurrencyTests {
    static let count = 200

    /// The `index`th of the test's numbers, each a valid US number on no list.
    static func number(_ index: Int) -> String {
        "+1 415 23\(index / 10_000)\(String(index % 10_000).leftPadded(to: 4))"
    }

    @Test("200 concurrent opt-outs leave valid signed chains with 200 events, and every number SUPPRESSED")
    func concurrentOptOuts() async throws {
        let signer = SigningKey()
        let fixture = try ServeFixture(signer: signer)
        let token = try #require(fixture.tokens[.agent])
        let requests = (0..<Self.count).map { index in
            (
                method: HTTPRequest.Method.post, uri: "/v1/optouts", token: token,
                body: Optional(
                    json([
                        "number": Self.number(index), "channel": "call", "reason": "asked on the call",
                        "evidence": "disposition-\(index)",
                    ]))
            )
        }
        let (answers, checked) = try await fixture.server().application().test(.live) { client in
            let port = try #require(client.port)
            let answers = try await ServeFixture.concurrently(port: port, clients: 16, requests)
            let checked = try await client.send(
                .post, "/v1/check", token: fixture.tokens[.dialer],
                body: json(["numbers": (0..<Self.count).map(Self.number)]))
            return (answers, checked)
        }
        #expect(answers.count == Self.count)
        #expect(answers.allSatisfy { $0.answer.status == .created })
        #expect(Set(answers.compactMap { $0.answer.json["event_id"] as? String }).count == Self.count)
        let results = try #require(checked.json["results"] as? [[String: Any]])
        #expect(results.count == Self.count)
        #expect(results.allSatisfy { $0["decision"] as? String == "SUPPRESSED" })

        let audit = try HashChainedLog(path: fixture.auditLog).verify(publicKey: signer.verifyingKey)
        #expect(audit.firstBrokenLine == nil, "\(audit.problem ?? "")")
        #expect(audit.records == Self.count && audit.signedRecords == Self.count)
        let journal = try HashChainedLog(path: fixture.journal).verify(publicKey: signer.verifyingKey)
        #expect(journal.firstBrokenLine == nil, "\(journal.problem ?? "")")
        // The fixture's own opt-out, then the server's.
        #expect(journal.records == Self.count + 1 && journal.signedRecords == Self.count + 1)
        let actions = try lines(of: fixture.auditLog).compactMap {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["action"] as? String
        }
        #expect(actions == Array(repeating: "record_opt_out", count: Self.count))
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
