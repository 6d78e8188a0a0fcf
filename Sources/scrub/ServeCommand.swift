import ArgumentParser
import Dispatch
import Foundation
import Logging
import Metrics
import Prometheus
import ScrubAccess
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubServe
import ServiceLifecycle

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer dial-time checks and record opt-outs over HTTP, with the pipeline's own decision.",
        discussion: """
            Clients send Authorization: Bearer <token> with a key from scrub keys add. SIGHUP re-opens the \
            pipeline's registries, lists, indexes and journal without a restart (a failed reload keeps the old \
            ones). SIGTERM or SIGINT stops it gracefully: requests in flight finish. --config FILE holds the \
            same settings in YAML; flags win. See docs/serve.md and docs/openapi.yaml.
            """
    )

    @Option(help: "A YAML file with these settings (pipeline, keys, listen, ...); flags given win over it.")
    var config: String?

    @Option(help: "The pipeline whose lists, registries, rules, journal and audit log apply.")
    var pipeline: String?

    @Option(help: "The key file (scrub keys add).")
    var keys: String?

    @Option(help: "HOST:PORT to listen on (default 127.0.0.1:8080); put TLS in a proxy in front of it.")
    var listen: String?

    @Option(help: "How many deciders answer at once (default 2; each has its own caches over the same lists).")
    var deciders: Int?

    @Option(help: "The scope the opt-out index is compiled for (scrub optout compile --scope); default: every opt-out.")
    var optOutScope: OptOutScope?

    @Flag(help: "Serve with registries older than their maximum age (recorded in every audit record).")
    var allowStale = false

    @OptionGroup var signing: SigningOptions

    @Option(
        help: ArgumentHelp(
            "The HMAC key (scrub keys check-log-key generate, 0600) under which each check leaves a record.",
            valueName: "keyfile"))
    var checkLogKey: String?

    @Option(help: ArgumentHelp("The check log (default: checks.jsonl beside the audit log).", valueName: "file"))
    var checkLog: String?

    @Option(
        help: """
            info (the default): start, reloads, refused requests and errors; debug adds a line for every \
            answered request (its route, status and id; never a number or a token).
            """)
    var logLevel: String?

    /// `listen` as host and port.
    static func address(_ listen: String) -> (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port), colon != listen.startIndex
        else { return nil }
        return (String(listen[..<colon]), port)
    }

    /// The settings: each flag given, else the config file's, else the default.
    func settings() throws -> ServeSettings {
        var file = ServeConfigurationFile()
        if let config {
            do {
                file = try ServeConfigurationFile.load(path: config)
            } catch {
                // The file's own error: `file:line:column: error: ...`.
                printError("\(error)")
                throw ExitCode(ExitStatus.configError)
            }
        }
        guard let pipeline = pipeline ?? file.pipeline else {
            throw ValidationError("give --pipeline (or `pipeline` in --config)")
        }
        guard let keys = keys ?? file.keys else { throw ValidationError("give --keys (or `keys` in --config)") }
        let listen = listen ?? file.listen ?? "127.0.0.1:8080"
        guard let address = Self.address(listen) else {
            throw ValidationError("--listen takes HOST:PORT such as 127.0.0.1:8080, not \(listen)")
        }
        let deciders = deciders ?? file.deciders ?? 2
        guard (1...64).contains(deciders) else { throw ValidationError("--deciders takes 1 to 64") }
        var scope = optOutScope
        if scope == nil, let text = file.optOutScope {
            guard let named = OptOutScope(argument: text) else {
                throw ValidationError("opt_out_scope in --config: not a scope: \(text)")
            }
            scope = named
        }
        let signer = try (signing.path ?? file.signingKey).map(loadSigningKey)
        var checkLogSetting: (path: String, key: CheckLogKey)?
        if let keyFile = checkLogKey ?? file.checkLogKey {
            var key: CheckLogKey?
            try reportingKeyErrors { () throws(KeyStoreError) in key = try CheckLogKey.load(path: keyFile) }
            let path = try checkLog ?? file.checkLog ?? Self.besideAuditLog(pipeline: pipeline)
            checkLogSetting = (path, key!)
        } else if checkLog ?? file.checkLog != nil {
            throw ValidationError("--check-log needs --check-log-key: the records hold keyed hashes of the numbers")
        }
        let levelText = logLevel ?? file.logLevel ?? "info"
        guard let level = Logger.Level(rawValue: levelText), [.debug, .info].contains(level) else {
            throw ValidationError("--log-level takes info or debug, not \(levelText)")
        }
        return ServeSettings(
            configuration: ServeConfiguration(
                pipeline: pipeline, host: address.host, port: address.port, deciders: deciders, optOutScope: scope,
                allowStale: allowStale || file.allowStale == true, signer: signer, checkLog: checkLogSetting),
            keys: keys, logLevel: level)
    }

    /// `checks.jsonl` in the pipeline's audit log's folder.
    static func besideAuditLog(pipeline: String) throws -> String {
        let audit: String
        do throws(PipelineError) {
            let definition = try PipelineDefinition.load(path: pipeline)
            audit = PipelinePlan.auditLogPath(definition, overrides: PipelineDefinition()) ?? "audit.jsonl"
        } catch {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
        return URL(fileURLWithPath: audit).deletingLastPathComponent().appendingPathComponent("checks.jsonl").path
    }

    /// Runs the server on the concurrency pool while the main thread waits: the other commands stay
    /// synchronous, with their work on the main thread (the fault-injection tests trace that thread).
    func run() throws {
        let settings = try settings()
        let outcome = ServeOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await Self.serve(settings.configuration, keys: settings.keys, logLevel: settings.logLevel)
            } catch {
                outcome.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    static func serve(_ configuration: ServeConfiguration, keys: String, logLevel: Logger.Level) async throws {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        var logger = Logger(label: "scrub.serve")
        logger.logLevel = logLevel
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
                services: [.init(service: server.application()), .init(service: server.lifecycleService())],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// What `scrub serve` runs with, once flags and the config file are merged.
struct ServeSettings {
    var configuration: ServeConfiguration
    var keys: String
    var logLevel: Logger.Level
}

/// The error the server's task ended with, handed to the waiting main thread (written before the
/// semaphore is signalled, read after it is waited on).
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
