import Benchmark
import BenchmarkSupport
import Foundation
import ScrubIO
import ScrubIndex

// Registry index lookups and builds. The suite makes its own data in the temporary directory (kept
// between runs): an index of SCRUB_BENCH_ENTRIES random US numbers (default 50,000,000), probed by
// 1,000,000 numbers of which 25% are listed; and a gzipped list of SCRUB_BENCH_BUILD_LINES E.164 lines
// (default 10,000,000), built beside `zcat` over the same file.

let environment = ProcessInfo.processInfo.environment
let entries = Int(environment["SCRUB_BENCH_ENTRIES"] ?? "") ?? 50_000_000
let buildLines = Int(environment["SCRUB_BENCH_BUILD_LINES"] ?? "") ?? 10_000_000
let probeCount = 1_000_000
let workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-index-bench")
let indexPath = workDirectory.appendingPathComponent("registry-\(entries).scrubidx").path
let listPath = workDirectory.appendingPathComponent("list-\(buildLines).txt.gz").path

extension BenchmarkRandom {
    /// A random US number as a key: 1, then an area code and number starting 2-9.
    mutating func usNumber() -> UInt64 {
        10_000_000_000 + 2_000_000_000 + next() % 8_000_000_000
    }
}

/// Builds the index once; returns the probes (25% members, in random order).
func prepareLookups() throws -> [UInt64] {
    try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    var generator = BenchmarkRandom(state: 1)
    var members: [UInt64] = []
    let memberProbes = probeCount / 4
    if !FileManager.default.fileExists(atPath: indexPath) {
        var collector = KeyCollector()
        for index in 0..<entries {
            let key = generator.usNumber()
            collector.add(key)
            if index % (entries / memberProbes) == 0 && members.count < memberProbes { members.append(key) }
        }
        let metadata = IndexMetadata(
            name: "benchmark", kind: .registry, regions: ["US"], snapshotDate: "2026-11-28", maxAgeDays: 31)
        _ = try IndexBuilder.build(keys: collector, metadata: metadata, output: indexPath)
    } else {
        for index in 0..<entries {
            let key = generator.usNumber()
            if index % (entries / memberProbes) == 0 && members.count < memberProbes { members.append(key) }
        }
    }
    var probes = members
    var others = BenchmarkRandom(state: 2)
    while probes.count < probeCount { probes.append(others.usNumber()) }
    for index in stride(from: probes.count - 1, to: 0, by: -1) {
        probes.swapAt(index, Int(others.next() % UInt64(index + 1)))
    }
    return probes
}

/// Writes the gzipped E.164 list once.
func prepareList() throws {
    if FileManager.default.fileExists(atPath: listPath) { return }
    try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    let output = try OutputFile(path: listPath, permissions: 0o644)
    let gzip = GzipSink(writingTo: output, level: 6)
    var generator = BenchmarkRandom(state: 3)
    var text: [UInt8] = []
    for _ in 0..<buildLines {
        text.append(UInt8(ascii: "+"))
        text += String(generator.usNumber()).utf8
        text.append(UInt8(ascii: "\n"))
        if text.count > 1 << 20 {
            try text.withUnsafeBytes { try gzip.write($0) }
            text.removeAll(keepingCapacity: true)
        }
    }
    try text.withUnsafeBytes { try gzip.write($0) }
    try gzip.finish()
    try output.commit()
}

func shell(_ command: String) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    try process.run()
    process.waitUntilExit()
    precondition(process.terminationStatus == 0, "\(command) failed")
}

let benchmarks: @Sendable () -> Void = {
    let probes: [UInt64]
    do {
        probes = try prepareLookups()
        try prepareList()
    } catch {
        fatalError("cannot make the benchmark's data: \(error)")
    }
    let index: IndexFile
    do { index = try IndexFile(path: indexPath) } catch { fatalError("\(error)") }
    let lookupConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .instructions], scalingFactor: .mega, maxDuration: .seconds(10),
        maxIterations: 50)

    Benchmark("lookup, batch (\(entries) entries, 25% hits)", configuration: lookupConfiguration) { benchmark in
        var results = [Bool](repeating: false, count: probes.count)
        benchmark.startMeasurement()
        probes.withUnsafeBufferPointer { keys in
            results.withUnsafeMutableBufferPointer { index.contains(batch: keys, into: $0) }
        }
        benchmark.stopMeasurement()
        blackHole(results)
    }

    Benchmark("lookup, one at a time (\(entries) entries, 25% hits)", configuration: lookupConfiguration) {
        benchmark in
        var found = 0
        benchmark.startMeasurement()
        for key in probes where index.contains(key) { found += 1 }
        benchmark.stopMeasurement()
        blackHole(found)
    }

    Benchmark(
        "open and check header (\(entries) entries)",
        configuration: .init(metrics: [.wallClock], maxDuration: .seconds(5), maxIterations: 1_000)
    ) { _ in
        blackHole(try IndexFile(path: indexPath).entryCount)
    }

    let buildConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(120), maxIterations: 3)

    Benchmark("baseline: zcat > /dev/null (\(buildLines) lines)", configuration: buildConfiguration) { _ in
        try shell("zcat '\(listPath)' > /dev/null")
    }

    Benchmark("build from gzipped E.164 text (\(buildLines) lines)", configuration: buildConfiguration) { _ in
        var collector = KeyCollector()
        let reader = try ByteReader(path: listPath)
        var parser = E164LineParser()
        try collector.readLines(named: listPath, parser: &parser) { try reader.read(into: $0) }
        let metadata = IndexMetadata(
            name: "benchmark", kind: .registry, regions: ["US"], snapshotDate: "2026-11-28", maxAgeDays: 31)
        let output = workDirectory.appendingPathComponent("built.scrubidx").path
        blackHole(try IndexBuilder.build(keys: collector, metadata: metadata, output: output))
    }
}
