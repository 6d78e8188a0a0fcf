import CallingWindows
import Testing

@Suite("call_windows_local: the windows on each zone's own clock")
struct LocalWindowTextTests {
    @Test(
        "one entry per zone and window, the end exclusive, 24:00 at the next midnight, a later end day named",
        arguments: [
            (
                ["2026-11-30T22:00:00Z/2026-12-01T09:00:00Z"], ["Australia/Sydney"],
                "2026-12-01 09:00-20:00 Australia/Sydney"
            ),
            (
                ["2026-11-30T20:00:00Z/2026-12-01T11:00:00Z"], ["Pacific/Auckland"],
                "2026-12-01 09:00-24:00 Pacific/Auckland"
            ),
            (
                ["2026-12-01T13:00:00Z/2026-12-01T17:00:00Z"], ["Asia/Tokyo"],
                "2026-12-01 22:00-2026-12-02 02:00 Asia/Tokyo"
            ),
            (
                ["2026-12-01T15:00:00Z/2026-12-02T01:00:00Z"], ["America/New_York", "America/Chicago"],
                "2026-12-01 10:00-20:00 America/New_York;2026-12-01 09:00-19:00 America/Chicago"
            ),
            (
                ["2026-12-01T07:00:00Z/2026-12-01T11:00:00Z", "2026-12-01T13:00:00Z/2026-12-01T19:00:00Z"],
                ["Europe/Berlin"], "2026-12-01 08:00-12:00 Europe/Berlin;2026-12-01 14:00-20:00 Europe/Berlin"
            ),
            (["2026-12-01T03:30:00Z/2026-12-01T14:30:00Z"], ["Asia/Kolkata"], "2026-12-01 09:00-20:00 Asia/Kolkata"),
            (
                ["2026-12-01T03:30:00Z/2026-12-01T14:30:00Z"], ["Mars/Olympus", "Asia/Kolkata"],
                "2026-12-01 09:00-20:00 Asia/Kolkata"
            ),
            ([], ["Europe/Berlin"], ""),
            // The US spring-forward day: 08:00-21:00 EDT, after the 02:00 jump.
            (
                ["2027-03-14T12:00:00Z/2027-03-15T01:00:00Z"], ["America/New_York"],
                "2027-03-14 08:00-21:00 America/New_York"
            ),
        ] as [([String], [String], String)])
    func text(windows: [String], zones: [String], expected: String) {
        let intervals = windows.map { UTCInterval(iso: $0)! }
        #expect(LocalWindowText.text(intervals, zones: zones) == expected)
    }
}
