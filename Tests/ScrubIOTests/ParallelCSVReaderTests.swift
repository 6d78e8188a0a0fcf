import ScrubIO
import ScrubTestSupport
import Testing

/// One outcome, everything about it that a run uses: fields, raw bytes, line and input offset of a
/// record, or a malformed record and its offset.
private enum Item: Equatable, CustomStringConvertible {
    case record(fields: [[UInt8]], raw: [UInt8], line: Int, offset: Int)
    case malformed(CSVMalformedRecord, offset: Int)

    var description: String {
        switch self {
        case .record(let fields, _, let line, let offset):
            "record line \(line) @\(offset): \(fields.map { String(decoding: $0, as: UTF8.self) })"
        case .malformed(let bad, let offset): "malformed @\(offset): \(bad)"
        }
    }
}

private struct Read: Equatable {
    var header: [[UInt8]]
    var dialect: CSVDialect
    var items: [Item] = []
    var counters: CSVReadCounters
}

/// The serial reader's outcomes: the oracle.
private func serial(_ input: [UInt8], options: CSVReaderOptions) throws -> Read {
    let reader = try CSVReader(source: MemoryByteSource(input, chunkSize: 977), options: options)
    var items: [Item] = []
    var record = CSVRecord()
    while true {
        switch try reader.next(into: &record) {
        case .record:
            items.append(
                .record(
                    fields: record.fields, raw: Array(record.raw), line: record.line, offset: reader.lastRecordOffset))
        case .malformed(let bad):
            items.append(.malformed(bad, offset: reader.lastRecordOffset))
        case .endOfInput:
            return Read(header: reader.header.fields, dialect: reader.dialect, items: items, counters: reader.counters)
        }
    }
}

/// The outcomes of one chunk, in order.
private func items(of chunk: ParsedChunk) -> [Item] {
    var record = CSVRecord()
    return chunk.outcomes.map { outcome in
        switch outcome {
        case .record(let index):
            chunk.record(index, into: &record)
            return .record(
                fields: record.fields, raw: Array(record.raw), line: record.line, offset: chunk.recordOffsets[index])
        case .malformed(let bad, let offset):
            return .malformed(bad, offset: offset)
        }
    }
}

/// The parallel reader's outcomes; the transform runs on the workers and its output is checked.
private func parallel(
    _ input: [UInt8], options: CSVReaderOptions, pool: WorkerPool, chunkSize: Int, readSize: Int = 333
) throws -> (read: Read, reader: ParallelCSVReader<Int>) {
    let reader = try ParallelCSVReader(
        source: MemoryByteSource(input, chunkSize: readSize), options: options, pool: pool, chunkSize: chunkSize
    ) { chunk in chunk.outcomes.count }
    var read = Read(header: reader.header.fields, dialect: reader.dialect, counters: CSVReadCounters())
    var lastOffset = -1
    while let (chunk, count) = try reader.next() {
        #expect(count == chunk.outcomes.count, "the output is the transform's for this very chunk")
        #expect(chunk.start.offset >= lastOffset, "chunks come in input order")
        lastOffset = max(lastOffset, chunk.start.offset)
        read.items += items(of: chunk)
    }
    read.counters = reader.counters
    return (read, reader)
}

private let chunkSizes = [1, 2, 3, 5, 7, 16, 64, 500, 4096]

/// Inputs that make serial reading hard, each with the size limit it is read under.
private let adversarial: [(name: String, input: [UInt8], limit: Int)] = {
    var cases: [(String, [UInt8], Int)] = [
        ("wrong field counts", bytes("a,b,c\n1,2,3\n4,5\n6,7,8,9\r\n10,11,12\n"), 1 << 20),
        ("unterminated quote at the end", bytes("a,b\n1,2\n3,\"oops"), 1 << 20),
        ("unclosed within the limit", bytes("a,b\n1,2\n3,\"open\n4,5\n6,7\n"), 1 << 20),
        ("blank lines", bytes("a,b\n\n\n1,2\n\r\n3,4\n\n\r\r\n5,6"), 1 << 20),
        ("text after a closing quote", bytes("a,b\n\"x\"y,2\n\"p\"\"q\",\"r\n\"s\n"), 1 << 20),
        ("stray quotes in unquoted fields", bytes("a,b\nO\"Brien,1\n2,\"x\"\nq\"\"\",3\n"), 1 << 20),
        ("empty input", [], 1 << 20),
        ("header only", bytes("a,b\n"), 1 << 20),
        ("header without a line ending", bytes("a,b"), 1 << 20),
        ("header only, CR", bytes("a,b\r"), 1 << 20),
        ("lone CRs in an LF file", bytes("a,b\n1,2\r3,4\n5,\"x\ry\"\n6,\"z\r\n\"\n7,8\r"), 1 << 20),
        ("lone LFs in a CR file", bytes("a,b\r1,2\n3,4\r5,\"x\ny\"\r6,\"z\r\n\"\r7,8\n"), 1 << 20),
        ("CRLF with quoted CRLF", bytes("a,b\r\n1,\"x\r\ny\"\r\n\r\n2,\"\r\n\r\n\"\r\n3,4"), 1 << 20),
        ("BOM and CR", [0xEF, 0xBB, 0xBF] + bytes("id;name\r1;\"a\rb\"\r2;c\r"), 1 << 20),
        ("semicolons and tabs", bytes("a\tb\n1\t\"x\ty\"\n2\t3\n"), 1 << 20),
        ("record over the limit", bytes("a,b\n1,2\n3," + String(repeating: "x", count: 300) + "\n4,5\n"), 100),
        ("record exactly at the limit", bytes("a,b\n1,2\n3," + String(repeating: "x", count: 98) + "\n4,5\n"), 100),
        ("quoted record over the limit", bytes("a,b\n1,\"" + String(repeating: "y,\n", count: 100) + "\"\n4,5\n"), 100),
    ]
    var unclosed = "a,b\n1,\"open\n"
    for i in 2...50 { unclosed += "\(i),row\(i)\n" }
    cases.append(("unclosed past the limit", bytes(unclosed), 64))
    cases.append(("unclosed past the limit, big limit", bytes(unclosed), 1 << 20))
    var stray = "id,name,phone\n"
    for i in 1...200 { stray += i == 10 ? "10,\"Smith,555-0110\n" : "\(i),Name\(i),555-\(i)\n" }
    cases.append(("a stray quote resyncs", bytes(stray), 1 << 20))
    cases.append(("a stray quote resyncs, small limit", bytes(stray), 200))
    var notes = "id,phone,notes\n"
    for i in 0..<30 {
        notes += i % 7 == 3 ? "\(i),555,\"note\n\(i),555-01,\"\"called\"\"\nend\"\n" : "\(i),555-\(i),ok\n"
    }
    cases.append(("multi-line notes that look like leads", bytes(notes), 1 << 20))
    cases.append(("multi-line notes, limit below a note", bytes(notes), 30))
    return cases
}()

/// A seeded random file: a header, rows of quoted and unquoted fields with delimiters, quotes and
/// line breaks inside, blank lines, and (when `noisy`) stray quotes and wrong field counts.
private func randomFile(seed: Int, noisy: Bool, maxField: Int) -> [UInt8] {
    var random = SeededRandom(seed: UInt64(91_000 + seed))
    let ending = ["\n", "\r\n", "\r"].randomElement(using: &random)!
    let alphabet = bytes("abc 12,;\"\n\r") + [0xC3, 0xA9]
    var input: [UInt8] = random.next() % 4 == 0 ? [0xEF, 0xBB, 0xBF] : []
    input += bytes("a,b,c\(ending)")
    for _ in 0..<Int.random(in: 10...60, using: &random) {
        let count = noisy && random.next() % 10 == 0 ? Int.random(in: 1...5, using: &random) : 3
        let fields = (0..<count).map { _ -> [UInt8] in
            let big = random.next() % 15 == 0
            let size = Int.random(in: 0...(big ? maxField : 12), using: &random)
            let value: [UInt8] = (0..<size).map { _ in alphabet.randomElement(using: &random)! }
            if noisy && random.next() % 12 == 0 { return value }  // unquoted, whatever it holds
            let needs = value.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            if needs || random.next() % 3 == 0 {
                return [0x22] + value.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
            }
            return value
        }
        input += fields[0]
        for field in fields.dropFirst() { input += [0x2C] + field }
        input += bytes(ending)
        if random.next() % 8 == 0 { input += bytes(ending) }
    }
    if random.next() % 2 == 0 { input.removeLast(ending.utf8.count) }
    return input
}

// Serialized: its cases are long and block a thread each, which would starve suites run beside it.
@Suite("Parallel CSV reader", .serialized, .timeLimit(.minutes(10)))
struct ParallelCSVReaderTests {
    @Test(
        "gives the serial reader's outcomes and counters at every chunk size and thread count",
        arguments: adversarial.indices)
    func adversarialInputs(index: Int) throws {
        let (name, input, limit) = adversarial[index]
        let options = CSVReaderOptions(maxRecordBytes: limit)
        let want = try serial(input, options: options)
        for threads in 1...8 {
            let pool = WorkerPool(threads: threads)
            for chunkSize in chunkSizes {
                let got = try parallel(input, options: options, pool: pool, chunkSize: chunkSize).read
                #expect(got == want, "\(name): \(threads) threads, chunk size \(chunkSize)")
            }
        }
    }

    @Test("gives the serial reader's outcomes on seeded random files, valid and noisy", arguments: 0..<24)
    func randomFiles(seed: Int) throws {
        let noisy = seed % 2 == 1
        let limit = [1 << 20, 60, 300][seed % 3]
        let input = randomFile(seed: seed, noisy: noisy, maxField: 400)
        let options = CSVReaderOptions(maxRecordBytes: limit)
        let want = try serial(input, options: options)
        for threads in [1, 2, 3, 5, 8] {
            let pool = WorkerPool(threads: threads)
            for chunkSize in chunkSizes {
                let got = try parallel(input, options: options, pool: pool, chunkSize: chunkSize).read
                #expect(got == want, "seed \(seed): \(threads) threads, chunk size \(chunkSize)")
            }
        }
    }

    @Test("big files with multi-line notes: repairs stay rare, nothing falls back, outcomes are the serial ones")
    func repairsAreRare() throws {
        var text = "id,phone,address\n"
        for i in 0..<5_000 {
            text +=
                i % 10 == 7
                ? "\(i),+1 212 555 0101,\"\(i) Main St\nApt \(i % 9)\nSpringfield\"\n" : "\(i),555-\(i),ok\n"
        }
        let input = bytes(text)
        let want = try serial(input, options: .init())
        let pool = WorkerPool(threads: 3)
        let (got, reader) = try parallel(input, options: .init(), pool: pool, chunkSize: 1_000, readSize: 65_536)
        #expect(got == want)
        #expect(!reader.fellBackToSerial)
        // About one line end in six is inside a note, so about one cut in six needs a repair.
        let chunks = input.count / 1_000
        #expect(
            reader.repairedChunks > 0 && reader.repairedChunks < chunks / 3, "\(reader.repairedChunks) of \(chunks)")
    }

    @Test("a record past the limit and a chunk hands the rest to the serial reader, with the same outcomes")
    func fallsBackToSerial() throws {
        var text = "a,b\n"
        for i in 0..<300 {
            text += i == 40 ? "\(i),\"" + String(repeating: "long\n", count: 2_000) + "\"\n" : "\(i),x\n"
        }
        let input = bytes(text)
        for limit in [100, 5_000, 1 << 20] {
            let options = CSVReaderOptions(maxRecordBytes: limit)
            let want = try serial(input, options: options)
            let pool = WorkerPool(threads: 2)
            let (got, reader) = try parallel(input, options: options, pool: pool, chunkSize: 512)
            #expect(got == want, "limit \(limit)")
            #expect(reader.fellBackToSerial == (limit < 10_000 - 512), "limit \(limit)")
        }
    }

    @Test("an error from the transform on a chunk read again is dropped; one on a kept chunk reaches the caller")
    func transformErrors() throws {
        struct Boom: Error, Equatable { var offset: Int }
        // Inside the quoted notes, lines read as records of their own would start with BOOM.
        var text = "id,notes\n"
        for i in 0..<400 { text += i % 10 == 3 ? "\(i),\"x\nBOOM,1\ny\"\n" : "\(i),ok\n" }
        text += "BOOM,2\n"
        let input = bytes(text)
        let realOffset = input.count - 7
        for chunkSize in [5, 16, 64, 500] {
            let pool = WorkerPool(threads: 3)
            let reader = try ParallelCSVReader(source: MemoryByteSource(input), pool: pool, chunkSize: chunkSize) {
                chunk in
                var record = CSVRecord()
                for index in 0..<chunk.recordCount {
                    chunk.record(index, into: &record)
                    if record.fields.first == bytes("BOOM") { throw Boom(offset: chunk.recordOffsets[index]) }
                }
                return chunk.recordCount
            }
            var records = 0
            #expect(throws: Boom(offset: realOffset), "chunk size \(chunkSize)") {
                while let (_, count) = try reader.next() { records += count }
            }
            #expect(records <= 400, "every record before the failing one at most")
        }
    }

    @Test("reads a bounded distance ahead of the consumer, whatever the input's size")
    func boundedReadAhead() throws {
        var line = 0
        let source = GeneratedSource(lines: 200_000) {
            line += 1; return "\(line),+1 212 555 \(line % 10_000),ok\n"
        }
        let pool = WorkerPool(threads: 2)
        let chunkSize = 4096
        let reader = try ParallelCSVReader(source: source, pool: pool, chunkSize: chunkSize, maxInFlight: 4) {
            $0.recordCount
        }
        var records = 0
        while let (chunk, count) = try reader.next() {
            records += count
            let ahead = source.bytesRead - chunk.end.offset
            #expect(ahead <= 256 * 1024 + 6 * chunkSize, "read \(ahead) bytes ahead")
        }
        #expect(records == 200_000 - 1)
        #expect(reader.counters.recordCount == records)
    }

    @Test(
        "released after any number of chunks, the reader frees its source and leaves no work running",
        arguments: [0, 1, 3, 10])
    func releasedEarly(chunks: Int) throws {
        var text = "a,b\n"
        for i in 0..<2_000 { text += "\(i),\"x\ny\"\n" }
        let events: GuardedState<SourceEvents>
        let pool = WorkerPool(threads: 3)
        do {
            let tracked = TrackedSource(MemoryByteSource(bytes(text), chunkSize: 100))
            events = tracked.events
            let reader = try ParallelCSVReader(source: tracked, pool: pool, chunkSize: 256) { $0.recordCount }
            for _ in 0..<chunks { _ = try reader.next() }
        }
        events.wait(until: { $0.released })
    }
}

/// A source of `lines` generated lines, made as they are read; counts the bytes handed out.
private final class GeneratedSource: ByteSource {
    let path = "<generated>"
    private var remaining: Int
    private let line: () -> String
    private var pending: [UInt8] = bytes("id,phone,note\n")
    private var offset = 0
    private(set) var bytesRead = 0

    init(lines: Int, line: @escaping () -> String) {
        self.remaining = lines - 1
        self.line = line
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        while offset == pending.count {
            guard remaining > 0 else { return 0 }
            remaining -= 1
            pending = bytes(line())
            offset = 0
        }
        let n = min(buffer.count, pending.count - offset)
        pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: n) }
        offset += n
        bytesRead += n
        return n
    }
}
