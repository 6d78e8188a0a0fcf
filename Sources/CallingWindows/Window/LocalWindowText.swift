/// The `call_windows_local` column: a row's calling windows as the wall clocks of its zones read them,
/// for the person who schedules the calls.
///
/// Format: one entry per zone and window, zones in the row's `timezones` order and, within a zone,
/// windows in time order, entries joined by `;`. An entry is `DATE START-END ZONE`, local date and
/// `HH:MM` times, the end exclusive as in `call_windows_utc`:
/// - `2026-12-01 09:00-20:00 Australia/Sydney`;
/// - a window that ends at the local midnight after its start day ends `24:00`
///   (`2026-12-01 09:00-24:00 Pacific/Auckland`);
/// - one that ends later than that names its end day (`2026-12-01 22:00-2026-12-02 02:00 Asia/Tokyo`).
///
/// Several zones (an ambiguous row) show the same instants in each zone, so
/// `2026-12-01 10:00-20:00 America/New_York;2026-12-01 09:00-19:00 America/Chicago` is one window.
/// Empty when there is no window; a zone the system does not know is left out.
public enum LocalWindowText {
    public static func text(_ windows: [UTCInterval], zones: [String]) -> String {
        guard !windows.isEmpty else { return "" }
        var entries: [String] = []
        for zone in zones {
            guard let clock = ZoneClock(zone) else { continue }
            for window in windows {
                let start = clock.wallClock(at: window.start)
                let end = clock.wallClock(at: window.end)
                let endText: String
                if end.date == start.date {
                    endText = time(end.minute)
                } else if end.date.dayNumber == start.date.dayNumber + 1 && end.minute == 0 {
                    endText = "24:00"
                } else {
                    endText = "\(end.date) \(time(end.minute))"
                }
                entries.append("\(start.date) \(time(start.minute))-\(endText) \(zone)")
            }
        }
        return entries.joined(separator: ";")
    }

    private static func time(_ minute: Int) -> String {
        "\(LocalDate.two(minute / 60)):\(LocalDate.two(minute % 60))"
    }
}
