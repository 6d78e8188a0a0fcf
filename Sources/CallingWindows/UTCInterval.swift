/// A half-open stretch of absolute time, `[start, end)`, in whole seconds since 1970-01-01T00:00:00Z.
///
/// Windows are kept as integers, not `Date`, so that intersecting them is exact and rendering them is
/// deterministic: the same window always prints the same bytes.
public struct UTCInterval: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let start: Int64
    public let end: Int64

    public init?(start: Int64, end: Int64) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// ISO 8601 interval `2026-12-01T14:00:00Z/2026-12-02T02:00:00Z`.
    public var description: String { "\(UTCInterval.iso(start))/\(UTCInterval.iso(end))" }

    public var duration: Int64 { end - start }

    public func contains(_ instant: Int64) -> Bool { start <= instant && instant < end }

    public static func < (lhs: UTCInterval, rhs: UTCInterval) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }

    /// `YYYY-MM-DDTHH:MM:SSZ` for an instant in seconds since the epoch.
    public static func iso(_ instant: Int64) -> String {
        let days = Int(instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400)
        let seconds = Int(instant - Int64(days) * 86_400)
        let date = LocalDate(dayNumber: days)
        return
            "\(date)T\(LocalDate.two(seconds / 3600)):\(LocalDate.two(seconds / 60 % 60)):\(LocalDate.two(seconds % 60))Z"
    }
}

extension UTCInterval: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let interval = UTCInterval(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not an ISO 8601 interval")
        }
        self = interval
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses what `description` prints.
    public init?(iso text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let start = UTCInterval.instant(parts[0]), let end = UTCInterval.instant(parts[1])
        else {
            return nil
        }
        self.init(start: start, end: end)
    }

    static func instant(_ text: Substring) -> Int64? {
        guard text.count == 20, text.last == "Z", let date = LocalDate(String(text.prefix(10))) else { return nil }
        let time = text.dropFirst(11).dropLast().split(separator: ":")
        guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), let s = Int(time[2]) else { return nil }
        return Int64(date.dayNumber) * 86_400 + Int64(h * 3600 + m * 60 + s)
    }
}

extension [UTCInterval] {
    /// The instants in both lists. Both must be sorted and disjoint; so is the result.
    ///
    /// - Complexity: O(n + m).
    func intersection(_ other: [UTCInterval]) -> [UTCInterval] {
        var result: [UTCInterval] = []
        var i = 0
        var j = 0
        while i < count, j < other.count {
            let a = self[i]
            let b = other[j]
            if let overlap = UTCInterval(start: Swift.max(a.start, b.start), end: Swift.min(a.end, b.end)) {
                result.append(overlap)
            }
            if a.end < b.end { i += 1 } else { j += 1 }
        }
        return result
    }

    /// Sorted, with overlapping or touching intervals merged.
    func normalised() -> [UTCInterval] {
        var merged: [UTCInterval] = []
        for interval in sorted() {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1] = UTCInterval(start: last.start, end: Swift.max(last.end, interval.end))!
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}
