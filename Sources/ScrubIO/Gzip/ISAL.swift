#if ISAL
    internal import CISAL

    // The only file that imports ISA-L. Invariants:
    // - each state is allocated in `init` and released in `deinit`, exactly once (they are large: an
    //   `inflate_state` holds a 64 KiB window, so it lives on the heap, never on the stack);
    // - `next_in`/`next_out` point into caller buffers only for the duration of one call.

    /// A streaming gzip decompressor on ISA-L, with ``ZlibInflater``'s contract: one member at a time
    /// (`reset()` starts the next), header, CRC-32 and length checked, unused input left unconsumed.
    final class ISALInflater {
        private let state: UnsafeMutablePointer<inflate_state>

        init() {
            state = .allocate(capacity: 1)
            isal_inflate_init(state)
            state.pointee.crc_flag = UInt32(ISAL_GZIP)
        }

        deinit {
            state.deallocate()
        }

        func reset() {
            isal_inflate_reset(state)
            state.pointee.crc_flag = UInt32(ISAL_GZIP)
        }

        func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> ZlibStep {
            state.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            state.pointee.avail_in = UInt32(input.count)
            state.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: UInt8.self)
            state.pointee.avail_out = UInt32(output.count)
            let rc = isal_inflate(state)
            let consumed = input.count - Int(state.pointee.avail_in)
            let produced = output.count - Int(state.pointee.avail_out)
            state.pointee.next_in = nil
            state.pointee.next_out = nil
            let status: ZlibStep.Status
            if rc < 0 || rc == ISAL_NEED_DICT {
                status = .dataError(Self.message(rc))
            } else if state.pointee.block_state == ISAL_BLOCK_FINISH {
                status = .streamEnd
            } else if consumed == 0 && produced == 0 {
                status = .bufferError
            } else {
                status = .ok
            }
            return ZlibStep(consumed: consumed, produced: produced, status: status)
        }

        private static func message(_ rc: Int32) -> String {
            switch rc {
            case ISAL_INVALID_BLOCK: "invalid deflate block"
            case ISAL_INVALID_SYMBOL: "invalid deflate symbol"
            case ISAL_INVALID_LOOKBACK: "invalid distance too far back"
            case ISAL_INVALID_WRAPPER: "incorrect gzip header"
            case ISAL_UNSUPPORTED_METHOD: "unknown compression method"
            case ISAL_INCORRECT_CHECKSUM: "incorrect data check or length"
            case ISAL_NEED_DICT: "gzip member needs a preset dictionary"
            default: "ISA-L error \(rc)"
            }
        }
    }

    /// A streaming gzip compressor on ISA-L, with ``ZlibDeflater``'s contract and the same deterministic
    /// header zlib writes (mtime 0, no file name, OS Unix), so only the deflate data differs by backend.
    ///
    /// ISA-L has four levels; zlib's 0...9 map onto them as ``ISALDeflater/isalLevel(forZlibLevel:)`` says.
    final class ISALDeflater {
        private let stream: UnsafeMutablePointer<isal_zstream>
        private let levelBuffer: UnsafeMutableRawBufferPointer
        /// The 10-byte gzip header, written before the first deflate output.
        private var header: [UInt8]
        private var headerWritten = 0

        /// - Parameter level: zlib's 0...9, mapped to ISA-L's 0...3.
        init(level: Int) {
            precondition((0...9).contains(level), "compression level must be 0...9")
            let isalLevel = Self.isalLevel(forZlibLevel: level)
            stream = .allocate(capacity: 1)
            isal_deflate_init(stream)
            levelBuffer = .allocate(byteCount: max(Int(cisal_level_buffer_size(Int32(isalLevel))), 1), alignment: 64)
            stream.pointee.level = UInt32(isalLevel)
            stream.pointee.level_buf =
                isalLevel == 0 ? nil : levelBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
            stream.pointee.level_buf_size = isalLevel == 0 ? 0 : UInt32(levelBuffer.count)
            // The trailer only; the header is ours, byte for byte what zlib writes. XFL 4 marks the fastest level.
            stream.pointee.gzip_flag = UInt16(IGZIP_GZIP_NO_HDR)
            header = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, level <= 1 ? 4 : level == 9 ? 2 : 0, 3]
        }

        deinit {
            stream.deallocate()
            levelBuffer.deallocate()
        }

        /// ISA-L's level for a zlib level: 0 and 1 to 1 (ISA-L has no stored mode; its level 0 compresses worse
        /// than 1 and is barely faster), 2...5 to 2, 6...9 to 3. See docs/benchmarks.md for sizes and speeds.
        static func isalLevel(forZlibLevel level: Int) -> Int {
            switch level {
            case ...1: 1
            case 2...5: 2
            default: 3
            }
        }

        /// Compresses `input`; with `finish`, flushes everything and writes the gzip trailer.
        func deflate(
            _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, finish: Bool
        ) -> ZlibStep {
            var written = 0
            if headerWritten < header.count {
                let n = min(header.count - headerWritten, output.count)
                header.withUnsafeBytes { bytes in
                    output.baseAddress!.copyMemory(from: bytes.baseAddress! + headerWritten, byteCount: n)
                }
                headerWritten += n
                written = n
                if headerWritten < header.count { return ZlibStep(consumed: 0, produced: written, status: .ok) }
            }
            stream.pointee.next_in = UnsafeMutablePointer(
                mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.pointee.avail_in = UInt32(input.count)
            stream.pointee.next_out = output.baseAddress.map { ($0 + written).assumingMemoryBound(to: UInt8.self) }
            stream.pointee.avail_out = UInt32(output.count - written)
            stream.pointee.end_of_stream = finish ? 1 : 0
            stream.pointee.flush = UInt16(NO_FLUSH)
            let rc = isal_deflate(stream)
            let consumed = input.count - Int(stream.pointee.avail_in)
            let produced = output.count - Int(stream.pointee.avail_out)
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
            let status: ZlibStep.Status
            if rc != COMP_OK {
                status = .dataError("ISA-L deflate error \(rc)")
            } else if stream.pointee.internal_state.state == ZSTATE_END {
                status = .streamEnd
            } else if consumed == 0 && produced == 0 {
                status = .bufferError
            } else {
                status = .ok
            }
            return ZlibStep(consumed: consumed, produced: produced, status: status)
        }
    }
#endif
