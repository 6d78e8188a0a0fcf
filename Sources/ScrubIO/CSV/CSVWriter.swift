/// A streaming writer of delimited records that quotes only where it must.
///
/// A field is written exactly as its bytes are, unless it holds the delimiter, a quote or a line
/// break (then it is quoted, with quotes doubled), or it is the only field of a record and empty
/// (then it is written `""`, so the record does not read back as a blank line). Records end in LF.
/// Bytes that are not valid UTF-8 pass through untouched.
public final class CSVWriter {
    public let delimiter: UInt8
    private let sink: ByteSink
    private var buffer: [UInt8] = []
    private let flushThreshold: Int
    private var fieldsInRecord = 0
    /// Records written so far.
    public private(set) var recordCount = 0

    public init(sink: ByteSink, delimiter: UInt8 = UInt8(ascii: ","), bufferSize: Int = 256 * 1024) {
        self.sink = sink
        self.delimiter = delimiter
        self.flushThreshold = bufferSize
        buffer.reserveCapacity(bufferSize + 4096)
    }

    /// Writes every field of `record` as one record.
    public func write(_ record: CSVRecord) throws(ScrubIOError) {
        record.bytes.withUnsafeBytes { bytes in
            var start = 0
            for end in record.ends {
                appendField(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
        try endRecord()
    }

    /// Writes a record of the given fields.
    public func write<S: Sequence>(fields: S) throws(ScrubIOError) where S.Element == [UInt8] {
        for field in fields { field.withUnsafeBytes { appendField($0) } }
        try endRecord()
    }

    /// Adds one field to the record being written; `endRecord()` completes it.
    public func appendField(_ field: UnsafeRawBufferPointer) {
        if fieldsInRecord > 0 { buffer.append(delimiter) }
        fieldsInRecord += 1
        lastFieldWasEmpty = field.isEmpty
        if needsQuotes(field) {
            buffer.append(quote)
            for byte in field {
                if byte == quote { buffer.append(quote) }
                buffer.append(byte)
            }
            buffer.append(quote)
        } else {
            buffer.append(contentsOf: field)
        }
    }

    /// Adds fields already encoded as this writer encodes them (see `encode(fields:delimiter:)`):
    /// a run of fields that repeats on many records is encoded once and copied.
    public func appendEncoded(_ encoded: UnsafeRawBufferPointer, fieldCount: Int) {
        precondition(fieldCount > 0)
        if fieldsInRecord > 0 { buffer.append(delimiter) }
        fieldsInRecord += fieldCount
        lastFieldWasEmpty = encoded.isEmpty
        buffer.append(contentsOf: encoded)
    }

    /// `fields` quoted where they must be and joined by `delimiter`, as `appendField` would write them.
    public static func encode(fields: [[UInt8]], delimiter: UInt8) -> [UInt8] {
        let writer = CSVWriter(sink: DiscardingSink(), delimiter: delimiter, bufferSize: 0)
        for field in fields { field.withUnsafeBytes { writer.appendField($0) } }
        return writer.buffer
    }

    /// Adds one field given as a string's UTF-8 bytes.
    public func appendField(_ field: String) {
        var field = field
        field.withUTF8 { appendField(UnsafeRawBufferPointer($0)) }
    }

    /// Completes the record being written.
    public func endRecord() throws(ScrubIOError) {
        // A record of one empty field would otherwise be a blank line, which readers skip.
        if fieldsInRecord == 1 && lastFieldWasEmpty { buffer.append(contentsOf: [quote, quote]) }
        buffer.append(lf)
        fieldsInRecord = 0
        lastFieldWasEmpty = false
        recordCount += 1
        if buffer.count >= flushThreshold { try flush() }
    }

    private var lastFieldWasEmpty = false

    /// Hands everything buffered to the sink.
    public func flush() throws(ScrubIOError) {
        guard !buffer.isEmpty else { return }
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and finishes the sink (for gzip, writes the trailer).
    public func finish() throws(ScrubIOError) {
        try flush()
        try sink.finish()
    }

    @inline(__always)
    private func needsQuotes(_ field: UnsafeRawBufferPointer) -> Bool {
        for byte in field where byte == delimiter || byte == quote || byte == lf || byte == cr {
            return true
        }
        return false
    }
}

/// A sink that drops everything, for writers used only to encode.
private final class DiscardingSink: ByteSink {
    func write(_ bytes: UnsafeRawBufferPointer) throws(ScrubIOError) {}
    func finish() throws(ScrubIOError) {}
}

private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
private let quote = UInt8(ascii: "\"")
