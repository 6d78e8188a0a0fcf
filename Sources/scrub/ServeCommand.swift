import ArgumentParser
import Dispatch
import Logging
import Metrics
import Prometheus
import ScrubAccess
import ScrubKit
import ScrubRecords
import ScrubServe
import ServiceLifecycle

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer dial-time checks and record opt-outs over HTTP, with the pipeline's own decision.",
        discussion: """
            Clients send Authorization: Bearer <token> with a key from scrub keys add. SIGTERM or SIGINT stops \
            it gracefully: requests in flight finish. See docs/serve.md and docs/openapi.yaml.
            """
    )

    @Option(help: "The pipeline whose lists, registries, rules, journal and audit log apply.")
    var pipeline: String

    @Option(help: "The key file (scrub keys add).")
    var keys: String

    @Option(help: "HOST:PORT to listen on; put TLS in a proxy in front of it.")
    var listen = "127.0.0.1:8080"

    @Option(help: "How many deciders answer at once (each resolves the pipeline and maps its lists).")
    var deciders = 2

    @Option(help: "The scope the opt-out index is compiled for (scrub optout compile --scope); default: every opt-out.")
    var optOutScope: OptOutScope?

    @Flag(help: "Serve with registries older than their maximum age (recorded in every audit record).")
    var allowStale = false

    /// `--listen` as host and port.
    var address: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port), colon != listen.startIndex
        else { return nil }
        return (String(listen[..<colon]), port)
    }

    func validate() throws {
        guard address != nil else { throw ValidationError("--listen takes HOST:PORT such as 127.0.0.1:8080") }
        guard (1...64).contains(deciders) else { throw ValidationError("--deciders takes 1 to 64") }
    }

    /// Runs the server on the concurrency pool while the main thread waits: the other commands stay
    /// synchronous, with their work on the main thread (the fault-injection tests trace that thread).
    func run() throws {
        let configuration = ServeConfiguration(
            pipeline: pipeline, host: address!.host, port: address!.port, deciders: deciders,
            optOutScope: optOutScope, allowStale: allowStale)
        let keys = self.keys
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await Self.serve(configuration, keys: keys)
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    static func serve(_ configuration: ServeConfiguration, keys: String) async throws {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let logger = Logger(label: "scrub.serve")
        let server: ScrubServer
        do {
            server = try ScrubServer.load(
                configuration, keys: FileKeyStore(path: keys), registry: registry, logger: logger)
        } catch let error as PipelineError {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        } catch let error as RecordError {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: server.application())], gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }
}

/// The error the server's task ended with, handed to the waiting main thread (written before the
/// semaphore is signalled, read after it is waited on).
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
