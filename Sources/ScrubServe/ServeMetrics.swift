import Prometheus

/// The counters `/metrics` shows: requests by route and status, checks by decision. No numbers, no
/// key names, no tokens: nothing personal.
struct ServeMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    func request(route: String, status: Int) {
        registry.makeCounter(
            name: "scrub_http_requests_total", labels: [("route", route), ("status", String(status))]
        ).increment()
    }

    func check(decision: String) {
        registry.makeCounter(
            name: "scrub_checks_total", labels: [("decision", decision)]
        ).increment()
    }

    func optOutEvents(_ action: String, count: Int) {
        registry.makeCounter(
            name: "scrub_optout_events_total", labels: [("event", action)]
        ).increment(by: Int64(count))
    }

    /// The Prometheus text exposition of every metric.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}
