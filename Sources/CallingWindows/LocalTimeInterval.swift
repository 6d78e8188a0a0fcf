/// A half-open stretch of local wall-clock time within one day, `[start, end)`, in minutes after midnight.
///
/// `end` may be 1440 (24:00), meaning "until the end of the day". A rule's hours and a company's narrowing
/// are lists of these; where the law has a lunch break (France) a day has two.
public struct LocalTimeInterval: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let start: Int
    public let end: Int

    /// nil unless `0 <= start < end <= 1440`.
    public init?(start: Int, end: Int) {
        guard start >= 0, start < end, end <= 1440 else { return nil }
        self.start = start
        self.end = end
    }

    /// Parses `HH:MM-HH:MM` (`24:00` allowed as an end).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = LocalTimeInterval.minutes(parts[0]),
            let end = LocalTimeInterval.minutes(parts[1])
        else { return nil }
        self.init(start: start, end: end)
    }

    public static let wholeDay = LocalTimeInterval(start: 0, end: 1440)!

    public var description: String { "\(LocalTimeInterval.clock(start))-\(LocalTimeInterval.clock(end))" }

    public static func < (lhs: LocalTimeInterval, rhs: LocalTimeInterval) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    static func clock(_ minutes: Int) -> String { "\(LocalDate.two(minutes / 60)):\(LocalDate.two(minutes % 60))" }

    private static func minutes(_ text: Substring) -> Int? {
        let fields = text.trimmingSpaces().split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0].count == 2, fields[1].count == 2,
            let hours = Int(fields[0]), let minutes = Int(fields[1]),
            (0...24).contains(hours), (0...59).contains(minutes), hours * 60 + minutes <= 1440
        else { return nil }
        return hours * 60 + minutes
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var result = self
        while result.first == " " { result.removeFirst() }
        while result.last == " " { result.removeLast() }
        return result
    }
}

extension [LocalTimeInterval] {
    /// Sorted, with overlapping or touching intervals merged.
    func normalised() -> [LocalTimeInterval] {
        var merged: [LocalTimeInterval] = []
        for interval in sorted() {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1] = LocalTimeInterval(start: last.start, end: Swift.max(last.end, interval.end))!
            } else {
                merged.append(interval)
            }
        }
        return merged
    }

    /// Words for a list of intervals: `10:00-13:00 and 14:00-20:00`, or `no calls`.
    var spoken: String { isEmpty ? "no calls" : map(\.description).joined(separator: " and ") }
}
