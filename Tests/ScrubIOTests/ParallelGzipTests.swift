import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

private func text(lines: Int) -> [UInt8] {
    var random = SeededRandom(seed: 7)
    var out = ""
    for i in 0..<lines { out += "\(i),+1212555\(Int.random(in: 1000..<10000, using: &random)),row \(i)\n" }
    return Array(out.utf8)
}

private func parallelGzip(_ input: [UInt8], threads: Int, blockSize: Int, writes: Int = 7) throws -> [UInt8] {
    let memory = MemorySink()
    let sink = ParallelGzipSink(writingTo: memory, level: 6, threads: threads, blockSize: blockSize)
    // Uneven writes, so block cuts fall inside writes.
    var start = 0
    let step = max(1, input.count / writes)
    while start < input.count {
        let end = min(input.count, start + step + start % 13)
        try input[start..<end].withUnsafeBytes { try sink.write($0) }
        start = end
    }
    try sink.finish()
    #expect(memory.finished)
    return memory.bytes
}

private func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let dir = try TemporaryDirectory()
    try Data(bytes).write(to: dir.url.appendingPathComponent("x.gz"))
    return try gunzip(file: dir.path("x.gz"))
}

@Suite("Parallel gzip and prefetching")
struct ParallelGzipTests {
    @Test("output is byte-identical whatever the thread count, and decompresses to the input")
    func identicalAcrossThreads() throws {
        let input = text(lines: 20_000)
        let one = try parallelGzip(input, threads: 1, blockSize: 64 * 1024)
        for threads in [2, 3, 8] {
            #expect(try parallelGzip(input, threads: threads, blockSize: 64 * 1024) == one)
        }
        #expect(try gunzip(one) == input)
    }

    @Test("system gzip accepts the multi-member output")
    func gzipAccepts() throws {
        let dir = try TemporaryDirectory()
        try Data(try parallelGzip(text(lines: 5_000), threads: 2, blockSize: 10_000))
            .write(to: dir.url.appendingPathComponent("m.gz"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -t '\(dir.path("m.gz"))'"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("an empty stream is still a valid gzip file")
    func emptyStream() throws {
        let bytes = try parallelGzip([], threads: 2, blockSize: 1024)
        #expect(!bytes.isEmpty)
        #expect(try gunzip(bytes) == [])
    }

    @Test("prefetching reads the same bytes, and reports a corrupt input where it is")
    func prefetching() throws {
        let dir = try TemporaryDirectory()
        let input = text(lines: 30_000)
        let compressed = try parallelGzip(input, threads: 2, blockSize: 50_000)
        try Data(compressed).write(to: dir.url.appendingPathComponent("ok.gz"))
        let source = PrefetchingByteSource(try ByteReader(path: dir.path("ok.gz")), chunkSize: 4096, depth: 2)
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1000)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try source.read(into: $0) }
            if n == 0 { break }
            out += chunk[..<n]
        }
        #expect(out == input)
        #expect(source.finishedReader?.gzipMembers ?? 0 > 1)

        var damaged = compressed
        damaged[damaged.count / 2] ^= 0xFF
        try Data(damaged).write(to: dir.url.appendingPathComponent("bad.gz"))
        let bad = PrefetchingByteSource(try ByteReader(path: dir.path("bad.gz")), chunkSize: 4096, depth: 2)
        #expect(throws: ScrubIOError.self) {
            while try chunk.withUnsafeMutableBytes({ try bad.read(into: $0) }) > 0 {}
        }
    }
}

@Suite("Parallel gzip on a shared worker pool")
struct ParallelGzipPoolTests {
    /// Compresses `input` as two interleaved streams on one pool, as a run writes clean and rejects.
    private func twoStreams(_ input: [UInt8], pool: WorkerPool, blockSize: Int) throws -> ([UInt8], [UInt8]) {
        let first = MemorySink()
        let second = MemorySink()
        let a = ParallelGzipSink(writingTo: first, level: 6, pool: pool, blockSize: blockSize)
        let b = ParallelGzipSink(writingTo: second, level: 1, pool: pool, blockSize: blockSize)
        var start = 0
        while start < input.count {
            let end = min(input.count, start + 777 + start % 13)
            try input[start..<end].withUnsafeBytes { try a.write($0) }
            try input[start..<end].reversed().withUnsafeBytes { try b.write($0) }
            start = end
        }
        try a.finish()
        try b.finish()
        return (first.bytes, second.bytes)
    }

    @Test(
        "streams sharing a pool are byte-identical to a sink with its own threads, for any thread count",
        arguments: [1, 2, 3, 8], [1_000, 64 * 1024])
    func identicalOnSharedPool(threads: Int, blockSize: Int) throws {
        let input = text(lines: 8_000)
        let reference = try parallelGzip(input, threads: 1, blockSize: blockSize)
        let (a, _) = try twoStreams(input, pool: WorkerPool(threads: threads), blockSize: blockSize)
        #expect(a == reference)
        #expect(try gunzip(a) == input)
    }

    @Test(
        "a sink on a shared pool failing at any block throws the first error, and the pool goes on",
        arguments: [1, 2, 3])
    func failureOnSharedPool(threads: Int) throws {
        let pool = WorkerPool(threads: threads)
        let input = text(lines: 3_000)
        let error = ScrubIOError(.cannotCreate, path: "out/clean.csv.gz", message: "No space left on device")
        for failing in [0, 1, 3, 8] {
            let sink = ParallelGzipSink(
                writingTo: FailingSink(failingWrite: failing, error: error), level: 1, pool: pool, blockSize: 2_000)
            #expect(throws: error) {
                try input.withUnsafeBytes { try sink.write($0) }
                try sink.finish()
            }
        }
        let (a, _) = try twoStreams(input, pool: pool, blockSize: 2_000)
        #expect(try gunzip(a) == input)
    }
}
