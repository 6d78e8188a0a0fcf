import CallingWindows
import Foundation
import Testing

@Test(
    "every zone in the location tables is known to the system tz database",
    arguments: [
        "US", "CA", "AU", "PR", "VI", "GU", "AS", "MP", "GB", "IE", "FR", "DE", "ES", "IT", "NL", "BE", "AT", "CH",
        "SE",
        "DK", "NO", "FI", "PL", "PT", "NZ",
    ])
func zonesAreKnown(country: String) {
    var zones = LocationTable.zones(country: country)
    for subdivision in LocationTable.subdivisions(country: country) {
        zones += LocationTable.zones(country: country, subdivision: subdivision)
    }
    #expect(!zones.isEmpty)
    let unknown = zones.filter { ZoneClock($0) == nil }
    #expect(unknown.isEmpty, "unknown zones: \(unknown)")
}

@Test("the tables list every US state and DC, every Canadian province and territory, every Australian state")
func subdivisionCounts() {
    #expect(LocationTable.subdivisions(country: "US").count == 51)
    #expect(LocationTable.subdivisions(country: "CA").count == 13)
    #expect(LocationTable.subdivisions(country: "AU") == ["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"])
}

@Test(
    "zones map back to the states that use them",
    arguments: [
        ("AU", ["Australia/Sydney"], ["ACT", "NSW"]),
        ("AU", ["Australia/Perth"], ["WA"]),
        ("AU", ["Australia/Lord_Howe"], ["NSW"]),
        ("US", ["America/Phoenix"], ["AZ"]),
    ])
func zonesToStates(country: String, zones: [String], states: [String]) {
    #expect(LocationTable.subdivisions(country: country, usingAnyOf: zones) == states)
}
