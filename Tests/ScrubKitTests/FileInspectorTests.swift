import Foundation
import ScrubIO
import ScrubKit
import ScrubTestSupport
import Testing

@Suite("File inspector")
struct FileInspectorTests {
    @Test("describes dialect, counts, malformed lines and phone columns of a plain file")
    func describesPlainFile() throws {
        let dir = try TemporaryDirectory()
        var text = "id;name;mobile;created\r\n"
        for i in 1...20 { text += "\(i);Name \(i);+61 491 570 \(String(format: "%03d", i));2026-01-\(10 + i % 9)\r\n" }
        text += "21;broken\r\n"
        try Data(text.utf8).write(to: dir.url.appendingPathComponent("leads.csv"))

        let inspection = try FileInspector().inspect(path: dir.path("leads.csv"))
        #expect(inspection.compression.format == "none")
        #expect(inspection.dialect.delimiter == ";")
        #expect(inspection.dialect.lineEndings == "CRLF")
        #expect(inspection.columns == ["id", "name", "mobile", "created"])
        #expect(inspection.records == 20)
        #expect(inspection.malformedRecords == 1)
        #expect(inspection.malformedSamples == ["line 22: 2 fields where the header has 4"])
        #expect(inspection.phoneColumns.map(\.name) == ["mobile"], "ids, names and dates are not phone columns")
    }

    @Test(
        "a date column is not phone-shaped, whatever its format",
        arguments: ["07/26/2026", "2026-07-26", "26.07.2026", "26/07/2026", "7/26/2026", "2026/07/26", "26-07-2026"])
    func dateColumns(_ date: String) throws {
        let dir = try TemporaryDirectory()
        var text = "id,mobile,created\n"
        for i in 1...20 { text += "\(i),(415) 555-01\(10 + i),\(date)\n" }
        try Data(text.utf8).write(to: dir.url.appendingPathComponent("leads.csv"))
        let inspection = try FileInspector().inspect(path: dir.path("leads.csv"))
        #expect(inspection.phoneColumns.map(\.name) == ["mobile"])
    }

    @Test(
        "bug: inspect stopped counting at a record longer than the reader's buffer, and counted a long note's lines",
        arguments: [200_000, 300_000])
    func countsPastLongRecords(length: Int) throws {
        let dir = try TemporaryDirectory()
        var text = "id,phone,notes\n1,555,\"" + String(repeating: "note 555-0100\n", count: length / 14) + "\"\n"
        text += "2,555," + String(repeating: "x", count: length) + "\n"
        for i in 3...1_002 { text += "\(i),555,ok\n" }
        try Data(text.utf8).write(to: dir.url.appendingPathComponent("long.csv"))
        var inspector = FileInspector()
        inspector.readerOptions = CSVReaderOptions(maxRecordBytes: 1_000)
        let inspection = try inspector.inspect(path: dir.path("long.csv"))
        #expect(inspection.records == 1_000)
        #expect(inspection.malformedRecords == 2)
        #expect(inspection.oversizedRecords == 2)
        #expect(inspection.unclosedQuotes == 0)
        #expect(inspection.text.contains("1,000 records, 2 malformed (2 longer than the size limit)"))
    }

    @Test("reports records that are not valid UTF-8")
    func reportsInvalidUTF8() throws {
        let dir = try TemporaryDirectory()
        let data = Array("id,name\n1,Ann\n".utf8) + Array("2,Jos".utf8) + [0xE9] + Array("\n".utf8)
        try Data(data).write(to: dir.url.appendingPathComponent("latin1.csv"))
        let inspection = try FileInspector().inspect(path: dir.path("latin1.csv"))
        #expect(!inspection.dialect.validUTF8)
        #expect(inspection.dialect.firstInvalidUTF8Line == 3)
    }

    @Test("a field cut inside a UTF-8 sequence is invalid, even where the fields joined would read as one character")
    func invalidFieldsJoinedWouldBeValid() throws {
        let dir = try TemporaryDirectory()
        // `é` is C3 A9: here C3 ends one field and A9 starts the next.
        let data = Array("id,a,b\n1,x,y\n2,x".utf8) + [0xC3] + Array(",".utf8) + [0xA9] + Array("y\n".utf8)
        try Data(data).write(to: dir.url.appendingPathComponent("split.csv"))
        let inspection = try FileInspector().inspect(path: dir.path("split.csv"))
        #expect(!inspection.dialect.validUTF8)
        #expect(inspection.dialect.firstInvalidUTF8Line == 3)
    }

    @Test("text output names every fact a person needs")
    func textOutput() throws {
        let dir = try TemporaryDirectory()
        try Data("phone\n(415) 555-0123\n".utf8).write(to: dir.url.appendingPathComponent("one.csv"))
        let text = try FileInspector().inspect(path: dir.path("one.csv")).text
        #expect(text.contains("1 records, 0 malformed"))
        #expect(text.contains("phone columns phone (100% phone-shaped)"))
    }
}

@Suite("Phone-shaped values")
struct PhoneShapeTests {
    @Test(
        "phone columns are told from ids, dates and timestamps",
        arguments: [
            ("(415) 555-0123", true), ("+61 491 570 156", true), ("tel:+1-212-555-0187", true),
            ("020 7946 0123 ext. 12", true), ("4155550123;ext=9", true), ("2026-03-02T07:24:00Z", false),
            ("2026-03-02", false), ("12345", false), ("Ada Lovelace", false), ("ada@example.com", false),
        ])
    func shapes(value: String, phoneLike: Bool) throws {
        let dir = try TemporaryDirectory()
        let rows = String(repeating: "\(value.contains(",") ? "\"\(value)\"" : value)\n", count: 3)
        try Data(("value\n" + rows).utf8).write(to: dir.url.appendingPathComponent("v.csv"))
        let inspection = try FileInspector().inspect(path: dir.path("v.csv"))
        #expect((inspection.phoneColumns.first?.name == "value") == phoneLike)
    }
}
