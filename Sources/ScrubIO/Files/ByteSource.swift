/// Anything a streaming parser can pull bytes from: a file (plain or gzip), a pipe, or a test's chunks.
public protocol ByteSource: AnyObject {
    /// The name used in error messages: a path, or `-` for standard input.
    var path: String { get }
    /// Reads up to `buffer.count` bytes; returns 0 only at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int
}

extension ByteReader: ByteSource {}

/// A source over bytes in memory that hands them out at most `chunkSize` at a time.
///
/// Streaming stages are tested by feeding them the same input at many chunk sizes.
public final class MemoryByteSource: ByteSource {
    public let path: String
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var offset = 0

    public init(_ bytes: [UInt8], chunkSize: Int = .max, path: String = "<memory>") {
        precondition(chunkSize > 0)
        self.bytes = bytes
        self.chunkSize = chunkSize
        self.path = path
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        let n = min(buffer.count, chunkSize, bytes.count - offset)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        return n
    }
}
