import Foundation
import ScrubTestSupport
import Testing

@Suite("scrub window")
struct WindowCommandTests {
    @Test("prints the windows, zones, rules and holidays in words")
    func explains() throws {
        let result = try ScrubProcess.run(["window", "+14155550123", "--date", "2026-12-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Time zones: America/Los_Angeles"))
        #expect(result.stdout.contains("US-TCPA [law"))
        #expect(result.stdout.contains("Permitted windows (UTC): 2026-12-01T16:00:00Z/2026-12-02T05:00:00Z"))
    }

    @Test("a state adds its rules: Rhode Island on Christmas Day has no window")
    func stateHoliday() throws {
        let result = try ScrubProcess.run(["window", "+14015550123", "--date", "2026-12-25", "--state", "RI"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Permitted windows (UTC): none."))
        #expect(result.stdout.contains("Christmas Day (US)"))
    }

    @Test("--json prints the window as JSON with UTC intervals")
    func json() throws {
        let result = try ScrubProcess.run(["window", "+14155550123", "--date", "2026-12-01", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["windows"] as? [String] == ["2026-12-01T16:00:00Z/2026-12-02T05:00:00Z"])
        #expect(object?["ruleIDs"] as? [String] == ["US-TCPA"])
    }

    @Test(
        "bad input maps to usage and data exit codes",
        arguments: [
            (["window", "+14155550123", "--date", "2026-13-01"], Int32(64)),
            (["window", "+14155550123", "--date", "2026-12-01", "--purpose", "robocalls"], 64),
            (["window", "not a number", "--date", "2026-12-01"], 65),
        ] as [([String], Int32)])
    func badInput(arguments: [String], status: Int32) throws {
        let result = try ScrubProcess.run(arguments)
        #expect(result.status == status, "\(result.stderr)")
    }
}
