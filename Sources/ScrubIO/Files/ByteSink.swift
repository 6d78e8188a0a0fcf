/// A destination for a stream of bytes: a plain file, a gzip encoder, standard output.
public protocol ByteSink: AnyObject {
    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError)
    /// Flushes everything buffered; after it, nothing more is written.
    func finish() throws(ScrubIOError)
}

extension ByteSink {
    /// Writes the bytes of `array`.
    public func write(_ array: [UInt8]) throws(ScrubIOError) {
        var failure: ScrubIOError?
        array.withUnsafeBytes { bytes in
            do throws(ScrubIOError) { try write(bytes) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}

/// Writes bytes unchanged to standard output.
public final class StandardOutputSink: ByteSink {
    private let file = FileDescriptor.standardOutput

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {
        try file.write(bytes)
    }

    public func finish() throws(ScrubIOError) {}
}
