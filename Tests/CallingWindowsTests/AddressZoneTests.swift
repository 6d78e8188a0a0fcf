import CallingWindows
import Testing

/// An Australian mobile's zones as the numbering data gives them: one per offset, the external
/// territories (Christmas Island, Cocos) included.
private let australianMobileZones = [
    "Australia/Adelaide", "Australia/Brisbane", "Australia/Eucla", "Australia/Lord_Howe", "Australia/Perth",
    "Australia/Sydney", "Indian/Christmas", "Indian/Cocos",
]

private func window(_ request: WindowRequest) -> String {
    WindowColumns(calculator.window(for: request)).callWindowsUTC
}

@Suite("Zones from the lead's address")
struct AddressZoneTests {
    @Test("an Australian mobile with NSW 2000 gets 09:00-20:00 Sydney, not 13:30 from Cocos' 09:00")
    func australianMobileInSydney() {
        let request = WindowRequest.forLead(
            country: "AU", numberZones: australianMobileZones, numberFixesPlace: false, state: "NSW",
            postcode: "2000", date: day("2026-12-01"))
        #expect(request.zones == ["Australia/Sydney"])
        #expect(window(request) == "2026-11-30T22:00:00Z/2026-12-01T09:00:00Z")
        let spelled = WindowRequest.forLead(
            country: "AU", numberZones: australianMobileZones, numberFixesPlace: false, state: "New South Wales",
            postcode: "2000", date: day("2026-12-01"))
        #expect(spelled == request)
    }

    @Test("an Australian mobile with no address gets the mainland's zones: 09:00 Perth to 20:00 Sydney")
    func australianMobileWithoutAddress() {
        let request = WindowRequest.forLead(
            country: "AU", numberZones: australianMobileZones, numberFixesPlace: false, date: day("2026-12-01"))
        #expect(!request.zones.contains("Indian/Christmas") && !request.zones.contains("Indian/Cocos"))
        #expect(request.zones == LocationTable.zones(country: "AU"))
        #expect(window(request) == "2026-12-01T01:00:00Z/2026-12-01T09:00:00Z")
    }

    @Test("a Sydney landline with NSW 2000 gets 09:00 Sydney, not Broken Hill's 09:00 (09:30 Sydney)")
    func sydneyLandline() {
        let request = WindowRequest.forLead(
            country: "AU", numberZones: ["Australia/Sydney"], numberSubdivisions: ["AU-NSW"], state: "NSW",
            postcode: "2000", date: day("2026-12-01"))
        #expect(request.zones == ["Australia/Sydney"])
        #expect(window(request) == "2026-11-30T22:00:00Z/2026-12-01T09:00:00Z")
    }

    @Test(
        "a postcode narrows its state's zones; a border postcode follows the row's state",
        arguments: [
            ("NSW", "2000", ["NSW"], ["Australia/Sydney"]),
            ("NSW", "2880", ["NSW"], ["Australia/Broken_Hill"]),
            ("NSW", "2898", ["NSW"], ["Australia/Lord_Howe"]),
            ("NSW", "2899", ["NSW"], ["Pacific/Norfolk"]),
            ("ACT", "2600", ["ACT"], ["Australia/Sydney"]),
            ("VIC", "3000", ["VIC"], ["Australia/Melbourne"]),
            ("QLD", "4000", ["QLD"], ["Australia/Brisbane"]),
            ("QLD", "4803", ["QLD"], ["Australia/Brisbane", "Australia/Lindeman"]),
            ("WA", "6000", ["WA"], ["Australia/Perth"]),
            ("WA", "6443", ["WA"], ["Australia/Eucla", "Australia/Perth"]),
            ("WA", "6798", ["WA"], ["Indian/Christmas"]),
            ("WA", "6799", ["WA"], ["Indian/Cocos"]),
            ("", "0800", ["NT"], ["Australia/Darwin"]),
            ("", "2406", ["NSW", "QLD"], ["Australia/Brisbane", "Australia/Sydney"]),
            ("NSW", "2406", ["NSW"], ["Australia/Sydney"]),
            ("QLD", "2406", ["QLD"], ["Australia/Brisbane"]),
            // A postcode of another state: both apply, the state unnarrowed.
            (
                "NSW", "3000", ["NSW", "VIC"],
                ["Australia/Broken_Hill", "Australia/Lord_Howe", "Australia/Melbourne", "Australia/Sydney"]
            ),
            ("NSW", "", ["NSW"], ["Australia/Broken_Hill", "Australia/Lord_Howe", "Australia/Sydney"]),
            ("NSW", "99999", ["NSW"], ["Australia/Broken_Hill", "Australia/Lord_Howe", "Australia/Sydney"]),
        ])
    func postcodes(state: String, postcode: String, subdivisions: [String], zones: [String]) {
        let request = WindowRequest.forLead(
            country: "AU", numberZones: australianMobileZones, numberFixesPlace: false, state: state,
            postcode: postcode, date: day("2026-12-01"))
        #expect(request.subdivisions == subdivisions)
        #expect(request.zones == zones)
    }

    @Test("a state written as its name gives the zones and rules of its code: Texas is TX")
    func spelledState() {
        let dallas = ["America/Chicago"]
        let code = WindowRequest.forLead(
            country: "US", numberZones: dallas, numberSubdivisions: ["US-TX"], state: "TX", date: day("2026-12-06"))
        let name = WindowRequest.forLead(
            country: "US", numberZones: dallas, numberSubdivisions: ["US-TX"], state: "Texas", date: day("2026-12-06"))
        #expect(name == code)
        // A New York number for a lead living in Texas keeps the Texas rules (Sunday from noon).
        let moved = WindowRequest.forLead(
            country: "US", numberZones: ["America/New_York"], numberSubdivisions: ["US-NY"], state: "Texas",
            date: day("2026-12-06"))
        #expect(moved.subdivisions == ["NY", "TX"])
        #expect(calculator.window(for: moved).ruleIDs.contains("US-TX"))
    }

    @Test("a US number placed by its area code keeps the area code's zones; the state adds its own")
    func northAmericanAreaCodes() {
        // An area code across two zones, a lead in a state of one: both apply (the numbering plan cannot
        // tell a landline, which stays where its area code is, from a mobile).
        let request = WindowRequest.forLead(
            country: "US", numberZones: ["America/Chicago", "America/New_York"], state: "Georgia",
            date: day("2026-12-01"))
        #expect(request.zones == ["America/Chicago", "America/New_York"])
    }

    @Test("a non-geographic North American number is placed by the lead's state, else by every state")
    func northAmericanNonGeographic() {
        let everyZone = ["America/Chicago", "America/Denver", "America/Los_Angeles", "America/New_York"]
        let texas = WindowRequest.forLead(
            country: "US", numberZones: everyZone, numberFixesPlace: false, state: "Texas", date: day("2026-12-01"))
        #expect(texas.zones == ["America/Chicago", "America/Denver"])
        let ontario = WindowRequest.forLead(
            country: "CA", numberZones: ["America/Halifax", "America/Vancouver"], numberFixesPlace: false,
            state: "Ontario", date: day("2026-12-01"))
        #expect(ontario.zones == ["America/Atikokan", "America/Toronto", "America/Winnipeg"])
        let nowhere = WindowRequest.forLead(
            country: "US", numberZones: everyZone, numberFixesPlace: false, date: day("2026-12-01"))
        #expect(nowhere.zones == LocationTable.zones(country: "US"))
        // An unknown state names no zones: the country's apply.
        let unknown = WindowRequest.forLead(
            country: "US", numberZones: everyZone, numberFixesPlace: false, state: "Atlantis",
            date: day("2026-12-01"))
        #expect(unknown.zones == LocationTable.zones(country: "US"))
    }

    @Test("a state column naming a US territory gives the territory's zone")
    func territories() {
        #expect(LocationTable.zones(country: "US", subdivision: "PR") == ["America/Puerto_Rico"])
        #expect(!LocationTable.zones(country: "US").contains("America/Puerto_Rico"))
    }
}
