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
        #expect(record.fields == [bytes("4"), bytes("5")] && record.raw == bytes("4,5"))
    }
}
