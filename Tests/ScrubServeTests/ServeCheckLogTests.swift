import Foundation
import Hummingbird
import HummingbirdTesting
import ScrubAccess
import ScrubRecords
import ScrubTestSupport
import Synchronization
import Testing

@Suite("scrub serve: check records (HMAC of the number, time, decision, key name)")
struct ServeCheckLogTests {
    /// A clock a test moves on.
    final class Clock: Sendable {
        let seconds: Atomic<Int64>

        init(_ text: String) { seconds = Atomic(UTCTime(parsing: Array(text.utf8))!.seconds) }

        var now: UTCTime { UTCTime(seconds: seconds.load(ordering: .relaxed)) }
    }

    @Test("every checked number leaves its keyed hash, and each key's checks are counted per minute")
    func records() async throws {
        let fixture = try ServeFixture()
        let key = CheckLogKey()
        let log = fixture.dir.path("checks.jsonl")
        let clock = Clock("2026-12-01T18:00:10Z")
        let server = try fixture.server(checkLog: (log, key), now: { clock.now })
        try await server.application().test(.live) { client in
            let dialer = fixture.tokens[.dialer]
            let agent = fixture.tokens[.agent]
            _ = try await client.send(.post, "/v1/check", token: dialer, body: json(["number": ServeFixture.clean]))
            _ = try await client.send(
                .post, "/v1/check", token: agent,
                body: json(["numbers": [ServeFixture.registered, "12345", ServeFixture.suppressed]]))
            // A refused request is not a check.
            _ = try await client.send(.post, "/v1/check", token: dialer, body: json(["numbr": "1"]))
            clock.seconds.store(UTCTime(parsing: Array("2026-12-01T18:01:05Z".utf8))!.seconds, ordering: .relaxed)
            _ = try await client.send(.post, "/v1/check", token: dialer, body: json(["number": ServeFixture.clean]))
        }
        let records = try lines(of: log).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let checks = records.filter { $0["record"] as? String == "check" }
        #expect(
            checks.map { $0["number_hmac"] as? String } == [
                key.pseudonym("+14155550104"), key.pseudonym("+12125550101"), key.pseudonym("12345"),
                key.pseudonym("+13055550102"), key.pseudonym("+14155550104"),
            ])
        #expect(
            checks.map { $0["decision"] as? String } == [
                "CLEAN", "DNC_REGISTRY", "INVALID_NUMBER", "SUPPRESSED", "CLEAN",
            ])
        #expect(checks.map { $0["key"] as? String } == ["dialer-1", "agent-1", "agent-1", "agent-1", "dialer-1"])
        #expect(checks.allSatisfy { $0["hmac_key"] as? String == key.id })
        #expect(checks.map { $0["time"] as? String }.last == "2026-12-01T18:01:05Z")
        // The first minute's counts are written when the next minute's first check comes.
        let counts = records.filter { $0["record"] as? String == "check_count" }
        #expect(counts.map { $0["key"] as? String } == ["agent-1", "dialer-1"])
        #expect(counts.map { $0["checks"] as? Int } == [3, 1])
        #expect(counts.allSatisfy { $0["minute"] as? String == "2026-12-01T18:00:00Z" })
        #expect(records.firstIndex { $0["record"] as? String == "check_count" } == 4)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        for digits in ["4155550104", "2125550101", "3055550102"] { #expect(!text.contains(digits)) }
        var info = stat()
        #expect(stat(log, &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test("concurrent checks share writes, and every one is answered after its own whole line is written")
    func concurrentChecks() async throws {
        let fixture = try ServeFixture()
        let key = CheckLogKey()
        let log = fixture.dir.path("checks.jsonl")
        let token = try #require(fixture.tokens[.dialer])
        let numbers = (0..<400).map { "+1415234\(String(format: "%04d", $0))" }
        let requests = numbers.map { number in
            (
                method: HTTPRequest.Method.post, uri: "/v1/check", token: token,
                body: Optional(json(["number": number]))
            )
        }
        let recorded = Mutex<[Int]>([])
        let answers = try await fixture.server(checkLog: (log, key)).application().test(.live) { client in
            let port = try #require(client.port)
            return try await ServeFixture.concurrently(port: port, clients: 16, requests) {
                // Lines on disk when an answer arrives, read in turn: never fewer than the answers so far.
                recorded.withLock { $0.append((try? lines(of: log).count) ?? 0) }
            }
        }
        #expect(answers.count == numbers.count && answers.allSatisfy { $0.answer.status == HTTPResponse.Status.ok })
        let observed = recorded.withLock { $0 }
        #expect(observed.enumerated().allSatisfy { $0.element >= $0.offset + 1 }, "a check answered before its line")
        let checks = try lines(of: log).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }.filter { $0["record"] as? String == "check" }
        #expect(checks.count == numbers.count)
        #expect(Set(checks.compactMap { $0["number_hmac"] as? String }) == Set(numbers.map(key.pseudonym)))
    }
}
