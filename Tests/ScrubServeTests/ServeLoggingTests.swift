import HummingbirdTesting
import Logging
import ScrubTestSupport
import Synchronization
import Testing

/// The lines a ``CapturingLogHandler`` was given, for a test to read.
final class CapturedLines: Sendable {
    let lines = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])
}

/// A log handler that keeps what it is given at its level or above.
struct CapturingLogHandler: LogHandler {
    let captured: CapturedLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        captured.lines.withLock { $0.append((event.level, "\(event.message)", event.metadata ?? [:])) }
    }
}

@Suite("scrub serve: logs")
struct ServeLoggingTests {
    @Test("at info an answered request leaves no line, a refused one does; at debug both do; never a number")
    func levels() async throws {
        let fixture = try ServeFixture()
        for level in [Logger.Level.info, .debug] {
            let handler = CapturedLines()
            var logger = Logger(label: "scrub.serve.test") { _ in CapturingLogHandler(captured: handler) }
            logger.logLevel = level
            try await fixture.server(logger: logger).application().test(.live) { client in
                let answered = try await client.send(
                    .post, "/v1/check", token: fixture.tokens[.dialer], body: json(["number": ServeFixture.clean]))
                let refused = try await client.send(.post, "/v1/check", token: "wrong", body: "{}")
                #expect(answered.status == .ok && refused.status == .unauthorized)
            }
            let requests = handler.lines.withLock { $0.filter { $0.message == "request" } }
            let statuses = requests.map { $0.metadata["status"].map { "\($0)" } }
            #expect(statuses == (level == .info ? ["401"] : ["200", "401"]), "at \(level)")
            let text = handler.lines.withLock { $0.map { "\($0.message) \($0.metadata)" }.joined() }
            #expect(!text.contains("4155550104"), "no number in the logs")
        }
    }
}
