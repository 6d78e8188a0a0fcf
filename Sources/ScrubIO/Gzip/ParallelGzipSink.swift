import Foundation

/// Compresses on several threads by cutting the stream into blocks and writing each block as its
/// own gzip member, in order: one valid `.gz` file (gzip, zcat and Python read multi-member files),
/// as `pigz --independent` or bgzip produce.
///
/// Blocks are cut every `blockSize` bytes of input, whatever the thread count, so the output is
/// byte-identical for any `threads`. Memory is bounded: at most `2 * threads` blocks are in flight;
/// `write` waits when they are. Compressed blocks are passed to the next sink on the calling thread,
/// so the next sink needs no locking.
///
/// Failure and teardown: the first error (from the next sink) is thrown to the caller and kept;
/// every later `write` or `finish` throws it again, so a half-written stream can never be finished
/// as if it were whole. Releasing the sink at any moment, finished or not, is safe: blocks not yet
/// compressed are skipped, and `deinit` returns only when no compression thread works for the sink
/// any more (no trap, no thread left behind, every block freed). The hand-off is a `GuardedState`,
/// so there is no semaphore count to leave unbalanced.
///
/// The compression threads are the sink's own (started as blocks arrive, up to `threads`), not
/// libdispatch's pool: on Linux that pool does not grow when its threads block, so a caller waiting
/// on a pool thread for blocks queued to the same pool could wait for ever.
public final class ParallelGzipSink: ByteSink {
    private let next: ByteSink
    private let level: Int
    private let blockSize: Int
    private let maxInFlight: Int
    private let threads: Int
    private var threadsStarted = 0
    private let blocks = GuardedState(Blocks())
    private var current: [UInt8] = []
    private var submitted = 0
    private var written = 0
    private var closed = false
    private var failure: ScrubIOError?
    /// Uncompressed bytes accepted so far.
    public private(set) var bytesIn: Int64 = 0
    /// CPU time the compression threads have spent on the blocks compressed so far.
    public var compressionCPUTime: Duration { .nanoseconds(blocks.update { $0.cpuNanoseconds }) }

    /// - Parameters:
    ///   - level: gzip level, 0-9.
    ///   - threads: compression threads (at least 1).
    ///   - blockSize: uncompressed bytes per gzip member; larger compresses slightly better.
    public init(writingTo next: ByteSink, level: Int = 6, threads: Int, blockSize: Int = 1 << 20) {
        precondition(threads >= 1 && blockSize > 0)
        self.next = next
        self.level = level
        self.blockSize = blockSize
        // Saturating: an absurd thread count must not overflow (the CLI refuses it before this).
        self.maxInFlight = threads.multipliedReportingOverflow(by: 2).overflow ? .max : 2 * threads
        self.threads = threads
        current.reserveCapacity(blockSize)
    }

    deinit {
        blocks.update {
            $0.cancelled = true
            $0.queued.removeAll()
        }
        blocks.wait(until: { $0.running == 0 })
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
            if !current.isEmpty || submitted == 0 { try submitCurrent() }
            while written < submitted { try writeNext() }
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
        while submitted - written >= maxInFlight { try writeNext() }
        let block = current
        current = []
        current.reserveCapacity(blockSize)
        let index = submitted
        submitted += 1
        blocks.update { $0.queued.append((index, block)) }
        if threadsStarted < threads { startThread() }
        try writeReady()
    }

    private func startThread() {
        threadsStarted += 1
        blocks.update { $0.running += 1 }
        let blocks = self.blocks
        let level = self.level
        let thread = Thread {
            defer { blocks.update { $0.running -= 1 } }
            while true {
                let job = blocks.wait(until: { !$0.queued.isEmpty || $0.cancelled }) {
                    $0.cancelled ? nil : $0.queued.removeFirst()
                }
                guard let job else { return }
                let start = CPUTime.currentThread()
                let member = GzipMember.compress(job.block, level: level)
                let cpu = CPUTime.nanoseconds(CPUTime.currentThread() - start)
                blocks.update { $0.store(member, at: job.index, cpuNanoseconds: cpu) }
            }
        }
        thread.name = "scrub.gzip"
        thread.start()
    }

    /// Waits for the next block in order to be compressed, and writes it.
    private func writeNext() throws(ScrubIOError) {
        let index = written
        let member = blocks.wait(until: { $0.table[index] != nil }) { $0.table.removeValue(forKey: index)! }
        written += 1
        try next.write(member)
    }

    /// Writes every finished block that is next in order, without waiting.
    private func writeReady() throws(ScrubIOError) {
        while true {
            let index = written
            guard let member = blocks.update({ $0.table.removeValue(forKey: index) }) else { return }
            written += 1
            try next.write(member)
        }
    }
}

/// What the caller and the compression threads share: blocks to compress, compressed blocks waiting
/// to be written in order, and how many threads are still running.
private struct Blocks: Sendable {
    /// Blocks waiting for a thread, oldest first.
    var queued: [(index: Int, block: [UInt8])] = []
    var table: [Int: [UInt8]] = [:]
    /// Compression threads that have not returned.
    var running = 0
    /// Set when the sink is released: queued blocks are dropped and the threads return.
    var cancelled = false
    var cpuNanoseconds: Int64 = 0

    mutating func store(_ member: [UInt8], at index: Int, cpuNanoseconds cpu: Int64) {
        cpuNanoseconds += cpu
        if !cancelled { table[index] = member }
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
