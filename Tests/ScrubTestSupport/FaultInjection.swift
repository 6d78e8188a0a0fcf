import ScrubIO

/// A sink that fails its `failingWrite`-th write (counting from 0) and every write after it, or its
/// `finish` when `failingWrite` is past the last write: a full disk at a chosen block.
package final class FailingSink: ByteSink {
    package let failingWrite: Int
    package let error: ScrubIOError
    package private(set) var writes = 0
    package private(set) var bytes: [UInt8] = []

    package init(failingWrite: Int, error: ScrubIOError) {
        self.failingWrite = failingWrite
        self.error = error
    }

    package func write(_ chunk: UnsafeRawBufferPointer) throws(ScrubIOError) {
        defer { writes += 1 }
        if writes >= failingWrite { throw error }
        bytes.append(contentsOf: chunk)
    }

    package func finish() throws(ScrubIOError) {
        if writes >= failingWrite { throw error }
    }
}

/// A source that hands out `bytes` at most `chunkSize` at a time and throws `error` when a read
/// reaches `failingAt` (a truncated or damaged input, seen from the reader's side).
package final class FailingSource: ByteSource {
    package let path: String
    private let bytes: [UInt8]
    private let failingAt: Int
    private let chunkSize: Int
    private let error: ScrubIOError
    private var offset = 0

    package init(_ bytes: [UInt8], failingAt: Int, chunkSize: Int, error: ScrubIOError) {
        precondition(failingAt <= bytes.count && chunkSize > 0)
        self.bytes = bytes
        self.failingAt = failingAt
        self.chunkSize = chunkSize
        self.error = error
        self.path = error.path
    }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        let n = min(buffer.count, chunkSize, failingAt - offset)
        guard n > 0 else { throw error }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}

/// Events a `TrackedSource` reports to a test: reads entered, and whether it has been released.
package struct SourceEvents: Sendable {
    package var readsEntered = 0
    package var released = false
    /// While false, a read blocks once it has counted itself in `readsEntered`.
    package var gateOpen = true
}

/// Wraps a source and reports to the test what happens to it, so a test waits on observed events
/// (a read under way, the last reference dropped) instead of guessed delays.
package final class TrackedSource: ByteSource {
    package let events: GuardedState<SourceEvents>
    private let inner: any ByteSource

    package init(_ inner: any ByteSource, gateOpen: Bool = true) {
        self.inner = inner
        self.events = GuardedState(SourceEvents(gateOpen: gateOpen))
    }

    package var path: String { inner.path }

    package func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        events.update { $0.readsEntered += 1 }
        events.wait(until: { $0.gateOpen })
        return try inner.read(into: buffer)
    }

    deinit {
        events.update { $0.released = true }
    }
}
