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
    /// What checks consult now; a reload swaps it (``reload()``).
    let generations: CurrentGeneration
    let keys: any KeyStore
    /// Where each check leaves its keyed hash; nil without a check-log key.
    let checkLog: CheckLog?
    /// Re-consents waiting for a second compliance key (`optouts.reconsent.approvals: 2`).
    let proposals = ReconsentProposals()
    let metrics: ServeMetrics
    let logger: Logger
    /// The clock: the default check time, and the time of recorded events and audit records.
    let now: @Sendable () -> UTCTime

    /// Request bodies larger than this are refused (400) before they are parsed.
    static let maxBodyBytes = 64 * 1024

    /// Resolves the pipeline (once per call channel) and reads the opt-out journal.
    ///
    /// - Throws: `PipelineError` as `scrub check` would for the same pipeline; `RecordError` when
    ///   the journal cannot be read.
    public static func load(
        _ configuration: ServeConfiguration, keys: any KeyStore, registry: PrometheusCollectorRegistry,
        logger: Logger,
        now: @escaping @Sendable () -> UTCTime = { UTCTime(seconds: Int64(Date().timeIntervalSince1970)) }
    ) throws -> ScrubServer {
        let (plans, own) = try DecisionGeneration.resolve(configuration)
        let generation = try DecisionGeneration(number: 1, plans: plans, own: own, configuration: configuration)
        let checkLog = try configuration.checkLog.map { try CheckLog(path: $0.path, key: $0.key) }
        return ScrubServer(
            configuration: configuration, generations: CurrentGeneration(generation), keys: keys, checkLog: checkLog,
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
        router.get("/v1/optouts/reconsent/pending") { request, _ in
            await self.respond(route: "reconsent_pending") { _ in try self.pendingReconsents(request) }
        }
        router.post("/v1/optouts/reconsent/:proposal/approve") { request, context in
            let proposal = context.parameters.get("proposal") ?? ""
            return await self.respond(route: "reconsent_approve") { id in
                try await self.approve(request, proposal: proposal, requestID: id)
            }
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
