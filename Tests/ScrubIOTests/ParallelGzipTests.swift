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
