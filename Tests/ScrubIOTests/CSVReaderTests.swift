import ScrubIO
import ScrubTestSupport
import Testing

private let chunkSizes = [1, 2, 3, 5, 7, 13, 64, 500, 4096, 65536]

/// Reads `input` at every chunk size and checks all give the same result; returns it.
private func readEverywhere(_ input: [UInt8], options: CSVReaderOptions = .init()) throws -> CSVReadResult {
    let whole = try readAll(MemoryByteSource(input), options: options)
    for size in chunkSizes {
        let chunked = try readAll(MemoryByteSource(input, chunkSize: size), options: options)
        #expect(chunked == whole, "chunk size \(size) differs from reading the whole input")
    }
    return whole
}

@Suite("CSV reader")
struct CSVReaderTests {
    @Test(
        "detects the delimiter from the header",
        arguments: [
            ("id,phone\n1,555\n", ","), ("id;phone\n1;555\n", ";"), ("id\tphone\n1\t555\n", "\t"),
            ("id|phone\n1|555\n", "|"), ("\"a,b\";c\n1;2\n", ";"), ("phone\n555\n", ","),
        ])
    func detectsDelimiter(input: String, delimiter: String) throws {
        let reader = try CSVReader(source: MemoryByteSource(bytes(input)))
        #expect(reader.dialect.delimiter == delimiter.utf8.first!)
        #expect(reader.header.count == (input.hasPrefix("phone") ? 1 : 2))
    }

    @Test("an explicit delimiter overrides detection")
    func explicitDelimiter() throws {
        let result = try readEverywhere(bytes("a,b;c\n1,2;3\n"), options: .init(delimiter: UInt8(ascii: ";")))
        #expect(result.header == [bytes("a,b"), bytes("c")])
        #expect(result.records == [[bytes("1,2"), bytes("3")]])
    }

    @Test("strips a UTF-8 byte-order mark and reports it")
    func byteOrderMark() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + bytes("id,name\n1,Zoë\n")
        let reader = try CSVReader(source: MemoryByteSource(input))
        #expect(reader.dialect.hasByteOrderMark)
        #expect(reader.header.fields == [bytes("id"), bytes("name")])
        #expect(try readEverywhere(input).records == [[bytes("1"), bytes("Zoë")]])
    }

    @Test(
        "reads LF, CRLF and CR line endings",
        arguments: [("\n", CSVDialect.LineEnding.lf), ("\r\n", .crlf), ("\r", .cr)])
    func lineEndings(ending: String, expected: CSVDialect.LineEnding) throws {
        let input = bytes("id,phone\(ending)1,555\(ending)2,\"a\(ending)b\"\(ending)")
        let reader = try CSVReader(source: MemoryByteSource(input))
        #expect(reader.dialect.lineEnding == expected)
        let result = try readEverywhere(input)
        #expect(result.records == [[bytes("1"), bytes("555")], [bytes("2"), bytes("a\(ending)b")]])
        #expect(result.lines == [2, 3])
    }

    @Test("quoted fields hold delimiters, line breaks and doubled quotes")
    func quotedFields() throws {
        let input = bytes("a,b,c\n\"x,y\",\"line1\nline2\",\"say \"\"hi\"\"\"\n4,5,6\n")
        let result = try readEverywhere(input)
        #expect(
            result.records == [
                [bytes("x,y"), bytes("line1\nline2"), bytes("say \"hi\"")], [bytes("4"), bytes("5"), bytes("6")],
            ])
        #expect(result.lines == [2, 4], "line numbers count the line break inside the quoted field")
    }

    @Test("empty fields, a final record without a line ending and a blank trailing line")
    func emptyFieldsAndEnds() throws {
        #expect(try readEverywhere(bytes("a,b,c\n,,\n1,,3")).records == [[[], [], []], [bytes("1"), [], bytes("3")]])
        let blankTrailing = try readEverywhere(bytes("a,b\n1,2\n\n"))
        #expect(blankTrailing.records == [[bytes("1"), bytes("2")]])
        #expect(blankTrailing.malformed.isEmpty)
    }

    @Test("bytes that are not UTF-8 pass through untouched")
    func latin1PassesThrough() throws {
        let input: [UInt8] = bytes("id,name\n1,") + [0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65] + bytes("\n")
        #expect(try readEverywhere(input).records == [[bytes("1"), [0x4A, 0xE9, 0x72, 0xF4, 0x6D, 0x65]]])
    }

    @Test("a record with the wrong number of fields is malformed, with its line and raw bytes, and reading goes on")
    func wrongFieldCount() throws {
        let result = try readEverywhere(bytes("a,b,c\n1,2,3\n4,5\n6,7,8,9\r\n10,11,12\n"))
        #expect(result.sequence == ["r", "m", "m", "r"])
        #expect(result.malformed.map(\.line) == [3, 4])
        #expect(result.malformed.map(\.raw) == [bytes("4,5"), bytes("6,7,8,9")])
        #expect(result.malformed[0].reason == .fieldCount(expected: 3, found: 2))
        #expect(result.records.last == [bytes("10"), bytes("11"), bytes("12")])
    }

    @Test("an unterminated quote costs one record, not the rest of the file")
    func unterminatedQuoteResyncs() throws {
        var text = "id,name,phone\n"
        for i in 1...1000 {
            text += i == 10 ? "10,\"Smith,555-0110\n" : "\(i),Name\(i),555-\(i)\n"
        }
        let result = try readEverywhere(bytes(text))
        #expect(result.malformed.count == 1)
        #expect(result.malformed.first?.line == 11)
        #expect(result.malformed.first?.raw == bytes("10,\"Smith,555-0110"))
        #expect(result.records.count == 999)
        #expect(result.records.last == [bytes("1000"), bytes("Name1000"), bytes("555-1000")])
        #expect(result.lines.last == 1001)
    }

    @Test("an unterminated quote on the last line is malformed")
    func unterminatedQuoteAtEnd() throws {
        let result = try readEverywhere(bytes("a,b\n1,2\n3,\"oops"))
        #expect(result.sequence == ["r", "m"])
        #expect(result.malformed.first?.reason == .unterminatedQuote)
        #expect(result.malformed.first?.raw == bytes("3,\"oops"))
    }

    @Test("a record over the size limit is malformed and reading resumes on the next line")
    func recordOverLimit() throws {
        let long = String(repeating: "x", count: 300)
        let input = bytes("a,b\n1,2\n3,\(long)\n4,5\n")
        let result = try readEverywhere(input, options: .init(maxRecordBytes: 100))
        #expect(result.sequence == ["r", "m", "r"])
        #expect(result.malformed.first?.reason == .tooLarge(limit: 100, length: 302))
        #expect(result.malformed.first?.raw.count == 100)
        #expect(result.lines == [2, 4])
    }

    @Test("a quote left open past the size limit follows the quoting: the rest of the input is one malformed record")
    func unclosedQuoteHitsLimit() throws {
        var text = "a,b\n1,\"open\n"
        for i in 2...50 { text += "\(i),row\(i)\n" }
        let result = try readEverywhere(bytes(text), options: .init(maxRecordBytes: 64))
        #expect(result.malformed.count == 1)
        #expect(result.malformed.first?.raw == Array(bytes(text).dropFirst(4).prefix(64)))
        #expect(result.malformed.first?.reason == .unclosedPastLimit(limit: 64, length: text.utf8.count - 4))
        #expect(result.records.isEmpty, "the lines inside the quotes are not read as records")
    }

    @Test("an empty input has no header and no records")
    func emptyInput() throws {
        let result = try readEverywhere([])
        #expect(result.header.isEmpty)
        #expect(result.records.isEmpty)
    }

    @Test("bytes after a closing quote join the field, as lenient readers do")
    func textAfterClosingQuote() throws {
        #expect(try readEverywhere(bytes("a,b\n\"x\"y,2\n")).records == [[bytes("xy"), bytes("2")]])
    }
}
