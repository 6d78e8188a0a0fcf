import Benchmark
import Foundation
import ScrubIO

// Streaming I/O against the codec floor: a gzipped lead file read record by record and written back
// through the CSV writer and gzip -6, beside `zcat FILE | gzip -6 > /dev/null` on the same file, in
// the same run. Set SCRUB_BENCH_ROWS to change the size (default 1,000,000 rows).

let rows = Int(ProcessInfo.processInfo.environment["SCRUB_BENCH_ROWS"] ?? "") ?? 1_000_000
let workDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-io-bench-\(rows)")
let leadFile = workDirectory.appendingPathComponent("leads.csv.gz").path

/// Writes a realistic lead file (12 columns, messy phone formats, some quoted fields) once.
func makeLeadFile() throws {
    if FileManager.default.fileExists(atPath: leadFile) { return }
    try FileManager.default.createDirectory(at: workDirectory, withIntermediateDirectories: true)
    let output = try OutputFile(path: leadFile, permissions: 0o644)
    let gzip = GzipSink(writingTo: output, level: 6)
    let writer = CSVWriter(sink: gzip)
    try writer.write(fields: [
        "id", "first_name", "last_name", "phone", "email", "address", "city", "state", "postcode", "country",
        "source", "created_at",
    ].map { Array($0.utf8) })
    var state: UInt64 = 0x1234_5678
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    let names = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Zoë", "O'Brien", "Müller", "Nguyen"]
    let formats: [(UInt64, UInt64) -> String] = [
        { "(\($0 % 800 + 200)) 555-\(String(format: "%04d", $1 % 10000))" },
        { "+1 \($0 % 800 + 200) 555 \(String(format: "%04d", $1 % 10000))" },
        { "\($0 % 800 + 200).555.\(String(format: "%04d", $1 % 10000))" },
        { "+44 20 7946 \(String(format: "%04d", $1 % 10000))" },
        { "0491 57\($0 % 10) \(String(format: "%03d", $1 % 1000))" },
    ]
    for i in 0..<rows {
        let a = next()
        let b = next()
        let fields = [
            String(i), names[Int(a % 10)], names[Int(b % 10)], formats[Int(a % 5)](a, b),
            "user\(i)@example.com", a % 7 == 0 ? "\(b % 999) Main St, Apt \(a % 40)" : "\(b % 999) Main St",
            "Springfield", "IL", String(format: "%05d", b % 100_000), "US", "webform",
            "2026-\(String(format: "%02d", a % 12 + 1))-15T10:00:00Z",
        ]
        try writer.write(fields: fields.map { Array($0.utf8) })
    }
    try writer.finish()
    try output.commit()
}

/// Reads every record of `path` and writes it back through the CSV writer and gzip at `level`.
func roundTrip(_ path: String, level: Int) throws -> Int {
    let reader = try CSVReader(source: ByteReader(path: path))
    let sink = GzipSink(writingTo: NullSink(), level: level)
    let writer = CSVWriter(sink: sink, delimiter: reader.dialect.delimiter)
    try writer.write(reader.header)
    var record = CSVRecord()
    var count = 0
    while case let outcome = try reader.next(into: &record), outcome != .endOfInput {
        if outcome == .record { try writer.write(record) }
        count += 1
    }
    try writer.finish()
    return count
}

/// A sink that drops everything: the benchmark measures reading, writing and compressing.
final class NullSink: ByteSink {
    func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {}
    func finish() throws(ScrubIOError) {}
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
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 3)
    do { try makeLeadFile() } catch { fatalError("cannot make the benchmark's lead file: \(error)") }

    Benchmark("baseline: zcat | gzip -6 > /dev/null (\(rows) rows)") { _ in
        try shell("zcat '\(leadFile)' | gzip -6 > /dev/null")
    }
    Benchmark("CSV read + write + gzip -6 (\(rows) rows)") { _ in
        blackHole(try roundTrip(leadFile, level: 6))
    }
    Benchmark("CSV read + write + gzip -1 (\(rows) rows)") { _ in
        blackHole(try roundTrip(leadFile, level: 1))
    }
}
