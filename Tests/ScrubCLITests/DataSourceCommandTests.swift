import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

@Suite("Reassigned numbers, line-type data and litigator grades, end to end")
struct DataSourceCommandTests {
    private func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func reasons(_ path: String) throws -> [String] {
        let rejects = try readAll(ByteReader(path: path))
        let reasonAt = try #require(rejects.header.firstIndex(of: Array("reject_reason".utf8)))
        return rejects.records.map {
            "\(String(decoding: $0[0], as: UTF8.self)):\(String(decoding: $0[reasonAt], as: UTF8.self))"
        }
    }

    private func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] ?? [:]
    }

    @Test("RND answers reject a lead REASSIGNED in the run, report.json, HTML, audit and check, naming no number")
    func reassignedRun() throws {
        let dir = try TemporaryDirectory()
        try write(
            """
            id,phone,consent_at
            1,+14155550123,2026-02-01T10:00:00Z
            2,+14155550124,2026-02-01T10:00:00Z
            3,+14155550125,2026-02-01T10:00:00Z
            4,+14155550123,2026-05-01T10:00:00Z
            5,+14155550199,2026-02-01T10:00:00Z

            """, dir.path("leads.csv"))
        // The project's layout and the RND's own, one file each.
        try write("number,date_asked,answer\n4155550123,2026-03-01,yes\n4155550124,2026-02-01,no\n", dir.path("a.csv"))
        try write(
            "\"Phone Number\",\"Date\",\"Result\"\n\"4155550125\",\"02/01/2026\",\"No Data\"\n", dir.path("rnd.csv"))
        try write(
            """
            version: 1
            input: {files: leads.csv, phone_column: phone}
            output: {directory: out}
            campaign: {date: 2026-12-01}
            consent: {columns: {timestamp: consent_at}}
            reassigned: {files: [a.csv, rnd.csv]}

            """, dir.path("p.yaml"))
        let run = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        // Row 4 consented after the date asked: not rejected, and the first of its number to be clean.
        #expect(try reasons(dir.path("out/rejects.csv.gz")) == ["1:REASSIGNED"])
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        let detailAt = try #require(rejects.header.firstIndex(of: Array("reject_detail".utf8)))
        let detail = String(decoding: rejects.records[0][detailAt], as: UTF8.self)
        #expect(detail.contains("on or after 2026-03-01") && detail.contains("a.csv"), "\(detail)")

        let report = try json(dir.path("out/report.json"))
        #expect((report["rejected_by_reason"] as? [String: Int])?["REASSIGNED"] == 1)
        let reassigned = report["reassigned"] as? [String: Any]
        #expect(
            reassigned?["rows"] as? [String: Int]
                == ["reassigned": 1, "not_reassigned": 1, "no_data": 1, "other_dates": 1])
        let files = reassigned?["files"] as? [[String: Any]] ?? []
        #expect(
            files.map { $0["answers"] as? [String: Int] } == [
                ["yes": 1, "no": 1, "no_data": 0], ["yes": 0, "no": 0, "no_data": 1],
            ])
        #expect(files.map { $0["first_date_asked"] as? String } == ["2026-02-01", "2026-02-01"])
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("Reassigned numbers (FCC Reassigned Numbers Database)") && html.contains("no data: 1"))
        let audit = try String(contentsOfFile: dir.path("audit.jsonl"), encoding: .utf8)
        #expect(audit.contains("\"reassigned_answers\"") && audit.contains("\"last_date_asked\":\"2026-03-01\""))
        #expect(!audit.contains("4155550123") && !audit.contains("415555012"), "the audit names no number")
        #expect(!run.stderr.contains("415555"), "the logs name no number")

        for (consent, decision) in [("2026-02-01", "REASSIGNED"), ("2026-05-01", "CLEAN")] {
            let check = try ScrubProcess.run([
                "check", "+14155550123", "--pipeline", dir.path("p.yaml"), "--consent-at", consent, "--json", "--at",
                "2026-12-01T18:00:00Z",
            ])
            let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
            #expect(object?["decision"] as? String == decision, "\(consent): \(check.stderr)")
        }
        let trace = try ScrubProcess.run([
            "check", "+14155550123", "--pipeline", dir.path("p.yaml"), "--consent-at", "2026-02-01",
            "--at", "2026-12-01T18:00:00Z",
        ])
        #expect(trace.stdout.contains("Reassigned numbers (FCC Reassigned Numbers Database, 47 CFR 64.1200(m)):"))
        #expect(trace.stdout.contains("yes for 2026-03-01"), "\(trace.stdout)")
        #expect(trace.stdout.contains("REASSIGNED: permanently disconnected on or after 2026-03-01"))

        // A malformed answers file stops the run before a row is read, with its place (exit 65).
        try write("number,date_asked,answer\n4155550123,2026-03-01,perhaps\n", dir.path("a.csv"))
        let bad = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(bad.status == 65, "\(bad.stderr)")
        #expect(bad.stderr.contains("a.csv:2:23: error: `perhaps` is not an answer"), "\(bad.stderr)")
    }

    @Test("wireless data types line_type and rejects an autodialed call to a mobile without consent")
    func wirelessRun() throws {
        let dir = try TemporaryDirectory()
        try write(
            """
            id,phone,consent_at
            1,+14155550123,
            2,+14155550124,2026-11-01
            3,+14155550125,
            4,+14155570123,

            """, dir.path("leads.csv"))
        try write("block,line_type\n415-555-0,mobile\n", dir.path("blocks.csv"))
        try write("number,line_type\n4155550125,landline\n", dir.path("ported.csv"))
        try write(
            """
            version: 1
            input: {files: leads.csv, phone_column: phone}
            output: {directory: out}
            campaign: {date: 2026-12-01, channel: autodialed}
            consent: {columns: {timestamp: consent_at}}
            line_types: {files: [blocks.csv, ported.csv], as_of: 2026-11-30}

            """, dir.path("p.yaml"))
        for threads in [1, 3] {
            let out = dir.path("out-\(threads)")
            let run = try ScrubProcess.run([
                "run", dir.path("p.yaml"), "--quiet", "--threads", "\(threads)", "--out", out,
            ])
            #expect(run.status == 0, "\(run.stderr)")
            // Lead 4's line type is not known: it may be wireless (the strict reading).
            #expect(
                try reasons(out + "/rejects.csv.gz") == ["1:WIRELESS_NO_CONSENT", "4:WIRELESS_NO_CONSENT"],
                "--threads \(threads)")
            let clean = try readAll(ByteReader(path: out + "/clean.csv.gz"))
            let typeAt = try #require(clean.header.firstIndex(of: Array("line_type".utf8)))
            #expect(
                clean.records.map { String(decoding: $0[typeAt], as: UTF8.self) }
                    == ["mobile", "fixed_line"])
            let report = try json(out + "/report.json")
            #expect((report["clean_by_line_type"] as? [String: Int])?["mobile"] == 1)
            let lineTypes = report["line_types"] as? [String: Any]
            #expect(lineTypes?["as_of"] as? String == "2026-11-30")
            #expect(
                (lineTypes?["files"] as? [[String: Any]])?.map { $0["source"] as? String }
                    == ["wireless_blocks", "ported_numbers"])
            let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
            #expect(html.contains("Line-type data (licensed, as of 2026-11-30)"))
        }
        let audit = try String(contentsOfFile: dir.path("audit.jsonl"), encoding: .utf8)
        #expect(audit.contains("\"line_types\"") && audit.contains("\"as_of\":\"2026-11-30\""))
        #expect(!audit.contains("4155550"), "the audit names no number")

        let trace = try ScrubProcess.run([
            "check", "+14155550123", "--pipeline", dir.path("p.yaml"), "--at", "2026-12-01T18:00:00Z",
        ])
        #expect(trace.status == 1, "\(trace.stderr)")
        #expect(trace.stdout.contains("Line type: mobile (wireless blocks, data as of 2026-11-30)"), "\(trace.stdout)")
        #expect(trace.stdout.contains("WIRELESS_NO_CONSENT"))
        #expect(trace.stdout.contains("47 U.S.C. 227(b)(1)(A)(iii)"))
        let voice = try ScrubProcess.run([
            "check", "+14155550123", "--pipeline", dir.path("p.yaml"), "--channel", "voice", "--json", "--at",
            "2026-12-01T18:00:00Z",
        ])
        let object = try JSONSerialization.jsonObject(with: Data(voice.stdout.utf8)) as? [String: Any]
        #expect(object?["decision"] as? String == "CLEAN", "live voice needs no consent: \(voice.stderr)")

        // A malformed data file and a missing date stop the run with their places.
        try write("block,line_type\n415-555-0,pager\n", dir.path("blocks.csv"))
        let bad = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(bad.status == 65 && bad.stderr.contains("blocks.csv:2:11: error:"), "\(bad.stderr)")
        try String(contentsOfFile: dir.path("p.yaml"), encoding: .utf8)
            .replacingOccurrences(of: ", as_of: 2026-11-30", with: "")
            .write(toFile: dir.path("q.yaml"), atomically: false, encoding: .utf8)
        let undated = try ScrubProcess.run(["run", dir.path("q.yaml"), "--quiet"])
        #expect(undated.status == 78 && undated.stderr.contains("needs `as_of`"), "\(undated.stderr)")
    }

    /// A pipeline over `leads.csv` with the litigator list `index` and `min_grade: 10`.
    static func gradedPipeline(index: String, output: String) -> String {
        """
        version: 1
        input: {files: leads.csv, phone_column: phone}
        output: {directory: \(output)}
        campaign: {date: 2026-12-01}
        registries:
          - {index: \(index), min_grade: 10}

        """
    }

    @Test("a graded litigator list rejects at or above min_grade, counts below it, and refuses a stale grades file")
    func litigatorGrades() throws {
        let dir = try TemporaryDirectory()
        try write(
            "phone,grade\n+14155550123,25\n+14155550124,5\n+14155550125,\n", dir.path("lit.csv"))
        let built = try ScrubProcess.run([
            "registry", "build", "--name", "tcpa", "--kind", "litigator", "--format", "csv", "--column", "phone",
            "--grade-column", "grade", "--snapshot-date", "2026-11-28", "--output", dir.path("lit.idx"),
            dir.path("lit.csv"),
        ])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("2 graded numbers"))
        try write(
            "id,phone\n1,+14155550123\n2,+14155550124\n3,+14155550125\n4,+14155550126\n", dir.path("leads.csv"))
        try write(Self.gradedPipeline(index: "lit.idx", output: "out"), dir.path("p.yaml"))
        let run = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        // Grade 25 rejects; grade 5 is below the threshold; no grade rejects (the stricter reading).
        #expect(try reasons(dir.path("out/rejects.csv.gz")) == ["1:LITIGATOR", "3:LITIGATOR"])
        let lists = try json(dir.path("out/report.json"))["lists"] as? [[String: Any]] ?? []
        #expect(lists.first?["min_grade"] as? Int == 10 && lists.first?["below_min_grade"] as? Int == 1)
        #expect(lists.first?["rejected"] as? Int == 2)
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("1 below min grade 10, not rejected"))
        let audit = try String(contentsOfFile: dir.path("audit.jsonl"), encoding: .utf8)
        #expect(audit.contains("\"litigator_grades\"") && audit.contains("\"min_grade\":10"))

        let trace = try ScrubProcess.run([
            "check", "+14155550124", "--pipeline", dir.path("p.yaml"), "--at", "2026-12-01T18:00:00Z",
        ])
        #expect(trace.stdout.contains("LISTED, grade 5, min_grade 10: below it, not rejected"), "\(trace.stdout)")

        // An update carries the grades of the numbers it keeps; one it removes and adds again has none.
        try write("+14155550124\n", dir.path("re-add.txt"))
        try write("+14155550124\n", dir.path("remove.txt"))
        try write("+14155550126\n", dir.path("add.txt"))
        let updated = try ScrubProcess.run([
            "registry", "update", dir.path("lit.idx"), "--add", dir.path("re-add.txt"), dir.path("add.txt"),
            "--remove", dir.path("remove.txt"), "--snapshot-date", "2026-11-29", "--output", dir.path("lit2.idx"),
        ])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains("1 graded numbers carried"), "\(updated.stdout)")
        try write(Self.gradedPipeline(index: "lit2.idx", output: "out2"), dir.path("p2.yaml"))
        let rerun = try ScrubProcess.run(["run", dir.path("p2.yaml"), "--quiet"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        // Grade 25 kept; the re-added number and the new one have no grade: rejected.
        let rejected = try reasons(dir.path("out2/rejects.csv.gz"))
        #expect(rejected == ["1:LITIGATOR", "2:LITIGATOR", "3:LITIGATOR", "4:LITIGATOR"])

        // A min_grade on a list built without grades, or with another build's grades, is refused.
        try Data(contentsOf: URL(fileURLWithPath: dir.path("lit.idx.grades")))
            .write(to: URL(fileURLWithPath: dir.path("keep.grades")))
        try FileManager.default.removeItem(atPath: dir.path("lit.idx.grades"))
        let missing = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(missing.status == 66 && missing.stderr.contains("--grade-column"), "\(missing.stderr)")
        let rebuilt = try ScrubProcess.run([
            "registry", "build", "--name", "tcpa", "--kind", "litigator", "--snapshot-date", "2026-11-29",
            "--output", dir.path("lit.idx"), dir.path("lit.csv"), "--format", "csv", "--column", "phone",
        ])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        try Data(contentsOf: URL(fileURLWithPath: dir.path("keep.grades")))
            .write(to: URL(fileURLWithPath: dir.path("lit.idx.grades")))
        let stale = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(stale.status == 65 && stale.stderr.contains("belongs to another build"), "\(stale.stderr)")
    }
}
