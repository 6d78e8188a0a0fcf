import Foundation

/// Reads (and so decompresses) a `ByteReader` on a background thread, a few chunks ahead of the
/// consumer, so inflating overlaps with parsing on another core.
///
/// Memory is bounded: at most `depth` chunks of `chunkSize` bytes wait in the queue. Errors from the
/// underlying reader reach the consumer at the point in the stream where they happened, with the
/// reader's file and byte offset.
///
/// Teardown: releasing the source at any moment (the run failed, or stopped reading early) stops
/// the background thread: it is woken if it waits for room, drops what it has read, and returns
/// after at most the one read it may be inside. Nothing traps or waits on the consumer's side.
public final class PrefetchingByteSource: ByteSource {
    public let path: String
    private let shared: Shared
    private var chunk: [UInt8] = []
    private var offset = 0
    private var ended = false

    /// Starts reading `reader` in the background. From now on only the background thread uses it,
    /// until `finishedReader` hands it back at the end of the stream.
    public convenience init(_ reader: ByteReader, chunkSize: Int = 1 << 20, depth: Int = 4) {
        self.init(source: reader, chunkSize: chunkSize, depth: depth)
    }

    /// Starts reading any source in the background (tests feed it faulty ones).
    package init(source: any ByteSource, chunkSize: Int = 1 << 20, depth: Int = 4) {
        precondition(chunkSize > 0 && depth > 0)
        path = source.path
        shared = Shared(source: source, depth: depth)
        // The thread drops its reference when it returns, whether or not `Thread` frees its closure
        // (swift-corelibs-foundation may keep it), so the source is freed with the last of us.
        let handoff = ThreadHandoff(shared)
        let thread = Thread {
            handoff.take()?.produce(chunkSize: chunkSize)
        }
        thread.name = "scrub.inflate"
        thread.start()
    }

    deinit {
        shared.cancel()
    }

    /// Compressed bytes read from the file so far (safe to call from the consumer at any time).
    public var fileBytesRead: Int64 { shared.fileBytesRead.load(ordering: .relaxed) }

    /// CPU time the background thread has spent reading and inflating, as of its last chunk.
    public var backgroundCPUTime: Duration { .nanoseconds(shared.cpuNanoseconds.load(ordering: .relaxed)) }

    /// The underlying reader, once the whole stream has been read (for its final statistics).
    public var finishedReader: ByteReader? { ended ? shared.source.value as? ByteReader : nil }

    /// Waits until the background thread has returned (tests check teardown with it).
    package func waitUntilStopped() {
        shared.waitUntilStopped()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        if offset == chunk.count {
            if ended { return 0 }
            switch shared.take() {
            case .data(let next):
                chunk = next
                offset = 0
            case .end:
                ended = true
                return 0
            case .failure(let error):
                ended = true
                throw error
            }
        }
        let n = min(buffer.count, chunk.count - offset)
        chunk.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}
