import ScrubIO

/// A sink that keeps everything written to it, for tests.
package final class MemorySink: ByteSink {
    package private(set) var bytes: [UInt8] = []
    package private(set) var finished = false

    package init() {}

    package func write(_ chunk: UnsafeRawBufferPointer) throws(ScrubIOError) {
        bytes.append(contentsOf: chunk)
    }

    package func finish() throws(ScrubIOError) {
        finished = true
    }
}
