import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// `report.json`'s `groups`, as `[column: [value: "rows clean REASON=n ..."]]`, `other` under "(other)".
private func groups(_ path: String) throws -> [String: [String: String]] {
    let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    var result: [String: [String: String]] = [:]
    for group in report["groups"] as? [[String: Any]] ?? [] {
        var values: [String: String] = [:]
        let other = (group["other"] as? [String: Any]).map { [$0] } ?? []
        for (index, value) in ((group["values"] as? [[String: Any]] ?? []) + other).enumerated() {
            let name = index >= (group["values"] as? [Any] ?? []).count ? "(other)" : value["value"] as! String
            let reasons = (value["rejected_by_reason"] as! [String: Int]).sorted { $0.key < $1.key }
            values[name] =
                "\(value["rows"] as! Int) \(value["clean"] as! Int)" + reasons.map { " \($0.key)=\($0.value)" }.joined()
        }
        result[group["column"] as! String] = values
    }
    return result
}

@Suite("report.group_by: rows, clean and rejected by reason per value, without personal data")
struct ReportGroupByTests {
    @Test("the counts per value agree with the outputs row by row, and are the same at any threads and chunk size")
    func countsAgreeWithOutputs() throws {
        let dir = try TemporaryDirectory()
        let pipeline = try samplePipeline(in: dir, adding: "report:\n  group_by: [state, source]\n")
        let one = try ScrubProcess.run(["run", pipeline, "--out", dir.path("one"), "--quiet", "--threads", "1"])
        let many = try ScrubProcess.run([
            "run", pipeline, "--out", dir.path("many"), "--quiet", "--threads", "3", "--chunk-size", "2048",
        ])
        #expect(one.status == 0 && many.status == 0, "\(one.stderr)\(many.stderr)")
        let reported = try groups(dir.path("one/report.json"))
        #expect(try groups(dir.path("many/report.json")) == reported)

        // The oracle: every output row, by its own fields and its outcome (CLEAN or the reject reason).
        var expected: [String: [String: [String: Int]]] = [:]
        func count(_ fields: [[UInt8]], header: [[UInt8]], outcome: String) {
            for column in ["state", "source"] {
                let index = header.firstIndex(of: Array(column.utf8))!
                // A malformed row's fields cannot be trusted: it counts under its own value.
                let value =
                    outcome == "MALFORMED_ROW" ? "(malformed row)" : String(decoding: fields[index], as: UTF8.self)
                expected[column, default: [:]][value, default: [:]][outcome, default: 0] += 1
            }
        }
        let clean = try readAll(ByteReader(path: dir.path("one/clean.csv.gz")))
        for record in clean.records { count(record, header: clean.header, outcome: "CLEAN") }
        let rejects = try readAll(ByteReader(path: dir.path("one/rejects.csv.gz")))
        let reasonColumn = rejects.header.firstIndex(of: Array("reject_reason".utf8))!
        for record in rejects.records {
            count(record, header: rejects.header, outcome: String(decoding: record[reasonColumn], as: UTF8.self))
        }
        var oracle: [String: [String: String]] = [:]
        for (column, values) in expected {
            for (value, outcomes) in values {
                let rows = outcomes.values.reduce(0, +)
                let reasons = outcomes.filter { $0.key != "CLEAN" }.sorted { $0.key < $1.key }
                oracle[column, default: [:]][value] =
                    "\(rows) \(outcomes["CLEAN"] ?? 0)" + reasons.map { " \($0.key)=\($0.value)" }.joined()
            }
        }
        #expect(reported == oracle)
        // The sample's later occurrences of a number were moved to DUPLICATE by the sequencer.
        #expect(reported["source"]?.values.contains { $0.contains("DUPLICATE=") } == true)
        let html = try String(contentsOfFile: dir.path("one/report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Rows by source</h2>") && html.contains("<td>referral</td>"))
    }

    /// Bug: standard input read alone had its place columns placed only for the phone: every row was
    /// read without its country, state and postcode (116 numbers invalid in the sample, not 38).
    @Test("standard input read alone, whose header the run reads itself, is decided and counted as the file is")
    func standardInput() throws {
        let dir = try TemporaryDirectory()
        let pipeline = try samplePipeline(in: dir, adding: "report:\n  group_by: [state, source]\n")
        let fromFile = try ScrubProcess.run(["run", pipeline, "--out", dir.path("file"), "--quiet"])
        let piped = try samplePipeline(
            in: dir, adding: "report:\n  group_by: [state, source]\n", name: "stdin.yaml", standardInput: true)
        let fromStdin = try ScrubProcess.run(
            ["run", piped, "--out", dir.path("stdin"), "--quiet"],
            stdinBytes: try Data(contentsOf: URL(fileURLWithPath: "SampleData/leads.csv.gz")))
        #expect(fromFile.status == 0 && fromStdin.status == 0, "\(fromFile.stderr)\(fromStdin.stderr)")
        let clean = try gunzip(file: dir.path("file/clean.csv.gz"))
        #expect(try gunzip(file: dir.path("stdin/clean.csv.gz")) == clean && clean.count > 1_000)
        let reasons = { (path: String) in
            (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any])[
                "rejected_by_reason"] as? [String: Int]
        }
        #expect(try reasons(dir.path("stdin/report.json")) == reasons(dir.path("file/report.json")))
        let counted = try groups(dir.path("file/report.json"))
        #expect(counted["source"]?.isEmpty == false)
        #expect(try groups(dir.path("stdin/report.json")) == counted)
    }

    @Test("a column of many values lists the 100 with most rows and sums the rest as other")
    func topValuesAndOther() throws {
        let dir = try TemporaryDirectory()
        // `id` has a value per row: 100 listed, every other row in `other`.
        let pipeline = try samplePipeline(in: dir, adding: "report:\n  group_by: id\n")
        let result = try ScrubProcess.run(["run", pipeline, "--out", dir.path("out"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json"))))
            as! [String: Any]
        let group = try #require((report["groups"] as? [[String: Any]])?.first)
        let values = try #require(group["values"] as? [[String: Any]])
        let other = try #require(group["other"] as? [String: Any])
        let rowsIn = report["rows_in"] as! Int
        #expect(values.count == 100)
        #expect((group["distinct_values"] as! Int) > 100 && group["values_past_limit"] as? Bool == false)
        #expect(values.map { $0["rows"] as! Int }.reduce(0, +) + (other["rows"] as! Int) == rowsIn)
        // Ties (one row each) in byte order of the value.
        let names = values.map { $0["value"] as! String }
        #expect(names == names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test(
        "a phone, person or name column is refused with its place in the pipeline",
        arguments: [("phone", "the phone column"), ("first_name", "holds names"), ("email", "holds emails")])
    func personalColumnsRefused(_ column: String, _ why: String) throws {
        let dir = try TemporaryDirectory()
        let pipeline = try samplePipeline(in: dir, adding: "report:\n  group_by: [state, \(column)]\n")
        let result = try ScrubProcess.run(["run", pipeline, "--out", dir.path("out"), "--quiet"])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("grouped.yaml:") && result.stderr.contains(why), "\(result.stderr)")
        #expect(result.stderr.contains("reports hold no personal data"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/clean.csv.gz")))
    }
}
