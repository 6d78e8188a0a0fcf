/// The outcomes of reading one stretch of a delimited input, in input order: its records (fields,
/// raw bytes, line and input offset) and its malformed records.
///
/// Records are kept back to back in a few flat arrays rather than as one `CSVRecord` each, so a
/// chunk of thousands of records costs a handful of allocations: the chunk's input itself (parsed in
/// place: its records' raw bytes and unquoted fields are spans of it), the bytes of quoted fields
/// (undoubled) and every field's span. `record(_:into:)` makes a caller's reusable record a view of
/// one, copying only its spans. The value is `Sendable`: workers build it, others read it.
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

    /// Every record's fields, back to back: spans of `rawBytes` or of `unescaped`.
    private var spans: [CSVRecord.Span] = []
    /// The bytes of fields that needed unescaping (quoted fields, undoubled).
    private var unescaped: [UInt8] = []
    /// For each record, the end of its fields in `spans`.
    private var recordSpanEnds: [Int] = []
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

    /// Makes `record` a view of record `index` (fields, raw bytes, line): it shares the chunk's bytes,
    /// and only the record's field spans are copied, into storage `record` reuses.
    public func record(_ index: Int, into record: inout CSVRecord) {
        let firstField = index == 0 ? 0 : recordSpanEnds[index - 1]
        record.view(
            line: recordLines[index], input: rawBytes, raw: rawStarts[index]..<rawEnds[index], unescaped: unescaped,
            spans: spans[firstField..<recordSpanEnds[index]])
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
        let rawStart: Int
        if rawIsInput {
            rawStart = offset - rawBase
        } else {
            rawStart = rawBytes.count
            rawBytes.append(contentsOf: record.raw)
            rawCopied = rawBytes.count
        }
        record.appendFields(to: &spans, rawAt: rawStart, unescaped: &unescaped)
        recordSpanEnds.append(spans.count)
        rawStarts.append(rawStart)
        rawEnds.append(rawStart + record.raw.count)
        recordLines.append(record.line)
        recordOffsets.append(offset)
    }

    /// Reads `bytes`, the input from `start` on, as a reader of the whole input would read them there.
    ///
    /// The reader parses `bytes` where they are (no copy into a buffer of its own), and the chunk
    /// keeps them as its records' raw bytes.
    static func parse(
        _ bytes: [UInt8], from start: CSVReadPosition, isEndOfInput: Bool, layout: CSVLayout
    ) throws(ScrubIOError) -> ParsedChunk {
        var chunk = ParsedChunk(start: start)
        chunk.rawBytes = bytes
        chunk.rawIsInput = true
        chunk.rawBase = start.offset
        // About one field per 11 input bytes in a lead file: room at once, so the spans are not copied as they grow.
        chunk.spans.reserveCapacity(bytes.count / 11)
        let parsed = bytes.withUnsafeBytes { input in
            Result { () throws(ScrubIOError) in
                let reader = CSVReader(
                    parsingInPlace: input, path: layout.path, header: layout.header, dialect: layout.dialect,
                    options: layout.options, at: start, isEndOfInput: isEndOfInput)
                var record = CSVRecord()
                _ = try chunk.append(from: reader, using: &record)
                chunk.counters = reader.counters
                chunk.end = reader.resumePosition
                chunk.endsInsideRecord = reader.incompleteRecordOffset != nil
            }
        }
        try parsed.get()
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
