import CallingWindows
import Testing

@Test(
    "day numbers round-trip and weekdays match the calendar",
    arguments: [
        ("1970-01-01", 0, Weekday.thursday), ("2000-02-29", 11_016, .tuesday), ("2026-12-01", 20_788, .tuesday),
        ("2028-01-01", 21_184, .saturday), ("1969-12-31", -1, .wednesday),
    ])
func dayNumbers(text: String, number: Int, weekday: Weekday) {
    let date = day(text)
    #expect(date.dayNumber == number)
    #expect(LocalDate(dayNumber: number) == date)
    #expect(date.weekday == weekday)
    #expect(date.description == text)
}

@Test(
    "Easter Sunday matches published dates",
    arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"), (2028, "2028-04-16"),
        (2029, "2029-04-01"), (2030, "2030-04-21"), (2038, "2038-04-25"),
    ])
func easter(year: Int, expected: String) {
    #expect(LocalDate.easterSunday(year: year) == day(expected))
}

@Test(
    "dates and intervals reject what does not exist",
    arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", ""])
func badDates(text: String) {
    #expect(LocalDate(text) == nil)
}

@Test(
    "local intervals parse HH:MM-HH:MM with 24:00 as an end only",
    arguments: [
        ("08:00-21:00", "08:00-21:00"), ("00:00-24:00", "00:00-24:00"), ("21:00-08:00", nil), ("08:00-25:00", nil),
        ("8:00-21:00", nil), ("08:00-08:00", nil), ("24:00-24:00", nil), ("08:60-09:00", nil),
    ] as [(String, String?)])
func intervals(text: String, expected: String?) {
    #expect(LocalTimeInterval(text)?.description == expected)
}

@Test(
    "UTC instants print as ISO 8601 and parse back",
    arguments: [
        "1970-01-01T00:00:00Z", "2026-12-01T14:00:00Z", "2026-12-02T02:30:00Z", "1969-12-31T23:59:59Z",
    ])
func isoInstants(text: String) {
    #expect(UTCInterval.iso(instant(text)) == text)
}
