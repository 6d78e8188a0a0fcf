/// Compresses bytes into gzip and passes the result to another sink.
///
/// The header is deterministic (mtime 0, no file name), so the same input at the same level gives
/// byte-identical output, which is what reproducible runs and audit hashes need.
public final class GzipSink: ByteSink {
    private let next: ByteSink
    private let deflater: Deflater
    private var buffer: UnsafeMutableRawBufferPointer
    private var finished = false
    /// Uncompressed bytes accepted so far.
    public private(set) var bytesIn: Int64 = 0
    /// Compressed bytes written so far.
    public private(set) var bytesOut: Int64 = 0

    /// - Parameter level: 0 (store) to 9 (smallest); 6 is gzip's default. With the ISA-L backend the levels
    ///   map onto ISA-L's 1-3 (0 and 1 to 1, 2-5 to 2, 6-9 to 3; see docs/benchmarks.md).
    public init(writingTo next: ByteSink, level: Int = 6, bufferSize: Int = 256 * 1024) {
        self.next = next
        self.deflater = Deflater(level: level)
        self.buffer = .allocate(byteCount: bufferSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {
        bytesIn += Int64(bytes.count)
        try pump(bytes, finish: false)
    }

    public func finish() throws(ScrubIOError) {
        guard !finished else { return }
        finished = true
        try pump(UnsafeRawBufferPointer(start: nil, count: 0), finish: true)
        try next.finish()
    }

    private func pump(_ input: UnsafeRawBufferPointer, finish: Bool) throws(ScrubIOError) {
        var remaining = input
        while true {
            let step = deflater.deflate(remaining, into: buffer, finish: finish)
            remaining = UnsafeRawBufferPointer(rebasing: remaining[step.consumed...])
            if step.produced > 0 {
                bytesOut += Int64(step.produced)
                try next.write(UnsafeRawBufferPointer(rebasing: buffer[..<step.produced]))
            }
            switch step.status {
            case .streamEnd:
                return
            case .dataError(let reason):
                throw ScrubIOError(.io, path: "<gzip>", message: "compression failed: \(reason)")
            case .ok, .bufferError:
                // Without finish, we are done once the input is consumed and the buffer was not filled.
                if !finish && remaining.isEmpty && step.produced < buffer.count { return }
            }
        }
    }
}
