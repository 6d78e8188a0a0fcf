/// A source that yields bytes already read, then the rest of another source.
final class PrefixedByteSource: ByteSource {
    let path: String
    private let prefix: [UInt8]
    private var offset = 0
    private let rest: ByteSource?

    /// - Parameter rest: nil when the input ended with `prefix`.
    init(_ prefix: [UInt8], then rest: ByteSource?, path: String) {
        self.prefix = prefix
        self.rest = rest
        self.path = path
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        if offset < prefix.count {
            let n = min(buffer.count, prefix.count - offset)
            prefix.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
            offset += n
            return n
        }
        return try rest?.read(into: buffer) ?? 0
    }
}
