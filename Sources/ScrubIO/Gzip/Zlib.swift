internal import CScrubZlib

// The only file that imports zlib (the ISA-L backend is `ISAL.swift`; `GzipBackend.swift` picks one).
// Invariants:
// - a `z_stream` is initialised in `init` and released in `deinit`, exactly once;
// - `next_in`/`next_out` point into caller buffers only for the duration of one call, and are cleared after it.

/// The outcome of one inflate or deflate step, whichever backend ran it.
struct ZlibStep {
    var consumed: Int
    var produced: Int
    var status: Status

    enum Status: Equatable {
        /// Progress was made, or more input or output space is needed.
        case ok
        /// The end of the current gzip member (inflate) or of the stream (deflate) was reached.
        case streamEnd
        /// No progress was possible with the buffers given.
        case bufferError
        /// The data is damaged; the message is zlib's.
        case dataError(String)
    }
}

/// A streaming gzip decompressor for one member at a time (`reset()` starts the next member).
final class ZlibInflater {
    private var stream = z_stream()

    init() {
        // 15 + 16: a 32 KiB window, gzip wrapper only (zlib checks the header, CRC-32 and length).
        let rc = czlib_inflateInit2(&stream, 15 + 16)
        precondition(rc == Z_OK, "inflateInit2 failed (\(rc)): out of memory")
    }

    deinit {
        inflateEnd(&stream)
    }

    func reset() {
        inflateReset(&stream)
    }

    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ZlibStep {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        let rc = CScrubZlib.inflate(&stream, Z_NO_FLUSH)
        let step = ZlibStep(
            consumed: input.count - Int(stream.avail_in),
            produced: output.count - Int(stream.avail_out),
            status: Self.status(rc, &stream)
        )
        stream.next_in = nil
        stream.next_out = nil
        return step
    }

    fileprivate static func status(_ rc: Int32, _ stream: inout z_stream) -> ZlibStep.Status {
        switch rc {
        case Z_OK: return .ok
        case Z_STREAM_END: return .streamEnd
        case Z_BUF_ERROR: return .bufferError
        case Z_NEED_DICT: return .dataError("gzip member needs a preset dictionary")
        case Z_MEM_ERROR: return .dataError("zlib ran out of memory")
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
            return .dataError(message)
        }
    }
}

/// A streaming gzip compressor with a deterministic header: mtime 0, no file name, OS "Unix"; or,
/// `raw`, a bare deflate stream (what a zip entry holds).
final class ZlibDeflater {
    private var stream = z_stream()

    /// - Parameters:
    ///   - level: 0 (store) to 9 (smallest); 6 is gzip's default.
    ///   - raw: no gzip header or trailer.
    init(level: Int, raw: Bool = false) {
        precondition((0...9).contains(level), "compression level must be 0...9")
        // 15 + 16: gzip wrapper. zlib writes mtime 0 and no name unless deflateSetHeader is called.
        // -15: the same window, no wrapper.
        let rc = czlib_deflateInit2(&stream, Int32(level), raw ? -15 : 15 + 16, 8)
        precondition(rc == Z_OK, "deflateInit2 failed (\(rc)): out of memory")
    }

    deinit {
        deflateEnd(&stream)
    }

    /// Compresses `input`; with `finish`, flushes everything and writes the gzip trailer.
    func deflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, finish: Bool) -> ZlibStep
    {
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(output.count)
        let rc = CScrubZlib.deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
        let step = ZlibStep(
            consumed: input.count - Int(stream.avail_in),
            produced: output.count - Int(stream.avail_out),
            status: ZlibInflater.status(rc, &stream)
        )
        stream.next_in = nil
        stream.next_out = nil
        return step
    }
}

/// zlib's CRC-32 (the one gzip and zip use).
enum ZlibChecksum {
    /// `crc` updated with `bytes` (start from 0).
    static func crc32(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return crc }
        return UInt32(CScrubZlib.crc32(uLong(crc), base.assumingMemoryBound(to: Bytef.self), uInt(bytes.count)))
    }
}
