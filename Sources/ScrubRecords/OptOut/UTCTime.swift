import CallingWindows

/// An instant, to the second, written in UTC: `2026-11-28T14:03:00Z`.
///
/// Journal events and call logs carry times; they are compared and written as whole seconds since
/// 1970-01-01T00:00:00Z, so the same input always gives the same text.
public struct UTCTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64

    public init(seconds: Int64) {
        self.seconds = seconds
    }

    /// The calendar day in UTC.
    public var date: LocalDate {
        LocalDate(dayNumber: Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400))
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var description: String {
        let date = self.date
        let secondOfDay = Int(seconds - Int64(date.dayNumber) * 86_400)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }

    public static func < (lhs: UTCTime, rhs: UTCTime) -> Bool { lhs.seconds < rhs.seconds }

    /// Parses an ISO 8601 time as call logs write it: `YYYY-MM-DD`, then `T` or a space, `HH:MM`,
    /// optional `:SS` and fraction (dropped), then `Z`, `+HH:MM`, `+HHMM`, `+HH`, or nothing, which
    /// means UTC. Leading and trailing spaces are ignored. Nil for anything else.
    public init?<Bytes: Collection<UInt8>>(parsing text: Bytes) {
        var bytes = Array(text)
        while bytes.last == 0x20 { bytes.removeLast() }
        while bytes.first == 0x20 { bytes.removeFirst() }
        var position = 0
        func number(_ width: Int) -> Int? {
            guard position + width <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + width] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += width
            return value
        }
        func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }
        guard let year = number(4), take(0x2D), let month = number(2), take(0x2D), let day = number(2),
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        guard take(0x54) || take(0x20), let hour = number(2), hour < 24, take(0x3A), let minute = number(2),
            minute < 60
        else { return nil }
        var second = 0
        if take(0x3A) {
            guard let value = number(2), value < 60 else { return nil }
            second = value
            if take(0x2E) || take(0x2C) {
                let digitsStart = position
                while position < bytes.count, (0x30...0x39).contains(bytes[position]) { position += 1 }
                guard position > digitsStart else { return nil }
            }
        }
        var offset = 0
        if take(0x5A) {
            offset = 0
        } else if position < bytes.count, bytes[position] == 0x2B || bytes[position] == 0x2D {
            let sign = bytes[position] == 0x2D ? -1 : 1
            position += 1
            guard let hours = number(2), hours <= 14 else { return nil }
            var minutes = 0
            if position < bytes.count {
                _ = take(0x3A)
                guard let value = number(2), value < 60 else { return nil }
                minutes = value
            }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard position == bytes.count else { return nil }
        seconds = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
    }
}
