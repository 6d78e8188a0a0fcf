import Synchronization

extension PrefetchingByteSource {
    enum Item: Sendable {
        case data([UInt8])
        case end
        case failure(ScrubIOError)
    }

    /// The chunks read ahead, and whether either side has stopped.
    struct Queue: Sendable {
        var items: [Item] = []
        /// The consumer has gone: the producer stops, and nothing more is queued.
        var cancelled = false
        /// The producer has returned.
        var stopped = false
    }

    /// The state the consumer and the background thread share.
    ///
    /// The source is touched only by the background thread until it has queued `.end` or
    /// `.failure` and returned from its last read, which happens-before the consumer taking that
    /// item (through the queue's lock), after which only the consumer touches it.
    final class Shared: @unchecked Sendable {
        let source: UncheckedBox<any ByteSource>
        let fileBytesRead = Atomic<Int64>(0)
        let cpuNanoseconds = Atomic<Int64>(0)
        private let depth: Int
        private let queue = GuardedState(Queue())

        init(source: any ByteSource, depth: Int) {
            self.source = UncheckedBox(source)
            self.depth = depth
        }

        func produce(chunkSize: Int) {
            defer { queue.update { $0.stopped = true } }
            let source = self.source.value
            let reader = source as? ByteReader
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            let depth = self.depth
            while true {
                let go = queue.wait(until: { $0.items.count < depth || $0.cancelled }) { !$0.cancelled }
                guard go else { return }
                var filled = 0
                do throws(ScrubIOError) {
                    while filled < chunkSize {
                        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                        if n == 0 { break }
                        filled += n
                    }
                } catch {
                    if filled > 0 { push(.data(Array(buffer[..<filled]))) }
                    push(.failure(error))
                    return
                }
                if let reader { fileBytesRead.store(reader.fileBytesRead, ordering: .relaxed) }
                cpuNanoseconds.store(CPUTime.nanoseconds(CPUTime.currentThread()), ordering: .relaxed)
                if filled == 0 {
                    push(.end)
                    return
                }
                push(.data(Array(buffer[..<filled])))
            }
        }

        private func push(_ item: Item) {
            queue.update { if !$0.cancelled { $0.items.append(item) } }
        }

        /// The next item; waits for the producer, which always ends the stream with `.end` or `.failure`.
        func take() -> Item {
            queue.wait(until: { !$0.items.isEmpty }) { $0.items.removeFirst() }
        }

        func cancel() {
            queue.update {
                $0.cancelled = true
                $0.items.removeAll()
            }
        }

        func waitUntilStopped() {
            queue.wait(until: { $0.stopped })
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

/// Passes an object to a new thread exactly once, so the thread's closure keeps no reference to it
/// once the thread has taken it (a closure the thread object may outlive).
package final class ThreadHandoff<Value: AnyObject & Sendable>: @unchecked Sendable {
    private let slot: Mutex<Value?>

    package init(_ value: Value) {
        slot = Mutex(value)
    }

    /// The value, the first time; nil afterwards.
    package func take() -> Value? {
        slot.withLock { value in
            defer { value = nil }
            return value
        }
    }
}
