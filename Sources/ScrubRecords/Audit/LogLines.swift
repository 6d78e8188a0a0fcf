/// The lines of a locked log, as they were when the lock was taken.
///
/// Only valid inside the `read` or `append(making:)` call that provides it.
struct LogLines {
    let file: LogFile
    /// The log's size when the lock was taken; bytes appended later are not seen.
    let byteCount: Int

    private static let chunk = 1 << 20

    /// Calls `body` with each line's 1-based number and bytes (without its newline), in order, including
    /// empty lines and a last line that has no newline.
    ///
    /// - Complexity: O(n) time; memory bounded by the longest line plus 1 MiB.
    func forEach(_ body: (Int, UnsafeRawBufferPointer) throws -> Void) throws {
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0  // file offset of buffer[0]
        var filled = 0
        var lineNumber = 0
        while offset + filled < byteCount {
            if filled == buffer.count {  // one line fills the buffer: make room
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
                larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
                buffer.deallocate()
                buffer = larger
            }
            let wanted = min(buffer.count - filled, byteCount - offset - filled)
            let n = try file.read(
                at: offset + filled, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<filled + wanted]))
            guard n > 0 else { break }  // the file shrank: it was truncated under us
            let searchFrom = filled
            filled += n
            var start = 0
            for index in searchFrom..<filled where buffer[index] == 0x0A {
                lineNumber += 1
                try body(lineNumber, UnsafeRawBufferPointer(rebasing: buffer[start..<index]))
                start = index + 1
            }
            if start > 0 {
                let rest = filled - start
                if rest > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: rest) }
                offset += start
                filled = rest
            }
        }
        if filled > 0 {
            lineNumber += 1
            try body(lineNumber, UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
        }
    }

    /// Whether the log is empty or its last byte is a newline.
    func endsWithNewline() throws -> Bool {
        guard byteCount > 0 else { return true }
        var byte: UInt8 = 0
        _ = try withUnsafeMutableBytes(of: &byte) { try file.read(at: byteCount - 1, into: $0) }
        return byte == 0x0A
    }

    /// The bytes of the last non-empty line, or nil for an empty log: what the next record links to.
    /// Reads the log backwards from its end, not all of it.
    func lastLine() throws -> [UInt8]? {
        var window = 4096
        while true {
            let start = max(0, byteCount - window)
            var bytes = [UInt8](repeating: 0, count: byteCount - start)
            _ = try bytes.withUnsafeMutableBytes { try file.read(at: start, into: $0) }
            var end = bytes.count
            while end > 0 && bytes[end - 1] == 0x0A { end -= 1 }
            if end == 0 && start == 0 { return nil }
            if let newline = bytes[..<end].lastIndex(of: 0x0A) { return Array(bytes[(newline + 1)..<end]) }
            if start == 0 { return Array(bytes[..<end]) }
            window *= 4
        }
    }
}
