import ScrubIO

/// Files of one short line (keys, checkpoints), read and written through ScrubIO.
enum SmallTextFile {
    /// The file's text, read through ScrubIO; at most 4 KiB, as such a file is one line.
    static func read(_ path: String) throws(RecordError) -> String {
        do throws(ScrubIOError) {
            let file = try FileDescriptor.openForReading(path)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 1)
            defer { buffer.deallocate() }
            let count = try file.read(at: 0, into: buffer)
            return String(decoding: buffer[..<count], as: UTF8.self)
        } catch {
            throw RecordError(.missingInput, "cannot read the file: \(error.message)", at: path)
        }
    }

    /// Writes `text` to `path` with `permissions`, atomically (a temporary file renamed into place).
    static func write(_ text: String, to path: String, permissions: UInt32) throws(RecordError) {
        do throws(ScrubIOError) {
            let file = try OutputFile(path: path, permissions: permissions)
            try file.write(Array(text.utf8))
            try file.commit()
        } catch {
            throw RecordError(.cannotCreateOutput, error.message, at: path)
        }
    }
}
