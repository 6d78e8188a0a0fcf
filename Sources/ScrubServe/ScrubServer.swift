import Foundation
import Hummingbird
import Logging
import Prometheus
import ScrubAccess
import ScrubKit
import ScrubRecords

/// `scrub serve`: the pipeline's one decision path, its opt-out journal and its audit log over HTTP,
/// behind bearer keys with roles.
///
/// Build it with ``load(_:keys:logger:now:)``, then run ``application()`` in a `ServiceGroup` (the
/// command does, with graceful shutdown on SIGTERM and SIGINT) or hand it to a test client.
public struct ScrubServer: Sendable {
    let configuration: ServeConfiguration
    let pool: DeciderPool
    /// The opt-out index with the journal's later events over it; nil without `optouts` in the pipeline.
    let optOuts: LiveOptOutList?
    let journal: OptOutJournal?
    let auditLog: AuditLog
    let keys: any KeyStore
    let metrics: ServeMetrics
    let logger: Logger
    /// The clock: the default check time, and the time of recorded events and audit records.
    let now: @Sendable () -> UTCTime

    /// Request bodies larger than this are refused (400) before they are parsed.
    static let maxBodyBytes = 64 * 1024

    /// Resolves the pipeline once per decider and reads the opt-out journal.
    ///
    /// - Throws: `PipelineError` as `scrub check` would for the same pipeline; `RecordError` when
    ///   the journal cannot be read.
    public static func load(
        _ configuration: ServeConfiguration, keys: any KeyStore, registry: PrometheusCollectorRegistry,
        logger: Logger,
        now: @escaping @Sendable () -> UTCTime = { UTCTime(seconds: Int64(Date().timeIntervalSince1970)) }
    ) throws -> ScrubServer {
        let definition = try PipelineDefinition.load(path: configuration.pipeline)
        var overrides = PipelineDefinition()
        if configuration.allowStale { overrides.allowStale = .init(value: true, location: "--allow-stale") }
        var plans: [PipelinePlan] = []
        for _ in 0..<max(1, configuration.deciders) {
            // Each decider gets stages of its own: their caches are not shared between threads.
            plans.append(
                try PipelinePlan.resolve(
                    definition, overrides: overrides, environment: .standard(normalizer: PhoneNormalizerStage())))
        }
        var optOuts: LiveOptOutList?
        var journal: OptOutJournal?
        if let check = plans[0].journal, let base = plans[0].suppressionLists.last, base.info.name == check.listName {
            let opened = OptOutJournal(path: check.journal)
            let live = try LiveOptOutList(
                base: base, journal: opened, compiledEvents: check.freshness.compiledEvents,
                scope: configuration.optOutScope)
            for index in plans.indices {
                let last = plans[index].suppressionLists.count - 1
                plans[index].suppressionLists[last] = live
            }
            optOuts = live
            journal = opened
        }
        return ScrubServer(
            configuration: configuration, pool: DeciderPool(slots: plans.map(DeciderPool.Slot.init)),
            optOuts: optOuts, journal: journal, auditLog: AuditLog(path: plans[0].auditLog), keys: keys,
            metrics: ServeMetrics(registry: registry), logger: logger, now: now)
    }

    /// The HTTP application: routes, listening address, logger.
    public func application() -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.get("/healthz") { _, _ in await self.respond(route: "healthz") { _ in Reply(.ok, ["status": "ok"]) } }
        router.get("/metrics") { _, _ in self.metricsResponse() }
        router.post("/v1/check") { request, _ in
            await self.respond(route: "check") { id in try await self.check(request, requestID: id) }
        }
        router.post("/v1/optouts") { request, _ in
            await self.respond(route: "optouts") { id in try await self.record(.optOut, request, requestID: id) }
        }
        router.post("/v1/optouts/reconsent") { request, _ in
            await self.respond(route: "reconsent") { id in try await self.record(.reconsent, request, requestID: id) }
        }
        router.get("/v1/audit") { request, _ in
            await self.respond(route: "audit") { _ in try self.audit(request) }
        }
        router.get("/v1/keys") { request, _ in
            await self.respond(route: "keys") { _ in try self.listKeys(request) }
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "scrub"),
            logger: logger)
    }
}
