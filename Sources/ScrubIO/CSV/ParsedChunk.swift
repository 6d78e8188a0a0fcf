/// The outcomes of reading one stretch of a delimited input, in input order: its records (fields,
/// raw bytes, line and input offset) and its malformed records.
///
/// Records are kept back to back in a few flat arrays rather than as one `CSVRecord` each, so a
/// chunk of thousands of records costs a handful of allocations; `record(_:into:)` copies one into
/// a caller's reusable record. The value is `Sendable`: workers build it, others read it.
public struct ParsedChunk: Sendable {
    /// One outcome of the chunk.
    public enum Outcome: Sendable, Equatable {
        /// The chunk's record number `index` (see `record(_:into:)`).
        case record(index: Int)
        /// A malformed record and the input offset at which it starts.
        case malformed(CSVMalformedRecord, offset: Int)
    }

    public private(set) var outcomes: [Outcome] = []
    /// What reading the chunk counted.
    public internal(set) var counters = CSVReadCounters()
    /// Where reading the chunk started.
    public internal(set) var start: CSVReadPosition
    /// Where reading goes on after it.
    public internal(set) var end: CSVReadPosition
    /// The chunk ended inside a record, which starts at `end.offset` (only for a chunk that is not
    /// the end of the input).
    public internal(set) var endsInsideRecord = false

    private var fieldBytes: [UInt8] = []
    private var fieldEnds: [Int] = []
    /// For each record, the end of its fields in `fieldEnds`.
    private var recordFieldEnds: [Int] = []
    /// The bytes records' raw ranges are in: the chunk's input itself (no copy), whose first byte is
    /// at input offset `rawBase`, or (`rawIsInput` false) copies of each record's raw bytes.
    private var rawBytes: [UInt8] = []
    private var rawIsInput = false
    private var rawBase = 0
    private var rawCopied = 0
    private var rawStarts: [Int] = []
    private var rawEnds: [Int] = []
    /// Each record's 1-based physical line.
    public private(set) var recordLines: [Int] = []
    /// Each record's input offset.
    public private(set) var recordOffsets: [Int] = []

    public init(start: CSVReadPosition) {
        self.start = start
        self.end = start
    }

    /// Records (not malformed ones) in the chunk.
    public var recordCount: Int { recordLines.count }

    /// Copies record `index` (fields, raw bytes, line) into `record`, reusing its storage.
    public func record(_ index: Int, into record: inout CSVRecord) {
        record.removeAll()
        let firstField = index == 0 ? 0 : recordFieldEnds[index - 1]
        var fieldStart = firstField == 0 ? 0 : fieldEnds[firstField - 1]
        fieldBytes.withUnsafeBytes { bytes in
            for field in firstField..<recordFieldEnds[index] {
                record.appendToField(UnsafeRawBufferPointer(rebasing: bytes[fieldStart..<fieldEnds[field]]))
                record.closeField()
                fieldStart = fieldEnds[field]
            }
        }
        rawBytes.withUnsafeBytes {
            record.setRaw(UnsafeRawBufferPointer(rebasing: $0[rawStarts[index]..<rawEnds[index]]))
        }
        record.line = recordLines[index]
    }

    /// Reads outcomes from `reader` until it returns `.endOfInput` (then true) or until the chunk
    /// holds at least `byteBudget` raw bytes (then false).
    mutating func append(
        from reader: CSVReader, using record: inout CSVRecord, byteBudget: Int = .max
    ) throws(ScrubIOError) -> Bool {
        while rawCopied < byteBudget {
            switch try reader.next(into: &record) {
            case .record:
                append(record, offset: reader.lastRecordOffset)
            case .malformed(let bad):
                outcomes.append(.malformed(bad, offset: reader.lastRecordOffset))
            case .endOfInput:
                return true
            }
        }
        return false
    }

    private mutating func append(_ record: CSVRecord, offset: Int) {
        outcomes.append(.record(index: recordLines.count))
        let base = fieldBytes.count
        fieldBytes.append(contentsOf: record.bytes)
        for end in record.ends { fieldEnds.append(base + end) }
        recordFieldEnds.append(fieldEnds.count)
        if rawIsInput {
            rawStarts.append(offset - rawBase)
        } else {
            rawStarts.append(rawBytes.count)
            rawBytes.append(contentsOf: record.raw)
            rawCopied = rawBytes.count
        }
        rawEnds.append(rawStarts[rawStarts.count - 1] + record.raw.count)
        recordLines.append(record.line)
        recordOffsets.append(offset)
    }

    /// Reads `bytes`, the input from `start` on, as a reader of the whole input would read them there.
    static func parse(
        _ bytes: [UInt8], from start: CSVReadPosition, isEndOfInput: Bool, layout: CSVLayout
    ) throws(ScrubIOError) -> ParsedChunk {
        let reader = CSVReader(
            continuing: MemoryByteSource(bytes, path: layout.path), header: layout.header, dialect: layout.dialect,
            options: layout.options, at: start, isEndOfInput: isEndOfInput, bufferSize: bytes.count)
        var chunk = ParsedChunk(start: start)
        // Raw bytes stay in the input; room for the fields at once, so they are not copied as they grow.
        chunk.rawBytes = bytes
        chunk.rawIsInput = true
        chunk.rawBase = start.offset
        chunk.fieldBytes.reserveCapacity(bytes.count)
        var record = CSVRecord()
        _ = try chunk.append(from: reader, using: &record)
        chunk.counters = reader.counters
        chunk.end = reader.resumePosition
        chunk.endsInsideRecord = reader.incompleteRecordOffset != nil
        return chunk
    }
}

/// What every part of one input is read with: its header, dialect, options and name.
struct CSVLayout: Sendable {
    var path: String
    var header: CSVRecord
    var dialect: CSVDialect
    var options: CSVReaderOptions
}
