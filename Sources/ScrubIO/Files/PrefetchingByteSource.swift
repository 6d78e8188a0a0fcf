import Dispatch
import Foundation
import Synchronization

/// Reads (and so decompresses) a `ByteReader` on a background thread, a few chunks ahead of the
/// consumer, so inflating overlaps with parsing on another core.
///
/// Memory is bounded: at most `depth` chunks of `chunkSize` bytes wait in the queue. Errors from the
/// underlying reader reach the consumer at the point in the stream where they happened.
public final class PrefetchingByteSource: ByteSource {
    public let path: String
    private let shared: Shared
    private var chunk: [UInt8] = []
    private var offset = 0
    private var ended = false

    /// Starts reading `reader` in the background. From now on only the background thread uses it,
    /// until `finishedReader` hands it back at the end of the stream.
    public init(_ reader: ByteReader, chunkSize: Int = 1 << 20, depth: Int = 4) {
        path = reader.path
        shared = Shared(reader: reader, depth: depth)
        let shared = self.shared
        let thread = Thread {
            shared.produce(chunkSize: chunkSize)
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
    public var finishedReader: ByteReader? { ended ? shared.reader.value : nil }

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

extension PrefetchingByteSource {
    enum Item: Sendable {
        case data([UInt8])
        case end
        case failure(ScrubIOError)
    }

    /// The state the consumer and the background thread share. The reader is touched only by the
    /// background thread until it has queued `.end` or `.failure`, which happens-before the consumer
    /// taking that item (through the semaphore), after which only the consumer touches it.
    final class Shared: @unchecked Sendable {
        let reader: UncheckedBox<ByteReader>
        let fileBytesRead = Atomic<Int64>(0)
        let cpuNanoseconds = Atomic<Int64>(0)
        private let queue = Mutex<[Item]>([])
        private let available = DispatchSemaphore(value: 0)
        private let free: DispatchSemaphore
        private let cancelled = Atomic<Bool>(false)

        init(reader: ByteReader, depth: Int) {
            self.reader = UncheckedBox(reader)
            self.free = DispatchSemaphore(value: depth)
        }

        func produce(chunkSize: Int) {
            let reader = self.reader.value
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            while true {
                free.wait()
                if cancelled.load(ordering: .acquiring) { return }
                var filled = 0
                do throws(ScrubIOError) {
                    while filled < chunkSize {
                        let n = try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                        if n == 0 { break }
                        filled += n
                    }
                } catch {
                    if filled > 0 { push(.data(Array(buffer[..<filled]))) }
                    push(.failure(error))
                    return
                }
                fileBytesRead.store(reader.fileBytesRead, ordering: .relaxed)
                cpuNanoseconds.store(CPUTime.nanoseconds(CPUTime.currentThread()), ordering: .relaxed)
                if filled == 0 {
                    push(.end)
                    return
                }
                push(.data(Array(buffer[..<filled])))
            }
        }

        private func push(_ item: Item) {
            queue.withLock { $0.append(item) }
            available.signal()
        }

        func take() -> Item {
            available.wait()
            let item = queue.withLock { $0.removeFirst() }
            free.signal()
            return item
        }

        func cancel() {
            cancelled.store(true, ordering: .releasing)
            free.signal()
        }
    }
}

/// Holds a non-Sendable value across a thread hand-off whose safety is argued where it is used.
final class UncheckedBox<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
