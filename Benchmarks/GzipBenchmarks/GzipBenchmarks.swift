import Benchmark
import Foundation
import ScrubIO

// Gzip in and out on their own, for the backend this build uses (zlib, or ISA-L with
// SCRUB_GZIP_BACKEND=isal, which builds the parent package with its ISAL trait). Input: a generated
// lead-like CSV file (SCRUB_BENCH_ROWS rows, default 1,000,000, about 125 bytes a row) compressed at
// level 6, as lead files arrive. Throughput in MB/s of uncompressed bytes is printed before the runs.

let rows = Int(ProcessInfo.processInfo.environment["SCRUB_BENCH_ROWS"] ?? "") ?? 1_000_000
let backend = GzipBackend.name

/// Lead-like CSV text: 12 columns, varied phone formats, some quoted fields.
func makeText() -> [UInt8] {
    var text: [UInt8] = []
    text.reserveCapacity(rows * 130)
    text += Array("id,first_name,last_name,phone,email,address,city,state,postcode,country,source,created_at\n".utf8)
    var state: UInt64 = 0x1234_5678
    func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
    let names = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Zoë", "O'Brien", "Müller", "Nguyen"]
    for i in 0..<rows {
        let a = next()
        let b = next()
        let phone =
            a % 3 == 0
            ? "(\(a % 800 + 200)) \(b % 800 + 200)-\(b % 10_000)" : a % 3 == 1
                ? "+44 7\(a % 1000) \(b % 1_000_000)" : "0\(a % 90 + 10) \(b % 10_000_000)"
        let address = a % 7 == 0 ? "\"\(b % 999) Main St, Apt \(a % 40)\"" : "\(b % 999) Main St"
        let line =
            "\(i),\(names[Int(a % 10)]),\(names[Int(b % 10)]),\(phone),user\(i)@example.com,\(address),"
            + "Springfield,IL,\(b % 100_000),US,webform,2026-\(a % 12 + 1)-15T10:\(b % 60):00Z\n"
        text += Array(line.utf8)
    }
    return text
}

/// Drops everything: the benchmark measures the codec.
final class NullSink: ByteSink {
    func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {}
    func finish() throws(ScrubIOError) {}
}

/// Keeps the compressed bytes, to write the input file and to report sizes.
final class CollectingSink: ByteSink {
    var bytes: [UInt8] = []
    func write(_ chunk: UnsafeRawBufferPointer) throws(ScrubIOError) { bytes += chunk }
    func finish() throws(ScrubIOError) {}
}

/// Compresses `text` at `level` in 256 KiB writes, as the CSV writer feeds its sink.
func compress(_ text: [UInt8], level: Int, into sink: ByteSink) throws -> Int64 {
    let gzip = GzipSink(writingTo: sink, level: level)
    try text.withUnsafeBytes { all in
        var start = 0
        while start < all.count {
            let end = min(start + 256 * 1024, all.count)
            try gzip.write(UnsafeRawBufferPointer(rebasing: all[start..<end]))
            start = end
        }
    }
    try gzip.finish()
    return gzip.bytesOut
}

/// Decompresses `path` through ByteReader into a 256 KiB buffer; returns the bytes produced.
func inflate(_ path: String) throws -> Int64 {
    let reader = try ByteReader(path: path)
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
    defer { buffer.deallocate() }
    while try reader.read(into: buffer) > 0 {}
    return reader.bytesProduced
}

func megabytesPerSecond(_ bytes: Int, _ seconds: Double) -> String {
    String(format: "%.0f MB/s", Double(bytes) / seconds / 1_000_000)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(60), maxIterations: 5)
    let text = makeText()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-gzip-bench-\(rows).csv.gz").path
    do {
        let collected = CollectingSink()
        _ = try compress(text, level: 6, into: collected)
        try Data(collected.bytes).write(to: URL(fileURLWithPath: path))
        // One timed pass of each, as MB/s of uncompressed bytes, with the compressed size.
        var report = "gzip backend \(backend), \(text.count) bytes of CSV (\(rows) rows):\n"
        var start = Date()
        _ = try inflate(path)
        report += "  inflate: \(megabytesPerSecond(text.count, Date().timeIntervalSince(start)))\n"
        for level in [1, 2, 6, 9] {
            start = Date()
            let size = try compress(text, level: level, into: NullSink())
            let seconds = Date().timeIntervalSince(start)
            report +=
                "  deflate level \(level): \(megabytesPerSecond(text.count, seconds)), \(size) bytes "
                + String(format: "(%.1f%%)\n", Double(size) * 100 / Double(text.count))
        }
        FileHandle.standardError.write(Data(report.utf8))
    } catch {
        fatalError("cannot prepare the gzip benchmark: \(error)")
    }

    Benchmark("inflate \(backend) (\(rows) rows)") { _ in
        blackHole(try inflate(path))
    }
    for level in [1, 6] {
        Benchmark("deflate level \(level) \(backend) (\(rows) rows)") { _ in
            blackHole(try compress(text, level: level, into: NullSink()))
        }
    }
}
