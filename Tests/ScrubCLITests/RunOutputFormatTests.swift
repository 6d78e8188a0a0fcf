import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// A `;`-separated lead file as a European CRM exports it: a field holding a comma, one holding the
/// delimiter and quotes (quoted), and a UTF-8 name with an umlaut.
let semicolonLeads = #"""
    id;name;phone;note
    1;Müller;+14155550123;"a; b"
    2;Smith, Jo;+14155550124;plain
    3;"O""Neil";+14155550125;"quote ""inside"""
    4;Nobody;not a number;x

    """#

/// Writes `leads.csv` and `pipeline.yaml` (with `output` lines added) into `dir`.
func writePipeline(_ dir: TemporaryDirectory, output: [String] = [], leads: String = semicolonLeads) throws {
    try leads.write(toFile: dir.path("leads.csv"), atomically: true, encoding: .utf8)
    let lines =
        ["version: 1", "input:", "  files: leads.csv", "  phone_column: phone", "output:", "  directory: out"]
        + output.map { "  \($0)" } + ["campaign:", "  date: 2026-12-01"]
    let yaml = lines.joined(separator: "\n") + "\n"
    try yaml.write(toFile: dir.path("pipeline.yaml"), atomically: true, encoding: .utf8)
}

func readBytes(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
}

@Suite("scrub run: output format, delimiter, byte order mark")
struct RunOutputFormatTests {
    @Test(
        "CSV outputs keep the input's delimiter unless output.delimiter names another, quoting for it",
        arguments: [
            (nil, UInt8(ascii: ";")), ("delimiter: \",\"", UInt8(ascii: ",")), ("delimiter: tab", 0x09),
            ("delimiter: \"|\"", UInt8(ascii: "|")), ("delimiter: auto", UInt8(ascii: ";")),
        ] as [(String?, UInt8)])
    func delimiterKept(setting: String?, expected: UInt8) throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir, output: setting.map { [$0] } ?? [])
        let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let input = try readAll(ByteReader(path: dir.path("leads.csv")), options: .init(delimiter: 0x3B))
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")), options: .init(delimiter: expected))
        let rejects = try readAll(
            ByteReader(path: dir.path("out/rejects.csv.gz")), options: .init(delimiter: expected))
        // The header line is joined by the expected delimiter, and every field reads back unchanged.
        let headerLine = try gunzip(file: dir.path("out/clean.csv.gz")).prefix { $0 != 0x0A }
        #expect(Array(headerLine.prefix(8)) == bytes("id") + [expected] + bytes("name") + [expected])
        #expect(Array(clean.header.prefix(4)) == input.header)
        let written = (clean.records + rejects.records).map { Array($0.prefix(4)) }
        #expect(written.sorted { $0[0].lexicographicallyPrecedes($1[0]) } == input.records)
        #expect(clean.records.count == 3 && rejects.records.count == 1)
    }

    @Test(
        "output.format csv writes clean.csv and rejects.csv, with a UTF-8 BOM only when asked",
        arguments: [true, false])
    func plainCSV(bom: Bool) throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir, output: ["format: csv", "bom: \(bom)"])
        let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("out")).sorted()
        #expect(names == ["clean.csv", "leads.bin", "rejects.csv", "report.html", "report.json"])
        let clean = try readBytes(dir.path("out/clean.csv"))
        #expect((Array(clean.prefix(3)) == [0xEF, 0xBB, 0xBF]) == bom)
        #expect(clean.starts(with: (bom ? [0xEF, 0xBB, 0xBF] : []) + bytes("id;name;phone;note;e164")))
        #expect(String(decoding: clean, as: UTF8.self).contains("1;Müller;+14155550123;\"a; b\";+14155550123"))
        let rejects = try readBytes(dir.path("out/rejects.csv"))
        #expect(rejects.starts(with: (bom ? [0xEF, 0xBB, 0xBF] : []) + bytes("id;name;phone;note;reject_reason")))
        // The reader strips the BOM: the outputs read back as the input's rows.
        let back = try readAll(ByteReader(path: dir.path("out/clean.csv")), options: .init(delimiter: 0x3B))
        #expect(back.header.first == bytes("id"))
        let report =
            try JSONSerialization.jsonObject(with: Data(readBytes(dir.path("out/report.json")))) as! [String: Any]
        let outputs = (report["outputs"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(outputs.map { URL(fileURLWithPath: $0).lastPathComponent } == ["clean.csv", "rejects.csv"])
        #expect((report["outputs"] as! [[String: Any]])[0]["bytes"] as? Int == clean.count)
    }

    @Test(
        "unknown output settings are refused at load with their place",
        arguments: [
            ("format: xls", "unknown output format `xls`; expected one of: csv.gz, csv, xlsx"),
            ("delimiter: \"#\"", "output delimiter must be auto"),
            ("bom: maybe", "bom"),
        ])
    func refused(setting: String, message: String) throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir, output: [setting])
        let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--quiet"])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("pipeline.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
    }

    @Test("output.format xlsx: workbooks openpyxl reads, every field as text, byte-identical whatever the threads")
    func workbooks() throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir, output: ["format: xlsx", "bom: true"])
        // A CP-1252 name (0xFC is ü) and a postcode with a leading zero.
        var leads = bytes("id;name;zip;phone\n1;M") + [0xFC] + bytes("ller;02134;+14155550123\n")
        leads += bytes("2;Jo;00501;+14155550124\n3;Al;10001;+14155550125\n4;Nobody;99999;not a number\n")
        try Data(leads).write(to: dir.url.appendingPathComponent("leads.csv"))
        var outputs: [[UInt8]] = []
        for threads in ["1", "3"] {
            let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--quiet", "--threads", threads])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try readBytes(dir.path("out/clean.xlsx")) + readBytes(dir.path("out/rejects.xlsx")))
        }
        #expect(outputs[0] == outputs[1])
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path("out")).sorted()
        #expect(names == ["clean.xlsx", "leads.bin", "rejects.xlsx", "report.html", "report.json"])
        let clean = try readXLSX(dir.path("out/clean.xlsx"))
        #expect(clean.map(\.name) == ["clean"])
        #expect(Array(clean[0].rows[0].prefix(5)) == ["id", "name", "zip", "phone", "e164"])
        #expect(
            clean[0].rows.dropFirst().map { Array($0.prefix(5)) } == [
                ["1", "Müller", "02134", "+14155550123", "+14155550123"],
                ["2", "Jo", "00501", "+14155550124", "+14155550124"],
                ["3", "Al", "10001", "+14155550125", "+14155550125"],
            ])
        let rejects = try readXLSX(dir.path("out/rejects.xlsx"))
        #expect(rejects.map(\.name) == ["rejects"])
        #expect(rejects[0].rows.count == 2)
        #expect(Array(rejects[0].rows[1].prefix(4)) == ["4", "Nobody", "99999", "not a number"])
        #expect(rejects[0].rows[0][4] == "reject_reason")
    }

    @Test("xlsx rows past a sheet's limit continue on the next sheet, under the header")
    func workbookRollover() throws {
        let dir = try TemporaryDirectory()
        try writePipeline(dir, output: ["format: xlsx"])
        let result = try ScrubProcess.run(["run", dir.path("pipeline.yaml"), "--quiet", "--rows-per-sheet", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        let clean = try readXLSX(dir.path("out/clean.xlsx"))
        #expect(clean.map(\.name) == ["clean", "clean 2"])
        #expect(clean.map { $0.rows.count } == [3, 2])
        #expect(clean[0].rows[0] == clean[1].rows[0])
        #expect(clean.flatMap { $0.rows.dropFirst().map { $0[0] } } == ["1", "2", "3"])
    }
}
