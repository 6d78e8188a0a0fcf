import ScrubIO
import ScrubTestSupport
import Testing

@Suite("CSV record")
struct CSVRecordTests {
    @Test(
        "a read record's fields, spans of its input or unescaped copies, equal the same fields made directly",
        arguments: [
            "a,b\n1,2\n", "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n", "a,b,c\n\"ab\"cd,,\"\"\n",
            "a,b\n\"\"\"\"tail,plain\n", "a\n\"multi\nline\"\n",
        ])
    func readEqualsMade(input: String) throws {
        let want = CSVOracle.parse(bytes(input), delimiter: UInt8(ascii: ","))
        let reader = try CSVReader(source: MemoryByteSource(bytes(input), chunkSize: 3))
        var record = CSVRecord()
        #expect(try reader.next(into: &record) == .record)
        let made = CSVRecord(fields: want[1], line: 2)
        #expect(record == made)
        #expect(record.fields == want[1])
        #expect(record.bytes == want[1].flatMap { $0 } && record.ends == made.ends)
        #expect((0..<record.count).map { index in record.withField(index) { Array($0) } } == want[1])
        #expect(!record.raw.isEmpty && made.raw.isEmpty)
    }

    @Test("a malformed outcome leaves the record empty, and the next record reads whole")
    func malformedLeavesItEmpty() throws {
        let reader = try CSVReader(source: MemoryByteSource(bytes("a,b\n1,2,3\n4,5\n")))
        var record = CSVRecord()
        guard case .malformed = try reader.next(into: &record) else {
            Issue.record("a record with three fields under a two-field header is malformed")
            return
        }
        #expect(record.count == 0 && record.raw.isEmpty)
        #expect(try reader.next(into: &record) == .record)
        #expect(record.fields == [bytes("4"), bytes("5")] && Array(record.raw) == bytes("4,5"))
    }

    @Test("a record that was a view of a chunk's record reads another record whole, and the chunk is unchanged")
    func viewThenRead() throws {
        let reader = try ParallelCSVReader(
            source: MemoryByteSource(bytes("a,b\n1,\"x,y\"\n3,4\n")), pool: WorkerPool(threads: 1)
        ) { _ in 0 }
        guard let chunk = try reader.next()?.chunk else {
            Issue.record("the input is one chunk")
            return
        }
        var record = CSVRecord()
        chunk.record(0, into: &record)
        #expect(record.fields == [bytes("1"), bytes("x,y")] && Array(record.raw) == bytes("1,\"x,y\""))
        let serial = try CSVReader(source: MemoryByteSource(bytes("a,b\n5,\"6\"\n")))
        #expect(try serial.next(into: &record) == .record)
        #expect(record.fields == [bytes("5"), bytes("6")] && Array(record.raw) == bytes("5,\"6\""))
        var other = CSVRecord()
        chunk.record(1, into: &other)
        #expect(other.fields == [bytes("3"), bytes("4")] && other.line == 3)
        chunk.record(0, into: &other)
        #expect(other.fields == [bytes("1"), bytes("x,y")] && other.line == 2)
    }
}
