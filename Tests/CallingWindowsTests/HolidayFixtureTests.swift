import CallingWindows
import Foundation
import Testing

/// The fixture written by `Scripts/generate-holiday-fixture.py` from the PyPI `holidays` package.
struct HolidayFixture: Decodable {
    struct Calendar: Decodable {
        let country: String
        let subdivision: String?
        let dates: [String: String]
    }

    let package: String
    let first_year: Int
    let last_year: Int
    let calendars: [String: Calendar]

    static let shared: HolidayFixture = {
        guard let url = Bundle.module.url(forResource: "holidays-2025-2030", withExtension: "json"),
            let data = try? Data(contentsOf: url),
            let fixture = try? JSONDecoder().decode(HolidayFixture.self, from: data)
        else { fatalError("Fixtures/holidays-2025-2030.json is missing or unreadable") }
        return fixture
    }()
}

/// Deliberate differences from the package: none so far. A difference would be listed here as
/// (calendar, date, "+" we have it and the package does not / "-" the reverse, why), and the test
/// would accept exactly those.
let deliberateDifferences: [(calendar: String, date: String, sign: Character, why: String)] = []

@Test("every calendar the rules need is in the fixture, and every fixture calendar exists")
func fixtureCoversCalendars() {
    let ours = Set(bundledBook.calendars.keys)
    let theirs = Set(HolidayFixture.shared.calendars.keys)
    #expect(ours == theirs)
    let required = [
        "AU", "AU-ACT", "AU-NSW", "AU-NT", "AU-QLD", "AU-SA", "AU-TAS", "AU-VIC", "AU-WA", "US", "US-AL",
        "US-LA", "US-PA", "US-RI", "US-UT", "CA", "CA-BC", "FR", "ES", "GB-EAW",
    ]
    #expect(required.allSatisfy(ours.contains))
}

@Test(
    "holiday calendars agree with the holidays-package fixture for 2025-2030",
    arguments: HolidayFixture.shared.calendars.keys.sorted())
func calendarMatchesFixture(id: String) throws {
    let fixture = HolidayFixture.shared
    let expected = try #require(fixture.calendars[id])
    let calendar = try #require(bundledBook.calendars[id])
    var ours: [String: String] = [:]
    for year in fixture.first_year...fixture.last_year {
        for occurrence in calendar.holidays(in: year) { ours[occurrence.date.description] = occurrence.name }
    }
    let allowed = deliberateDifferences.filter { $0.calendar == id }
    let extra = Set(ours.keys).subtracting(expected.dates.keys)
        .filter { date in !allowed.contains { $0.date == date && $0.sign == "+" } }.sorted()
    let missing = Set(expected.dates.keys).subtracting(ours.keys)
        .filter { date in !allowed.contains { $0.date == date && $0.sign == "-" } }.sorted()
    #expect(extra.isEmpty, "\(id): we have, the package does not: \(extra.map { "\($0) \(ours[$0]!)" })")
    #expect(missing.isEmpty, "\(id): the package has, we do not: \(missing.map { "\($0) \(expected.dates[$0]!)" })")
}

@Test("a substitute day crosses the year end: US New Year's Day 2028 is observed on 2027-12-31")
func substituteCrossesYearEnd() throws {
    let us = try #require(bundledBook.calendars["US"])
    #expect(us.holidays(on: day("2027-12-31")).map(\.name) == ["New Year's Day (observed)"])
}

@Test("Christmas on Saturday and Boxing Day on Sunday give Monday and Tuesday")
func christmasBoxingChain() throws {
    let nsw = try #require(bundledBook.calendars["AU-NSW"])
    let days = nsw.holidays(in: 2027).filter { $0.date.month == 12 }.map { "\($0.date) \($0.name)" }
    #expect(
        days == [
            "2027-12-25 Christmas Day", "2027-12-26 Boxing Day", "2027-12-27 Christmas Day (observed)",
            "2027-12-28 Boxing Day (observed)",
        ])
}

@Test("one-off dated holidays (a governor-declared day) come from data")
func oneOffHolidays() throws {
    let yaml = """
        version: 1
        calendars:
          - id: XX
            name: Test
            holidays:
              - {name: "Declared day", dates: ["2026-09-01", "2027-03-02"]}
        """
    let book = try RuleBook(
        rulesYAML: minimalRules(holidays: "[XX]"), rulesFile: "r.yaml", calendarsYAML: yaml,
        calendarsFile: "c.yaml")
    let calendar = try #require(book.calendars["XX"])
    #expect(calendar.holidays(in: 2026).map(\.date) == [day("2026-09-01")])
    #expect(calendar.holidays(in: 2027).map(\.date) == [day("2027-03-02")])
    let window = CallingWindowCalculator(ruleBook: book).window(
        for: WindowRequest(
            country: "US",
            zones: ["America/New_York"], date: day("2026-09-01")))
    #expect(window.windows.isEmpty)
    #expect(window.holidays.map(\.name) == ["Declared day"])
}

/// A one-rule rules file for tests, with the given `holidays:` list.
func minimalRules(holidays: String = "[]", extra: String = "") -> String {
    """
    version: 1
    purposes: {telemarketing: "sales"}
    rules:
      - id: T-1
        kind: law
        jurisdictions: [US]
        purposes: [all]
        hours: {daily: ["08:00-21:00"]}
        holidays: \(holidays)
        citation: "test"
        confidence: "H"
    \(extra)
    """
}
