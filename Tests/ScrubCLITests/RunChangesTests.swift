import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

private func report(_ path: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
}

@Suite("since_previous_run: what changed against the run published before in the same folder")
struct RunChangesTests {
    @Test("the first run has none; a later one compares its counts with the published report's")
    func changes() throws {
        let dir = try TemporaryDirectory()
        let plain = try samplePipeline(in: dir, adding: "", name: "plain.yaml")
        let first = try ScrubProcess.run(["run", plain, "--out", dir.path("out"), "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try report(dir.path("out/report.json"))
        #expect(before["since_previous_run"] == nil)

        // The same run again: every count before and now, no change.
        #expect(try ScrubProcess.run(["run", plain, "--out", dir.path("out"), "--quiet"]).status == 0)
        let again = try #require(try report(dir.path("out/report.json"))["since_previous_run"] as? [String: Any])
        #expect(
            (again["clean"] as? [String: Int]) == [
                "before": before["clean"] as! Int, "now": before["clean"] as! Int, "change": 0,
            ])
        #expect(again["previous_output_set"] as? String == before["output_set"] as? String)
        let distinct = try #require(before["distinct_leads"] as? Int)
        #expect(
            again["leads"] as? NSDictionary == [
                "matched_by": "number", "before": distinct, "now": distinct, "new": 0, "gone": 0,
                "newly_callable": 0, "newly_rejected": [String: Int](),
            ])

        // Three of the callable numbers opted out since: they, and their later duplicates, are SUPPRESSED.
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        let e164 = clean.header.firstIndex(of: Array("e164".utf8))!
        let optedOut = clean.records.prefix(3).map { String(decoding: $0[e164], as: UTF8.self) }
        try (["phone"] + optedOut).joined(separator: "\n").write(
            toFile: dir.path("new-optouts.csv"), atomically: true, encoding: .utf8)
        let sample = try String(contentsOfFile: plain, encoding: .utf8)
        try sample.replacingOccurrences(
            of: "suppression:\n", with: "suppression:\n  - \(dir.path("new-optouts.csv"))\n"
        )
        .write(toFile: dir.path("more.yaml"), atomically: true, encoding: .utf8)
        #expect(try ScrubProcess.run(["run", dir.path("more.yaml"), "--out", dir.path("out"), "--quiet"]).status == 0)
        let now = try report(dir.path("out/report.json"))
        let changes = try #require(now["since_previous_run"] as? [String: Any])
        let reasons = try #require(changes["rejected_by_reason"] as? [String: [String: Int]])
        let suppressed = try #require(reasons["SUPPRESSED"])
        let reasonsBefore = before["rejected_by_reason"] as! [String: Int]
        let reasonsNow = now["rejected_by_reason"] as! [String: Int]
        #expect(suppressed["before"] == reasonsBefore["SUPPRESSED"] && suppressed["now"] == reasonsNow["SUPPRESSED"])
        #expect(suppressed["change"]! >= 3)
        let cleanChange = try #require(changes["clean"] as? [String: Int])
        #expect(cleanChange["change"] == -3 && cleanChange["now"] == now["clean"] as? Int)
        // Every reason of either run is listed, and the changes add up: rows in did not change.
        #expect(
            Set(reasons.keys)
                == Set(reasonsBefore.filter { $0.value > 0 }.keys).union(reasonsNow.filter { $0.value > 0 }.keys))
        #expect(reasons.values.map { $0["change"]! }.reduce(0, +) + cleanChange["change"]! == 0)
        // Lead by lead: the three leads of those numbers, whatever their duplicates.
        let leads = try #require(changes["leads"] as? [String: Any])
        #expect(leads["newly_rejected"] as? [String: Int] == ["SUPPRESSED": 3])
        #expect(leads["newly_callable"] as? Int == 0 && leads["new"] as? Int == 0 && leads["gone"] as? Int == 0)
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("<h2>Since the previous run</h2>") && html.contains("<td>Callable</td>"))
        #expect(html.contains("<td>-3</td>"))
        #expect(html.contains("<tr><td>Newly rejected: SUPPRESSED (callable before)</td><td>3</td></tr>"))

        // Back without the opt-outs: the same three are callable again.
        #expect(try ScrubProcess.run(["run", plain, "--out", dir.path("out"), "--quiet"]).status == 0)
        let back =
            try #require(
                try report(dir.path("out/report.json"))["since_previous_run"] as? [String: Any])["leads"]
            as? [String: Any]
        #expect(back?["newly_callable"] as? Int == 3 && back?["newly_rejected"] as? [String: Int] == [:])
    }

    @Test("leads matched by person key: a lead whose number changed is the same lead, callable or not")
    func leadsByPerson() throws {
        let dir = try TemporaryDirectory()
        func run(_ rows: [String]) throws -> [String: Any]? {
            try (["id,phone"] + rows).joined(separator: "\n").appending("\n")
                .write(toFile: dir.path("leads.csv"), atomically: true, encoding: .utf8)
            try """
            version: 1
            input: {files: leads.csv, person_column: id, default_country: US}
            output: {directory: out}
            campaign: {date: 2026-12-01}

            """.write(toFile: dir.path("p.yaml"), atomically: true, encoding: .utf8)
            let result = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let now = try report(dir.path("out/report.json"))
            #expect(now["distinct_leads"] as? Int == Set(rows.map { $0.prefix { $0 != "," } }).count)
            return (now["since_previous_run"] as? [String: Any])?["leads"] as? [String: Any]
        }
        #expect(
            try run(["c1,212 555 0101", "c2,212 555 0102", "c3,212 555 0103", "c4,bad", "c6,(212) 555-0101"]) == nil)
        // c1 has a new number (the same lead, still callable), c2 lost its number, c4 got one, c3 left,
        // c5 came, and c6, c1's duplicate before, has a number of its own.
        let leads = try #require(
            try run(["c1,212 555 0111", "c2,", "c4,212 555 0104", "c5,212 555 0105", "c6,212 555 0106"]))
        #expect(leads["matched_by"] as? String == "person_column")
        #expect(leads["before"] as? Int == 5 && leads["now"] as? Int == 5)
        #expect(leads["newly_rejected"] as? [String: Int] == ["MISSING_NUMBER": 1])
        #expect(leads["newly_callable"] as? Int == 2)
        #expect(leads["new"] as? Int == 1 && leads["gone"] as? Int == 1)
    }

    @Test("a previous report that cannot be read is warned about, and the run goes on")
    func unreadablePrevious() throws {
        let dir = try TemporaryDirectory()
        let plain = try samplePipeline(in: dir, adding: "", name: "plain.yaml")
        #expect(try ScrubProcess.run(["run", plain, "--out", dir.path("out"), "--quiet"]).status == 0)
        let published = try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("out"))
        try "{\"rows_in\": ".write(
            toFile: dir.path(published + "/report.json"), atomically: false, encoding: .utf8)
        let result = try ScrubProcess.run(["run", plain, "--out", dir.path("out"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let now = try report(dir.path("out/report.json"))
        #expect(now["since_previous_run"] == nil)
        #expect((now["warnings"] as? [String])?.contains { $0.contains("previous run's report") } == true)

        // Lead outcomes cut short: the counts still compare, the leads are warned about.
        let latest = try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("out"))
        let leads = dir.path(latest + "/leads.bin")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: leads))
        try bytes.dropLast(3).write(to: URL(fileURLWithPath: leads))
        #expect(try ScrubProcess.run(["run", plain, "--out", dir.path("out"), "--quiet"]).status == 0)
        let cut = try report(dir.path("out/report.json"))
        #expect((cut["since_previous_run"] as? [String: Any])?["clean"] != nil)
        #expect((cut["since_previous_run"] as? [String: Any])?["leads"] == nil)
        #expect(
            (cut["warnings"] as? [String])?.contains { $0.contains("lead outcomes") && $0.contains("damaged") } == true)
    }
}
