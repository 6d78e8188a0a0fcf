import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// Records as `CSVWriter` writes them, with what each field should read as in the workbook.
private let records: [[[UInt8]]] = [
    [bytes("name"), bytes("phone"), bytes("zip"), bytes("note")],
    [bytes("Müller"), bytes("0412 345 678"), bytes("02134"), bytes("a, \"quoted\"\nline")],
    [[0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], bytes("4155550123"), [], bytes("<tag> & \u{1}")],
    [bytes("  spaced  "), bytes("+14155550124"), bytes("00501"), bytes("x")],
]

private let expectedCells: [[String?]] = [
    ["name", "phone", "zip", "note"],
    ["Müller", "0412 345 678", "02134", "a, \"quoted\"\nline"],
    ["Müller", "4155550123", nil, "<tag> & \u{FFFD}"],
    ["  spaced  ", "+14155550124", "00501", "x"],
]

/// The CSV bytes of `rows` joined by `delimiter`.
private func csv(_ rows: [[[UInt8]]], delimiter: UInt8) throws -> [UInt8] {
    let memory = MemorySink()
    let writer = CSVWriter(sink: memory, delimiter: delimiter)
    for row in rows { try writer.write(fields: row) }
    try writer.finish()
    return memory.bytes
}

/// A workbook written from `input` handed over in pieces of `chunk` bytes.
private func workbook(
    _ input: [UInt8], chunk: Int, delimiter: UInt8 = 0x2C, rowsPerSheet: Int = 1_048_576
)
    throws -> (bytes: [UInt8], sink: XLSXSink)
{
    let memory = MemorySink()
    let sink = XLSXSink(sink: memory, delimiter: delimiter, sheetName: "clean", level: 1, rowsPerSheet: rowsPerSheet)
    var start = 0
    while start < input.count {
        let end = min(input.count, start + chunk)
        try input[start..<end].withUnsafeBytes { try sink.write($0) }
        start = end
    }
    try sink.finish()
    #expect(memory.finished)
    return (memory.bytes, sink)
}

@Suite("XLSXSink: delimited records as a workbook openpyxl reads")
struct XLSXSinkTests {
    @Test(
        "every chunking gives the same bytes, and openpyxl reads the fields as text", arguments: [1, 2, 5, 13, 64, 500])
    func chunked(chunk: Int) throws {
        let input = try csv(records, delimiter: 0x3B)
        let whole = try workbook(input, chunk: input.count, delimiter: 0x3B)
        let pieces = try workbook(input, chunk: chunk, delimiter: 0x3B)
        #expect(pieces.bytes == whole.bytes)
        let dir = try TemporaryDirectory()
        try Data(pieces.bytes).write(to: dir.url.appendingPathComponent("book.xlsx"))
        let sheets = try readXLSX(dir.path("book.xlsx"))
        #expect(sheets == [XLSXSheet(name: "clean", rows: expectedCells)])
        #expect(pieces.sink.rows == 3)
    }

    @Test(
        "rows past the sheet's limit continue on the next sheet, under the header again",
        arguments: [(2, [1, 1, 1]), (3, [2, 1]), (4, [3]), (10, [3])])
    func rollover(rowsPerSheet: Int, rowsBySheet: [Int]) throws {
        let (bytes, _) = try workbook(try csv(records, delimiter: 0x2C), chunk: 7, rowsPerSheet: rowsPerSheet)
        let dir = try TemporaryDirectory()
        try Data(bytes).write(to: dir.url.appendingPathComponent("book.xlsx"))
        let sheets = try readXLSX(dir.path("book.xlsx"))
        #expect(sheets.map(\.name) == ["clean", "clean 2", "clean 3"].prefix(rowsBySheet.count).map { $0 })
        #expect(sheets.map { $0.rows.count - 1 } == rowsBySheet)
        #expect(sheets.allSatisfy { $0.rows.first == expectedCells[0] })
        #expect(sheets.flatMap { $0.rows.dropFirst() } == Array(expectedCells.dropFirst()))
    }

    @Test("a field past 32,767 characters is cut to the limit and marked; one at the limit is kept")
    func longCells() throws {
        let atLimit = [UInt8](repeating: UInt8(ascii: "a"), count: XLSXSink.maxCellCharacters)
        // 2-byte characters: 40,000 of them are 80,000 bytes and 40,000 UTF-16 units.
        let tooLong = Array(String(repeating: "é", count: 40_000).utf8)
        let input = try csv([[bytes("a"), bytes("b")], [atLimit, tooLong]], delimiter: 0x2C)
        let (bytes, sink) = try workbook(input, chunk: 4096)
        #expect(sink.cutCells == 1)
        let dir = try TemporaryDirectory()
        try Data(bytes).write(to: dir.url.appendingPathComponent("book.xlsx"))
        let row = try readXLSX(dir.path("book.xlsx"))[0].rows[1]
        #expect(row[0] == String(decoding: atLimit, as: UTF8.self))
        let cut = row[1] ?? ""
        #expect(cut.utf16.count == XLSXSink.maxCellCharacters)
        #expect(cut.hasSuffix(XLSXSink.cutMarker) && cut.hasPrefix("éééé"))
    }

    @Test("an empty input is still a workbook: one empty sheet")
    func empty() throws {
        let (bytes, _) = try workbook([], chunk: 1)
        let dir = try TemporaryDirectory()
        try Data(bytes).write(to: dir.url.appendingPathComponent("book.xlsx"))
        let sheets = try readXLSX(dir.path("book.xlsx"))
        // openpyxl gives an empty sheet one empty cell.
        #expect(sheets.map(\.name) == ["clean"])
        #expect(sheets[0].rows.allSatisfy { $0.allSatisfy { $0 == nil } })
    }
}
