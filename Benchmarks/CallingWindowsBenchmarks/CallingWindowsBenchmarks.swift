import Benchmark
import CallingWindows
import Foundation

// Per-row cost of calling windows: a run computes each distinct (zones, states, purpose, date) window once
// and every row after that is a cache look-up. The look-up benchmark replays a realistic mix of requests
// (US numbers with and without a state, Canadian, Australian mobiles and landlines, UK, French, German)
// over one campaign day; the miss benchmark computes windows from scratch for comparison.
// Set SCRUB_BENCH_ROWS to change the number of rows per iteration (default 1,000,000).

let rows = Int(ProcessInfo.processInfo.environment["SCRUB_BENCH_ROWS"] ?? "") ?? 1_000_000
let campaignDay = LocalDate("2026-12-01")!

/// The distinct requests a lead file would produce, built from the location tables.
func distinctRequests() -> [WindowRequest] {
    var requests: [WindowRequest] = []
    for state in LocationTable.subdivisions(country: "US") {
        let zones = LocationTable.zones(country: "US", subdivision: state)
        requests.append(WindowRequest(country: "US", subdivisions: [state], zones: zones, date: campaignDay))
        requests.append(WindowRequest(country: "US", zones: [zones[0]], date: campaignDay))
    }
    for province in LocationTable.subdivisions(country: "CA") {
        let zones = LocationTable.zones(country: "CA", subdivision: province)
        requests.append(WindowRequest(country: "CA", subdivisions: [province], zones: zones, date: campaignDay))
    }
    for state in LocationTable.subdivisions(country: "AU") {
        let zones = LocationTable.zones(country: "AU", subdivision: state)
        requests.append(WindowRequest(country: "AU", subdivisions: [state], zones: zones, date: campaignDay))
    }
    requests.append(WindowRequest(country: "AU", date: campaignDay))  // mobiles with no location
    for country in ["GB", "FR", "DE", "ES", "IE", "NZ"] {
        requests.append(WindowRequest(country: country, date: campaignDay))
    }
    return requests
}

/// The request of each row: a deterministic pseudo-random draw from the distinct requests.
func rowRequests(_ distinct: [WindowRequest]) -> [WindowRequest] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<rows).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return distinct[Int((state >> 33) % UInt64(distinct.count))]
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal], maxDuration: .seconds(30), maxIterations: 5)
    let book: RuleBook
    do { book = try RuleBook.bundled() } catch { fatalError("bundled rules do not load: \(error)") }
    let calculator = CallingWindowCalculator(ruleBook: book)
    let distinct = distinctRequests()
    let perRow = rowRequests(distinct)

    Benchmark("cache look-up per row, warm (\(rows) rows, \(distinct.count) distinct windows)") { benchmark in
        let cache = CallingWindowCache(calculator: calculator)
        for request in distinct { _ = cache.window(for: request) }
        benchmark.startMeasurement()
        var bytes = 0
        for request in perRow { bytes &+= cache.window(for: request).columnBytes[1].count }
        blackHole(bytes)
    }
    Benchmark("cache look-up per row, cold: includes computing every distinct window (\(rows) rows)") { _ in
        let cache = CallingWindowCache(calculator: calculator)
        var bytes = 0
        for request in perRow { bytes &+= cache.window(for: request).columnBytes[1].count }
        blackHole(bytes)
    }
    Benchmark("build the request from the row's fields, then look up (\(rows) rows)") { benchmark in
        let cache = CallingWindowCache(calculator: calculator)
        for request in distinct { _ = cache.window(for: request) }
        benchmark.startMeasurement()
        var bytes = 0
        for request in perRow {
            let rebuilt = WindowRequest(
                country: request.country, subdivisions: request.subdivisions,
                zones: request.zones, purpose: request.purpose, date: request.date)
            bytes &+= cache.window(for: rebuilt).columnBytes[1].count
        }
        blackHole(bytes)
    }
    Benchmark(
        "window computed from scratch (\(distinct.count) distinct requests)",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .throughput])
    ) { _ in
        for request in distinct { blackHole(calculator.window(for: request)) }
    }
}
