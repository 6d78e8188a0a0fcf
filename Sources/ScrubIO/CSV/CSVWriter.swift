/// A streaming writer of delimited records that quotes only where it must.
///
/// A field is written exactly as its bytes are, unless it holds the delimiter, a quote or a line
/// break (then it is quoted, with quotes doubled), or it is the only field of a record and empty
/// (then it is written `""`, so the record does not read back as a blank line). Records end in LF.
/// Bytes that are not valid UTF-8 pass through untouched.
///
/// Every output row passes through here, so the buffer is a flat allocation written with
/// `memcpy`, and the bytes that force quoting are found eight at a time (`CSVScanner`).
public final class CSVWriter {
    public let delimiter: UInt8
    private let sink: ByteSink
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private let flushThreshold: Int
    private var fieldsInRecord = 0
    private var lastFieldWasEmpty = false
    /// Records written so far.
    public private(set) var recordCount = 0
    /// Bytes of records ended so far, handed to the sink or buffered; the offset the next record starts at.
    public var byteCount: Int { flushedBytes + count }
    private var flushedBytes = 0

    public init(sink: ByteSink, delimiter: UInt8 = UInt8(ascii: ","), bufferSize: Int = 256 * 1024) {
        precondition(delimiter < 0x80, "the delimiter must be an ASCII byte")
        self.sink = sink
        self.delimiter = delimiter
        self.flushThreshold = bufferSize
        self.capacity = bufferSize + 4096
        self.storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// Writes every field of `record` as one record.
    public func write(_ record: CSVRecord) throws(ScrubIOError) {
        appendFields(of: record)
        try endRecord()
    }

    /// Adds every field of `record` to the record being written. With `inputDelimiter` equal to this
    /// writer's delimiter, a record read by a `CSVReader` is copied as it stood in the input (one
    /// copy, where encoding scans every byte); either way it reads back as the same fields.
    public func appendFields(of record: CSVRecord, inputDelimiter: UInt8?) {
        if inputDelimiter == delimiter, !record.raw.isEmpty {
            record.raw.withUnsafeBytes { appendEncoded($0, fieldCount: record.count) }
        } else {
            appendFields(of: record)
        }
    }

    /// Adds every field of `record` to the record being written, each encoded as `appendField` does.
    public func appendFields(of record: CSVRecord) {
        for index in 0..<record.count { record.withField(index) { appendField($0) } }
    }

    /// Writes a record of the given fields.
    public func write<S: Sequence>(fields: S) throws(ScrubIOError) where S.Element == [UInt8] {
        for field in fields { field.withUnsafeBytes { appendField($0) } }
        try endRecord()
    }

    /// Adds one field to the record being written; `endRecord()` completes it.
    public func appendField(_ field: UnsafeRawBufferPointer) {
        // Room for a quoted field with every byte doubled, its quotes and a delimiter.
        reserve(2 * field.count + 3)
        if fieldsInRecord > 0 {
            storage[count] = delimiter
            count += 1
        }
        fieldsInRecord += 1
        lastFieldWasEmpty = field.isEmpty
        guard !field.isEmpty else { return }
        if needsQuotes(field) {
            storage[count] = quote
            count += 1
            for byte in field {
                if byte == quote {
                    storage[count] = quote
                    count += 1
                }
                storage[count] = byte
                count += 1
            }
            storage[count] = quote
            count += 1
        } else {
            (storage + count).update(from: field.baseAddress!.assumingMemoryBound(to: UInt8.self), count: field.count)
            count += field.count
        }
    }

    /// Adds fields already encoded as this writer encodes them (see `encode(fields:delimiter:)`):
    /// a run of fields that repeats on many records is encoded once and copied.
    public func appendEncoded(_ encoded: UnsafeRawBufferPointer, fieldCount: Int) {
        precondition(fieldCount > 0)
        reserve(encoded.count + 1)
        if fieldsInRecord > 0 {
            storage[count] = delimiter
            count += 1
        }
        fieldsInRecord += fieldCount
        lastFieldWasEmpty = encoded.isEmpty
        if let base = encoded.baseAddress {
            (storage + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: encoded.count)
            count += encoded.count
        }
    }

    /// `fields` quoted where they must be and joined by `delimiter`, as `appendField` would write them.
    public static func encode(fields: [[UInt8]], delimiter: UInt8) -> [UInt8] {
        let writer = CSVWriter(sink: DiscardingSink(), delimiter: delimiter, bufferSize: 0)
        for field in fields { field.withUnsafeBytes { writer.appendField($0) } }
        return Array(UnsafeBufferPointer(start: writer.storage, count: writer.count))
    }

    /// Adds one field given as a string's UTF-8 bytes.
    public func appendField(_ field: String) {
        var field = field
        field.withUTF8 { appendField(UnsafeRawBufferPointer($0)) }
    }

    /// Appends `records` whole records already encoded as this writer encodes them (rows encoded by
    /// another writer of the same delimiter). Bytes of at least a few kilobytes (a chunk's rows) go
    /// straight to the sink, after what is buffered: the sink's copy is the only one; fewer are
    /// buffered, so that many small pieces do not each cost a sink call.
    public func appendRecords(_ encoded: UnsafeRawBufferPointer, records: Int) throws(ScrubIOError) {
        precondition(fieldsInRecord == 0, "appendRecords between records only")
        recordCount += records
        guard !encoded.isEmpty else { return }
        if encoded.count >= 4096 || count + encoded.count > flushThreshold {
            try flush()
            try sink.write(encoded)
            flushedBytes += encoded.count
            return
        }
        reserve(encoded.count)
        (storage + count).update(from: encoded.baseAddress!.assumingMemoryBound(to: UInt8.self), count: encoded.count)
        count += encoded.count
    }

    /// Completes the record being written.
    public func endRecord() throws(ScrubIOError) {
        reserve(3)
        // A record of one empty field would otherwise be a blank line, which readers skip.
        if fieldsInRecord == 1 && lastFieldWasEmpty {
            storage[count] = quote
            storage[count + 1] = quote
            count += 2
        }
        storage[count] = lf
        count += 1
        fieldsInRecord = 0
        lastFieldWasEmpty = false
        recordCount += 1
        if count >= flushThreshold { try flush() }
    }

    /// Hands everything buffered to the sink.
    public func flush() throws(ScrubIOError) {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: storage, count: count))
        flushedBytes += count
        count = 0
    }

    /// Flushes and finishes the sink (for gzip, writes the trailer).
    public func finish() throws(ScrubIOError) {
        try flush()
        try sink.finish()
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while count + extra > newCapacity { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: storage, count: count)
        storage.deallocate()
        storage = grown
        capacity = newCapacity
    }

    @inline(__always)
    private func needsQuotes(_ field: UnsafeRawBufferPointer) -> Bool {
        let base = field.baseAddress!.assumingMemoryBound(to: UInt8.self)
        return CSVScanner.firstOf(delimiter, quote, lf, cr, in: base, from: 0, to: field.count) < field.count
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
