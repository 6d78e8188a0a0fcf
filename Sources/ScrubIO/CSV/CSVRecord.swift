/// One parsed record: its fields' bytes (quotes removed, doubled quotes undoubled) and its line.
///
/// A reader fills one record value again and again (`CSVReader.next(into:)`), reusing its storage,
/// so reading allocates only when a record is larger than any before it.
///
/// A record read by a `CSVReader` keeps its input bytes (`raw`) once, and a field that needed no
/// unescaping (every unquoted field: most of a lead file) is only a span of them, so reading copies
/// each record's bytes once rather than field by field; only quoted fields are copied, undoubled,
/// into a second buffer. A record taken from a `ParsedChunk` is a view: it shares the chunk's input
/// and unescaped bytes (no copy of its bytes at all) and holds only its fields' spans.
public struct CSVRecord: Sendable {
    /// Where one field's bytes are: `rawStorage[start..<end]`, or `unescaped[start..<end]`.
    @usableFromInline
    struct Span: Sendable, Equatable {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        @usableFromInline var inRaw: Bool
    }

    /// The 1-based physical line on which the record starts.
    public var line: Int = 0
    /// The record as it stood in the input, quotes and delimiters included, without its line ending;
    /// empty for records not read by a `CSVReader`. A writer with the input's delimiter copies these
    /// bytes instead of encoding the fields again: they parse back to the same fields.
    public var raw: ArraySlice<UInt8> { rawStorage[rawRange] }
    /// The bytes `raw` is a part of: the record's own copy, or the input of the chunk it is a view of.
    @usableFromInline private(set) var rawStorage: [UInt8] = []
    private var rawRange = 0..<0
    /// The bytes of fields that are not spans of `raw`: quoted fields undoubled, and every field of a
    /// record made from fields.
    @usableFromInline private(set) var unescaped: [UInt8] = []
    @usableFromInline private(set) var spans: [Span] = []
    /// True while `rawStorage` and `unescaped` are a chunk's (see `view`): emptying them keeping their
    /// capacity would copy the chunk, so `removeAll` lets go of them instead.
    private var isView = false
    /// The field being parsed, while `openIsEmpty` is false.
    private var open = Span(start: 0, end: 0, inRaw: true)
    private var openIsEmpty = true

    public init() {
        unescaped.reserveCapacity(256)
        spans.reserveCapacity(32)
        rawStorage.reserveCapacity(1024)
    }

    /// Makes a record from fields, for writing and for tests.
    public init<S: Sequence>(fields: S, line: Int = 0) where S.Element: Sequence<UInt8> {
        for field in fields { append(field: field) }
        self.line = line
    }

    public var count: Int { spans.count }

    /// All field bytes, back to back (a copy: `withField` reads a field in place).
    public var bytes: [UInt8] {
        var all: [UInt8] = []
        for index in 0..<count { withField(index) { all.append(contentsOf: $0) } }
        return all
    }

    /// The end offset in `bytes` of each field.
    public var ends: [Int] {
        var total = 0
        return spans.map {
            total += $0.end - $0.start
            return total
        }
    }

    /// The bytes of field `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        let span = spans[index]
        return span.inRaw ? rawStorage[span.start..<span.end] : unescaped[span.start..<span.end]
    }

    /// Calls `body` with the bytes of field `index`, without copying.
    @inlinable
    public func withField<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let span = spans[index]
        return try (span.inRaw ? rawStorage : unescaped).withUnsafeBytes {
            try body(UnsafeRawBufferPointer(rebasing: $0[span.start..<span.end]))
        }
    }

    /// The fields as arrays, for tests and diagnostics.
    public var fields: [[UInt8]] { (0..<count).map { Array(self[$0]) } }

    /// Every field as text: UTF-8 when it is valid UTF-8, else Windows-1252, as Excel exports it (so
    /// a header `Téléphone` matches the pipeline's column name either way).
    public var texts: [String] { (0..<count).map { Windows1252.text(self[$0]) } }

    public mutating func removeAll() {
        if isView {
            rawStorage = []
            unescaped = []
            isView = false
        } else {
            unescaped.removeAll(keepingCapacity: true)
            rawStorage.removeAll(keepingCapacity: true)
        }
        spans.removeAll(keepingCapacity: true)
        rawRange = 0..<0
        openIsEmpty = true
    }

    public mutating func append<S: Sequence<UInt8>>(field: S) {
        let start = unescaped.count
        unescaped.append(contentsOf: field)
        spans.append(Span(start: start, end: unescaped.count, inRaw: false))
    }

    // Parser internals: a field's bytes are added, then the field is closed; `setRaw` completes the
    // record, whose fields cannot be read before it.

    mutating func setRaw(_ bytes: UnsafeRawBufferPointer) {
        rawStorage.append(contentsOf: bytes)
        rawRange = 0..<rawStorage.count
    }

    /// Makes this record a view of a chunk's record: its raw bytes are `input[raw]`, its fields are
    /// `spans` (into `input` or `unescaped`). Only the spans are copied, into storage this record reuses.
    mutating func view(
        line: Int, input: [UInt8], raw: Range<Int>, unescaped: [UInt8], spans: ArraySlice<Span>
    ) {
        rawStorage = input
        self.unescaped = unescaped
        isView = true
        rawRange = raw
        self.spans.removeAll(keepingCapacity: true)
        self.spans.append(contentsOf: spans)
        self.line = line
        openIsEmpty = true
    }

    /// Appends this record's fields to a chunk's: spans of its raw bytes become spans of the chunk's
    /// input, whose `rawStart` is where they start there; unescaped bytes are appended to `chunkUnescaped`.
    func appendFields(to chunkSpans: inout [Span], rawAt rawStart: Int, unescaped chunkUnescaped: inout [UInt8]) {
        let rawShift = rawStart - rawRange.lowerBound
        let unescapedShift = chunkUnescaped.count
        if !unescaped.isEmpty { chunkUnescaped.append(contentsOf: unescaped) }
        for span in spans {
            let shift = span.inRaw ? rawShift : unescapedShift
            chunkSpans.append(Span(start: span.start + shift, end: span.end + shift, inRaw: span.inRaw))
        }
    }

    /// Adds `chunk`, which starts `offset` bytes into the record's input, to the open field: as a span
    /// of `raw` when the field so far is one (an unquoted field, however many chunks it came in),
    /// else copied (unquoted bytes after a quoted part).
    mutating func appendInputToField(_ chunk: UnsafeRawBufferPointer, at offset: Int) {
        if openIsEmpty {
            open = Span(start: offset, end: offset + chunk.count, inRaw: true)
            openIsEmpty = false
        } else if open.inRaw {
            // An unquoted field has no quotes to remove, so its chunks are back to back in the input.
            assert(open.end == offset)
            open.end += chunk.count
        } else {
            appendToField(chunk)
        }
    }

    /// Adds unescaped bytes to the open field; it must not be a span of `raw` (a quoted field starts
    /// with its quote, before any of its bytes).
    mutating func appendToField(_ chunk: UnsafeRawBufferPointer) {
        openUnescaped()
        unescaped.append(contentsOf: chunk)
        open.end = unescaped.count
    }

    mutating func appendToField(_ byte: UInt8) {
        openUnescaped()
        unescaped.append(byte)
        open.end = unescaped.count
    }

    mutating func closeField() {
        spans.append(openIsEmpty ? Span(start: 0, end: 0, inRaw: false) : open)
        openIsEmpty = true
    }

    private mutating func openUnescaped() {
        guard openIsEmpty else {
            precondition(!open.inRaw, "a field that is a span of the input cannot take unescaped bytes")
            return
        }
        open = Span(start: unescaped.count, end: unescaped.count, inRaw: false)
        openIsEmpty = false
    }
}

extension CSVRecord: Equatable {
    /// Equal fields on the same line; how the input quoted them (`raw`) does not matter.
    public static func == (lhs: CSVRecord, rhs: CSVRecord) -> Bool {
        lhs.line == rhs.line && lhs.count == rhs.count && (0..<lhs.count).allSatisfy { lhs[$0] == rhs[$0] }
    }
}
