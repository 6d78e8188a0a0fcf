import Foundation
import ScrubIO
import ScrubRules
import ScrubTestSupport
import Testing

/// Oregon's 3-in-24-hours cap spares a party who bought from the caller in the last 18 months
/// (HB 3865): the run and `scrub check` read the purchase from the lead's EBR columns.
@Suite("Oregon's cap and the purchase exception, end to end")
struct OregonPurchaseCapTests {
    /// A pipeline with EBR columns and a call history that logs 3 calls on 2026-11-30 to each lead.
    private static func campaign() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try """
        version: 1
        name: oregon
        input: {files: leads.csv, phone_column: phone, state_column: state}
        output: {directory: out}
        campaign: {date: 2026-12-01}
        consent: {columns: {ebr_date: ebr_date, ebr_type: ebr_type}}
        history:
          files: calls.csv
          columns: {number: phone, time: called_at, outcome: outcome}

        """.write(toFile: dir.path("p.yaml"), atomically: true, encoding: .utf8)
        try """
        id,phone,state,ebr_date,ebr_type
        1,503 555 0100,OR,,
        2,503 555 0101,OR,2025-06-01,purchase
        3,503 555 0102,OR,2025-05-31,purchase
        4,503 555 0103,OR,2026-11-01,inquiry

        """.write(toFile: dir.path("leads.csv"), atomically: true, encoding: .utf8)
        var calls = "phone,called_at,outcome\n"
        for suffix in ["0100", "0101", "0102", "0103"] {
            for hour in ["10", "12", "14"] { calls += "+1503555\(suffix),2026-11-30T\(hour):00:00Z,NO_ANSWER\n" }
        }
        try calls.write(toFile: dir.path("calls.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test("the run spares only the lead with a purchase in the 18 months up to the campaign day")
    func run() throws {
        let dir = try Self.campaign()
        let result = try ScrubProcess.run(["run", dir.path("p.yaml")])
        #expect(result.status == 0, "\(result.stderr)")
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        #expect(clean.records.map { String(decoding: $0[0], as: UTF8.self) } == ["2"])
        #expect(rejects.records.map { String(decoding: $0[0], as: UTF8.self) } == ["1", "3", "4"])
        for record in rejects.records {
            #expect(
                String(decoding: record[6], as: UTF8.self) == "US-OR 3/24h reached; callable again 2026-12-01T10:00:00Z"
            )
        }
    }

    @Test(
        "scrub check decides as the run and names the purchase that spares the cap",
        arguments: [
            ([], "Decision: FREQUENCY_CAP (US-OR 3/24h reached"),
            (
                ["--ebr-date", "2025-06-01", "--ebr-type", "purchase"],
                "US-OR 3/24h spared: a purchase within 18 months"
            ),
            (["--ebr-date", "2025-05-31", "--ebr-type", "purchase"], "Decision: FREQUENCY_CAP (US-OR 3/24h reached"),
        ])
    func check(extra: [String], expected: String) throws {
        let dir = try Self.campaign()
        let result = try ScrubProcess.run(
            ["check", "503 555 0101", "--state", "OR", "--pipeline", dir.path("p.yaml")] + extra)
        #expect(result.stdout.contains(expected), "\(result.stdout)")
        #expect(result.status == (result.stdout.hasPrefix("Decision: CLEAN") ? 0 : 1))
    }
}

/// France's prior consent (from 2026-08-11) spares a call made while performing a current contract
/// that it relates to (L223-1), as the lead's `current_contract` column says.
@Suite("France's current-contract exception, end to end")
struct CurrentContractTests {
    @Test("a run spares the FR leads that name a current contract, and only those; check agrees")
    func run() throws {
        let dir = try TemporaryDirectory()
        try """
        version: 1
        name: france
        input: {files: leads.csv, phone_column: phone}
        output: {directory: out}
        campaign: {date: 2026-12-01, purpose: telemarketing-consented}
        consent: {columns: {timestamp: consent_at, current_contract: contract}}

        """.write(toFile: dir.path("p.yaml"), atomically: true, encoding: .utf8)
        try """
        id,phone,consent_at,contract
        1,+33 1 99 00 12 35,,C-1042
        2,+33 1 99 00 12 36,,no
        3,+33 1 99 00 12 37,,
        4,+33 1 99 00 12 38,2026-10-01,
        5,+49 30 901820,,yes

        """.write(toFile: dir.path("leads.csv"), atomically: true, encoding: .utf8)
        let result = try ScrubProcess.run(["run", dir.path("p.yaml")])
        #expect(result.status == 0, "\(result.stderr)")
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        #expect(clean.records.map { String(decoding: $0[0], as: UTF8.self) } == ["1", "4"])
        #expect(
            rejects.records.map {
                String(decoding: $0[0], as: UTF8.self) + " " + String(decoding: $0[4], as: UTF8.self)
            }
                == ["2 NO_CONSENT", "3 NO_CONSENT", "5 NO_CONSENT"])
        for (flags, decision) in [(["--current-contract"], "CLEAN"), ([], "NO_CONSENT")] {
            let check = try ScrubProcess.run(["check", "+33 1 99 00 12 35", "--pipeline", dir.path("p.yaml")] + flags)
            #expect(check.stdout.hasPrefix("Decision: \(decision)"), "\(check.stdout)")
        }
    }
}
