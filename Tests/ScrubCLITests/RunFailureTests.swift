import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// A lead file of `rows` rows, gzipped as one member (so a cut lands inside it).
private func leads(rows: Int) throws -> (plain: [UInt8], gzip: [UInt8]) {
    var text = "id,name,phone,country\n"
    for i in 0..<rows { text += "\(i),Lead \(i),+1212555\(String(1000 + i % 9000)),US\n" }
    let plain = Array(text.utf8)
    let memory = MemorySink()
    let sink = ParallelGzipSink(writingTo: memory, level: 6, threads: 1, blockSize: plain.count + 1)
    try sink.write(plain)
    try sink.finish()
    return (plain, memory.bytes)
}

/// Small output blocks, so the failures below happen after many blocks reached the compression threads.
private let smallBlocks = ["--gzip-block-size", "512", "--threads", "3", "--quiet", "--progress", "never"]

@Suite("A run that fails part-way exits with its documented code and message, never a signal")
struct RunFailureTests {
    // Regression: a gzip input cut short after the first output block killed scrub with SIGILL (132).
    @Test("a gzip input truncated at any offset exits 65 naming the file and byte")
    func truncatedInput() throws {
        let dir = try TemporaryDirectory()
        let whole = try leads(rows: 1500).gzip
        for cut in [11, 30, 2_000, whole.count / 3, whole.count / 2, whole.count - 20, whole.count - 1] {
            try Data(whole[..<cut]).write(to: dir.url.appendingPathComponent("leads.csv.gz"))
            let result = try ScrubProcess.run(
                ["run", "--input", "leads.csv.gz", "--out", "out"] + smallBlocks, in: dir.url, stdinBytes: nil)
            #expect(!result.diedOnSignal, "cut at \(cut): signal \(result.status)")
            #expect(result.status == 65, "cut at \(cut): \(result.stderr)")
            #expect(result.stderr.contains("leads.csv.gz: byte "), "cut at \(cut): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.path("out/clean.csv.gz")))
        }
    }

    // Regression: a full disk after the first output block killed scrub with SIGILL (132).
    @Test("a write failing with ENOSPC at any of the run's writes exits 73 or 74 naming the file")
    func diskFull() throws {
        let strace = "/usr/bin/strace"
        guard FileManager.default.isExecutableFile(atPath: strace) else {
            print("skipped: \(strace) is missing, so no write can be made to fail")
            return
        }
        let dir = try TemporaryDirectory()
        try Data(try leads(rows: 800).gzip).write(to: dir.url.appendingPathComponent("leads.csv.gz"))
        for n in [1, 2, 3, 5, 9, 17, 33, 65] {
            let out = "out-\(n)"
            let result = try ScrubProcess.run(
                ["run", "--input", "leads.csv.gz", "--out", out] + smallBlocks, in: dir.url, stdinBytes: nil,
                wrapper: [
                    strace, "-f", "-o", "/dev/null", "-e", "trace=write", "-e", "inject=write:error=ENOSPC:when=\(n)",
                ])
            #expect(!result.diedOnSignal, "write \(n): signal \(result.status)")
            #expect([73, 74].contains(result.status), "write \(n): \(result.status) \(result.stderr)")
            #expect(
                result.stderr.contains("No space left on device") && result.stderr.contains(dir.path(out)),
                "write \(n): \(result.stderr)")
        }
    }
}
