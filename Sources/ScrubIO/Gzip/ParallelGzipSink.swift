import Dispatch
import Synchronization

/// Compresses on several threads by cutting the stream into blocks and writing each block as its
/// own gzip member, in order: one valid `.gz` file (gzip, zcat and Python read multi-member files),
/// as `pigz --independent` or bgzip produce.
///
/// Blocks are cut every `blockSize` bytes of input, whatever the thread count, so the output is
/// byte-identical for any `threads`. Memory is bounded: at most `2 * threads` blocks are in flight;
/// `write` waits when they are. Compressed blocks are passed to the next sink on the calling thread,
/// so the next sink needs no locking.
public final class ParallelGzipSink: ByteSink {
    private let next: ByteSink
    private let level: Int
    private let blockSize: Int
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private let results = BlockResults()
    private var current: [UInt8] = []
    private var submitted = 0
    private var written = 0
    private var closed = false
    /// Uncompressed bytes accepted so far.
    public private(set) var bytesIn: Int64 = 0
    /// CPU time the compression threads have spent on the blocks written so far.
    public var compressionCPUTime: Duration { .nanoseconds(results.cpuNanoseconds.load(ordering: .relaxed)) }

    /// - Parameters:
    ///   - level: gzip level, 0-9.
    ///   - threads: compression threads (at least 1).
    ///   - blockSize: uncompressed bytes per gzip member; larger compresses slightly better.
    public init(writingTo next: ByteSink, level: Int = 6, threads: Int, blockSize: Int = 1 << 20) {
        precondition(threads >= 1 && blockSize > 0)
        self.next = next
        self.level = level
        self.blockSize = blockSize
        self.queue = DispatchQueue(label: "scrub.gzip", attributes: .concurrent)
        self.slots = DispatchSemaphore(value: 2 * threads)
        current.reserveCapacity(blockSize)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {
        bytesIn += Int64(bytes.count)
        var rest = bytes
        while !rest.isEmpty {
            let take = min(rest.count, blockSize - current.count)
            current.append(contentsOf: UnsafeRawBufferPointer(rebasing: rest[..<take]))
            rest = UnsafeRawBufferPointer(rebasing: rest[take...])
            if current.count == blockSize { try submitCurrent() }
        }
    }

    public func finish() throws(ScrubIOError) {
        guard !closed else { return }
        closed = true
        // An empty stream is still one (empty) gzip member, so the file is valid gzip.
        if !current.isEmpty || submitted == 0 { try submitCurrent() }
        while written < submitted { try writeReady(waiting: true) }
        try next.finish()
    }

    private func submitCurrent() throws(ScrubIOError) {
        let block = current
        current = []
        current.reserveCapacity(blockSize)
        let index = submitted
        submitted += 1
        // Wait for a free slot, passing on finished blocks meanwhile.
        while slots.wait(timeout: .now()) == .timedOut { try writeReady(waiting: true) }
        let level = self.level
        queue.async { [results] in
            let start = CPUTime.currentThread()
            let member = GzipMember.compress(block, level: level)
            results.cpuNanoseconds.add(CPUTime.nanoseconds(CPUTime.currentThread() - start), ordering: .relaxed)
            results.store(member, at: index)
        }
        try writeReady(waiting: false)
    }

    /// Writes every finished block that is next in order; with `waiting`, first waits for one to finish.
    private func writeReady(waiting: Bool) throws(ScrubIOError) {
        if waiting { results.ready.wait() }
        while true {
            let member = results.take(written)
            guard let member else { return }
            written += 1
            slots.signal()
            try next.write(member)
        }
    }
}

/// Compressed blocks waiting to be written in order, shared with the compression threads.
private final class BlockResults: Sendable {
    private let table = Mutex<[Int: [UInt8]]>([:])
    let cpuNanoseconds = Atomic<Int64>(0)
    /// Signalled once for each block stored.
    let ready = DispatchSemaphore(value: 0)

    func store(_ member: [UInt8], at index: Int) {
        table.withLock { $0[index] = member }
        ready.signal()
    }

    func take(_ index: Int) -> [UInt8]? {
        table.withLock { $0.removeValue(forKey: index) }
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
