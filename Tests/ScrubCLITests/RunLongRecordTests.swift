import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// 1,000 US leads; row 3 has a quoted 2 MiB notes field whose lines look like leads, row 500 an
/// unquoted field of 1.3 MB (longer than the reader's buffer), row 800 a note just under the limit.
private func longRecordLeads() -> [UInt8] {
    var out = bytes("id,phone,country,notes\n")
    for row in 0..<1_000 {
        out += bytes("\(row),+1 212 555 \(1_000 + row),US,")
        switch row {
        case 3:
            var note = bytes("\"")
            while note.count < 2 << 20 { note += bytes("\(note.count),+1 415 555 0199,US,\"\"called\"\"\n") }
            out += note + bytes("\"")
        case 500:
            out += Array(repeating: UInt8(ascii: "x"), count: 1_300_000)
        case 800:
            out += bytes("\"") + Array(repeating: 0x0A, count: 1_000_000) + bytes("\"")
        default:
            out += bytes("ok")
        }
        out += bytes("\n")
    }
    return out
}

@Suite("scrub run and inspect: records past the size limit, end to end")
struct RunLongRecordTests {
    @Test("bug: a record past the 1 MiB limit lost every later row (1,002 in, 2 out) or turned note lines into leads")
    func rowsInEqualRowsOut() throws {
        let dir = try TemporaryDirectory()
        let input = longRecordLeads()
        try Data(input).write(to: dir.url.appendingPathComponent("leads.csv"))
        let result = try ScrubProcess.run([
            "run", "--input", dir.path("leads.csv"), "--out", dir.path("out"), "--country-column", "country",
            "--campaign-date", "2026-12-01", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        // A rejects row holds the 1 MiB of raw bytes besides its fields: read the outputs with a larger limit.
        let options = CSVReaderOptions(maxRecordBytes: 4 << 20)
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")), options: options)
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")), options: options)
        #expect(clean.records.count + rejects.records.count == 1_000, "rows in = rows out")
        let malformed = rejects.records.filter { $0[4] == bytes("MALFORMED_ROW") }
        #expect(malformed.count == 2, "each over-limit row is one MALFORMED_ROW")
        #expect(malformed.allSatisfy { $0[$0.count - 2].count == 1_048_576 }, "its raw bytes are kept up to the limit")
        let details = malformed.map { String(decoding: $0[5], as: UTF8.self) }
        #expect(details[0].hasPrefix("lines 5-"))
        #expect(details[0].contains("bytes is longer than the 1,048,576-byte limit"))
        // Where row 500 is, and how long, as a reader with a large enough limit sees it.
        let whole = try readAll(MemoryByteSource(input), options: options)
        #expect(whole.records.count == 1_000)
        let length = whole.records[500].reduce(3) { $0 + $1.count }
        #expect(
            details[1] == "line \(whole.lines[500].grouped): record of \(length.grouped) bytes is longer than the "
                + "1,048,576-byte limit")
        let ids = (clean.records + rejects.records).map { String(decoding: $0[0], as: UTF8.self) }.filter {
            !$0.isEmpty
        }
        #expect(Set(ids) == Set((0..<1_000).filter { $0 != 3 && $0 != 500 }.map(String.init)), "no lead invented")
        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json")))) as! [String: Any]
        #expect(report["rows_in"] as? Int == 1_000)
        let warnings = report["warnings"] as? [String] ?? []
        #expect(
            warnings.contains { $0.contains("2 record(s) longer than the 1,048,576-byte limit (the first on line 5)") })

        let inspected = try ScrubProcess.run(["inspect", "--json", dir.path("leads.csv")])
        #expect(inspected.status == 0, "\(inspected.stderr)")
        let inspection = try JSONSerialization.jsonObject(with: Data(inspected.stdout.utf8)) as? [String: Any]
        #expect(inspection?["records"] as? Int == 998, "scrub inspect counts as the run does")
        #expect(inspection?["malformedRecords"] as? Int == 2)
        #expect(inspection?["oversizedRecords"] as? Int == 2)
    }
}
