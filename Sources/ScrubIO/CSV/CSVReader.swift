/// Options for reading a delimited file.
public struct CSVReaderOptions: Sendable {
    /// The delimiter; `nil` detects it from the header row.
    public var delimiter: UInt8?
    /// The largest record accepted, in bytes (without its line ending); longer records are reported
    /// as one malformed record each, and memory stays bounded by about this much whatever the input.
    public var maxRecordBytes: Int
    /// Whether a record must have the header's number of fields (a lead file's rows must, or their
    /// fields are misread); when false a record of any count is read, and its reader names what is
    /// missing (a vendor file's row without its answer field).
    public var requiresHeaderFieldCount: Bool

    public init(delimiter: UInt8? = nil, maxRecordBytes: Int = 1 << 20, requiresHeaderFieldCount: Bool = true) {
        precondition(maxRecordBytes > 0)
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
        self.requiresHeaderFieldCount = requiresHeaderFieldCount
    }
}

/// A streaming, byte-level reader of delimited files as lead exports really are.
///
/// It reads a header row, strips a UTF-8 byte-order mark, accepts LF, CRLF and CR line endings,
/// quoted fields holding delimiters, line breaks and doubled quotes, and passes bytes that are not
/// valid UTF-8 through untouched. Blank lines are skipped and counted. On valid input (RFC 4180) it
/// reads exactly the records Python's `csv` module reads, whatever the size of a field; a quote in
/// the middle of an unquoted field is an ordinary byte, and bytes after a closing quote join the
/// field, as in Python's `csv`.
///
/// Records that do not parse as the header says are reported as `.malformed` outcomes with their
/// line and raw bytes, and reading continues; every record of the input is one outcome:
/// - A record longer than `maxRecordBytes` is one malformed record (`tooLarge`) holding its first
///   `maxRecordBytes` bytes and its real length. Reading resumes where the record's quoting ends it,
///   so a valid quoted field of any size (a multi-line "notes" field) never turns into records; the
///   rest of the record streams past without being kept.
/// - A record within the limit that spans several physical lines but has the wrong number of fields
///   (typically a stray opening quote that swallowed the lines after it, up to the next quote) is cut
///   back to its first line, and reading resumes on the next line, so one stray quote costs one row.
/// - A quote that never closes before the end of the input (counted in `unclosedQuoteCount`): within
///   the limit, the record is cut back to its first line as above (`unterminatedQuote`) and the lines
///   after it are read again as records (right for a stray quote; a file cut short inside a quoted
///   note gets the note's lines read as records, hence the warning). Past the limit the swallowed
///   bytes are no longer held, so the rest of the input is one malformed record (`unclosedPastLimit`),
///   as Python's `csv` reads it too; the run warns about every such quote, so the end of the input is
///   never silent.
///
/// - Complexity: O(n) in the input; each byte is examined once, except after a malformed
///   multi-line record within the limit, where at most `maxRecordBytes` are read again.
public final class CSVReader {
    public let source: ByteSource
    public let options: CSVReaderOptions
    public private(set) var dialect: CSVDialect
    /// The header row; empty when the input is empty.
    public private(set) var header = CSVRecord()

    /// Well-formed records read so far (not counting the header).
    public private(set) var recordCount = 0
    /// Malformed records reported so far.
    public private(set) var malformedCount = 0
    /// Blank lines skipped so far.
    public private(set) var blankLineCount = 0
    /// Records longer than `maxRecordBytes`, each one of the malformed records.
    public private(set) var oversizedCount = 0
    /// The line on which the first of them starts.
    public private(set) var firstOversizedLine: Int?
    /// Quoted fields still open at the end of the input, each one of the malformed records (at most
    /// one of them past the limit: that one ends the input).
    public private(set) var unclosedQuoteCount = 0
    /// The line on which the first record with such a field starts.
    public private(set) var firstUnclosedQuoteLine: Int?
    /// The lines and length of the record whose quoted field never closes past the limit, which ran
    /// to the end of the input; nil when that did not happen.
    public private(set) var unclosedToEnd: (lines: ClosedRange<Int>, length: Int)?

    private var buffer: UnsafeMutableRawBufferPointer
    /// False for a reader parsing bytes it was lent (`init(parsingInPlace:...)`).
    private let ownsBuffer: Bool
    private let maxCapacity: Int
    private var pos = 0
    private var end = 0
    private var atEndOfInput = false
    /// Input bytes dropped from the front of `buffer` so far: `dropped + i` is the input offset of `buffer[i]`.
    private var dropped = 0
    /// Where the record being parsed starts in `buffer`; bytes from here on are kept across refills
    /// while `inRecord`.
    private var recordStart = 0
    private var inRecord = false
    /// The last record ended on CR: an LF right after it completes its CRLF.
    private var pendingLF = false
    /// The last byte read before the buffer's current contents (for the end of a record that ran to the end).
    private var byteBeforeBuffer: UInt8 = 0
    /// The physical line at `pos`.
    private var line = 1
    /// The byte that counts lines: LF, or CR in files with CR line endings.
    private var lineByte: UInt8 = lf

    /// False for a reader of one chunk of the input that is not its end (see `init(continuing:...)`):
    /// where the bytes run out, the end-of-input rules do not apply; the reader stops instead.
    private let reachesEndOfInput: Bool
    /// Set when `next(into:)` returned `.endOfInput` because a chunk that is not the end of the input
    /// ended inside a record: the input offset at which that record starts.
    package private(set) var incompleteRecordOffset: Int?
    /// The input offset of the record (or malformed record) the last call to `next(into:)` returned.
    package private(set) var lastRecordOffset = 0

    private static let readSize = 64 * 1024

    /// Opens a reader and reads the header row.
    public init(source: ByteSource, options: CSVReaderOptions = .init()) throws(ScrubIOError) {
        self.source = source
        self.options = options
        self.maxCapacity = options.maxRecordBytes + 2 * Self.readSize
        self.buffer = .allocate(byteCount: min(256 * 1024, maxCapacity), alignment: 16)
        self.dialect = CSVDialect()
        self.reachesEndOfInput = true
        self.ownsBuffer = true
        try readHeader()
    }

    /// Opens a reader on part of an input whose header and dialect are already known, starting at
    /// `start` (a record start, as `resumePosition` gave it), with `source` yielding the input's
    /// bytes from `start.offset` on.
    ///
    /// Records are read by exactly the code that reads a whole input, so they, their lines and the
    /// counters are what a reader of the whole input would produce there. When `isEndOfInput` is
    /// false, `source` ends where the input does not: the reader stops at the first place where it
    /// would need bytes past it (the middle of a record, or a CR whose LF may follow), returns
    /// `.endOfInput`, and `resumePosition` says where to go on (`incompleteRecordOffset` is set
    /// when that is the start of a record it could not finish).
    package convenience init(
        continuing source: ByteSource, header: CSVRecord, dialect: CSVDialect, options: CSVReaderOptions,
        at start: CSVReadPosition, isEndOfInput: Bool, bufferSize: Int = 256 * 1024
    ) {
        let maxCapacity = options.maxRecordBytes + 2 * Self.readSize
        self.init(
            source, options: options,
            buffer: .allocate(byteCount: min(max(bufferSize + 1, 4096), 256 * 1024, maxCapacity), alignment: 16),
            lent: nil, header: header, dialect: dialect, at: start, isEndOfInput: isEndOfInput)
    }

    /// Opens a reader on `bytes`, part of an input from `start` on, as `init(continuing:...)` does,
    /// but parsing the bytes where they are: the reader never copies them into a buffer of its own
    /// (they are all there, so it never reads more), and it must not outlive them.
    package convenience init(
        parsingInPlace bytes: UnsafeRawBufferPointer, path: String, header: CSVRecord, dialect: CSVDialect,
        options: CSVReaderOptions, at start: CSVReadPosition, isEndOfInput: Bool
    ) {
        // Never written: `refill`, the only writer, runs only before the end of the input.
        self.init(
            MemoryByteSource([], path: path), options: options, buffer: UnsafeMutableRawBufferPointer(mutating: bytes),
            lent: bytes.count, header: header, dialect: dialect, at: start, isEndOfInput: isEndOfInput)
    }

    /// The one body of the two readers of part of an input: `lent` is the length of bytes lent in
    /// place of a buffer of the reader's own (all of them there, so the reader never reads more);
    /// nil for a reader that owns `buffer` and fills it from `source`.
    private init(
        _ source: ByteSource, options: CSVReaderOptions, buffer: UnsafeMutableRawBufferPointer, lent: Int?,
        header: CSVRecord, dialect: CSVDialect, at start: CSVReadPosition, isEndOfInput: Bool
    ) {
        self.source = source
        self.options = options
        self.maxCapacity = options.maxRecordBytes + 2 * Self.readSize
        self.buffer = buffer
        self.ownsBuffer = lent == nil
        if let lent {
            self.end = lent
            self.atEndOfInput = true
        }
        self.dialect = dialect
        self.header = header
        self.reachesEndOfInput = isEndOfInput
        self.dropped = start.offset
        self.line = start.line
        self.pendingLF = start.pendingLF
        self.lineByte = dialect.lineEnding == .cr ? cr : lf
    }

    deinit {
        if ownsBuffer { buffer.deallocate() }
    }

    /// The bytes the reader's buffer holds now, for tests of its memory bound.
    package var bufferCapacity: Int { buffer.count }

    /// Where reading goes on after the last outcome: the next record's offset, line and whether an LF
    /// there still belongs to the CR before it. After `.endOfInput` from a chunk that is not the end
    /// of the input, where the next chunk must start.
    package var resumePosition: CSVReadPosition {
        if let incompleteRecordOffset {
            return CSVReadPosition(offset: incompleteRecordOffset, line: line, pendingLF: false)
        }
        return CSVReadPosition(offset: dropped + pos, line: line, pendingLF: pendingLF)
    }

    /// The bytes read past `resumePosition` and whether the source has ended, so that reading can
    /// go on elsewhere (the parallel reader takes over after the header).
    package func handOver() -> (bytes: [UInt8], position: CSVReadPosition, sourceEnded: Bool) {
        (Array(UnsafeRawBufferPointer(rebasing: buffer[pos..<end])), resumePosition, atEndOfInput)
    }

    /// Reads the next record into `record`, reusing its storage; after a malformed one, `record` is empty.
    public func next(into record: inout CSVRecord) throws(ScrubIOError) -> CSVReadOutcome {
        let outcome = try parseRecord(
            into: &record, expectedFields: options.requiresHeaderFieldCount ? header.count : nil)
        switch outcome {
        case .record: recordCount += 1
        case .malformed:
            malformedCount += 1
            // Its fields may be spans of input it does not hold (see `CSVRecord`).
            record.removeAll()
        case .endOfInput: break
        }
        return outcome
    }

    // MARK: - Header

    private func readHeader() throws(ScrubIOError) {
        // Fill until the header's line ending is in the buffer (or the input ends, or the buffer is full).
        var scanned = 0
        while !atEndOfInput && end < maxCapacity {
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[scanned..<end])
            if bytes.contains(where: { $0 == lf || $0 == cr }) { break }
            scanned = end
            try refill()
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if end >= 3 && (0..<3).allSatisfy({ buffer[$0] == bom[$0] }) {
            pos = 3
            dialect.hasByteOrderMark = true
        }
        let headerBytes = UnsafeRawBufferPointer(rebasing: buffer[pos..<end])
        dialect.delimiter = options.delimiter ?? CSVDialect.detectDelimiter(inHeader: headerBytes)
        dialect.lineEnding = Self.lineEnding(of: headerBytes)
        lineByte = dialect.lineEnding == .cr ? cr : lf

        var record = CSVRecord()
        switch try parseRecord(into: &record, expectedFields: nil) {
        case .record:
            header = record
        case .endOfInput:
            header = CSVRecord()
        case .malformed(let bad):
            throw ScrubIOError(
                .badHeader, path: source.path,
                message: "header row cannot be read (\(bad)); check the file is a delimited text file")
        }
    }

    private static func lineEnding(of bytes: UnsafeRawBufferPointer) -> CSVDialect.LineEnding {
        var inQuotes = false
        for (index, byte) in bytes.enumerated() {
            if byte == quote {
                inQuotes.toggle()
            } else if !inQuotes && byte == lf {
                return .lf
            } else if !inQuotes && byte == cr {
                return index + 1 < bytes.count && bytes[index + 1] == lf ? .crlf : .cr
            }
        }
        return .none
    }

    // MARK: - Buffer

    /// Reads more input, keeping the open record's bytes (or nothing before `pos`).
    ///
    /// Never asks the source for zero bytes (which it would answer with 0, the end of the input): a
    /// kept record is at most `maxRecordBytes` long when this is called (`parseRecord` stops keeping
    /// a longer one first), and the buffer grows to `maxRecordBytes + 2 * readSize`, so there is
    /// always room.
    private func refill() throws(ScrubIOError) {
        let keep = inRecord ? recordStart : pos
        if keep > 0 {
            byteBeforeBuffer = buffer[keep - 1]
            let pending = end - keep
            if pending > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + keep, byteCount: pending)
            }
            pos -= keep
            recordStart -= min(keep, recordStart)
            end = pending
            dropped += keep
        }
        if buffer.count - end < Self.readSize && buffer.count < maxCapacity {
            let grown = UnsafeMutableRawBufferPointer.allocate(
                byteCount: min(buffer.count * 2, maxCapacity), alignment: 16)
            grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = grown
        }
        guard end < buffer.count else {
            // Unreachable (see above); an error, not a trap, and never a zero-byte read taken for the end.
            throw ScrubIOError(
                .io, path: source.path, offset: Int64(dropped + end),
                message: "internal error: the CSV reader's buffer is full; nothing was published")
        }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 { atEndOfInput = true }
        end += n
    }

    /// Makes at least one byte available at `pos`; false at the end of the input.
    @inline(__always)
    private func ensureByte() throws(ScrubIOError) -> Bool {
        while pos == end {
            if atEndOfInput { return false }
            try refill()
        }
        return true
    }

    // MARK: - Records

    private enum FieldState {
        case start, unquoted, quoted, quoteInQuoted
    }

    private func parseRecord(
        into record: inout CSVRecord, expectedFields: Int?
    ) throws(ScrubIOError)
        -> CSVReadOutcome
    {
        record.removeAll()
        // Skip blank lines, and the LF of a CRLF that ended the previous record.
        while try ensureByte() {
            let byte = buffer[pos]
            if pendingLF {
                pendingLF = false
                if byte == lf {
                    pos += 1
                    continue
                }
            }
            guard byte == lf || byte == cr else { break }
            pos += 1
            pendingLF = byte == cr
            line += 1
            blankLineCount += 1
        }
        guard pos < end else { return .endOfInput }

        inRecord = true
        defer { inRecord = false }
        recordStart = pos
        let origin = dropped + pos  // the record's input offset, stable across refills
        lastRecordOffset = origin
        record.line = line
        let recordLine = line
        var linesInside = 0
        var firstBreak = -1  // offset from recordStart of the first line break inside the record
        var state = FieldState.start
        /// The record's first `maxRecordBytes` bytes, set once it outgrew the buffer past the limit:
        /// from then on its bytes are scanned to find its end, not kept.
        var oversized: [UInt8]?
        let delimiter = dialect.delimiter
        let lineByte = self.lineByte
        let limit = options.maxRecordBytes

        while true {
            if pos == end {
                if atEndOfInput && !reachesEndOfInput {
                    incompleteRecordOffset = origin
                    return .endOfInput
                }
                if atEndOfInput { break }
                if oversized == nil && pos - recordStart > limit {
                    oversized = Array(UnsafeRawBufferPointer(rebasing: buffer[recordStart..<(recordStart + limit)]))
                    record.removeAll()
                    inRecord = false
                }
                try refill()
                continue
            }
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let keeping = oversized == nil
            switch state {
            case .start:
                if base[pos] == quote {
                    pos += 1
                    state = .quoted
                } else {
                    state = .unquoted
                }
            case .unquoted:
                let i = CSVScanner.firstOf(delimiter, lf, cr, in: base, from: pos, to: end)
                if i > pos && keeping {
                    record.appendInputToField(
                        UnsafeRawBufferPointer(start: base + pos, count: i - pos), at: pos - recordStart)
                }
                pos = i
                if i == end { continue }
                pos += 1
                if keeping { record.closeField() }
                if base[i] == delimiter {
                    state = .start
                } else {
                    return finishRecord(
                        terminator: base[i], recordLine: recordLine, linesInside: linesInside,
                        firstBreak: firstBreak, length: dropped + pos - 1 - origin, oversized: oversized,
                        expectedFields: expectedFields, record: &record)
                }
            case .quoted:
                let run = CSVScanner.firstQuote(quote, countingLines: lineByte, in: base, from: pos, to: end)
                if run.lineBytes > 0 {
                    if firstBreak < 0 { firstBreak = run.firstLineByte - recordStart }
                    linesInside += run.lineBytes
                }
                let i = run.end
                if i > pos && keeping {
                    record.appendToField(UnsafeRawBufferPointer(start: base + pos, count: i - pos))
                }
                pos = i
                if i == end { continue }
                pos += 1
                state = .quoteInQuoted
            case .quoteInQuoted:
                let byte = base[pos]
                if byte == quote {
                    if keeping { record.appendToField(quote) }
                    pos += 1
                    state = .quoted
                } else if byte == delimiter {
                    pos += 1
                    if keeping { record.closeField() }
                    state = .start
                } else if byte == lf || byte == cr {
                    pos += 1
                    if keeping { record.closeField() }
                    return finishRecord(
                        terminator: byte, recordLine: recordLine, linesInside: linesInside,
                        firstBreak: firstBreak, length: dropped + pos - 1 - origin, oversized: oversized,
                        expectedFields: expectedFields, record: &record)
                } else {
                    // Lenient, as Python's `csv` and most readers: bytes after a closing quote join the field.
                    state = .unquoted
                }
            }
        }

        // The input ended inside the record.
        if state == .quoted {
            unclosedQuoteCount += 1
            if firstUnclosedQuoteLine == nil { firstUnclosedQuoteLine = recordLine }
            if oversized != nil || pos - recordStart > limit {
                line += linesInside
                let lastByte = end > 0 ? buffer[end - 1] : byteBeforeBuffer
                return reportOversized(
                    oversized, length: dropped + pos - origin,
                    lines: recordLine...(line - (lastByte == lineByte && line > recordLine ? 1 : 0)), unclosed: true,
                    record: &record)
            }
            if firstBreak >= 0 {
                return resync(recordLine: recordLine, firstBreak: firstBreak, reason: .unterminatedQuote)
            }
            let raw = Array(UnsafeRawBufferPointer(rebasing: buffer[recordStart..<end]))
            line += linesInside
            return .malformed(CSVMalformedRecord(line: recordLine, reason: .unterminatedQuote, raw: raw))
        }
        if oversized == nil { record.closeField() }
        return finishRecord(
            terminator: nil, recordLine: recordLine, linesInside: linesInside, firstBreak: firstBreak,
            length: dropped + pos - origin, oversized: oversized, expectedFields: expectedFields, record: &record)
    }

    /// Completes a record after its terminator (or the end of input) and checks its size and shape.
    ///
    /// - Parameter length: the record's length in bytes, without its terminator.
    private func finishRecord(
        terminator: UInt8?, recordLine: Int, linesInside: Int, firstBreak: Int, length rawLength: Int,
        oversized: [UInt8]?, expectedFields: Int?, record: inout CSVRecord
    ) -> CSVReadOutcome {
        pendingLF = terminator == cr
        line = recordLine + linesInside + (terminator == nil ? 0 : 1)
        if oversized != nil || rawLength > options.maxRecordBytes {
            return reportOversized(
                oversized, length: rawLength, lines: recordLine...(recordLine + linesInside), unclosed: false,
                record: &record)
        }
        if let expectedFields, record.count != expectedFields {
            let reason = CSVMalformedRecord.Reason.fieldCount(expected: expectedFields, found: record.count)
            if firstBreak >= 0 {
                return resync(recordLine: recordLine, firstBreak: firstBreak, reason: reason)
            }
            let raw = Array(UnsafeRawBufferPointer(rebasing: buffer[recordStart..<(recordStart + rawLength)]))
            return .malformed(CSVMalformedRecord(line: recordLine, reason: reason, raw: raw))
        }
        // The whole record is still in the buffer: a refill keeps everything from `recordStart` on.
        record.setRaw(UnsafeRawBufferPointer(rebasing: buffer[recordStart..<(recordStart + rawLength)]))
        return .record
    }

    /// Reports the record's first physical line as malformed and resumes on the line after it.
    private func resync(recordLine: Int, firstBreak: Int, reason: CSVMalformedRecord.Reason) -> CSVReadOutcome {
        let breakIndex = recordStart + firstBreak
        var rawEnd = breakIndex
        if lineByte == lf && rawEnd > recordStart && buffer[rawEnd - 1] == cr { rawEnd -= 1 }
        let raw = Array(UnsafeRawBufferPointer(rebasing: buffer[recordStart..<rawEnd]))
        pos = breakIndex + 1
        pendingLF = lineByte == cr
        line = recordLine + 1
        return .malformed(CSVMalformedRecord(line: recordLine, reason: reason, raw: raw))
    }

    /// Reports a record longer than the limit, now read to its end: its first `maxRecordBytes` bytes
    /// (kept in `oversized` when it outgrew the buffer, else still in the buffer) and its real length.
    private func reportOversized(
        _ oversized: [UInt8]?, length: Int, lines: ClosedRange<Int>, unclosed: Bool, record: inout CSVRecord
    ) -> CSVReadOutcome {
        let limit = options.maxRecordBytes
        record.removeAll()
        oversizedCount += 1
        if firstOversizedLine == nil { firstOversizedLine = lines.lowerBound }
        if unclosed { unclosedToEnd = (lines, length) }
        let raw =
            oversized ?? Array(UnsafeRawBufferPointer(rebasing: buffer[recordStart..<(recordStart + limit)]))
        let reason: CSVMalformedRecord.Reason =
            unclosed ? .unclosedPastLimit(limit: limit, length: length) : .tooLarge(limit: limit, length: length)
        return .malformed(
            CSVMalformedRecord(line: lines.lowerBound, reason: reason, raw: raw, lastLine: lines.upperBound))
    }
}

private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
private let quote = UInt8(ascii: "\"")
