import CallingWindows
import Foundation
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

@Suite("Emergency bans")
struct EmergencyBanTests {
    static let file = """
        version: 1
        emergencies:
          - id: NY-EO-26
            name: New York State disaster emergency
            jurisdiction: US-NY
            area: {counties: [Erie, Niagara], zips: ["14201", "14301"]}
            start: "2026-12-01"
            end: "2026-12-10"
            citation: N.Y. Gen. Bus. Law 399-z(5-a); Executive Order 26
          - id: LA-PSC-EOC
            name: Louisiana PSC at the Emergency Operations Center
            jurisdiction: US-LA
            area: all
            start: "2026-12-03"
            citation: La. R.S. 45:844.31
          - id: CT-STORM
            name: Connecticut storm emergency
            jurisdiction: US-CT
            area: {counties: [Fairfield]}
            start: "2026-12-01"
            end: "2026-12-01"
            citation: test order

        """

    func decider(on date: String, rejectWithoutWindow: Bool = false) throws -> SerialDecider {
        let bans = try EmergencyBanFile.parse(yaml: Self.file, file: "e.yaml")
        return SerialDecider(
            RowDecider(
                normalizer: PhoneNormalizerStage(), suppressionLists: [], registries: [],
                windows: TestWindows(), rejectWithoutWindow: rejectWithoutWindow,
                compliance: RowCompliance(emergencies: bans), campaignDate: LocalDate(date)!))
    }

    @Test(
        "a lead inside a ban in force is rejected EMERGENCY_BAN, naming it; outside or another day it is not",
        arguments: [
            // (date, phone, state, postcode, expected reason, text the detail names)
            ("2026-12-05", "+1 212 555 0187", "NY", "14201", "EMERGENCY_BAN", "NY-EO-26"),
            ("2026-12-05", "+1 212 555 0187", "NY", "14201-1234", "EMERGENCY_BAN", "ZIP 14201 in counties Erie"),
            ("2026-12-05", "+1 212 555 0187", "New York", "10001", "CLEAN", ""),  // a ZIP the order does not list
            ("2026-12-05", "+1 212 555 0187", "NY", nil, "EMERGENCY_BAN", "ZIP unknown"),  // strict: cannot place it
            ("2026-12-10", "+1 212 555 0187", "NY", "14301", "EMERGENCY_BAN", "2026-12-01 to 2026-12-10"),  // last day
            ("2026-11-30", "+1 212 555 0187", "NY", "14201", "CLEAN", ""),  // day before the start
            ("2026-12-11", "+1 212 555 0187", "NY", "14201", "CLEAN", ""),  // day after the end
            ("2026-12-05", "+1 305 555 0100", "FL", "14201", "CLEAN", ""),  // another state
            ("2026-12-02", "+1 504 555 0100", nil, nil, "CLEAN", ""),  // LA: before the start
            ("2026-12-03", "+1 504 555 0100", nil, nil, "EMERGENCY_BAN", "the whole of US-LA"),  // by area code
            ("2026-12-31", "+1 212 555 0187", "LA", nil, "EMERGENCY_BAN", "to further notice"),  // open-ended
            ("2026-12-01", "+1 203 555 0100", "CT", "06830", "EMERGENCY_BAN", "county is unknown"),  // counties only
            ("2026-12-02", "+1 203 555 0100", "CT", "06830", "CLEAN", ""),
        ] as [(String, String, String?, String?, String, String)])
    func placement(
        date: String, phone: String, state: String?, postcode: String?, expected: String, named: String
    ) throws {
        let decider = try decider(on: date)
        let decision = Array(phone.utf8).withUnsafeBytes {
            decider.decide(phone: $0, country: "US", state: state, postcode: postcode, line: 2)
        }
        #expect((decision.reason?.rawValue ?? "CLEAN") == expected)
        if !named.isEmpty { #expect(decision.detail?.contains(named) == true, "\(decision.detail ?? "")") }
    }

    @Test("the ban rejects whatever reject_without_window says, and ranks after the registries")
    func precedence() throws {
        for strict in [false, true] {
            let decider = try decider(on: "2026-12-05", rejectWithoutWindow: strict)
            let decision = Array("+1 212 555 0187".utf8).withUnsafeBytes {
                decider.decide(phone: $0, country: "US", state: "NY", postcode: "14201", line: 2)
            }
            #expect(decision.reason == .emergencyBan)
        }
        #expect(RejectReason.dncRegistry < .emergencyBan)
        #expect(RejectReason.duplicate < .emergencyBan)
        #expect(RejectReason.emergencyBan < .frequencyCap)
    }

    @Test("scrub check explains the ban with its citation")
    func trace() throws {
        let bans = try EmergencyBanFile.parse(yaml: Self.file, file: "e.yaml")
        let decider = RowDecider(
            normalizer: PhoneNormalizerStage(), suppressionLists: [], registries: [], windows: TestWindows(),
            rejectWithoutWindow: false, compliance: RowCompliance(emergencies: bans),
            campaignDate: LocalDate("2026-12-05")!)
        let answer = decider.check(
            CheckRequest("+1 212 555 0187", state: "NY", postcode: "14201"), defaultCountry: "US",
            at: UTCTime(seconds: 1_796_500_000))
        // LA-PSC-EOC (open-ended, from 2026-12-03) and NY-EO-26 are in force; CT-STORM ended.
        #expect(answer.text.contains("Emergency bans in force on 2026-12-05: 2"))
        #expect(answer.text.contains("NY-EO-26 (New York State disaster emergency)"))
        // `scrub check`, like the run, reads a postcode only for an Australian row: the ZIP is unknown.
        #expect(answer.text.contains("inside (counties Erie, Niagara: ZIP unknown)"))
        #expect(answer.text.contains("Executive Order 26"))
        #expect(answer.json.contains("\"decision\":\"EMERGENCY_BAN\""))
    }

    @Test("the shipped example parses, and an empty file has no bans")
    func empty() throws {
        #expect(try EmergencyBanFile.parse(yaml: "version: 1\nemergencies: []\n", file: "e.yaml").isEmpty)
        #expect(try EmergencyBanFile.parse(yaml: "version: 1\nemergencies:\n", file: "e.yaml").isEmpty)
    }

    @Test(
        "a bad emergencies file is refused with its file, line and column",
        arguments: [
            ("jurisdiction: USA-NY", "e.yaml:5:19: error: `USA-NY` is not a country (US) or subdivision (US-NY)"),
            ("start: \"2026-02-30\"", "e.yaml:5:12: error: `start` `2026-02-30` is not a YYYY-MM-DD date"),
            (
                "end: \"2026-11-01\"",
                "e.yaml:5:10: error: the end (2026-11-01, the ban's last day) is before its start (2026-12-01)"
            ),
            ("area: {zips: [1420]}", "e.yaml:5:19: error: `1420` is not a five-digit ZIP code (quote it: \"01001\")"),
            (
                "area: {parishes: [Orleans]}",
                "e.yaml:5:12: error: unknown key `parishes` in `area`; expected counties, zips"
            ),
            (
                "area: somewhere",
                "e.yaml:5:11: error: `area` must be all, {counties: [...]} or {zips: [...]}, not `somewhere`"
            ),
            (
                "county: Erie",
                "e.yaml:5:5: error: unknown key `county` in an emergency; expected one of: id, name, jurisdiction, area, start, end, citation"
            ),
        ])
    func invalid(line: String, expected: String) {
        let yaml = """
            version: 1
            emergencies:
              - id: X
                name: test
                \(line)
                citation: test
            """
        var fields = [
            "jurisdiction": "jurisdiction: US-NY", "area": "area: all", "start": "start: \"2026-12-01\"",
        ]
        let key = String(line.prefix { $0 != ":" })
        fields[key] = nil
        let text = yaml + "\n" + fields.values.sorted().map { "    \($0)" }.joined(separator: "\n") + "\n"
        #expect(throws: PipelineError.self) { try EmergencyBanFile.parse(yaml: text, file: "e.yaml") }
        do {
            _ = try EmergencyBanFile.parse(yaml: text, file: "e.yaml")
        } catch {
            #expect(error.description == expected)
        }
    }
}

@Test("the shipped emergencies file is empty and the example parses")
func shippedEmergencyFiles() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Pipelines")
    #expect(try EmergencyBanFile.load(path: root.appendingPathComponent("emergencies.yaml").path).isEmpty)
    let example = try EmergencyBanFile.load(path: root.appendingPathComponent("emergencies.example.yaml").path)
    #expect(example.map(\.id) == ["NY-EXAMPLE-1", "LA-EXAMPLE-1"])
    #expect(example[1].end == nil)
}
