import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

@Suite("Channels and emergency bans, end to end")
struct ChannelEmergencyCommandTests {
    @Test("scrub window --channel sms explains Oregon's 2026 rule with its citation")
    func oregonTexts() throws {
        let result = try ScrubProcess.run([
            "window", "+15035550123", "--date", "2026-01-01", "--state", "OR", "--channel", "sms",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("for telemarketing sms calls to US (state/province: OR)"))
        #expect(result.stdout.contains("US-OR [law, confidence M"))
        #expect(result.stdout.contains("Source: Or. HB 3865 (2025)"))
        // 503 also covers Oregon's Mountain-time corner: 20:00 in Boise is 03:00Z.
        #expect(result.stdout.contains("Permitted windows (UTC): 2026-01-01T16:00:00Z/2026-01-02T03:00:00Z"))
    }

    @Test("a rule of another channel is not in scrub window's explanation")
    func texasByChannel() throws {
        let sms = try ScrubProcess.run([
            "window", "+12145550123", "--date", "2025-09-01", "--state", "TX", "--channel", "sms",
        ])
        let voice = try ScrubProcess.run(["window", "+12145550123", "--date", "2025-09-01", "--state", "TX"])
        #expect(sms.status == 0 && voice.status == 0, "\(sms.stderr)\(voice.stderr)")
        #expect(sms.stdout.contains("US-TX-SB140-TEXTS [law") && !sms.stdout.contains("  US-TX [law"))
        #expect(voice.stdout.contains("  US-TX [law") && !voice.stdout.contains("US-TX-SB140-TEXTS"))
        let fax = try ScrubProcess.run(["window", "+12145550123", "--date", "2025-09-01", "--channel", "fax"])
        #expect(fax.status == 64)
    }

    @Test("a run with an emergencies file rejects leads inside a ban EMERGENCY_BAN and counts them")
    func emergencyRun() throws {
        let dir = try TemporaryDirectory()
        try """
        phone,state,consent_at
        +12125550187,NY,2026-11-01
        +13055550100,FL,2026-11-01
        +17165550123,NY,2026-11-01

        """.write(toFile: dir.path("leads.csv"), atomically: true, encoding: .utf8)
        try """
        version: 1
        emergencies:
          - id: NY-TEST
            name: Test emergency
            jurisdiction: US-NY
            area: all
            start: "2026-12-01"
            citation: test order 1
        """.write(toFile: dir.path("emergencies.yaml"), atomically: true, encoding: .utf8)
        try """
        version: 1
        input: {files: leads.csv, phone_column: phone, state_column: state}
        output: {directory: out}
        campaign: {date: 2026-12-05, channel: sms}
        consent: {columns: {timestamp: consent_at}}
        emergencies: emergencies.yaml
        """.write(toFile: dir.path("p.yaml"), atomically: true, encoding: .utf8)
        // Every thread count: each worker decides with its own copy of the rules, bans included.
        for threads in [1, 2, 3] {
            let out = "out-\(threads)"
            let result = try ScrubProcess.run([
                "run", dir.path("p.yaml"), "--quiet", "--threads", "\(threads)", "--out", dir.path(out),
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let rejects = try readAll(ByteReader(path: dir.path("\(out)/rejects.csv.gz")))
            let reasons = rejects.records.map { String(decoding: $0[3], as: UTF8.self) }
            #expect(reasons == ["EMERGENCY_BAN", "EMERGENCY_BAN"], "--threads \(threads)")
            #expect(String(decoding: rejects.records[0][4], as: UTF8.self).contains("NY-TEST (Test emergency)"))
            let report =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: dir.path("\(out)/report.json")))) as! [String: Any]
            #expect((report["rejected_by_reason"] as? [String: Int])?["EMERGENCY_BAN"] == 2, "--threads \(threads)")
        }

        // A bad channel and a bad emergencies file stop the run with their place (exit 78).
        try """
        version: 1
        input: {files: leads.csv, phone_column: phone}
        output: {directory: out2}
        campaign: {channel: fax}
        """.write(toFile: dir.path("bad.yaml"), atomically: true, encoding: .utf8)
        let bad = try ScrubProcess.run(["run", dir.path("bad.yaml"), "--quiet"])
        #expect(bad.status == 78)
        #expect(bad.stderr.contains("bad.yaml:4:21: error: unknown channel `fax`"), "\(bad.stderr)")
        try
            "version: 1\nemergencies:\n  - id: X\n    name: x\n    jurisdiction: US-NY\n    area: all\n    start: soon\n    citation: c\n"
            .write(toFile: dir.path("emergencies.yaml"), atomically: true, encoding: .utf8)
        let badFile = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(badFile.status == 78)
        #expect(
            badFile.stderr.contains("emergencies.yaml:7:12: error: `start` `soon` is not a YYYY-MM-DD date"),
            "\(badFile.stderr)")
    }
}
