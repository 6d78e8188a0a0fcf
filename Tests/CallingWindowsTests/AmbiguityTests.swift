import CallingWindows
import Testing

@Test("an Australian mobile with no location gets the intersection across every Australian zone")
func australianMobile() {
    let window = calculator.window(for: WindowRequest(country: "AU", date: day("2026-12-01")))
    // Starts at 09:00 in Perth (+08:00), ends at 20:00 in Sydney, Melbourne, Hobart and Lord Howe (+11:00).
    #expect(window.windows.map(\.description) == ["2026-12-01T01:00:00Z/2026-12-01T09:00:00Z"])
    #expect(window.ambiguous)
    #expect(window.zonesFromCountry)
    #expect(window.zones.contains("Australia/Perth") && window.zones.contains("Australia/Lord_Howe"))
    #expect(window.holidaySubdivisions == ["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"])
}

@Test(
    "a state holiday anywhere the party may be closes the day",
    arguments: [
        // 2026-10-05: Labour Day in NSW, ACT and SA; King's Birthday in Queensland.
        ([String](), [String](), "2026-10-05", ""),
        // A Sydney-time landline, no state: NSW or ACT; Canberra Day (ACT only) 2026-03-09 closes it.
        ([], ["Australia/Sydney"], "2026-03-09", ""),
        // The same day with the state known to be NSW is an ordinary Monday (AEDT +11).
        (["NSW"], ["Australia/Sydney"], "2026-03-09", "2026-03-08T22:00:00Z/2026-03-09T09:00:00Z"),
        // A mobile whose numbering data names one zone per offset (no Melbourne, no Hobart): every state's
        // holidays still apply; Victoria's Melbourne Cup Day 2026-11-03 closes it.
        ([], ["Australia/Adelaide", "Australia/Brisbane", "Australia/Perth", "Australia/Sydney"], "2026-11-03", ""),
        // Perth only: WA's Labour Day is 2026-03-02, so 2026-03-09 is open.
        ([], ["Australia/Perth"], "2026-03-09", "2026-03-09T01:00:00Z/2026-03-09T12:00:00Z"),
    ] as [([String], [String], String, String)])
func stateHolidayAnywhere(subdivisions: [String], zones: [String], date: String, expected: String) {
    #expect(windows("AU", subdivisions, zones: zones, on: date) == expected)
}

@Test("a number whose zones span a state boundary gets the most restrictive window, flagged ambiguous")
func floridaTwoZones() {
    let request = WindowRequest.forLead(
        country: "US", numberZones: ["America/New_York"], state: "FL",
        date: day("2026-12-01"))
    #expect(request.zones == ["America/Chicago", "America/New_York"])
    let result = calculator.window(for: request)
    // 08:00 Central (14:00Z) to 20:00 Eastern (01:00Z).
    #expect(result.windows.map(\.description) == ["2026-12-01T14:00:00Z/2026-12-02T01:00:00Z"])
    #expect(result.ambiguous)
    #expect(result.ruleIDs == ["US-TCPA", "US-FL"])
}

@Test("two candidate states: both states' rules apply")
func twoStates() {
    let result = calculator.window(
        for: WindowRequest(
            country: "US", subdivisions: ["CT", "RI"],
            zones: ["America/New_York"], date: day("2026-12-05")))
    // RI Saturday 10:00-17:00 inside CT 09:00-20:00.
    #expect(result.windows.map(\.description) == ["2026-12-05T15:00:00Z/2026-12-05T22:00:00Z"])
    #expect(result.ambiguous)
    #expect(result.ruleIDs == ["US-TCPA", "US-RI", "US-CT"])
}

@Test("one zone and one state is not ambiguous")
func notAmbiguous() {
    let result = calculator.window(
        for: WindowRequest(
            country: "US", subdivisions: ["WA"],
            zones: ["America/Los_Angeles"], date: day("2026-12-01")))
    #expect(!result.ambiguous)
}

@Test(
    "a postcode gives its state and zone; a cross-border postcode gives both states",
    arguments: [
        ("2600", ["ACT"], ["Australia/Sydney"]),
        ("3000", ["VIC"], ["Australia/Melbourne"]),
        ("0800", ["NT"], ["Australia/Darwin"]),
        // A postcode narrows its state: Perth, not Eucla; Sydney, not Broken Hill or Lord Howe Island.
        ("6000", ["WA"], ["Australia/Perth"]),
        ("3707", ["NSW", "VIC"], ["Australia/Melbourne", "Australia/Sydney"]),
        ("12345", [], []),
    ])
func postcodes(postcode: String, states: [String], zones: [String]) {
    let request = WindowRequest.forLead(country: "AU", numberZones: [], postcode: postcode, date: day("2026-12-01"))
    #expect(request.subdivisions == states)
    #expect(request.zones == zones)
}

@Test("an unknown zone id gives no window and says why")
func unknownZone() {
    let result = calculator.window(
        for: WindowRequest(country: "US", zones: ["Mars/Olympus_Mons"], date: day("2026-12-01")))
    #expect(result.windows.isEmpty)
    #expect(result.problems == ["unknown time zone 'Mars/Olympus_Mons'"])
}

@Test("a country no rule covers gives no window and says why")
func unsupportedCountry() {
    let result = calculator.window(for: WindowRequest(country: "JP", zones: ["Asia/Tokyo"], date: day("2026-12-01")))
    #expect(result.windows.isEmpty)
    #expect(result.problems.contains("no rule covers country JP for telemarketing calls on 2026-12-01"))
}

@Test("subdivisions written as ISO 3166-2 (US-NJ, as the numbering data gives them) are the same as NJ")
func isoSubdivisions() {
    let iso = WindowRequest(
        country: "US", subdivisions: ["US-FL"], zones: ["America/New_York"], date: day("2026-12-01"))
    let plain = WindowRequest(country: "US", subdivisions: ["FL"], zones: ["America/New_York"], date: day("2026-12-01"))
    #expect(iso == plain)
    #expect(calculator.window(for: iso).ruleIDs == ["US-TCPA", "US-FL"])
    let lead = WindowRequest.forLead(
        country: "AU", numberZones: ["Australia/Sydney"], numberSubdivisions: ["AU-NSW"], state: "nsw",
        date: day("2026-12-01"))
    #expect(lead.subdivisions == ["NSW"])
    let isoState = WindowRequest.forLead(country: "US", numberZones: [], state: "US-FL", date: day("2026-12-01"))
    #expect(isoState.zones == ["America/Chicago", "America/New_York"])
}

@Test("Etc/Unknown, the numbering data's 'no zone known', counts as no zone: every zone of the country")
func unknownZoneMarker() {
    let result = calculator.window(for: WindowRequest(country: "AU", zones: ["Etc/Unknown"], date: day("2026-12-01")))
    #expect(result.zonesFromCountry)
    #expect(result.windows.map(\.description) == ["2026-12-01T01:00:00Z/2026-12-01T09:00:00Z"])
}
