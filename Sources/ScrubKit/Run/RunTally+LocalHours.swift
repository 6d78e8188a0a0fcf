import CallingWindows

extension RunTally {
    /// Clean rows callable in each local hour (0 to 23) of `date`, by time zone: what the HTML report
    /// shows so that a scheduler reads callable hours on each zone's own clock.
    ///
    /// A row counts in every hour of its zone's day that one of its windows touches, and under each of
    /// its zones when it has several (an ambiguous row). Computed per distinct (profile, window) and
    /// per zone, never per row: each zone's 24 hour boundaries are found once.
    func callableByLocalHour(on date: LocalDate) -> [String: [Int]] {
        var boundaries: [String: [Int64]] = [:]
        var hours: [String: [Int]] = [:]
        for entry in clean.values where entry.rows != 0 {
            guard let window = entry.window, !window.intervals.isEmpty else { continue }
            for zone in window.timeZones.split(separator: "|").map(String.init) {
                if boundaries[zone] == nil, let clock = ZoneClock(zone) {
                    boundaries[zone] = (0...24).map { clock.instant(date, minute: $0 * 60, edge: .start) }
                }
                guard let slots = boundaries[zone] else { continue }
                var counts = hours[zone] ?? Array(repeating: 0, count: 24)
                for hour in 0..<24 {
                    // Windows are half-open: `upperBound` is the first instant outside.
                    let (start, end) = (slots[hour], slots[hour + 1])
                    if window.intervals.contains(where: { $0.lowerBound < end && start < $0.upperBound }) {
                        counts[hour] += entry.rows
                    }
                }
                hours[zone] = counts
            }
        }
        return hours
    }
}
