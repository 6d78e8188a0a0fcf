import CallingWindows
import Testing

/// Wall-clock times on transition days, with the instant each must map to. `edge` matters only where
/// the time exists twice.
@Test(
    "wall-clock times on transition days map to the documented instants",
    arguments: [
        // US spring forward 2026-03-08: 02:00 EST -> 03:00 EDT at 07:00Z. 02:30 does not exist.
        ("America/New_York", "2026-03-08", 150, ZoneClock.Edge.start, "2026-03-08T07:00:00Z"),
        ("America/New_York", "2026-03-08", 150, .end, "2026-03-08T07:00:00Z"),
        ("America/New_York", "2026-03-08", 60, .start, "2026-03-08T06:00:00Z"),
        ("America/New_York", "2026-03-08", 180, .start, "2026-03-08T07:00:00Z"),
        // US fall back 2026-11-01: 02:00 EDT -> 01:00 EST at 06:00Z. 01:30 exists twice (05:30Z and 06:30Z).
        ("America/New_York", "2026-11-01", 90, .start, "2026-11-01T06:30:00Z"),
        ("America/New_York", "2026-11-01", 90, .end, "2026-11-01T05:30:00Z"),
        ("America/New_York", "2026-11-01", 120, .start, "2026-11-01T07:00:00Z"),
        // EU spring forward 2026-03-29 at 01:00Z; London 01:30 does not exist, Paris 02:30 does not exist.
        ("Europe/London", "2026-03-29", 90, .start, "2026-03-29T01:00:00Z"),
        ("Europe/Paris", "2026-03-29", 150, .start, "2026-03-29T01:00:00Z"),
        // EU fall back 2026-10-25 at 01:00Z; Paris 02:30 exists twice (00:30Z CEST, 01:30Z CET).
        ("Europe/Paris", "2026-10-25", 150, .start, "2026-10-25T01:30:00Z"),
        ("Europe/Paris", "2026-10-25", 150, .end, "2026-10-25T00:30:00Z"),
        // Sydney spring forward 2026-10-04: 02:00 AEST -> 03:00 AEDT at 16:00Z the day before.
        ("Australia/Sydney", "2026-10-04", 150, .start, "2026-10-03T16:00:00Z"),
        // Sydney fall back 2026-04-05: 03:00 AEDT -> 02:00 AEST at 16:00Z the day before; 02:30 twice.
        ("Australia/Sydney", "2026-04-05", 150, .start, "2026-04-04T16:30:00Z"),
        ("Australia/Sydney", "2026-04-05", 150, .end, "2026-04-04T15:30:00Z"),
        // Lord Howe moves by 30 minutes: 02:00 +10:30 -> 02:30 +11:00 on 2026-10-04 at 15:30Z the day before.
        ("Australia/Lord_Howe", "2026-10-04", 135, .start, "2026-10-03T15:30:00Z"),
        ("Australia/Lord_Howe", "2026-10-04", 150, .start, "2026-10-03T15:30:00Z"),
        // ... and back on 2026-04-05: 02:00 +11:00 -> 01:30 +10:30 at 15:00Z; 01:45 exists twice.
        ("Australia/Lord_Howe", "2026-04-05", 105, .start, "2026-04-04T15:15:00Z"),
        ("Australia/Lord_Howe", "2026-04-05", 105, .end, "2026-04-04T14:45:00Z"),
        // Half-hour zones on ordinary days.
        ("Australia/Adelaide", "2026-12-01", 540, .start, "2026-11-30T22:30:00Z"),
        ("America/St_Johns", "2026-12-01", 540, .start, "2026-12-01T12:30:00Z"),
        ("Asia/Kolkata", "2026-12-01", 540, .start, "2026-12-01T03:30:00Z"),
        // 24:00 is the next midnight.
        ("America/New_York", "2026-12-01", 1440, .end, "2026-12-02T05:00:00Z"),
    ])
func wallClockToInstant(zone: String, date: String, minute: Int, edge: ZoneClock.Edge, expected: String) throws {
    let clock = try #require(ZoneClock(zone))
    #expect(UTCInterval.iso(clock.instant(day(date), minute: minute, edge: edge)) == expected)
}

/// Whole windows on DST transition days and the days around them.
@Test(
    "windows on DST transition days in the US, the EU and Australia",
    arguments: [
        // US: TCPA 08:00-21:00 in New York, the Saturday before and the Sunday of each change.
        (
            "US", [], "America/New_York", CallPurpose.telemarketing, "2026-03-07",
            "2026-03-07T13:00:00Z/2026-03-08T02:00:00Z"
        ),
        ("US", [], "America/New_York", .telemarketing, "2026-03-08", "2026-03-08T12:00:00Z/2026-03-09T01:00:00Z"),
        ("US", [], "America/New_York", .telemarketing, "2026-10-31", "2026-10-31T12:00:00Z/2026-11-01T01:00:00Z"),
        ("US", [], "America/New_York", .telemarketing, "2026-11-01", "2026-11-01T13:00:00Z/2026-11-02T02:00:00Z"),
        // Arizona keeps standard time all year.
        ("US", [], "America/Phoenix", .telemarketing, "2026-03-08", "2026-03-08T15:00:00Z/2026-03-09T04:00:00Z"),
        // EU: UK guidance at weekends 09:00-21:00, London; house default Saturday 10:00-18:00, Berlin.
        ("GB", [], "Europe/London", .telemarketing, "2026-03-28", "2026-03-28T09:00:00Z/2026-03-28T21:00:00Z"),
        ("GB", [], "Europe/London", .telemarketing, "2026-03-29", "2026-03-29T08:00:00Z/2026-03-29T20:00:00Z"),
        ("GB", [], "Europe/London", .telemarketing, "2026-10-25", "2026-10-25T09:00:00Z/2026-10-25T21:00:00Z"),
        (
            "DE", [], "Europe/Berlin", .telemarketingWithConsent, "2026-10-24",
            "2026-10-24T08:00:00Z/2026-10-24T16:00:00Z"
        ),
        (
            "DE", [], "Europe/Berlin", .telemarketingWithConsent, "2026-10-26",
            "2026-10-26T08:00:00Z/2026-10-26T19:00:00Z"
        ),
        // Australia: research calls on Sundays 09:00-17:00. DST starts 2026-10-04 (AEDT +11).
        ("AU", ["NSW"], "Australia/Sydney", .research, "2026-10-04", "2026-10-03T22:00:00Z/2026-10-04T06:00:00Z"),
        ("AU", ["NSW"], "Australia/Sydney", .research, "2026-09-27", "2026-09-26T23:00:00Z/2026-09-27T07:00:00Z"),
        // DST ends 2026-04-05 (AEST +10): Tasmania, where Easter Sunday is not a holiday until 2027.
        ("AU", ["TAS"], "Australia/Hobart", .research, "2026-04-05", "2026-04-04T23:00:00Z/2026-04-05T07:00:00Z"),
        // Lord Howe Island (NSW): +11:00 in summer, +10:30 in winter.
        (
            "AU", ["NSW"], "Australia/Lord_Howe", .telemarketing, "2026-12-01",
            "2026-11-30T22:00:00Z/2026-12-01T09:00:00Z"
        ),
        (
            "AU", ["NSW"], "Australia/Lord_Howe", .telemarketing, "2026-06-02",
            "2026-06-01T22:30:00Z/2026-06-02T09:30:00Z"
        ),
        ("AU", ["NSW"], "Australia/Lord_Howe", .research, "2026-10-04", "2026-10-03T22:00:00Z/2026-10-04T06:00:00Z"),
        // Half-hour zones: Adelaide (ACDT +10:30), St John's (NST -03:30).
        ("AU", ["SA"], "Australia/Adelaide", .telemarketing, "2026-12-01", "2026-11-30T22:30:00Z/2026-12-01T09:30:00Z"),
        ("CA", [], "America/St_Johns", .telemarketing, "2026-12-01", "2026-12-01T12:30:00Z/2026-12-02T01:00:00Z"),
    ] as [(String, [String], String, CallPurpose, String, String)])
func transitionDays(
    country: String, subdivisions: [String], zone: String, purpose: CallPurpose, date: String,
    expected: String
) {
    #expect(windows(country, subdivisions, zones: [zone], purpose, on: date) == expected)
}

@Test("a window that spans a fall-back overlap keeps only unambiguous wall times")
func windowAcrossOverlap() throws {
    let clock = try #require(ZoneClock("America/New_York"))
    // 00:00-01:30 on 2026-11-01: 01:00-01:30 happens twice; the window ends at the first 01:30.
    let early = clock.utcIntervals([LocalTimeInterval("00:00-01:30")!], on: day("2026-11-01"))
    #expect(early.map(\.description) == ["2026-11-01T04:00:00Z/2026-11-01T05:30:00Z"])
    // 01:30-03:00 starts at the second 01:30.
    let late = clock.utcIntervals([LocalTimeInterval("01:30-03:00")!], on: day("2026-11-01"))
    #expect(late.map(\.description) == ["2026-11-01T06:30:00Z/2026-11-01T08:00:00Z"])
    // An interval wholly inside the spring-forward gap is empty.
    #expect(clock.utcIntervals([LocalTimeInterval("02:10-02:50")!], on: day("2026-03-08")).isEmpty)
}
