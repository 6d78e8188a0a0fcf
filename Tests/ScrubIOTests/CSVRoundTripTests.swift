import ScrubIO
import ScrubTestSupport
import Testing

/// Random records over an alphabet rich in the bytes that need care.
private func randomTable(_ random: inout SeededRandom, columns: Int, rows: Int) -> [[[UInt8]]] {
    let alphabet: [UInt8] = bytes("ab19 ,;|\t\"\n\r+-()") + [0xE9, 0xC3, 0xA9, 0x00]
    return (0..<rows).map { _ in
        (0..<columns).map { _ in
            let length = Int.random(in: 0...6, using: &random)
            return (0..<length).map { _ in alphabet.randomElement(using: &random)! }
        }
    }
}

/// `table` under the header `a,b,c`, every field quoted, CRLF line endings.
private func quotedCRLF(_ table: [[[UInt8]]]) -> [UInt8] {
    var input = bytes("a,b,c\r\n")
    for row in table {
        input +=
            row.map { field in bytes("\"") + field.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + bytes("\"") }
            .joined(separator: bytes(",")) + bytes("\r\n")
    }
    return input
}

@Suite("CSV round trip")
struct CSVRoundTripTests {
    @Test("read -> write -> read gives identical records, at every chunk size", arguments: 0..<40)
    func roundTrip(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(seed))
        let delimiter = CSVDialect.candidateDelimiters.randomElement(using: &random)!
        let columns = Int.random(in: 1...5, using: &random)
        let header = (0..<columns).map { bytes("col\($0)") }
        let table = randomTable(&random, columns: columns, rows: 30)

        let sink = MemorySink()
        let writer = CSVWriter(sink: sink, delimiter: delimiter)
        try writer.write(fields: header)
        for row in table { try writer.write(fields: row) }
        try writer.finish()

        #expect(CSVOracle.parse(sink.bytes, delimiter: delimiter) == [header] + table, "oracle disagrees with writer")
        for chunk in [1, 2, 5, 17, 500, 65536] {
            // One column cannot show its delimiter in the header, so the dialect is given.
            let result = try readAll(
                MemoryByteSource(sink.bytes, chunkSize: chunk), options: .init(delimiter: delimiter))
            #expect(result.header == header)
            #expect(result.records == table, "chunk size \(chunk)")
            #expect(result.malformed.isEmpty)
            // Writing what was read gives the same bytes again.
            let again = MemorySink()
            let rewriter = CSVWriter(sink: again, delimiter: delimiter)
            try rewriter.write(fields: result.header)
            for row in result.records { try rewriter.write(fields: row) }
            try rewriter.finish()
            #expect(again.bytes == sink.bytes)
        }
    }

    @Test("records copied as they stood in the input read back as the same fields", arguments: 0..<10)
    func rawCopy(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(2000 + seed))
        let table = randomTable(&random, columns: 3, rows: 20)
        let input = quotedCRLF(table)  // more quotes than needed
        for chunk in [1, 7, 65536] {
            let reader = try CSVReader(source: MemoryByteSource(input, chunkSize: chunk))
            let copied = MemorySink()
            let encoded = MemorySink()
            let copier = CSVWriter(sink: copied)
            let encoder = CSVWriter(sink: encoded, delimiter: UInt8(ascii: ";"))
            var record = CSVRecord()
            while try reader.next(into: &record) == .record {
                copier.appendFields(of: record, inputDelimiter: reader.dialect.delimiter)
                try copier.endRecord()
                encoder.appendFields(of: record, inputDelimiter: reader.dialect.delimiter)  // delimiters differ
                try encoder.endRecord()
            }
            try copier.finish()
            try encoder.finish()
            let options = CSVReaderOptions(delimiter: UInt8(ascii: ","))
            #expect(try readAll(MemoryByteSource(bytes("a,b,c\n") + copied.bytes), options: options).records == table)
            #expect(copied.bytes.count > encoded.bytes.count, "the copy keeps the input's extra quotes")
            let semicolons = CSVReaderOptions(delimiter: UInt8(ascii: ";"))
            #expect(
                try readAll(MemoryByteSource(bytes("a;b;c\n") + encoded.bytes), options: semicolons).records == table)
        }
    }

    @Test("the reader agrees with the oracle on well-formed CRLF input", arguments: 0..<10)
    func crlfAgreesWithOracle(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(1000 + seed))
        let table = randomTable(&random, columns: 3, rows: 20)
        let input = quotedCRLF(table)
        let expected = CSVOracle.parse(input, delimiter: UInt8(ascii: ","))
        for chunk in [1, 3, 64, 65536] {
            let result = try readAll(MemoryByteSource(input, chunkSize: chunk))
            #expect([result.header] + result.records == expected)
        }
    }

    @Test("messy input reads the same at every chunk size", arguments: 0..<40)
    func chunkIndependenceOnMessyInput(seed: Int) throws {
        var random = SeededRandom(seed: UInt64(5000 + seed))
        let alphabet: [UInt8] = bytes("a1,,\"\"\n\r ")
        let input = bytes("x,y\n") + (0..<400).map { _ in alphabet.randomElement(using: &random)! }
        let options = CSVReaderOptions(maxRecordBytes: 40)
        let whole = try readAll(MemoryByteSource(input), options: options)
        for chunk in [1, 2, 3, 7, 50] {
            #expect(try readAll(MemoryByteSource(input, chunkSize: chunk), options: options) == whole)
        }
    }
}

@Suite("CSV writer")
struct CSVWriterTests {
    @Test(
        "quotes only fields that need it",
        arguments: [
            ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("cr\r", "\"cr\r\""), ("semi;colon", "semi;colon"), ("", ""),
        ])
    func quoting(field: String, written: String) throws {
        let sink = MemorySink()
        let writer = CSVWriter(sink: sink)
        try writer.write(fields: [bytes(field), bytes("x")])
        try writer.finish()
        #expect(sink.bytes == bytes(written + ",x\n"))
    }

    @Test("a record of one empty field is written as \"\" so it does not read back as a blank line")
    func loneEmptyField() throws {
        let sink = MemorySink()
        let writer = CSVWriter(sink: sink)
        try writer.write(fields: [bytes("h")])
        try writer.write(fields: [[UInt8]()])
        try writer.finish()
        #expect(sink.bytes == bytes("h\n\"\"\n"))
        #expect(try readAll(MemoryByteSource(sink.bytes)).records == [[[]]])
    }

    @Test("keeps the delimiter it is given")
    func keepsDelimiter() throws {
        let sink = MemorySink()
        let writer = CSVWriter(sink: sink, delimiter: UInt8(ascii: ";"))
        try writer.write(fields: [bytes("a,b"), bytes("c;d")])
        try writer.finish()
        #expect(sink.bytes == bytes("a,b;\"c;d\"\n"))
    }
}
