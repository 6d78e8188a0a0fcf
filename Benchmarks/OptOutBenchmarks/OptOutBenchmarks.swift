import Benchmark
import BenchmarkSupport
import Foundation
import ScrubKit
import ScrubRecords
import ScrubRules

// The opt-out journal and the contact history. The suite makes its own data in the temporary directory
// (kept between runs): a journal of SCRUB_BENCH_EVENTS events (default 1,000,000; 10% re-consent, a
// third brand-scoped), and SCRUB_BENCH_CALLS calls (default 10,000,000) to 2,000,000 numbers over 90 days,
// of which the history keeps the last 60 days.

let environment = ProcessInfo.processInfo.environment
let eventCount = Int(environment["SCRUB_BENCH_EVENTS"] ?? "") ?? 1_000_000
let callCount = Int(environment["SCRUB_BENCH_CALLS"] ?? "") ?? 10_000_000
let workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-optout-bench")
let journalPath = workDirectory.appendingPathComponent("optouts-\(eventCount).jsonl").path
let start = UTCTime(seconds: 1_793_534_400)  // 2026-11-01T12:00:00Z
let day: Int64 = 86_400

/// Writes the journal once, through the journal's own log writer, in batches.
func prepareJournal() throws {
    if FileManager.default.fileExists(atPath: journalPath) { return }
    try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    var generator = BenchmarkRandom(state: 1)
    let log = HashChainedLog(path: journalPath)
    var batch: [[String: AuditValue]] = []
    for index in 0..<eventCount {
        let e164 = 12_000_000_000 + generator.next() % 8_000_000_000
        let time = UTCTime(seconds: start.seconds + Int64(index) * 13)
        let event = OptOutEvent(
            action: index % 10 == 9 ? .reconsent : .optOut, time: time, recordedAt: time, number: "+\(e164)",
            e164: e164, scope: index % 3 == 0 ? OptOutScope("acme")! : .all, channel: .call,
            reason: "disposition code DNC", evidence: "disposition calls.csv.gz:\(index + 2) id=C-\(index)",
            actor: "cron")
        batch.append(event.fields)
        if batch.count == 10_000 {
            try log.append(batch)
            batch.removeAll(keepingCapacity: true)
        }
    }
    try log.append(batch)
}

/// The calls: (number, time), 2,000,000 numbers over the 90 days before the campaign.
func makeCalls() -> [(UInt64, UTCTime)] {
    var generator = BenchmarkRandom(state: 2)
    return (0..<callCount).map { _ in
        (
            14_150_000_000 + generator.next() % 2_000_000,
            UTCTime(seconds: start.seconds - Int64(generator.next() % UInt64(90 * day)))
        )
    }
}

let benchmarks: @Sendable () -> Void = {
    do {
        try prepareJournal()
    } catch {
        fatalError("cannot make the benchmark's data: \(error)")
    }
    let calls = makeCalls()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(120), maxIterations: 3)

    Benchmark("journal compile (\(eventCount) events)", configuration: configuration) { _ in
        let output = workDirectory.appendingPathComponent("compiled.idx").path
        blackHole(try OptOutJournal(path: journalPath).compile(to: output))
    }

    Benchmark("journal verify (\(eventCount) events)", configuration: configuration) { _ in
        blackHole(try HashChainedLog(path: journalPath).verify())
    }

    Benchmark("history build, 60-day window (\(callCount) calls given)", configuration: configuration) { benchmark in
        var builder = ContactHistory.Builder(
            from: UTCTime(seconds: start.seconds - FrequencyCapTable.legal.lookback), through: start)
        benchmark.startMeasurement()
        for (e164, time) in calls { builder.add(e164: e164, time: time, refusal: e164 % 7 == 0) }
        let history = builder.build()
        benchmark.stopMeasurement()
        blackHole(history.byteCount)
    }

    var builder = ContactHistory.Builder(
        from: UTCTime(seconds: start.seconds - FrequencyCapTable.legal.lookback), through: start)
    for (e164, time) in calls { builder.add(e164: e164, time: time, refusal: e164 % 7 == 0) }
    let history = builder.build()
    Benchmark(
        "history decisions, FR caps (1,000,000 numbers)",
        configuration: .init(
            metrics: [.wallClock, .throughput], scalingFactor: .mega, maxDuration: .seconds(10), maxIterations: 20)
    ) { benchmark in
        var capped = 0
        for index in benchmark.scaledIterations {
            let e164 = 14_150_000_000 + UInt64(index % 2_000_000)
            if case .capped = history.decision(for: e164, at: start, offer: nil, caps: [.france]) { capped += 1 }
        }
        blackHole(capped)
    }
}
