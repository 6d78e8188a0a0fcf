import Prometheus

/// The counters `/metrics` shows: requests by route and status, checks by decision. No numbers, no
/// key names, no tokens: nothing personal.
struct ServeMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    func request(route: String, status: Int) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "scrub_http_requests_total", unitName: "",
                helpText: "HTTP requests answered, by route and status"),
            labels: [("route", route), ("status", String(status))]
        ).increment()
    }

    func check(decision: String) {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                metricName: "scrub_checks_total", unitName: "",
                helpText: "Numbers checked, by decision (CLEAN or the reject reason)"),
            labels: [("decision", decision)]
        ).increment()
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
