import Foundation

/// Turns a local wall-clock time on a local day into a UTC instant for one IANA zone, using Foundation's
/// `TimeZone` (the system tz database) for the offset in force at that instant.
///
/// Daylight-saving transitions are handled deliberately, always toward the narrower window:
/// - a wall time that does not exist (the spring-forward gap, e.g. 02:30 on the US March transition day,
///   or 02:00-02:30 on Lord Howe's) maps to the transition instant, the first instant after the gap;
/// - a wall time that exists twice (the fall-back overlap, 01:30 on the US November transition day) maps
///   to its later occurrence when it starts a window and its earlier occurrence when it ends one, so the
///   window holds only instants whose wall time is unambiguously inside it.
public struct ZoneClock: Sendable {
    public let identifier: String
    let zone: TimeZone

    /// nil when the system does not know the zone id.
    public init?(_ identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    /// Which end of a window a wall time is, for the overlap choice above.
    public enum Edge: Sendable {
        case start
        case end
    }

    /// The UTC offset in seconds at an instant.
    public func offset(at instant: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
    }

    /// The instant (seconds since the epoch) at which the wall clock in this zone reads `minute` minutes
    /// after midnight of `date` (1440: midnight ending the day).
    public func instant(_ date: LocalDate, minute: Int, edge: Edge) -> Int64 {
        let wall = Int64(date.dayNumber) * 86_400 + Int64(minute) * 60
        // Every offset in force within a day either side; a zone changes offset at most once a day.
        let offsets = Set([offset(at: wall - 86_400), offset(at: wall), offset(at: wall + 86_400)])
        let candidates = offsets.map { wall - $0 }.filter { offset(at: $0) == wall - $0 }.sorted()
        if let first = candidates.first, let last = candidates.last {
            return edge == .start ? last : first
        }
        // In a gap: find the transition between the instant read with the later offset (before the
        // transition) and the one read with the earlier offset (after it).
        let ordered = offsets.sorted()
        var low = wall - ordered.last!
        var high = wall - ordered.first!
        let before = offset(at: low)
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if offset(at: middle) == before { low = middle } else { high = middle }
        }
        return high
    }

    /// The UTC intervals of local intervals on `date`.
    public func utcIntervals(_ intervals: [LocalTimeInterval], on date: LocalDate) -> [UTCInterval] {
        intervals.compactMap {
            UTCInterval(
                start: instant(date, minute: $0.start, edge: .start), end: instant(date, minute: $0.end, edge: .end))
        }.normalised()
    }

    /// `+10:30`-style offset at an instant, for explanations.
    public func offsetText(at instant: Int64) -> String {
        let seconds = offset(at: instant)
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        return "UTC\(sign)\(LocalDate.two(Int(minutes / 60))):\(LocalDate.two(Int(minutes % 60)))"
    }

    /// Wall-clock `HH:MM` in this zone at an instant.
    public func wallClock(at instant: Int64) -> (date: LocalDate, minute: Int) {
        let local = instant + offset(at: instant)
        let days = Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
        return (LocalDate(dayNumber: days), Int(local - Int64(days) * 86_400) / 60)
    }
}
