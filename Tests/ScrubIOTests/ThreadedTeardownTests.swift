import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

private let blockSize = 1024

/// Lines of text, `blocks` parallel-gzip blocks long and a little more (so the last block is partial).
private func input(blocks: Int) -> [UInt8] {
    var out: [UInt8] = []
    var i = 0
    while out.count < blocks * blockSize + 100 {
        out += Array("\(i),+1212555\(1000 + i % 9000),row \(i)\n".utf8)
        i += 1
    }
    return out
}

/// Writes `bytes` into `sink` in uneven pieces, so block cuts fall inside writes.
private func feed(_ bytes: [UInt8], to sink: ByteSink) throws(ScrubIOError) {
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + 300 + start % 7)
        try sink.write(Array(bytes[start..<end]))
        start = end
    }
}

private let diskFull = ScrubIOError(
    .cannotCreate, path: "out/clean.csv.gz", offset: 4096, message: "write failed: No space left on device")

/// Reads `source` up to `chunks` reads, its end or its first error; `ended` says whether it read as ended.
private func drain(_ source: ByteSource, chunks: Int = .max) -> (bytes: [UInt8], error: ScrubIOError?, ended: Bool) {
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 700)
    var taken = 0
    while taken < chunks {
        var failure: ScrubIOError?
        let n = buffer.withUnsafeMutableBytes { raw in
            do throws(ScrubIOError) { return try source.read(into: raw) } catch {
                failure = error
                return 0
            }
        }
        if let failure { return (out, failure, false) }
        if n == 0 { return (out, nil, true) }
        out += buffer[..<n]
        taken += 1
    }
    return (out, nil, false)
}

@Suite("Threaded components tear down cleanly on an error at any moment", .timeLimit(.minutes(1)))
struct ThreadedTeardownTests {
    // Regression: a full disk after the first block reached the compression threads killed the run
    // with SIGILL (a DispatchSemaphore released below its starting value), with no message.
    @Test(
        "a next sink failing at any block: the first error reaches the caller and every later call",
        arguments: [1, 2, 4], [0, 1, 2, 3, 5, 8, 13, 20, 21])
    func nextSinkFailsAtEveryBlock(threads: Int, failingWrite: Int) throws {
        let bytes = input(blocks: 20)  // 21 members; write 21 is past the last, so finish fails
        weak var weakNext: FailingSink?
        do {
            let next = FailingSink(failingWrite: failingWrite, error: diskFull)
            weakNext = next
            let sink = ParallelGzipSink(writingTo: next, level: 1, threads: threads, blockSize: blockSize)
            var caught: ScrubIOError?
            do throws(ScrubIOError) {
                try feed(bytes, to: sink)
                try sink.finish()
            } catch { caught = error }
            #expect(caught == diskFull)
            // A failed stream is never finished as if whole: later calls throw the same error.
            #expect(throws: diskFull) { try sink.write([1, 2, 3]) }
            #expect(throws: diskFull) { try sink.finish() }
            #expect(next.bytes.count <= (failingWrite) * (blockSize + 1024))
        }
        // Released with blocks in flight: no trap, and nothing holds the next sink any more.
        #expect(weakNext == nil)
    }

    // Regression: a gzip input cut short after the first output block killed the run with SIGILL.
    @Test("released without finish after any number of blocks, the sink stops its threads", arguments: [1, 2, 4])
    func releasedWithoutFinish(threads: Int) throws {
        let bytes = input(blocks: 12)
        for stop in stride(from: 0, through: bytes.count, by: 997) {
            weak var weakNext: MemorySink?
            do {
                let next = MemorySink()
                weakNext = next
                let sink = ParallelGzipSink(writingTo: next, level: 1, threads: threads, blockSize: blockSize)
                try feed(Array(bytes[..<stop]), to: sink)
                #expect(!next.finished)
            }
            #expect(weakNext == nil)
        }
    }

    @Test("a sink that failed and one that finished both report the CPU their threads used")
    func cpuTimeAfterFailure() throws {
        let sink = ParallelGzipSink(
            writingTo: FailingSink(failingWrite: 2, error: diskFull), level: 1, threads: 2, blockSize: blockSize)
        #expect(throws: diskFull) {
            try feed(input(blocks: 8), to: sink)
            try sink.finish()
        }
        #expect(sink.compressionCPUTime >= .zero)
    }

    // Regression: releasing a PrefetchingByteSource before its end trapped (DispatchSemaphore below
    // its starting value).
    @Test(
        "the prefetching reader released after any number of reads stops its thread and frees its source",
        arguments: [1, 2, 4], [0, 1, 2, 3, 7, 40])
    func prefetchReleasedEarly(depth: Int, reads: Int) throws {
        let bytes = input(blocks: 20)
        let events: GuardedState<SourceEvents>
        do {
            let tracked = TrackedSource(MemoryByteSource(bytes, chunkSize: 333, path: "leads.csv"))
            events = tracked.events
            let source = PrefetchingByteSource(source: tracked, chunkSize: 1000, depth: depth)
            let (read, error, _) = drain(source, chunks: reads)
            #expect(error == nil)
            #expect(read == Array(bytes[..<read.count]))
        }
        // The thread returns and drops the last reference to the source: no hung thread, no leak.
        events.wait(until: { $0.released })
    }

    @Test("released while its thread is inside a read, the prefetching reader still stops it")
    func prefetchReleasedDuringRead() throws {
        let events: GuardedState<SourceEvents>
        do {
            let tracked = TrackedSource(MemoryByteSource(input(blocks: 4), path: "leads.csv"), gateOpen: false)
            events = tracked.events
            let source = PrefetchingByteSource(source: tracked, chunkSize: 512, depth: 2)
            withExtendedLifetime(source) { events.wait(until: { $0.readsEntered > 0 }) }
        }
        events.update { $0.gateOpen = true }
        events.wait(until: { $0.released })
    }

    @Test(
        "an error from the reader reaches the consumer with its file and offset, after every byte before it",
        arguments: [0, 1, 999, 1000, 1001, 4321, 20_000])
    func prefetchErrorAtOffset(offset: Int) throws {
        let bytes = input(blocks: 20)
        let error = ScrubIOError(
            .truncatedGzip, path: "leads.csv.gz", offset: Int64(offset), message: "file ends inside gzip member 1")
        let events: GuardedState<SourceEvents>
        do {
            let tracked = TrackedSource(FailingSource(bytes, failingAt: offset, chunkSize: 300, error: error))
            events = tracked.events
            let source = PrefetchingByteSource(source: tracked, chunkSize: 1000, depth: 2)
            let (read, caught, ended) = drain(source)
            #expect(!ended, "a failing input must not read as a shorter one")
            #expect(read == Array(bytes[..<offset]))
            #expect(caught == error)
            #expect(caught?.description.hasPrefix("leads.csv.gz: byte \(offset): error:") == true)
        }
        events.wait(until: { $0.released })
    }

    @Test("a gzip file cut at any offset fails with its path and byte offset through the prefetching reader")
    func truncatedGzipThroughPrefetch() throws {
        let dir = try TemporaryDirectory()
        let memory = MemorySink()
        let sink = ParallelGzipSink(writingTo: memory, level: 1, threads: 2, blockSize: 4096)
        try feed(input(blocks: 30), to: sink)
        try sink.finish()
        let whole = memory.bytes
        for cut in [11, 12, 100, whole.count / 3, whole.count / 2, whole.count - 9, whole.count - 1] {
            let path = dir.path("cut-\(cut).csv.gz")
            try Data(whole[..<cut]).write(to: URL(fileURLWithPath: path))
            let source = PrefetchingByteSource(try ByteReader(path: path), chunkSize: 2048, depth: 2)
            let caught = drain(source).error
            #expect(caught?.kind == .truncatedGzip, "cut at \(cut)")
            #expect(caught?.path == path)
            #expect(caught?.offset.map { $0 <= Int64(cut) } == true)
        }
    }
}
