import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// Runs `scrub run` on `text` and returns the report's warnings and rows in.
private func runWarnings(_ text: [UInt8]) throws -> (rowsIn: Int?, warnings: [String], rejects: CSVReadResult) {
    let dir = try TemporaryDirectory()
    try Data(text).write(to: dir.url.appendingPathComponent("leads.csv"))
    let result = try ScrubProcess.run([
        "run", "--input", dir.path("leads.csv"), "--out", dir.path("out"), "--country-column", "country",
        "--campaign-date", "2026-12-01", "--quiet",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let report =
        try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json")))) as! [String: Any]
    let rejects = try readAll(
        ByteReader(path: dir.path("out/rejects.csv.gz")), options: .init(maxRecordBytes: 4 << 20))
    return (report["rows_in"] as? Int, report["warnings"] as? [String] ?? [], rejects)
}

@Suite("scrub run: a quote that never closes")
struct RunUnclosedQuoteTests {
    @Test("within the limit it costs one row, is counted and warned about in report.json")
    func withinLimit() throws {
        var text = "id,phone,country\n"
        for row in 0..<100 { text += row == 10 ? "10,\"+1 212 555 1010,US\n" : "\(row),+1 212 555 \(1_000 + row),US\n" }
        let run = try runWarnings(bytes(text))
        #expect(run.rowsIn == 100)
        #expect(
            run.warnings.contains(
                "leads.csv: 1 quoted field(s) never close (the first on line 12); each cost its first line as a "
                    + "MALFORMED_ROW and reading went on at the next line"))
        #expect(!run.warnings.contains { $0.contains("555") }, "no number in a warning")
    }

    @Test("past the limit the rest of the input is one malformed row, and the warning says which lines")
    func pastLimit() throws {
        var text = "id,phone,country\n1,+1 212 555 1001,US\n2,\"+1 212 555 1002,US\n"
        var row = 3
        while text.utf8.count < 1_200_000 {
            text += "\(row),+1 212 555 \(1_000 + row % 9_000),US\n"
            row += 1
        }
        let run = try runWarnings(bytes(text))
        #expect(run.rowsIn == 2)
        let lastLine = row  // rows 3..<row are on lines 4...row; the quote opened on line 3
        let swallowed = text.utf8.count - "id,phone,country\n1,+1 212 555 1001,US\n".utf8.count
        #expect(
            run.warnings.contains(
                "leads.csv: the quoted field opened on line 3 never closes: lines 3-\(lastLine.grouped) "
                    + "(\(swallowed.grouped) bytes, the rest of the input) are one MALFORMED_ROW; fix the quote and run again"
            ),
            "\(run.warnings)")
        let malformed = try #require(run.rejects.records.first)
        #expect(malformed[3] == bytes("MALFORMED_ROW"))
        #expect(malformed[malformed.count - 2].count == 1_048_576, "raw_record, before next_callable_at")
    }
}
