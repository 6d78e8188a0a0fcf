import Foundation
import ScrubIO
import ScrubRules
import ScrubTestSupport
import Testing

/// What `Pipelines/consent-campaign.yaml` decides for each lead of `SampleData/consent-leads.csv`, by id:
/// a reject reason, or `CLEAN` and the `exemption` column.
private let expected: [String: String] = [
    "1": "CLEAN EBR", "2": "DNC_REGISTRY", "3": "CLEAN EBR", "4": "DNC_REGISTRY", "5": "CLEAN CONSENT",
    "6": "SUPPRESSED", "7": "CLEAN", "8": "FREQUENCY_CAP", "9": "CLEAN", "10": "CLEAN", "11": "CLEAN",
    "12": "NO_CONSENT", "13": "FREQUENCY_CAP", "14": "CLEAN", "15": "NO_CONSENT", "16": "NO_CONSENT",
    "17": "NO_CONSENT", "18": "CLEAN", "19": "FREQUENCY_CAP", "20": "CLEAN", "21": "CLEAN", "22": "DUPLICATE",
    "23": "CLEAN", "24": "FREQUENCY_CAP", "25": "INVALID_NUMBER", "26": "SUPPRESSED",
]

private func text(_ field: [UInt8]) -> String { String(decoding: field, as: UTF8.self) }

/// Runs the consent campaign into `dir`; returns the outcome by id, reject details by id, and the report.
private func consentRun(
    _ dir: TemporaryDirectory, _ extra: [String] = []
) throws -> (
    outcomes: [String: String], details: [String: String], report: [String: Any], stderr: String
) {
    let result = try ScrubProcess.run(["run", "Pipelines/consent-campaign.yaml", "--out", dir.path("out")] + extra)
    #expect(result.status == 0, "\(result.stderr)")
    let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
    let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
    #expect(clean.header.suffix(2).map(text) == ["exemption", "call_windows_local"])
    var outcomes: [String: String] = [:]
    var details: [String: String] = [:]
    for record in clean.records {
        let exemption = text(record[record.count - 2])
        outcomes[text(record[0]), default: ""] += "CLEAN" + (exemption.isEmpty ? "" : " \(exemption)")
    }
    for record in rejects.records {
        outcomes[text(record[0]), default: ""] += text(record[10])
        details[text(record[0])] = text(record[11])
    }
    let report =
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json"))))
        as! [String: Any]
    return (outcomes, details, report, result.stderr)
}

@Suite("The consent campaign, end to end")
struct ConsentCampaignTests {
    @Test("Pipelines/consent-campaign.yaml runs as-is on SampleData: every row once, each case as designed")
    func sample() throws {
        let dir = try TemporaryDirectory()
        let run = try consentRun(dir)
        #expect(run.outcomes == expected)  // every id exactly once: conservation
        #expect(run.details["8"] == "US-FL 3/24h reached; callable again 2026-12-01T15:00:00Z")
        #expect(run.details["13"] == "FR 4/30d, 60d after refusal reached; callable again 2026-12-21T10:00:00Z")
        #expect(run.details["19"] == "CA-BC 1/30d reached; callable again 2026-12-21T17:00:00Z")
        #expect(run.details["24"] == "house 4/7d reached; callable again 2026-12-01T14:00:00Z")
        #expect(run.report["rows_in"] as? Int == 26)
        let journal = run.report["opt_out_journal"] as? [String: Any]
        #expect(journal?["oldest_uncompiled_event"] as? String == "2026-11-28T16:20:00Z")
        #expect(journal?["uncompiled_events"] as? Int == 1)
        #expect(
            (run.report["warnings"] as? [String])?.contains { $0.contains("older than its opt-out journal") } == true)
        #expect(
            run.stderr.contains("warning") && run.stderr.contains("suppression index older than its opt-out journal"))
        let leads = try String(
            contentsOf: ScrubProcess.repositoryRoot.appendingPathComponent("SampleData/consent-leads.csv"),
            encoding: .utf8)
        let numbers = leads.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)[2].filter(\.isNumber)
        }
        .filter { $0.count >= 10 }
        #expect(numbers.count > 20)
        #expect(!showsNumber(run.stderr, of: numbers))  // no number in the log
        let compliance = run.report["compliance"] as? [String: Any]
        #expect(compliance?["exemptions"] as? [String: Int] == ["EBR": 2, "CONSENT": 1])
        let history = compliance?["history"] as? [String: Any]
        #expect(history?["calls_kept"] as? Int == 15)
        #expect(
            history?["rejected_by_cap"] as? [String: Int] == [
                "US-FL 3/24h": 1, "FR 4/30d, 60d after refusal": 1, "CA-BC 1/30d": 1, "house 4/7d": 1,
            ])
        let reasons = run.report["rejected_by_reason"] as? [String: Int]
        #expect(reasons?["NO_CONSENT"] == 4 && reasons?["FREQUENCY_CAP"] == 4)
        // The audit record names the journal's state and the call logs used, with their digests.
        let audit = try String(contentsOfFile: dir.path("audit.jsonl"), encoding: .utf8)
        let record =
            try JSONSerialization.jsonObject(with: Data(audit.split(separator: "\n").last!.utf8)) as! [String: Any]
        #expect((record["optout_journal"] as? [String: Any])?["uncompiled_events"] as? Int == 1)
        let logs = record["call_logs"] as? [[String: Any]]
        #expect(logs?.count == 1 && logs?[0]["rows"] as? Int == 16 && (logs?[0]["sha256"] as? String)?.count == 64)
    }

    @Test("--history replaces the pipeline's call logs")
    func historyFlag() throws {
        let dir = try TemporaryDirectory()
        try "phone,called_at,outcome,offer\n+13055550142,2026-11-30T09:00:00Z,NO_ANSWER,winter-promo\n".write(
            toFile: dir.path("calls.csv"), atomically: false, encoding: .utf8)
        let run = try consentRun(dir, ["--history", dir.path("calls.csv"), "--quiet"])
        for id in ["8", "13", "19", "24"] { #expect(run.outcomes[id] == "CLEAN", "row \(id)") }
        let history = (run.report["compliance"] as? [String: Any])?["history"] as? [String: Any]
        #expect(history?["files"] as? [String] == [dir.path("calls.csv")])
    }

    @Test("two runs give byte-identical outputs")
    func determinism() throws {
        let dir = try TemporaryDirectory()
        _ = try consentRun(dir, ["--quiet"])
        let first = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/clean.csv.gz")))
        let rejects = try Data(contentsOf: URL(fileURLWithPath: dir.path("out/rejects.csv.gz")))
        _ = try consentRun(dir, ["--quiet", "--threads", "1"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("out/clean.csv.gz"))) == first)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("out/rejects.csv.gz"))) == rejects)
    }
}

@Suite("scrub check with consent, exemptions and caps")
struct ConsentCheckTests {
    func check(_ arguments: [String]) throws -> String {
        let result = try ScrubProcess.run(["check"] + arguments + ["--pipeline", "Pipelines/consent-campaign.yaml"])
        // The decision first; exit 0 for CLEAN only.
        #expect(result.status == (result.stdout.hasPrefix("Decision: CLEAN") ? 0 : 1), "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Decision: "), "\(result.stdout)")
        return result.stdout
    }

    @Test(
        "explains NO_CONSENT, exemptions and FREQUENCY_CAP, as the run decides",
        arguments: [
            (["+33 1 99 00 12 35"], "Decision: NO_CONSENT (FR requires prior consent for marketing calls"),
            (["+33 1 99 00 12 34", "--consent-at", "2026-09-14"], "Decision: CLEAN"),
            (["+33 1 99 00 12 34", "--consent-at", "2026-12-02"], "Decision: NO_CONSENT"),
            (
                ["(212) 555-0132", "--ebr-date", "2025-06-01", "--ebr-type", "purchase"],
                "LISTED, exempt by EBR (purchase of 2025-06-01)"
            ),
            (
                ["(212) 555-0132", "--ebr-date", "2025-05-31", "--ebr-type", "purchase"],
                "Decision: DNC_REGISTRY (registry us-ca-dnc-sample (snapshot 2026-11-27))"
            ),
            (
                ["415 555 0108", "--consent-at", "2026-05-02"], "LISTED, exempt by CONSENT (consent of 2026-05-02)"
            ),
            (
                ["415 555 0108", "--consent-at", "2026-05-02", "--no-consent-evidence"],
                "Decision: DNC_REGISTRY"
            ),
            (
                ["305 555 0142", "--state", "FL"],
                "Decision: FREQUENCY_CAP (US-FL 3/24h reached; callable again 2026-12-01T15:00:00Z)"
            ),
            (["212 555 0160"], "WARNING: list optout-journal is older than its journal: 1 event(s) not compiled"),
        ])
    func explains(arguments: [String], expected: String) throws {
        let output = try check(arguments)
        #expect(output.contains(expected), "\(output)")
    }
}
