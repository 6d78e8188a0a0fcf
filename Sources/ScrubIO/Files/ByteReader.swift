/// A streaming reader of a file's bytes that decompresses gzip transparently.
///
/// Gzip is detected by its magic bytes (`1f 8b`), not by the file name, so a `.csv` that is really
/// gzipped and a `.gz` that is really plain both read correctly. Concatenated gzip members (what
/// `pigz`, `bgzip` and `cat a.gz b.gz` produce) are read to the end. A truncated member, a bad CRC or
/// bytes after the last member that are not another member end the read with an error naming the
/// compressed byte offset; a damaged file never reads as a silently shorter one.
///
/// Memory is bounded: one compressed buffer of `bufferSize` bytes, whatever the file's size.
public final class ByteReader {
    /// The path as given; `-` is standard input.
    public let path: String
    /// Whether the input is gzip-compressed.
    public let isGzip: Bool
    /// Gzip members completed so far (0 for plain input).
    public private(set) var gzipMembers = 0
    /// Bytes read from the file so far (compressed bytes for gzip input).
    public private(set) var fileBytesRead: Int64 = 0
    /// Decompressed bytes handed out so far.
    public private(set) var bytesProduced: Int64 = 0

    private let file: any ByteSource
    private let inflater: Inflater?
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var fileAtEnd = false
    private var memberOpen = false

    /// Opens `path` (or standard input for `-`) and sniffs its first bytes.
    ///
    /// - Parameter decompress: false reads the bytes as stored, gzip or not (for hashing a file).
    public convenience init(path: String, bufferSize: Int = 256 * 1024, decompress: Bool = true) throws(ScrubIOError) {
        let file: FileDescriptor = path == "-" ? .standardInput : try .openForReading(path)
        try self.init(source: file, bufferSize: bufferSize, decompress: decompress)
    }

    /// Reads (and, when it is gzip, decompresses) the bytes of another source, such as standard
    /// input seen through a hashing source; errors name `source.path`.
    public init(source: any ByteSource, bufferSize: Int = 256 * 1024, decompress: Bool = true) throws(ScrubIOError) {
        self.path = source.path
        self.file = source
        self.buffer = .allocate(byteCount: max(bufferSize, 64), alignment: 16)
        // Sniff: read until we have two bytes or the file ends.
        var sniffed = 0
        var atEnd = false
        while sniffed < 2 && !atEnd {
            let n: Int
            do {
                n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[sniffed...]))
            } catch {
                buffer.deallocate()
                throw error
            }
            if n == 0 { atEnd = true }
            sniffed += n
        }
        end = sniffed
        fileAtEnd = atEnd
        fileBytesRead = Int64(sniffed)
        isGzip = decompress && sniffed >= 2 && buffer[0] == 0x1f && buffer[1] == 0x8b
        inflater = isGzip ? Inflater() : nil
        memberOpen = isGzip
    }

    deinit {
        buffer.deallocate()
    }

    /// Reads up to `output.count` decompressed bytes; returns 0 only at the end of the input.
    public func read(into output: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        guard output.count > 0 else { return 0 }
        let n = try isGzip ? readGzip(into: output) : readPlain(into: output)
        bytesProduced += Int64(n)
        return n
    }

    private func readPlain(into output: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        if start < end {
            let n = min(end - start, output.count)
            output.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: n)
            start += n
            return n
        }
        if fileAtEnd { return 0 }
        let n = try file.read(into: output)
        fileBytesRead += Int64(n)
        if n == 0 { fileAtEnd = true }
        return n
    }

    /// The file offset of the next unconsumed compressed byte.
    private var compressedOffset: Int64 { fileBytesRead - Int64(end - start) }

    private func refill() throws(ScrubIOError) {
        if start > 0 {
            let pending = end - start
            if pending > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending)
            }
            start = 0
            end = pending
        }
        let n = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 { fileAtEnd = true }
        end += n
        fileBytesRead += Int64(n)
    }

    private func readGzip(into output: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        guard let inflater else { return 0 }
        while true {
            if !memberOpen {
                // Between members: the input must end here, or another member must begin.
                if end - start < 2 && !fileAtEnd { try refill() }
                if start == end && fileAtEnd { return 0 }
                if end - start < 2 || buffer[start] != 0x1f || buffer[start + 1] != 0x8b {
                    throw ScrubIOError(
                        .trailingGarbage, path: path, offset: compressedOffset,
                        message: "\(fileBytesRead - compressedOffset) unexpected bytes after gzip member "
                            + "\(gzipMembers) (not another gzip member); the file is damaged or was appended to")
                }
                inflater.reset()
                memberOpen = true
            }
            if start == end && !fileAtEnd { try refill() }
            let step = inflater.inflate(
                UnsafeRawBufferPointer(rebasing: buffer[start..<end]), into: output)
            start += step.consumed
            switch step.status {
            case .streamEnd:
                memberOpen = false
                gzipMembers += 1
                if step.produced > 0 { return step.produced }
            case .ok, .bufferError:
                if step.produced > 0 { return step.produced }
                if start == end && fileAtEnd {
                    throw ScrubIOError(
                        .truncatedGzip, path: path, offset: compressedOffset,
                        message: "file ends inside gzip member \(gzipMembers + 1); it was truncated "
                            + "(an interrupted download or copy?)")
                }
                if start == end || step.consumed == 0 { try refill() }
            case .dataError(let reason):
                throw ScrubIOError(
                    .corruptGzip, path: path, offset: compressedOffset,
                    message: "gzip member \(gzipMembers + 1) is corrupt (\(reason))")
            }
        }
    }
}
