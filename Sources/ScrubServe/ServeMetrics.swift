import Prometheus
import ScrubKit
import ScrubRules
import Synchronization

/// The counters `/metrics` shows: requests by route and status, checks by decision. No numbers, no
/// key names, no tokens: nothing personal.
///
/// The counters every check increments are looked up once, not made again per request: making one
/// builds its name, labels and status text and searches the registry under its lock.
final class ServeMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// `scrub_checks_total` by decision, for every decision a check can give.
    private let checks: [String: Counter]
    /// `scrub_http_requests_total` by route and status, as they are first answered.
    private let requests = Mutex<[RouteStatus: Counter]>([:])

    private struct RouteStatus: Hashable {
        var route: String
        var status: Int
    }

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        var checks: [String: Counter] = [:]
        for decision in ["CLEAN"] + RejectReason.allCases.map(\.rawValue) {
            checks[decision] = Self.checkCounter(registry, decision)
        }
        self.checks = checks
    }

    func request(route: String, status: Int) {
        let key = RouteStatus(route: route, status: status)
        let counter = requests.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(
                descriptor: MetricNameDescriptor(
                    metricName: "scrub_http_requests_total", unitName: "",
                    helpText: "HTTP requests answered, by route and status"),
                labels: [("route", route), ("status", String(status))])
            counters[key] = counter
            return counter
        }
        counter.increment()
    }

    func check(decision: String) {
        (checks[decision] ?? Self.checkCounter(registry, decision)).increment()
    }

    private static func checkCounter(_ registry: PrometheusCollectorRegistry, _ decision: String) -> Counter {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "scrub_checks_total", unitName: "",
                helpText: "Numbers checked, by decision (CLEAN or the reject reason)"),
            labels: [("decision", decision)])
    }

    func optOutEvents(_ action: String, count: Int) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "scrub_optout_events_total", unitName: "",
                helpText: "Opt-out journal events recorded through the server"),
            labels: [("event", action)]
        ).increment(by: Int64(count))
    }

    func reload(succeeded: Bool) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "scrub_reloads_total", unitName: "",
                helpText: "Reloads of the pipeline's lists and journal (SIGHUP), by outcome"),
            labels: [("outcome", succeeded ? "reloaded" : "failed")]
        ).increment()
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
