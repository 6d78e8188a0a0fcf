import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

/// A pipeline with three phone columns over `leads.csv`, and `optouts.csv` as its suppression list.
private func writePipeline(in dir: TemporaryDirectory, leads: String, optOuts: [String]) throws -> String {
    try leads.write(toFile: dir.path("leads.csv"), atomically: true, encoding: .utf8)
    try (["phone"] + optOuts).joined(separator: "\n").appending("\n")
        .write(toFile: dir.path("optouts.csv"), atomically: true, encoding: .utf8)
    try """
    version: 1
    input:
      files: leads.csv
      phone_column: [Mobile Phone, Home Phone, Work Phone]
      default_country: US
    output:
      directory: out
    campaign:
      date: 2026-12-01
    suppression:
      - optouts.csv

    """.write(toFile: dir.path("p.yaml"), atomically: true, encoding: .utf8)
    return dir.path("p.yaml")
}

/// Every output row by its `id`: `CLEAN` or its reason, then the multi-number columns as written.
private func outcomes(in out: String) throws -> [String: [String]] {
    var result: [String: [String]] = [:]
    for (name, columns) in [
        ("clean.csv.gz", ["e164", "phone_source", "other_numbers"]),
        ("rejects.csv.gz", ["reject_reason", "reject_detail", "number_reasons"]),
    ] {
        let file = try readAll(ByteReader(path: out + "/" + name))
        let header = file.header.map { String(decoding: $0, as: UTF8.self) }
        let indexes = try columns.map { column in try #require(header.firstIndex(of: column), "\(name): \(column)") }
        for record in file.records {
            let id = String(decoding: record[0], as: UTF8.self)
            #expect(result[id] == nil, "lead \(id) is in one output once")
            let values = indexes.map { String(decoding: record[$0], as: UTF8.self) }
            result[id] = name.hasPrefix("clean") ? ["CLEAN"] + values : values
        }
    }
    return result
}

@Suite("phone_column as a list: each number decided on its own, the lead once")
struct LeadPhoneColumnsTests {
    @Test("a lead goes by its first callable number; duplicates count across columns and leads")
    func handWritten() throws {
        let dir = try TemporaryDirectory()
        let pipeline = try writePipeline(
            in: dir,
            leads: """
                id,Mobile Phone,Home Phone,Work Phone
                1,212 555 0101,212 555 0199,
                2,212 555 0198,(212) 555-0102,
                3,212-555-0101,212 555 0103,
                4,+1 212 555 0102,,
                5,,,
                6,212 555 0104,(212) 555-0104,
                7,212 555 0199,call me,
                8,bad,,212 555 0105
                9,212 555 0103,212 555 0101,

                """, optOuts: ["+12125550199", "+12125550198"])
        let run = try ScrubProcess.run(["run", pipeline, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let got = try outcomes(in: dir.path("out"))
        #expect(got["1"] == ["CLEAN", "+12125550101", "Mobile Phone", "Home Phone: SUPPRESSED"])
        #expect(got["2"] == ["CLEAN", "+12125550102", "Home Phone", "Mobile Phone: SUPPRESSED"])
        // Its mobile is lead 1's: only the sequencer knows, and the lead is written again on its home number.
        #expect(got["3"] == ["CLEAN", "+12125550103", "Home Phone", "Mobile Phone: DUPLICATE"])
        #expect(
            got["4"] == ["DUPLICATE", "Mobile Phone: same number as line 3", "Mobile Phone: DUPLICATE"])
        #expect(
            got["5"] == [
                "MISSING_NUMBER", "every phone column is empty (Mobile Phone, Home Phone, Work Phone)",
                "Mobile Phone: MISSING_NUMBER; Home Phone: MISSING_NUMBER; Work Phone: MISSING_NUMBER",
            ])
        #expect(got["6"] == ["CLEAN", "+12125550104", "Mobile Phone", "Home Phone: DUPLICATE"])
        // The closest to a call decides: on a list ranks after an invalid number.
        #expect(got["7"]?.first == "SUPPRESSED")
        #expect(got["7"]?.last == "Mobile Phone: SUPPRESSED; Home Phone: INVALID_NUMBER")
        #expect(got["8"] == ["CLEAN", "+12125550105", "Work Phone", "Mobile Phone: INVALID_NUMBER"])
        #expect(
            got["9"] == [
                "DUPLICATE", "Mobile Phone: same number as line 4", "Mobile Phone: DUPLICATE; Home Phone: DUPLICATE",
            ])
        #expect(got.count == 9)

        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json")))) as! [String: Any]
        #expect(report["rows_in"] as? Int == 9 && report["clean"] as? Int == 5 && report["rejected"] as? Int == 4)
        // Seven numbers; seven leads by their first number (lead 3's is lead 1's; lead 5 has none).
        #expect(report["distinct_numbers"] as? Int == 7 && report["distinct_leads"] as? Int == 7)
        #expect(
            report["rejected_by_reason"] as? [String: Int] == ["DUPLICATE": 2, "MISSING_NUMBER": 1, "SUPPRESSED": 1])
        let numbers = try #require(report["phone_numbers"] as? [String: Any])
        #expect(numbers["numbers"] as? Int == 15 && numbers["callable"] as? Int == 5)
        #expect(
            numbers["rejected_by_reason"] as? [String: Int] == ["DUPLICATE": 5, "INVALID_NUMBER": 2, "SUPPRESSED": 3])
        let byColumn = (numbers["callable_leads_by_column"] as? [[String: Any]] ?? []).map {
            "\($0["column"] as? String ?? "") \($0["leads"] as? Int ?? -1)"
        }
        #expect(byColumn == ["Mobile Phone 2", "Home Phone 2", "Work Phone 1"])
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Phone numbers in the leads</h2>"))
        #expect(html.contains("<tr><td>Rejected: DUPLICATE</td><td>5</td></tr>"))
        #expect(html.contains("<tr><td>Work Phone</td><td>1</td></tr>"))
        #expect(html.contains("Distinct leads<b>7</b>") && html.contains("Distinct numbers<b>7</b>"))
    }

    @Test("--phone-column, repeated, gives the same list in priority order")
    func repeatedFlag() throws {
        let dir = try TemporaryDirectory()
        let pipeline = try writePipeline(
            in: dir, leads: "id,Mobile Phone,Home Phone,Work Phone\n1,212 555 0198,(212) 555-0102,\n",
            optOuts: ["+12125550198"])
        let text = try String(contentsOfFile: pipeline, encoding: .utf8)
        try text.replacingOccurrences(of: "  phone_column: [Mobile Phone, Home Phone, Work Phone]\n", with: "")
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        let run = try ScrubProcess.run([
            "run", pipeline, "--quiet", "--phone-column", "Mobile Phone", "--phone-column", "Home Phone",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            try outcomes(in: dir.path("out"))["1"] == [
                "CLEAN", "+12125550102", "Home Phone", "Mobile Phone: SUPPRESSED",
            ])
    }

    @Test(
        "a phone column list that names none, names one twice, or shares a column with group_by is refused at load",
        arguments: [
            ("[]", "", "`phone_column` names no column"),
            ("[Mobile Phone, Home Phone, Mobile Phone]", "", "phone column `Mobile Phone` is named twice"),
            ("[Mobile Phone, Home Phone]", "report:\n  group_by: [Home Phone]\n", "`Home Phone`"),
        ])
    func refusals(columns: String, section: String, message: String) throws {
        let dir = try TemporaryDirectory()
        let pipeline = try writePipeline(in: dir, leads: "id,Mobile Phone,Home Phone,Work Phone\n1,,,\n", optOuts: [])
        let text = try String(contentsOfFile: pipeline, encoding: .utf8)
        try (text.replacingOccurrences(of: "[Mobile Phone, Home Phone, Work Phone]", with: columns) + section)
            .write(toFile: pipeline, atomically: true, encoding: .utf8)
        let run = try ScrubProcess.run(["run", pipeline, "--quiet"])
        #expect(run.status == 78)
        #expect(run.stderr.contains("p.yaml:") && run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")), "nothing is published")
    }

    @Test("generated leads agree with an oracle of the rule, at one thread and at three with small chunks")
    func generated() throws {
        // 100 numbers written four ways, 20 of them opted out, and values that are no number.
        var random = SeededRandom(seed: 2_612)
        let pool = (100...199).map { "212555\(String(format: "%04d", $0))" }
        let optedOut = Set(pool.shuffled(using: &random).prefix(20))
        func written(_ digits: String) -> String {
            let area = digits.prefix(3)
            let exchange = digits.dropFirst(3).prefix(3)
            let line = digits.suffix(4)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return "(\(area)) \(exchange)-\(line)"
            case 1: return "+1 \(area) \(exchange) \(line)"
            case 2: return "\(area).\(exchange).\(line)"
            default: return digits
            }
        }
        var lines = ["id,Mobile Phone,Home Phone,Work Phone"]
        var leads: [[String?]] = []  // each column's digits; nil: empty; "x": no number
        for id in 1...600 {
            var fields: [String] = []
            var lead: [String?] = []
            for _ in 0..<3 {
                switch Int.random(in: 0..<10, using: &random) {
                case 0..<3:
                    fields.append("")
                    lead.append(nil)
                case 3:
                    fields.append("n/a")
                    lead.append("x")
                default:
                    let digits = pool.randomElement(using: &random)!
                    fields.append(written(digits))
                    lead.append(digits)
                }
            }
            lines.append("\(id),\(fields.joined(separator: ","))")
            leads.append(lead)
        }

        // The oracle: the rule as documented, over the leads in order.
        let names = ["Mobile Phone", "Home Phone", "Work Phone"]
        let rank = ["MISSING_NUMBER": 0, "INVALID_NUMBER": 1, "SUPPRESSED": 2, "DUPLICATE": 3]
        var seen = Set<String>()
        var expected: [String: [String]] = [:]
        for (index, lead) in leads.enumerated() {
            var numbers: [(column: Int, reason: String)] = []
            for (column, digits) in lead.enumerated() {
                guard let digits else { continue }
                if digits == "x" {
                    numbers.append((column, "INVALID_NUMBER"))
                } else if optedOut.contains(digits) {
                    numbers.append((column, "SUPPRESSED"))
                } else {
                    numbers.append((column, seen.insert(digits).inserted ? "CLEAN" : "DUPLICATE"))
                }
            }
            let id = String(index + 1)
            func list(except: Int?) -> String {
                numbers.indices.filter { $0 != except }.map { "\(names[numbers[$0].column]): \(numbers[$0].reason)" }
                    .joined(separator: "; ")
            }
            if numbers.isEmpty {
                expected[id] = ["MISSING_NUMBER"]
            } else if let callable = numbers.firstIndex(where: { $0.reason == "CLEAN" }) {
                expected[id] = [
                    "CLEAN", "+1" + lead[numbers[callable].column]!, names[numbers[callable].column],
                    list(except: callable),
                ]
            } else {
                var closest = 0
                for index in numbers.indices where rank[numbers[index].reason]! > rank[numbers[closest].reason]! {
                    closest = index
                }
                expected[id] = [numbers[closest].reason, names[numbers[closest].column], list(except: nil)]
            }
        }

        let dir = try TemporaryDirectory()
        let pipeline = try writePipeline(
            in: dir, leads: lines.joined(separator: "\n") + "\n", optOuts: optedOut.sorted().map { "+1" + $0 })
        let one = try ScrubProcess.run(["run", pipeline, "--quiet", "--threads", "1", "--out", dir.path("one")])
        let three = try ScrubProcess.run([
            "run", pipeline, "--quiet", "--threads", "3", "--chunk-size", "97", "--out", dir.path("three"),
        ])
        #expect(one.status == 0 && three.status == 0, "\(one.stderr)\(three.stderr)")
        let got = try outcomes(in: dir.path("one"))
        #expect(got.count == 600)
        var wrong: [String] = []
        for (id, want) in expected {
            guard let row = got[id] else {
                wrong.append("\(id): missing")
                continue
            }
            let same =
                row[0] == "CLEAN"
                ? row == want
                : row[0] == want[0]
                    && (want[0] == "MISSING_NUMBER" || (row[1].hasPrefix(want[1] + ": ") && row[2] == want[2]))
            if !same { wrong.append("\(id): \(row) != \(want)") }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(
            Set(expected.values.map { $0[0] }).isSuperset(of: ["CLEAN", "DUPLICATE", "SUPPRESSED", "INVALID_NUMBER"]))

        for name in ["clean.csv.gz", "rejects.csv.gz"] {
            #expect(
                try gunzip(file: dir.path("one/" + name)) == (try gunzip(file: dir.path("three/" + name))),
                "\(name) is the same at any threads")
        }
        func counts(_ path: String) throws -> NSDictionary {
            var report =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            for key in ["timings", "outputs", "output_set", "inputs", "audit_log"] { report[key] = nil }
            return report as NSDictionary
        }
        #expect(try counts(dir.path("one/report.json")) == (try counts(dir.path("three/report.json"))))
        let report = try counts(dir.path("one/report.json"))
        let numbers = leads.flatMap { $0.compactMap { $0 } }.filter { $0 != "x" }
        #expect(report["distinct_numbers"] as? Int == Set(numbers).count)
        let firsts = leads.compactMap { $0.compactMap { $0 }.first { $0 != "x" } }
        #expect(report["distinct_leads"] as? Int == Set(firsts).count)
    }
}
