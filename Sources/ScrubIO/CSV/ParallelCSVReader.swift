/// Reads a delimited input on every core: it cuts the input into chunks at line ends, parses each
/// on a worker as if it started at a record start, runs `transform` on it there, and hands the
/// chunks and their outputs back in input order, with exactly the outcomes, lines and counters a
/// `CSVReader` reading the whole input serially gives.
///
/// Why that is exact: every chunk is read by `CSVReader` itself (`init(continuing:...)`), from a
/// `CSVReadPosition` (offset, line, pending LF) guessed when the chunk was cut. In input order, a
/// chunk's parse is kept only if the parse kept before it ended exactly at that position; two
/// readers in the same position read the same records. Otherwise (the cut fell inside a quoted
/// field that holds line breaks, or a line count guessed from line-ending bytes was wrong) the
/// chunk is read again on the consumer, from where the previous parse stopped, through the chunk's
/// end; a record still unfinished there carries on into the next chunk. A record that outgrows
/// `maxRecordBytes` plus a chunk that way (an unclosed quote swallowing the rest, a 50 MB field)
/// hands the rest of the input to one serial reader, whose records still reach `transform` on the
/// workers in batches; memory stays bounded by the limit and the chunks in flight.
///
/// A speculative chunk that is read again had `transform` run on it too; its output (or error) is
/// dropped, so `transform` must have no effects beyond its result. Only outputs of kept chunks,
/// and their errors, reach the caller.
///
/// The header (byte-order mark, delimiter and line-ending detection) is read first, serially, by
/// `CSVReader`. Teardown: releasing the reader at any moment, after an error or not, drops the
/// chunks in flight and returns once no worker holds one (see `OrderedJobs`).
public final class ParallelCSVReader<Output: Sendable> {
    /// The header row; empty when the input is empty.
    public let header: CSVRecord
    public let dialect: CSVDialect
    public let options: CSVReaderOptions
    /// What was counted in the chunks returned so far; after the last, the whole input's counts.
    public private(set) var counters = CSVReadCounters()
    /// Chunks read again because their guessed start was wrong, and whether the input was handed
    /// to the serial reader (for tests and the report's figures).
    public private(set) var repairedChunks = 0
    public private(set) var fellBackToSerial = false
    /// CPU time spent parsing so far, on every thread (chunks dropped and read again included).
    public var parseCPUTime: Duration { .nanoseconds(parseNanoseconds.update { $0 }) }
    private let parseNanoseconds = GuardedState<Int64>(0)

    private let source: ByteSource
    private let layout: CSVLayout
    private let chunkSize: Int
    private let lineByte: UInt8
    private let transform: @Sendable (ParsedChunk) throws -> Output
    private let jobs: OrderedJobs<ChunkJob<Output>, Never>
    /// The chunks in flight, oldest first, with what the consumer must know to check them.
    private var submitted: [SubmittedChunk] = []

    // Cutting.
    private var readBuffer: UnsafeMutableRawBufferPointer
    private var filled = 0
    private var handedOver: [UInt8]
    private var handedOverOffset = 0
    private var sourceEnded: Bool
    private var nextStart: CSVReadPosition
    private var lastChunkCut = false

    // Checking, in input order.
    /// Where the parse kept last stopped.
    private var kept: CSVReadPosition
    /// The input from `kept.offset` to the start of the next chunk (a record not finished yet).
    private var tail: [UInt8] = []

    // After falling back to serial reading.
    private var serial: CSVReader?
    private var serialCounters = CSVReadCounters()
    private var serialEnded = false

    /// Reads the header of `source`, then starts reading ahead: at most `maxInFlight` chunks of
    /// about `chunkSize` bytes are in flight at once (default: twice the pool's threads).
    public init(
        source: ByteSource, options: CSVReaderOptions = .init(), pool: WorkerPool, chunkSize: Int = 1 << 20,
        maxInFlight: Int? = nil, transform: @escaping @Sendable (ParsedChunk) throws -> Output
    ) throws(ScrubIOError) {
        precondition(chunkSize > 0)
        let headerReader = try CSVReader(source: source, options: options)
        header = headerReader.header
        dialect = headerReader.dialect
        self.options = options
        self.source = source
        self.chunkSize = chunkSize
        self.transform = transform
        layout = CSVLayout(path: source.path, header: header, dialect: dialect, options: options)
        lineByte = dialect.lineEnding == .cr ? 0x0D : 0x0A
        let rest = headerReader.handOver()
        handedOver = rest.bytes
        sourceEnded = rest.sourceEnded
        nextStart = rest.position
        kept = rest.position
        readBuffer = .allocate(byteCount: chunkSize, alignment: 16)
        let inFlight =
            maxInFlight ?? (pool.threads.multipliedReportingOverflow(by: 2).overflow ? .max : 2 * pool.threads)
        jobs = OrderedJobs(pool: pool, maxInFlight: max(1, inFlight))
    }

    deinit {
        readBuffer.deallocate()
    }

    /// The next chunk in input order and `transform`'s output for it; nil after the last.
    ///
    /// Throws `transform`'s error for a kept chunk, or a `ScrubIOError` from the source; after
    /// an error, release the reader.
    public func next() throws -> (chunk: ParsedChunk, output: Output)? {
        try submitWhileRoom()
        guard let job = jobs.next() else { return nil }
        let chunk = submitted.removeFirst()
        guard chunk.speculative else {
            let parsed = try job.parsed.get()
            counters.add(parsed.counters)
            return (parsed, try job.output!.get())
        }
        let parsed: ParsedChunk
        let output: Result<Output, any Error>
        let bytes: [UInt8]
        let bytesOffset: Int
        if chunk.start == kept {
            parsed = try job.parsed.get()
            output = job.output!
            bytes = chunk.bytes
            bytesOffset = chunk.start.offset
        } else {
            // Read again from where the kept parse stopped, through this chunk's end.
            repairedChunks += 1
            bytes = tail + chunk.bytes
            bytesOffset = kept.offset
            parsed = try Self.timed(parseNanoseconds) { () throws(ScrubIOError) in
                try ParsedChunk.parse(bytes, from: kept, isEndOfInput: chunk.isLast, layout: layout)
            }
            output = Result { try transform(parsed) }
        }
        kept = parsed.end
        tail = parsed.endsInsideRecord ? Array(bytes[(parsed.end.offset - bytesOffset)...]) : []
        counters.add(parsed.counters)
        if tail.count > options.maxRecordBytes + chunkSize { try fallBackToSerial() }
        return (parsed, try output.get())
    }

    /// Submits chunks (or, after falling back, batches of the serial reader's records) while there is room.
    private func submitWhileRoom() throws(ScrubIOError) {
        let transform = self.transform
        while jobs.hasRoom {
            if let serial {
                guard !serialEnded else { return }
                var batch = ParsedChunk(start: serial.resumePosition)
                var record = CSVRecord()
                serialEnded = try batch.append(from: serial, using: &record, byteBudget: chunkSize)
                let now = serial.counters
                batch.counters = now.since(serialCounters)
                serialCounters = now
                batch.end = serial.resumePosition
                submitted.append(SubmittedChunk(bytes: [], start: batch.start, isLast: serialEnded, speculative: false))
                jobs.submit { [batch] in
                    ChunkJob(parsed: .success(batch), output: Result { try transform(batch) })
                }
            } else {
                guard let chunk = try cutNextChunk() else { return }
                submitted.append(chunk)
                let layout = self.layout
                let parseNanoseconds = self.parseNanoseconds
                jobs.submit {
                    let parsed = Result { () throws(ScrubIOError) in
                        try Self.timed(parseNanoseconds) { () throws(ScrubIOError) in
                            try ParsedChunk.parse(
                                chunk.bytes, from: chunk.start, isEndOfInput: chunk.isLast, layout: layout)
                        }
                    }
                    guard case .success(let parsedChunk) = parsed else { return ChunkJob(parsed: parsed, output: nil) }
                    return ChunkJob(parsed: parsed, output: Result { try transform(parsedChunk) })
                }
            }
        }
    }

    /// Runs `parse`, adding the CPU time it took on this thread to `total`.
    private static func timed(
        _ total: GuardedState<Int64>, _ parse: () throws(ScrubIOError) -> ParsedChunk
    ) throws(ScrubIOError) -> ParsedChunk {
        let start = CPUTime.currentThread()
        defer {
            let used = CPUTime.nanoseconds(CPUTime.currentThread() - start)
            total.update { $0 += used }
        }
        return try parse()
    }

    /// Hands the rest of the input, from where the kept parse stopped, to one serial reader.
    private func fallBackToSerial() throws(ScrubIOError) {
        fellBackToSerial = true
        while jobs.next() != nil {}  // speculative chunks of input the serial reader reads again
        var rest = tail
        for chunk in submitted { rest += chunk.bytes }
        submitted = []
        rest += UnsafeRawBufferPointer(rebasing: readBuffer[..<filled])
        filled = 0
        rest += handedOver[handedOverOffset...]
        handedOver = []
        handedOverOffset = 0
        tail = []
        lastChunkCut = true
        serial = CSVReader(
            continuing: PrefixedByteSource(rest, then: sourceEnded ? nil : source, path: source.path),
            header: header, dialect: dialect, options: options, at: kept, isEndOfInput: true)
    }

    /// Cuts the next chunk from the input at its last line end (nil after the last chunk). The last
    /// chunk, possibly empty, is the one that reaches the end of the input.
    private func cutNextChunk() throws(ScrubIOError) -> SubmittedChunk? {
        guard !lastChunkCut else { return nil }
        while filled < chunkSize && !sourceEnded {
            let space = UnsafeMutableRawBufferPointer(rebasing: readBuffer[filled...])
            if handedOverOffset < handedOver.count {
                let n = min(space.count, handedOver.count - handedOverOffset)
                handedOver.withUnsafeBytes {
                    space.baseAddress!.copyMemory(from: $0.baseAddress! + handedOverOffset, byteCount: n)
                }
                handedOverOffset += n
                filled += n
                continue
            }
            let n = try source.read(into: space)
            if n == 0 { sourceEnded = true }
            filled += n
        }
        let isLast = sourceEnded && handedOverOffset == handedOver.count
        let cut = isLast ? filled : (lastLineEnd() ?? filled)
        let bytes = Array(UnsafeRawBufferPointer(rebasing: readBuffer[..<cut]))
        let start = nextStart
        nextStart.offset += cut
        nextStart.line += Self.count(lineByte, in: UnsafeRawBufferPointer(rebasing: readBuffer[..<cut]))
        if let last = bytes.last { nextStart.pendingLF = last == 0x0D }
        if cut < filled {
            readBuffer.baseAddress!.copyMemory(from: readBuffer.baseAddress! + cut, byteCount: filled - cut)
        }
        filled -= cut
        if isLast { lastChunkCut = true }
        return SubmittedChunk(bytes: bytes, start: start, isLast: isLast, speculative: true)
    }

    /// How many times `byte` occurs in `bytes`.
    private static func count(_ byte: UInt8, in bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
        return CSVScanner.count(byte, in: base, from: 0, to: bytes.count)
    }

    /// Where the filled bytes may be cut: after their last line end (LF; in CR files the last CR not
    /// followed by an LF, with the byte after it read), or nil.
    private func lastLineEnd() -> Int? {
        var index = filled - 1
        while index >= 0 {
            if readBuffer[index] == lineByte {
                if lineByte == 0x0A { return index + 1 }
                if index + 1 < filled && readBuffer[index + 1] != 0x0A { return index + 1 }
            }
            index -= 1
        }
        return nil
    }
}

/// A chunk handed to the workers, as the consumer keeps it to check the result.
private struct SubmittedChunk: Sendable {
    var bytes: [UInt8]
    /// The guessed position of its first byte.
    var start: CSVReadPosition
    var isLast: Bool
    /// Parsed on a worker from a guessed start (false: a batch of the serial reader's records).
    var speculative: Bool
}

/// What a worker returns for a chunk: its parse, and `transform`'s output when it parsed.
private struct ChunkJob<Output: Sendable>: Sendable {
    var parsed: Result<ParsedChunk, ScrubIOError>
    var output: Result<Output, any Error>?
}
