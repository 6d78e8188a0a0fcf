/// Options for reading a delimited file.
public struct CSVReaderOptions: Sendable {
    /// The delimiter; `nil` detects it from the header row.
    public var delimiter: UInt8?
    /// The largest record accepted, in bytes; longer records are reported as malformed.
    public var maxRecordBytes: Int

    public init(delimiter: UInt8? = nil, maxRecordBytes: Int = 1 << 20) {
        precondition(maxRecordBytes > 0)
        self.delimiter = delimiter
        self.maxRecordBytes = maxRecordBytes
    }
}

/// A streaming, byte-level reader of delimited files as lead exports really are.
///
/// It reads a header row, strips a UTF-8 byte-order mark, accepts LF, CRLF and CR line endings,
/// quoted fields holding delimiters, line breaks and doubled quotes, and passes bytes that are not
/// valid UTF-8 through untouched. Blank lines are skipped and counted.
///
/// Records that do not parse as the header says are reported as `.malformed` outcomes with their
/// line and raw bytes, and reading continues. A malformed record that spans several physical lines
/// (typically an unclosed quote that swallowed the lines after it) is cut back to its first line,
/// and reading resumes on the next line, so one stray quote costs one row, not the rest of the file.
///
/// - Complexity: O(n) in the input; each byte is examined once, except after a malformed
///   multi-line record, where at most `maxRecordBytes` are read again.
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

    private var buffer: UnsafeMutableRawBufferPointer
    private let maxCapacity: Int
    private var pos = 0
    private var end = 0
    private var atEndOfInput = false
    /// Where the record being parsed starts in `buffer`; bytes from here on are kept across refills.
    private var recordStart = 0
    private var inRecord = false
    /// The physical line at `pos`.
    private var line = 1
    /// The byte that counts lines: LF, or CR in files with CR line endings.
    private var lineByte: UInt8 = lf

    private static let readSize = 64 * 1024

    /// Opens a reader and reads the header row.
    public init(source: ByteSource, options: CSVReaderOptions = .init()) throws(ScrubIOError) {
        self.source = source
        self.options = options
        self.maxCapacity = options.maxRecordBytes + 2 * Self.readSize
        self.buffer = .allocate(byteCount: min(256 * 1024, maxCapacity), alignment: 16)
        self.dialect = CSVDialect()
        try readHeader()
    }

    deinit {
        buffer.deallocate()
    }

    /// Reads the next record into `record`, reusing its storage.
    public func next(into record: inout CSVRecord) throws(ScrubIOError) -> CSVReadOutcome {
        let outcome = try parseRecord(into: &record, expectedFields: header.count)
        switch outcome {
        case .record: recordCount += 1
        case .malformed: malformedCount += 1
        case .endOfInput: break
        }
        return outcome
    }

    // MARK: - Header

    private func readHeader() throws(ScrubIOError) {
        // Fill until the header's line ending is in the buffer (or the input ends).
        while !atEndOfInput && end < maxCapacity && !bufferContainsLineBreak() {
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

    private func bufferContainsLineBreak() -> Bool {
        UnsafeRawBufferPointer(rebasing: buffer[pos..<end]).contains { $0 == lf || $0 == cr }
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
    private func refill() throws(ScrubIOError) {
        let keep = inRecord ? recordStart : pos
        if keep > 0 {
            let pending = end - keep
            if pending > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + keep, byteCount: pending)
            }
            pos -= keep
            recordStart -= min(keep, recordStart)
            end = pending
        }
        if buffer.count - end < Self.readSize && buffer.count < maxCapacity {
            let grown = UnsafeMutableRawBufferPointer.allocate(
                byteCount: min(buffer.count * 2, maxCapacity), alignment: 16)
            grown.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
            buffer.deallocate()
            buffer = grown
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
        // Skip blank lines.
        while try ensureByte() {
            let byte = buffer[pos]
            guard byte == lf || byte == cr else { break }
            pos += 1
            if byte == cr, try ensureByte(), buffer[pos] == lf { pos += 1 }
            line += 1
            blankLineCount += 1
        }
        guard pos < end else { return .endOfInput }

        inRecord = true
        defer { inRecord = false }
        recordStart = pos
        record.line = line
        let recordLine = line
        var linesInside = 0
        var firstBreak = -1  // offset from recordStart of the first line break inside the record
        var state = FieldState.start
        let delimiter = dialect.delimiter
        let lineByte = self.lineByte
        let limit = options.maxRecordBytes

        while true {
            if pos == end {
                if atEndOfInput { break }
                try refill()
                if pos - recordStart > limit {
                    return try overLimit(
                        recordLine: recordLine, firstBreak: firstBreak, lineEnded: false, record: &record)
                }
                continue
            }
            let base = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            switch state {
            case .start:
                if base[pos] == quote {
                    pos += 1
                    state = .quoted
                } else {
                    state = .unquoted
                }
            case .unquoted:
                var i = pos
                while i < end {
                    let byte = base[i]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    i += 1
                }
                if i > pos { record.appendToField(UnsafeRawBufferPointer(start: base + pos, count: i - pos)) }
                pos = i
                if i == end { continue }
                pos += 1
                record.closeField()
                if base[i] == delimiter {
                    state = .start
                } else {
                    return try finishRecord(
                        terminator: base[i], recordLine: recordLine, linesInside: linesInside,
                        firstBreak: firstBreak, expectedFields: expectedFields, record: &record)
                }
            case .quoted:
                var i = pos
                while i < end {
                    let byte = base[i]
                    if byte == quote { break }
                    if byte == lineByte {
                        if firstBreak < 0 { firstBreak = i - recordStart }
                        linesInside += 1
                    }
                    i += 1
                }
                if i > pos { record.appendToField(UnsafeRawBufferPointer(start: base + pos, count: i - pos)) }
                pos = i
                if i == end { continue }
                pos += 1
                state = .quoteInQuoted
            case .quoteInQuoted:
                let byte = base[pos]
                if byte == quote {
                    record.appendToField(quote)
                    pos += 1
                    state = .quoted
                } else if byte == delimiter {
                    pos += 1
                    record.closeField()
                    state = .start
                } else if byte == lf || byte == cr {
                    pos += 1
                    record.closeField()
                    return try finishRecord(
                        terminator: byte, recordLine: recordLine, linesInside: linesInside,
                        firstBreak: firstBreak, expectedFields: expectedFields, record: &record)
                } else {
                    // Lenient, as most CSV readers: bytes after a closing quote join the field.
                    state = .unquoted
                }
            }
        }

        // The input ended inside the record.
        if state == .quoted {
            if pos - recordStart > limit {
                return try overLimit(recordLine: recordLine, firstBreak: firstBreak, lineEnded: false, record: &record)
            }
            if firstBreak >= 0 {
                return resync(recordLine: recordLine, firstBreak: firstBreak, reason: .unterminatedQuote)
            }
            let raw = Array(UnsafeRawBufferPointer(rebasing: buffer[recordStart..<end]))
            line += linesInside
            return .malformed(CSVMalformedRecord(line: recordLine, reason: .unterminatedQuote, raw: raw))
        }
        record.closeField()
        return try finishRecord(
            terminator: nil, recordLine: recordLine, linesInside: linesInside,
            firstBreak: firstBreak, expectedFields: expectedFields, record: &record)
    }

    /// Completes a record after its terminator (or the end of input) and checks its shape.
    private func finishRecord(
        terminator: UInt8?, recordLine: Int, linesInside: Int, firstBreak: Int,
        expectedFields: Int?, record: inout CSVRecord
    ) throws(ScrubIOError) -> CSVReadOutcome {
        // Measured before the CRLF look-ahead, which may move the buffer.
        let rawLength = pos - recordStart - (terminator == nil ? 0 : 1)
        if terminator == cr, try ensureByte(), buffer[pos] == lf { pos += 1 }
        if rawLength > options.maxRecordBytes {
            return try overLimit(recordLine: recordLine, firstBreak: firstBreak, lineEnded: true, record: &record)
        }
        line += linesInside + (terminator == nil ? 0 : 1)
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
        line = recordLine + 1
        return .malformed(CSVMalformedRecord(line: recordLine, reason: reason, raw: raw))
    }

    /// Handles a record longer than the limit: resynchronise at its first line break if that comes
    /// within the limit, otherwise report its first `limit` bytes and skip to the end of its line.
    private func overLimit(
        recordLine: Int, firstBreak: Int, lineEnded: Bool, record: inout CSVRecord
    ) throws(ScrubIOError) -> CSVReadOutcome {
        let limit = options.maxRecordBytes
        record.removeAll()
        if firstBreak >= 0 && firstBreak < limit {
            return resync(recordLine: recordLine, firstBreak: firstBreak, reason: .tooLarge(limit: limit))
        }
        let raw = Array(UnsafeRawBufferPointer(rebasing: buffer[recordStart..<(recordStart + limit)]))
        if firstBreak >= 0 {
            pos = recordStart + firstBreak + 1
        } else if !lineEnded {
            try skipToLineEnd()
        }
        line = recordLine + 1
        return .malformed(CSVMalformedRecord(line: recordLine, reason: .tooLarge(limit: limit), raw: raw))
    }

    /// Discards input up to and including the next line break (or to the end of the input).
    private func skipToLineEnd() throws(ScrubIOError) {
        inRecord = false
        while true {
            while pos < end {
                let byte = buffer[pos]
                pos += 1
                if byte == lineByte { return }
            }
            if atEndOfInput { return }
            try refill()
        }
    }
}

private let lf = UInt8(ascii: "\n")
private let cr = UInt8(ascii: "\r")
private let quote = UInt8(ascii: "\"")
