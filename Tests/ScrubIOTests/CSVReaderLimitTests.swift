import ScrubIO
import ScrubTestSupport
import Testing

/// A lead file: a header, `before` rows, one row whose `notes` field is `big`, `after` rows.
private func leads(before: Int, big: [UInt8], after: Int, ending: String = "\n") -> [UInt8] {
    var out = bytes("id,phone,notes\(ending)")
    for i in 0..<before { out += bytes("\(i),555-\(i),ok\(ending)") }
    out += bytes("\(before),555-big,") + big + bytes(ending)
    for i in (before + 1)..<(before + 1 + after) { out += bytes("\(i),555-\(i),ok\(ending)") }
    return out
}

/// A quoted field of at least `length` bytes whose lines look like leads, as CRM notes do.
private func quotedNote(length: Int, ending: String = "\n") -> [UInt8] {
    var note = bytes("\"")
    while note.count < length { note += bytes("9\(note.count),555-0199,\"\"called\"\"\(ending)") }
    return note + bytes("end\"")
}

/// What the reader must produce for well-formed `input` under `limit`, from the oracle: each record,
/// or for a record longer than the limit one `tooLarge` malformed record with its first bytes.
private func expected(_ input: [UInt8], limit: Int, delimiter: UInt8 = UInt8(ascii: ",")) -> CSVReadResult {
    let all = CSVOracle.records(input, delimiter: delimiter)
    var result = CSVReadResult(header: all.first?.fields ?? [])
    for record in all.dropFirst() {
        if record.raw.count > limit {
            let raw = Array(input[record.raw].prefix(limit))
            result.malformed.append(
                CSVMalformedRecord(line: 0, reason: .tooLarge(limit: limit, length: record.raw.count), raw: raw))
            result.sequence.append("m")
        } else {
            result.records.append(record.fields)
            result.sequence.append("r")
        }
    }
    return result
}

/// Checks the reader gives the oracle's outcomes for `input` at every chunk size (lines aside).
private func expectOracle(
    _ input: [UInt8], limit: Int, chunks: [Int], sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let want = expected(input, limit: limit)
    for chunk in chunks {
        var got = try readAll(MemoryByteSource(input, chunkSize: chunk), options: .init(maxRecordBytes: limit))
        got.lines = []
        for index in got.malformed.indices {
            got.malformed[index].line = 0
            got.malformed[index].lastLine = 0
        }
        #expect(got == want, "chunk size \(chunk)", sourceLocation: sourceLocation)
    }
}

/// A header and 100-byte rows (one shorter or longer) so that the next record starts at input offset `offset`.
private func filler(to offset: Int) -> (bytes: [UInt8], rows: Int) {
    var out = bytes("id,phone,notes\n")
    var rows = 0
    while offset - out.count > 0 {
        let remaining = offset - out.count
        let size = remaining >= 200 || remaining < 20 ? 100 : remaining
        out += bytes("\(rows % 10),555-0000,") + Array(repeating: UInt8(ascii: "f"), count: size - 12) + bytes("\n")
        rows += 1
    }
    precondition(out.count == offset)
    return (out, rows)
}

@Suite("CSV reader: records past the size limit")
struct CSVReaderLimitTests {
    @Test(
        "bug: a record that filled the reader's buffer took the next zero-byte read for the end of the input",
        arguments: Array(stride(from: 130_000, through: 133_500, by: 500)))
    func recordFillingTheBuffer(offset: Int) throws {
        // With a 1,000-byte limit the buffer holds 1,000 + 2 * 65,536 = 132,072 bytes.
        let (head, rows) = filler(to: offset)
        var input = head + bytes("B,555-big,") + Array(repeating: UInt8(ascii: "x"), count: 140_000) + bytes("\n")
        for i in 0..<1_000 { input += bytes("\(i),555-\(i),ok\n") }
        for chunk in [Int.max, 65_536, 1_000] {
            let result = try readAll(MemoryByteSource(input, chunkSize: chunk), options: .init(maxRecordBytes: 1_000))
            #expect(result.records.count == rows + 1_000, "offset \(offset), chunk \(chunk): every later row is read")
            #expect(result.malformed.count == 1)
            #expect(result.malformed.first?.raw.count == 1_000)
            #expect(result.malformed.first?.reason == .tooLarge(limit: 1_000, length: 140_010))
            #expect(result.lines.last == rows + 1_002)
        }
    }

    @Test(
        "bug: a record longer than the reader's buffer took the next zero-byte read for the end of the input",
        arguments: [131_171, 131_172, 131_173, 200_000, 262_145, 300_000])
    func recordLongerThanBuffer(length: Int) throws {
        let input = leads(before: 1, big: [UInt8](repeating: UInt8(ascii: "x"), count: length), after: 1_000)
        for chunk in [Int.max, 65_536, 4_096, 500] {
            let reader = try CSVReader(
                source: MemoryByteSource(input, chunkSize: chunk), options: .init(maxRecordBytes: 100))
            let result = try readAll(reader)
            #expect(result.records.count == 1_001, "chunk \(chunk): every row after the long one is read")
            #expect(result.malformed.count == 1)
            #expect(result.malformed.first?.raw == Array(bytes("1,555-big,") + Array(repeating: 0x78, count: 90)))
            #expect(result.malformed.first?.reason == .tooLarge(limit: 100, length: length + 10))
            #expect(result.malformed.first?.line == 3)
            #expect(result.lines.last == 1_003)
            #expect(reader.oversizedCount == 1)
            #expect(reader.unclosedQuoteCount == 0)
        }
    }

    @Test(
        "bug: a valid quoted multi-line field past the limit was cut at its first line break, inventing records",
        arguments: [1_001, 5_000, 140_000, 300_000])
    func quotedMultiLineFieldPastLimit(length: Int) throws {
        let note = quotedNote(length: length)
        let input = leads(before: 3, big: note, after: 20)
        let noteLines = note.filter { $0 == 0x0A }.count
        for chunk in [Int.max, 4_096, 500, 7] {
            let result = try readAll(MemoryByteSource(input, chunkSize: chunk), options: .init(maxRecordBytes: 1_000))
            #expect(result.records.count == 23, "chunk \(chunk): no note line becomes a record, no real one is lost")
            #expect(result.sequence == Array(repeating: "r", count: 3) + ["m"] + Array(repeating: "r", count: 20))
            let bad = try #require(result.malformed.first)
            #expect(bad.raw == Array((bytes("3,555-big,") + note).prefix(1_000)))
            #expect(bad.reason == .tooLarge(limit: 1_000, length: note.count + 10))
            #expect(bad.line == 5)
            #expect(bad.lastLine == 5 + noteLines)
            #expect(result.records.last == [bytes("23"), bytes("555-23"), bytes("ok")])
            #expect(result.lines.last == 5 + noteLines + 20, "line numbers count the note's lines")
        }
    }

    @Test(
        "a record exactly at the limit is read; one byte more is one malformed record",
        arguments: [("x", "\n"), ("x", "\r\n"), ("x", "\r"), ("q", "\n"), ("q", "\r\n"), ("m", "\r\n")])
    func atTheLimit(kind: String, ending: String) throws {
        let limit = 200
        for delta in -1...1 {
            // `before` + the big field is exactly limit + delta bytes.
            let prefix = 10
            var big: [UInt8]
            switch kind {
            case "x": big = Array(repeating: UInt8(ascii: "x"), count: limit + delta - prefix)
            case "q":
                big = bytes("\"") + Array(repeating: UInt8(ascii: ","), count: limit + delta - prefix - 2) + bytes("\"")
            default: big = bytes("\"") + Array(repeating: 0x0A, count: limit + delta - prefix - 2) + bytes("\"")
            }
            let input = leads(before: 1, big: big, after: 3, ending: ending)
            #expect(Array(bytes("1,555-big,") + big).count == limit + delta)
            try expectOracle(input, limit: limit, chunks: [1, 2, 5, 64, 199, 200, 201, .max])
            let result = try readAll(MemoryByteSource(input), options: .init(maxRecordBytes: limit))
            #expect(result.records.count + result.malformed.count == 5)
            #expect(result.malformed.count == (delta > 0 ? 1 : 0), "\(kind) \(delta)")
        }
    }

    @Test("every chunk size, up to and around the buffer size, gives the oracle's records")
    func chunkSizes() throws {
        let input =
            leads(before: 2, big: quotedNote(length: 150_000, ending: "\r\n"), after: 5, ending: "\r\n")
            + bytes("99,555-99,\"short\r\nnote\"\r\n100,555-100,") + Array(repeating: 0x79, count: 140_000)
            + bytes("\r\n")
            + bytes("101,555-101,last")
        let chunks = [1, 2, 5, 13, 64, 500, 4_096, 65_535, 65_536, 65_537, 131_071, 131_072, 131_073, 262_144, .max]
        try expectOracle(input, limit: 1_000, chunks: chunks)
        try expectOracle(input, limit: 65_536, chunks: [7, 65_536, .max])
        try expectOracle(input, limit: 1 << 20, chunks: [500, .max])
    }

    @Test(
        "seeded random valid files with big quoted multi-line fields at random offsets read as the oracle says",
        arguments: 0..<12)
    func randomValidFiles(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(77_000 + seed))
        let limit = [50, 300, 1_000, 5_000].randomElement(using: &random)!
        let endings = ["\n", "\r\n", "\r"]
        let ending = endings.randomElement(using: &random)!
        let alphabet = bytes("abc 12,;\"\n\r\t") + [0xC3, 0xA9, 0xFF]
        var input: [UInt8] = random.next() % 4 == 0 ? [0xEF, 0xBB, 0xBF] : []
        input += bytes("a,b,c\(ending)")
        for _ in 0..<Int.random(in: 5...60, using: &random) {
            let fields = (0..<3).map { _ -> [UInt8] in
                let big = random.next() % 20 == 0
                let size = Int.random(in: 0...(big ? 20_000 : 30), using: &random)
                let value: [UInt8] = (0..<size).map { _ in alphabet.randomElement(using: &random)! }
                // Quote a field when it needs it, and sometimes when it does not.
                let needs = value.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                if needs || random.next() % 3 == 0 {
                    let doubled: [UInt8] = value.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] }
                    return [0x22] + doubled + [0x22]
                }
                return value
            }
            input += fields[0]
            for field in fields.dropFirst() { input += [0x2C] + field }
            input += bytes(ending)
            if random.next() % 8 == 0 { input += bytes(ending) }  // a blank line
        }
        if random.next() % 2 == 0 { input.removeLast(ending.utf8.count) }  // no final line ending
        try expectOracle(input, limit: limit, chunks: [1, 3, 500, 65_536, .max])
    }

    @Test("a quote that never closes, past the limit, makes the rest of the input one malformed record, counted")
    func unclosedPastLimit() throws {
        var text = "id,phone,notes\n1,555-1,ok\n2,555-2,\"open\n"
        for i in 3...200 { text += "\(i),555-\(i),ok\n" }
        let input = bytes(text)
        for chunk in [1, 7, 500, .max] {
            let reader = try CSVReader(
                source: MemoryByteSource(input, chunkSize: chunk), options: .init(maxRecordBytes: 100))
            let result = try readAll(reader)
            #expect(result.sequence == ["r", "m"])
            let bad = try #require(result.malformed.first)
            #expect(bad.reason == .unclosedPastLimit(limit: 100, length: input.count - 26))
            #expect(bad.raw == Array(input[26..<126]))
            #expect((bad.line, bad.lastLine) == (3, 201))
            #expect(reader.unclosedQuoteCount == 1)
            #expect(reader.firstUnclosedQuoteLine == 3)
            #expect(bad.description.contains("never closed"))
        }
    }

    @Test("a quote that never closes, within the limit, costs one row and is counted")
    func unclosedWithinLimit() throws {
        let input = bytes("a,b\n1,2\n3,\"open\n4,5\n6,7\n")
        for chunk in [1, 2, 5, .max] {
            let reader = try CSVReader(source: MemoryByteSource(input, chunkSize: chunk))
            let result = try readAll(reader)
            #expect(result.sequence == ["r", "m", "r", "r"])
            #expect(result.malformed.first?.reason == .unterminatedQuote)
            #expect(result.lines == [2, 4, 5])
            #expect(reader.unclosedQuoteCount == 1)
            #expect(reader.firstUnclosedQuoteLine == 3)
        }
    }

    @Test("a quote in the middle of an unquoted field is an ordinary byte, at any size")
    func strayQuoteInUnquotedField() throws {
        for size in [10, 99, 100, 101, 5_000] {
            let value = bytes("O\"Brien ") + Array(repeating: UInt8(ascii: "z"), count: size)
            let input = bytes("a,b\n") + value + bytes(",1\n2,\"x\"\n")
            try expectOracle(input, limit: 100, chunks: [1, 3, 64, .max])
        }
    }

    @Test("a header longer than the limit is a bad-header error that says how long it is")
    func headerPastLimit() throws {
        for header in [String(repeating: "h", count: 300), "\"" + String(repeating: "h\n", count: 150) + "\""] {
            let input = bytes(header + "\n1\n")
            #expect {
                _ = try CSVReader(source: MemoryByteSource(input, chunkSize: 7), options: .init(maxRecordBytes: 100))
            } throws: { error in
                guard let error = error as? ScrubIOError else { return false }
                return error.kind == .badHeader && "\(error)".contains("\(header.utf8.count) bytes")
                    && "\(error)".contains("100-byte limit")
            }
        }
    }

    @Test("a byte-order mark and CR-only line endings around a big quoted field")
    func byteOrderMarkAndCR() throws {
        let input =
            [0xEF, 0xBB, 0xBF] + leads(before: 2, big: quotedNote(length: 3_000, ending: "\r"), after: 4, ending: "\r")
        try expectOracle(input, limit: 500, chunks: [1, 2, 3, 4, 500, .max])
        let reader = try CSVReader(source: MemoryByteSource(input), options: .init(maxRecordBytes: 500))
        #expect(reader.dialect.hasByteOrderMark && reader.dialect.lineEnding == .cr)
        let result = try readAll(reader)
        #expect(result.lines.last! > 8, "CR counts lines in a CR file, inside the note too")
    }

    @Test("memory stays bounded by the limit whatever the size of a record")
    func boundedMemory() throws {
        // 8 MiB of one quoted field full of delimiters and line breaks, then a record.
        let source = RepeatingSource(
            prefix: bytes("a,b\n1,\""), body: Array(repeating: bytes("x,y\n"), count: 4_096).flatMap { $0 },
            bodyBytes: 8 << 20, suffix: bytes("\"\n2,3\n"))
        let reader = try CSVReader(source: source, options: .init(maxRecordBytes: 1_000))
        var record = CSVRecord()
        guard case .malformed(let bad) = try reader.next(into: &record) else {
            Issue.record("the long record is malformed")
            return
        }
        #expect(bad.reason == .tooLarge(limit: 1_000, length: (8 << 20) + 4))
        #expect(reader.bufferCapacity <= 1_000 + 2 * 65_536)
        #expect(record.bytes.capacity < 200_000 && record.ends.capacity < 100_000)
        #expect(try reader.next(into: &record) == .record)
        #expect(record.fields == [bytes("2"), bytes("3")])
        #expect(try reader.next(into: &record) == .endOfInput)
    }
}

/// A source of `prefix`, then `body` repeated for `bodyBytes` bytes, then `suffix`, made as it is read.
private final class RepeatingSource: ByteSource {
    let path = "<repeating>"
    private let prefix: [UInt8]
    private let body: [UInt8]
    private let suffix: [UInt8]
    private let total: Int
    private var offset = 0

    init(prefix: [UInt8], body: [UInt8], bodyBytes: Int, suffix: [UInt8]) {
        self.prefix = prefix
        self.body = body
        self.suffix = suffix
        self.total = prefix.count + bodyBytes + suffix.count
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ScrubIOError) -> Int {
        let bodyEnd = total - suffix.count
        let piece: ArraySlice<UInt8>
        if offset < prefix.count {
            piece = prefix[offset...]
        } else if offset < bodyEnd {
            let at = (offset - prefix.count) % body.count
            piece = body[at..<min(body.count, at + bodyEnd - offset)]
        } else {
            piece = suffix[(offset - bodyEnd)...]
        }
        let n = min(buffer.count, piece.count)
        piece.prefix(n).withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: n) }
        offset += n
        return n
    }
}
