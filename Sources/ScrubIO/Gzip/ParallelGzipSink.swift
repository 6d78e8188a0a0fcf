import Foundation

/// Compresses on several threads by cutting the stream into blocks and writing each block as its
/// own gzip member, in order: one valid `.gz` file (gzip, zcat and Python read multi-member files),
/// as `pigz --independent` or bgzip produce.
///
/// Blocks are cut every `blockSize` bytes of input, whatever the thread count, so the output is
/// byte-identical for any `threads` or pool. Memory is bounded: at most `2 * threads` blocks are in
/// flight; `write` waits when they are. Compressed blocks are passed to the next sink on the
/// calling thread, so the next sink needs no locking.
///
/// The blocks are compressed as jobs of a `WorkerPool`: the sink's own (`init(writingTo:level:
/// threads:blockSize:)`), or one the run shares with parsing and deciding, so that a run uses its
/// thread count in all. On a one-thread pool blocks are compressed on the calling thread.
///
/// Failure and teardown: the first error (from the next sink) is thrown to the caller and kept;
/// every later `write` or `finish` throws it again, so a half-written stream can never be finished
/// as if it were whole. Releasing the sink at any moment, finished or not, is safe: blocks not yet
/// compressed are skipped, and `deinit` returns only when no thread works for the sink any more
/// (no trap, no thread left behind, every block freed; see `OrderedJobs`).
public final class ParallelGzipSink: ByteSink {
    private let next: ByteSink
    private let level: Int
    private let blockSize: Int
    private let blocks: OrderedJobs<[UInt8], Never>
    private let cpuNanoseconds = GuardedState<Int64>(0)
    private var current: [UInt8] = []
    private var closed = false
    private var submittedAny = false
    private var failure: ScrubIOError?
    /// Uncompressed bytes accepted so far.
    public private(set) var bytesIn: Int64 = 0
    /// CPU time spent compressing the blocks compressed so far.
    public var compressionCPUTime: Duration { .nanoseconds(cpuNanoseconds.update { $0 }) }

    /// Compresses on `threads` threads of the sink's own.
    ///
    /// - Parameters:
    ///   - level: gzip level, 0-9.
    ///   - threads: compression threads (at least 1; with 1, blocks are compressed by `write`).
    ///   - blockSize: uncompressed bytes per gzip member; larger compresses slightly better.
    public convenience init(writingTo next: ByteSink, level: Int = 6, threads: Int, blockSize: Int = 1 << 20) {
        precondition(threads >= 1)
        self.init(writingTo: next, level: level, pool: WorkerPool(threads: threads), blockSize: blockSize)
    }

    /// Compresses as jobs of `pool`, with at most twice its threads' blocks in flight.
    public init(writingTo next: ByteSink, level: Int = 6, pool: WorkerPool, blockSize: Int = 1 << 20) {
        precondition(blockSize > 0)
        self.next = next
        self.level = level
        self.blockSize = blockSize
        // Saturating: an absurd thread count must not overflow (the CLI refuses it before this).
        let maxInFlight = pool.threads.multipliedReportingOverflow(by: 2).overflow ? .max : 2 * pool.threads
        self.blocks = OrderedJobs(pool: pool, maxInFlight: maxInFlight)
        current.reserveCapacity(blockSize)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {
        try failingOnce { () throws(ScrubIOError) in
            guard !closed else {
                throw ScrubIOError(.io, path: "<gzip>", message: "write after the compressed output was finished")
            }
            bytesIn += Int64(bytes.count)
            var rest = bytes
            while !rest.isEmpty {
                let take = min(rest.count, blockSize - current.count)
                current.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<take]))
                rest = UnsafeRawBufferPointer(rebasing: rest[take...])
                if current.count == blockSize { try submitCurrent() }
            }
        }
    }

    public func finish() throws(ScrubIOError) {
        try failingOnce { () throws(ScrubIOError) in
            guard !closed else { return }
            // An empty stream is still one (empty) gzip member, so the file is valid gzip.
            if !current.isEmpty || !submittedAny { try submitCurrent() }
            while let member = blocks.next() { try next.write(member) }
            try next.finish()
            closed = true
        }
    }

    /// Runs `body`, unless an earlier call failed: then, and whenever `body` fails, throws that first error.
    private func failingOnce(_ body: () throws(ScrubIOError) -> Void) throws(ScrubIOError) {
        if let failure { throw failure }
        do { try body() } catch {
            failure = error
            throw error
        }
    }

    private func submitCurrent() throws(ScrubIOError) {
        // Wait for room, passing on finished blocks meanwhile.
        while !blocks.hasRoom, let member = blocks.next() { try next.write(member) }
        let block = current
        current = []
        current.reserveCapacity(blockSize)
        submittedAny = true
        let level = self.level
        let cpu = cpuNanoseconds
        blocks.submit {
            let start = CPUTime.currentThread()
            let member = GzipMember.compress(block, level: level)
            let used = CPUTime.nanoseconds(CPUTime.currentThread() - start)
            cpu.update { $0 += used }
            return member
        }
        // Write every finished block that is next in order, without waiting.
        while let member = blocks.nextIfReady() { try next.write(member) }
    }
}

/// One-shot compression of a block into a complete gzip member.
enum GzipMember {
    static func compress(_ block: [UInt8], level: Int) -> [UInt8] {
        let deflater = Deflater(level: level)
        // deflateBound-like headroom: stored blocks add 5 bytes per 16 KiB, plus the gzip framing.
        var output = [UInt8](repeating: 0, count: block.count + block.count / 1000 + 1024)
        var produced = 0
        block.withUnsafeBytes { input in
            var remaining = input
            while true {
                let step = output.withUnsafeMutableBytes {
                    deflater.deflate(
                        remaining, into: UnsafeMutableRawBufferPointer(rebasing: $0[produced...]), finish: true)
                }
                produced += step.produced
                remaining = UnsafeRawBufferPointer(rebasing: remaining[step.consumed...])
                if step.status == .streamEnd { break }
                if produced == output.count { output += [UInt8](repeating: 0, count: 64 * 1024) }
            }
        }
        output.removeLast(output.count - produced)
        return output
    }
}
