import Foundation
import ScrubIO
import ScrubRules
import ScrubTestSupport
import Testing

/// Reads a gzipped CSV (as the run writes them) back into header and records.
private func records(_ path: String) throws -> CSVReadResult {
    try readAll(ByteReader(path: path))
}

/// The sample pipeline's flags, with outputs in `dir`.
private func sampleRun(_ dir: TemporaryDirectory, _ extra: [String] = []) throws -> ScrubProcess.Result {
    try ScrubProcess.run(["run", "Pipelines/sample.yaml", "--out", dir.path("out"), "--quiet"] + extra)
}

@Suite("scrub run, end to end")
struct RunCommandTests {
    @Test("the sample: every input row in exactly one output, its fields byte for byte")
    func conservation() throws {
        let dir = try TemporaryDirectory()
        let result = try sampleRun(dir)
        #expect(result.status == 0, "\(result.stderr)")
        let input = try records(ScrubProcess.repositoryRoot.appendingPathComponent("SampleData/leads.csv.gz").path)
        let clean = try records(dir.path("out/clean.csv.gz"))
        let rejects = try records(dir.path("out/rejects.csv.gz"))
        let width = input.header.count
        #expect(clean.records.count + rejects.records.count == input.records.count + input.malformed.count)
        // Well-formed rows come out with their original fields unchanged, each exactly once.
        let written = (clean.records + rejects.records).filter { $0[0] != [] }.map { Array($0.prefix(width)) }
        #expect(
            written.sorted { $0[0].lexicographicallyPrecedes($1[0]) }
                == input.records.sorted { $0[0].lexicographicallyPrecedes($1[0]) })
        // Malformed rows keep their raw bytes (raw_record, before next_callable_at).
        let raw = rejects.records.filter { $0[width] == Array("MALFORMED_ROW".utf8) }.map { $0[$0.count - 2] }
        #expect(raw == input.malformed.map(\.raw))
        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json")))) as! [String: Any]
        #expect(report["rows_in"] as? Int == 307)
        let reasons = Set(rejects.records.map { String(decoding: $0[width], as: UTF8.self) })
        #expect(
            reasons.isSuperset(of: [
                "MALFORMED_ROW", "MISSING_NUMBER", "INVALID_NUMBER", "UNSUPPORTED_REGION", "SUPPRESSED", "DNC_REGISTRY",
                "DUPLICATE",
            ]))
    }

    @Test("two runs give byte-identical outputs, whatever the thread count")
    func determinism() throws {
        let dir = try TemporaryDirectory()
        #expect(try sampleRun(dir, ["--threads", "1"]).status == 0)
        let first = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/clean.csv.gz")))
        let firstRejects = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/rejects.csv.gz")))
        #expect(try sampleRun(dir, ["--threads", "3"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("out/clean.csv.gz"))) == first)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("out/rejects.csv.gz"))) == firstRejects)
    }

    @Test("a stale registry refuses to start (exit 78) and names the list; --allow-stale runs and says so")
    func freshness() throws {
        let dir = try TemporaryDirectory()
        let refused = try sampleRun(dir, ["--campaign-date", "2027-03-01"])
        #expect(refused.status == 78)
        #expect(refused.stderr.contains("us-ca-dnc-sample (snapshot 2026-11-27) is stale by 63 day(s)"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/clean.csv.gz")))
        let allowed = try sampleRun(dir, ["--campaign-date", "2027-03-01", "--allow-stale"])
        #expect(allowed.status == 0)
        let report = try String(contentsOfFile: dir.path("out/report.json"), encoding: .utf8)
        #expect(report.contains("\"allow_stale\" : true"))
    }

    @Test("a corrupt gzip mid-file exits 65 and publishes nothing, leaving earlier outputs untouched")
    func corruptInput() throws {
        let dir = try TemporaryDirectory()
        #expect(try sampleRun(dir).status == 0)
        let earlier = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/clean.csv.gz")))
        var bytes = [UInt8](
            try Data(contentsOf: ScrubProcess.repositoryRoot.appendingPathComponent("SampleData/leads.csv.gz")))
        bytes[bytes.count * 2 / 3] ^= 0xFF
        try Data(bytes).write(to: dir.url.appendingPathComponent("bad.csv.gz"))
        let result = try sampleRun(dir, ["--input", dir.path("bad.csv.gz")])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("bad.csv.gz: byte "))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("out/clean.csv.gz"))) == earlier)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path("out")).filter {
            $0.contains("partial")
        }
        #expect(leftovers.isEmpty)
    }

    @Test("every run is audited; the chain verifies, and a tampered record is found")
    func auditChain() throws {
        let dir = try TemporaryDirectory()
        #expect(try sampleRun(dir).status == 0)
        #expect(try sampleRun(dir, ["--campaign-date", "2027-03-01"]).status == 78)
        let log = dir.path("audit.jsonl")
        let verified = try ScrubProcess.run(["audit", "verify", log])
        #expect(verified.status == 0)
        #expect(verified.stdout.contains("2 record(s), chain intact"))
        var text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains("\"exit_status\":78"))
        text = text.replacingOccurrences(of: "\"exit_status\":0", with: "\"exit_status\":1")
        try text.write(toFile: log, atomically: false, encoding: .utf8)
        let broken = try ScrubProcess.run(["audit", "verify", log])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("audit.jsonl:2:"))
    }

    @Test("a run from flags alone, and a pipeline mistake named by file, line and column (exit 78)")
    func flagsAndConfigErrors() throws {
        let dir = try TemporaryDirectory()
        let flags = try ScrubProcess.run([
            "run", "--input", "SampleData/leads.csv.gz", "--out", dir.path("adhoc"), "--country-column", "country",
            "--campaign-date", "2026-12-01", "--quiet",
        ])
        #expect(flags.status == 0, "\(flags.stderr)")
        try "version: 1\ninput:\n  files: x.csv\n  phone: p\n".write(
            toFile: dir.path("bad.yaml"), atomically: false, encoding: .utf8)
        let bad = try ScrubProcess.run(["run", dir.path("bad.yaml")])
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("bad.yaml:4:3: error: unknown key `phone`"))
    }
}

@Suite("scrub check")
struct CheckCommandTests {
    @Test("explains a registry hit, with the registry's snapshot date and the window's rules")
    func explainsRegistryHit() throws {
        let result = try ScrubProcess.run([
            "check", "(206) 555-0101", "--pipeline", "Pipelines/sample.yaml", "--state", "WA",
        ])
        #expect(result.status == 1, "\(result.stderr)")  // not CLEAN
        #expect(
            result.stdout.contains("registry us-ca-dnc-sample (snapshot 2026-11-27), 4 days old on 2026-12-01: LISTED"))
        #expect(result.stdout.contains("US-WA"))
        #expect(result.stdout.contains("Decision: DNC_REGISTRY"))
    }

    @Test("an invalid number is explained as INVALID_NUMBER")
    func invalidNumber() throws {
        let result = try ScrubProcess.run(["check", "12345", "--pipeline", "Pipelines/sample.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("Decision: INVALID_NUMBER"))
    }
}

@Suite("scrub run for people")
struct RunCommandPeopleTests {
    @Test("--progress always draws the bar on standard error; --quiet prints nothing")
    func progressAndQuiet() throws {
        let dir = try TemporaryDirectory()
        let shown = try ScrubProcess.run([
            "run", "Pipelines/sample.yaml", "--out", dir.path("a"), "--progress", "always",
        ])
        #expect(shown.status == 0)
        #expect(shown.stderr.contains("100%"))
        #expect(shown.stderr.contains("307 rows: 138 clean, 169 rejected"))
        #expect(!shown.stderr.contains("555-01"), "no phone numbers in logs or progress")
        let quiet = try ScrubProcess.run(["run", "Pipelines/sample.yaml", "--out", dir.path("b"), "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty)
    }
}

@Suite("scrub run with company rules")
struct CompanyRulesRunTests {
    @Test("a pipeline's company rules narrow every window and are named in call_rules")
    func companyRulesNarrow() throws {
        let dir = try TemporaryDirectory()
        let result = try ScrubProcess.run(["run", "Pipelines/us-nightly.yaml", "--out", dir.path("out"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let clean = try records(dir.path("out/clean.csv.gz"))
        let rulesColumn = clean.header.firstIndex(of: Array("call_rules".utf8))!
        #expect(!clean.records.isEmpty)
        for row in clean.records {
            #expect(String(decoding: row[rulesColumn], as: UTF8.self).hasSuffix("ACME-NO-CALLS-AFTER-19"))
        }
        // A Utah number: 09:00-19:00 Mountain time is 16:00Z-02:00Z (legal: 08:00-21:00).
        let windows = clean.records.map { String(decoding: $0[rulesColumn - 1], as: UTF8.self) }
        #expect(windows.contains("2026-12-01T16:00:00Z/2026-12-02T02:00:00Z"))
    }
}
