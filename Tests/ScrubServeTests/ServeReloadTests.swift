import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import ScrubKit
import ScrubRecords
import ScrubTestSupport
import Synchronization
import Testing

@Suite("scrub serve: reload without restart")
struct ServeReloadTests {
    /// Answers seen so far, for a reloader waiting for the load to be under way.
    final class Progress: Sendable {
        let answered = Atomic(0)

        /// Returns once at least `count` answers have arrived (polling an observed count, not a guessed delay).
        func wait(for count: Int) async throws {
            while answered.load(ordering: .acquiring) < count { try await Task.sleep(for: .milliseconds(1)) }
        }
    }

    @Test("a reload under load drops no request, answers each once, and decides a registry entry added since")
    func reloadUnderLoad() async throws {
        let fixture = try ServeFixture()
        let registry = PrometheusCollectorRegistry()
        let server = try fixture.server(registry: registry)
        let token = try #require(fixture.tokens[.dialer])
        let numbers = [ServeFixture.clean, ServeFixture.registered, ServeFixture.suppressed]
        let requests = (0..<600).map { index in
            (
                method: HTTPRequest.Method.post, uri: "/v1/check", token: token,
                body: Optional(json(["number": numbers[index % numbers.count]]))
            )
        }
        let reloads = 5
        let progress = Progress()
        let (answers, generation, after) = try await server.application().test(.live) { client in
            let port = try #require(client.port)
            async let answers = ServeFixture.concurrently(port: port, clients: 8, requests) {
                progress.answered.add(1, ordering: .releasing)
            }
            var generation = 0
            for round in 1...reloads {
                try await progress.wait(for: round * requests.count / (reloads + 1))
                // The third snapshot lists the clean number too, as a registry update would.
                if round == 3 {
                    try ServeFixture.buildRegistry(
                        [12_125_550_101, 14_155_550_104], at: fixture.dir.path("us-dnc.idx"))
                }
                generation = try server.reload()
            }
            let all = try await answers
            let after = try await client.send(
                .post, "/v1/check", token: token, body: json(["number": ServeFixture.clean]))
            return (all, generation, after)
        }
        #expect(generation == reloads + 1)
        #expect(answers.count == requests.count)
        #expect(answers.map(\.index).sorted() == Array(requests.indices))
        for (index, answer) in answers {
            #expect(answer.status == .ok, "\(answer.text)")
            let decision = answer.json["decision"] as? String
            switch index % numbers.count {
            case 0: #expect(decision == "CLEAN" || decision == "DNC_REGISTRY")
            case 1: #expect(decision == "DNC_REGISTRY")
            default: #expect(decision == "SUPPRESSED")
            }
        }
        #expect(after.json["decision"] as? String == "DNC_REGISTRY")
        let metrics = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        #expect(metrics.contains(#"scrub_http_requests_total{route="check",status="200"} \#(requests.count + 1)"#))
        #expect(metrics.contains(#"scrub_reloads_total{outcome="reloaded"} \#(reloads)"#))
    }

    /// A file a reload meets broken, written as an update would be: whole, under a new name, renamed.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let file: String
        let text: String
        let testDescription: String

        static let all = [
            Breakage(file: "us-dnc.idx", text: "not an index\n", testDescription: "a corrupt registry index"),
            Breakage(
                file: "p.yaml", text: "version: 1\nregistries: [\n", testDescription: "a pipeline file that is not YAML"
            ),
            Breakage(file: "optouts.idx", text: "\u{0}\u{1}", testDescription: "a corrupt opt-out index"),
        ]
    }

    @Test("a failed reload keeps the old generation serving, and is logged and audited", arguments: Breakage.all)
    func failedReload(_ breakage: Breakage) async throws {
        let fixture = try ServeFixture()
        let registry = PrometheusCollectorRegistry()
        let server = try fixture.server(registry: registry)
        let token = try #require(fixture.tokens[.dialer])
        let path = fixture.dir.path(breakage.file)
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        try breakage.text.write(toFile: path + ".new", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: path + ".new", toPath: path)
        let decisions = try await server.application().test(.live) { client in
            #expect(throws: (any Error).self) { try server.reload() }
            var decisions: [String?] = []
            for number in [ServeFixture.registered, ServeFixture.optedOut, ServeFixture.clean] {
                let answer = try await client.send(.post, "/v1/check", token: token, body: json(["number": number]))
                decisions.append(answer.json["decision"] as? String)
            }
            // Mended, the next reload succeeds.
            try good.write(to: URL(fileURLWithPath: path))
            #expect(try server.reload() == 2)
            return decisions
        }
        #expect(decisions == ["DNC_REGISTRY", "SUPPRESSED", "CLEAN"])
        let records = try lines(of: fixture.auditLog).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(records.map { $0["record"] as? String } == ["serve_reload", "serve_reload"])
        #expect(records.map { $0["outcome"] as? String } == ["failed", "reloaded"])
        #expect(records.map { $0["generation"] as? Int } == [1, 2])
        #expect((records[0]["error"] as? String)?.isEmpty == false)
        let metrics = String(decoding: registry.emitToBuffer(), as: UTF8.self)
        #expect(metrics.contains(#"scrub_reloads_total{outcome="failed"} 1"#))
    }

    @Test("an opt-out recorded through a reloaded server counts, and one recorded before the reload stays")
    func optOutsAcrossReload() async throws {
        let fixture = try ServeFixture()
        let server = try fixture.server()
        let body = { @Sendable (number: String) in
            json(["number": number, "channel": "call", "reason": "asked on the call", "evidence": "d-1"])
        }
        let decisions = try await server.application().test(.live) { client in
            let agent = fixture.tokens[.agent]
            #expect(
                try await client.send(.post, "/v1/optouts", token: agent, body: body(ServeFixture.clean)).status
                    == .created)
            try server.reload()
            #expect(
                try await client.send(.post, "/v1/optouts", token: agent, body: body("+1 415 230 0001")).status
                    == .created)
            var decisions: [String?] = []
            for number in [ServeFixture.clean, "+1 415 230 0001"] {
                let answer = try await client.send(
                    .post, "/v1/check", token: fixture.tokens[.dialer], body: json(["number": number]))
                decisions.append(answer.json["decision"] as? String)
            }
            return decisions
        }
        #expect(decisions == ["SUPPRESSED", "SUPPRESSED"])
    }
}
