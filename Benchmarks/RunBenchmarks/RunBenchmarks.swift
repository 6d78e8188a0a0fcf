import Benchmark
import Foundation
import ScrubIndex
import ScrubKit
import ScrubPipeline
import ScrubRules
import ScrubSample

// End to end: a whole `scrub run` (inflate, parse, normalise, registry and suppression look-ups,
// duplicates, calling windows, both outputs compressed at level 1, reports) as the library runs it,
// on data made once by `scrub sample generate`'s generator and kept in the temporary directory:
// SCRUB_BENCH_ROWS leads (default 1,000,000), a US registry index of 5x as many numbers listing a
// quarter of the US leads, and 100,000 opt-outs listing 0.5% of the leads. Reports throughput (rows),
// CPU, mallocs and peak memory; `report.json`'s per-stage CPU seconds are printed after each run.

let environment = ProcessInfo.processInfo.environment
let rows = Int(environment["SCRUB_BENCH_ROWS"] ?? "") ?? 1_000_000
let work = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-run-bench-\(rows)").path

/// Generates the leads and lists, and builds the registry index, unless an earlier run did.
func prepare() throws {
    let index = work + "/registry.idx"
    if FileManager.default.fileExists(atPath: index) { return }
    let options = SampleOptions(
        rows: rows, registrySize: rows * 5, suppressionSize: 100_000, seed: 1, suppressionHitRate: 0.005)
    _ = try SampleGenerator(options: options).generate(into: work)
    var keys = KeyCollector()
    for line in try String(contentsOfFile: work + "/registry.txt", encoding: .utf8).split(separator: "\n") {
        keys.add(UInt64(line.dropFirst())!)  // "+1NXXNXXXXXX"
    }
    let today = ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withFullDate])
    _ = try IndexBuilder.build(
        keys: keys,
        metadata: IndexMetadata(
            name: "bench-registry", kind: .registry, regions: ["US"], snapshotDate: today, maxAgeDays: 31),
        output: index)
}

/// The run `Benchmarks/compare.sh` times through the CLI, as flags.
func plan() throws -> PipelinePlan {
    func flag<T>(_ value: T, _ name: String) -> PipelineDefinition.Located<T> { .init(value: value, location: name) }
    var flags = PipelineDefinition()
    flags.inputs = [flag(work + "/leads.csv.gz", "--input")]
    flags.outputDirectory = flag(work + "/out", "--out")
    flags.registries = [flag(work + "/registry.idx", "--registry")]
    flags.suppressionLists = [flag(work + "/suppression.txt", "--suppression")]
    flags.countryColumn = flag("country", "--country-column")
    flags.stateColumn = flag("state", "--state-column")
    flags.postcodeColumn = flag("postcode", "--postcode-column")
    flags.compressionLevel = flag(1, "--compression-level")
    return try PipelinePlan.resolve(
        PipelineDefinition(), overrides: flags, environment: .standard(normalizer: PhoneNormalizerStage()))
}

let benchmarks: @Sendable () -> Void = {
    do {
        try prepare()
    } catch {
        fatalError("cannot make the benchmark's data: \(error)")
    }
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .one, maxDuration: .seconds(300), maxIterations: 3)

    Benchmark("scrub run end to end (\(rows) rows, level 1)", configuration: configuration) { benchmark in
        let run = ScrubRun(plan: try plan())
        run.logger.logLevel = .error
        benchmark.startMeasurement()
        let report = try run.run().report
        benchmark.stopMeasurement()
        let stages = report.timings.cpuSeconds.sorted { $0.key < $1.key }
            .map { "\($0.key) \(String(format: "%.2f", $0.value)) s" }
        print("  \(report.rowsIn) rows, CPU by stage: \(stages.joined(separator: ", "))")
    }
}
