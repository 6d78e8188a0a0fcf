import CallingWindows
import ScrubRecords

/// How a date column of a lead file or call log is written: ISO 8601 (the default), or the day, month
/// and year in an export's order (`MM/DD/YYYY`, `DD.MM.YYYY`, ...), each with or without a time.
///
/// A CRM writes dates the way its users' locale does, and a US date such as `07/26/2026` read as ISO
/// 8601 is no date at all: a consent that silently does not count. The pipeline names the format
/// (`date_format`), and a value that does not read in it is counted and warned about, never taken as a
/// date.
///
/// Values are read from their bytes with a fixed grammar, without allocating: that costs less than a
/// look-up in a cache of distinct values would, so no cache is kept.
///
/// The written formats take a 4-digit year, a 1- or 2-digit month and day, and optionally, after a
/// space or `T`, a time `H:MM`, `HH:MM` or `HH:MM:SS` (with a fraction of a second, and `AM`/`PM` with
/// hours 1 to 12). Spaces around the value are ignored. Anything else (a 2-digit year, an offset, a
/// month name) does not read.
public struct DateFormat: Sendable, Equatable, CustomStringConvertible {
    /// The order of the date's parts.
    public enum Order: Sendable, Equatable {
        case yearMonthDay
        case monthDayYear
        case dayMonthYear
    }

    /// nil for ISO 8601.
    public let order: Order?
    /// The byte between the date's parts (`-`, `/` or `.`); unused for ISO 8601.
    public let separator: UInt8

    public static let iso8601 = DateFormat(order: nil, separator: UInt8(ascii: "-"))

    /// The names `date_format` takes, for error messages and the reference.
    public static let names = [
        "ISO8601", "YYYY-MM-DD", "YYYY/MM/DD", "YYYY.MM.DD", "MM/DD/YYYY", "MM-DD-YYYY", "MM.DD.YYYY", "DD/MM/YYYY",
        "DD-MM-YYYY", "DD.MM.YYYY",
    ]

    private init(order: Order?, separator: UInt8) {
        self.order = order
        self.separator = separator
    }

    /// The format a `date_format` name means (`MM/DD/YYYY`, `iso8601`, any case); nil for any other name.
    public init?(name: String) {
        let upper = name.uppercased()
        if upper == "ISO8601" || upper == "ISO 8601" || upper == "ISO-8601" {
            self = .iso8601
            return
        }
        let bytes = Array(upper.utf8)
        guard bytes.count == 10 else { return nil }
        let separator: UInt8
        let order: Order
        switch String(decoding: bytes.filter { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }, as: UTF8.self) {
        case "YYYYMMDD" where bytes[4] == bytes[7]:
            order = .yearMonthDay
            separator = bytes[4]
        case "MMDDYYYY" where bytes[2] == bytes[5]:
            order = .monthDayYear
            separator = bytes[2]
        case "DDMMYYYY" where bytes[2] == bytes[5]:
            order = .dayMonthYear
            separator = bytes[2]
        default: return nil
        }
        guard [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(separator) else {
            return nil
        }
        self.init(order: order, separator: separator)
    }

    /// The format's name as `date_format` writes it.
    public var description: String {
        let sep = String(UnicodeScalar(separator))
        switch order {
        case nil: return "ISO8601"
        case .yearMonthDay: return "YYYY\(sep)MM\(sep)DD"
        case .monthDayYear: return "MM\(sep)DD\(sep)YYYY"
        case .dayMonthYear: return "DD\(sep)MM\(sep)YYYY"
        }
    }

    /// Every format `date_format` names.
    public static let all: [DateFormat] = names.compactMap(DateFormat.init(name:))

    /// Whether `field` reads as a date in any of the formats, with or without a time: how `scrub
    /// inspect` tells a date column (`07/26/2026`, `26.07.2026 14:30`) from a phone column.
    public static func readsInSomeFormat(_ field: UnsafeRawBufferPointer) -> Bool {
        all.contains { $0.day(field) != nil }
    }

    /// A value as read: its calendar day as written, and its time of day as written, if any.
    public struct Reading: Sendable, Equatable {
        public var day: LocalDate
        /// Seconds since the written day's midnight; nil for a date alone.
        public var secondsOfDay: Int?
    }

    /// Whether a field holds nothing but spaces: a blank value is no date, not an unreadable one.
    public static func isBlank(_ field: UnsafeRawBufferPointer) -> Bool {
        !field.contains { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }
    }

    /// The calendar day as written in `field`; nil when it does not read in this format.
    ///
    /// ISO 8601 reads the `YYYY-MM-DD` at the start, alone or followed by `T` or a space and a time,
    /// whatever the time and offset say (the day as written, as a consent timestamp has always been read).
    public func day(_ field: UnsafeRawBufferPointer) -> LocalDate? {
        guard order != nil else { return Self.isoDay(field) }
        return read(field)?.day
    }

    /// The instant `field` names, for call logs: ISO 8601 as ``UTCTime/init(parsing:)`` reads it (a time
    /// without an offset is UTC); a written date and time as a UTC time, a date alone as its midnight.
    public func time(_ field: UnsafeRawBufferPointer) -> UTCTime? {
        guard order != nil else { return UTCTime(parsing: field) }
        guard let reading = read(field) else { return nil }
        return UTCTime(seconds: Int64(reading.day.dayNumber) * 86_400 + Int64(reading.secondsOfDay ?? 0))
    }

    /// Reads a value in a written format (not ISO 8601, for which it returns nil).
    public func read(_ field: UnsafeRawBufferPointer) -> Reading? {
        guard let order else { return nil }
        var scanner = Scanner(field)
        let first: Int
        let second: Int
        let third: Int
        switch order {
        case .yearMonthDay:
            guard let year = scanner.number(4, 4), scanner.skip(separator), let month = scanner.number(1, 2),
                scanner.skip(separator), let day = scanner.number(1, 2)
            else { return nil }
            (first, second, third) = (year, month, day)
        case .monthDayYear:
            guard let month = scanner.number(1, 2), scanner.skip(separator), let day = scanner.number(1, 2),
                scanner.skip(separator), let year = scanner.number(4, 4)
            else { return nil }
            (first, second, third) = (year, month, day)
        case .dayMonthYear:
            guard let day = scanner.number(1, 2), scanner.skip(separator), let month = scanner.number(1, 2),
                scanner.skip(separator), let year = scanner.number(4, 4)
            else { return nil }
            (first, second, third) = (year, month, day)
        }
        guard let date = LocalDate(year: first, month: second, day: third) else { return nil }
        if scanner.atEnd { return Reading(day: date, secondsOfDay: nil) }
        guard scanner.skip(UInt8(ascii: "T")) || scanner.skipSpaces() else { return nil }
        guard let seconds = scanner.timeOfDay(), scanner.atEnd else { return nil }
        return Reading(day: date, secondsOfDay: seconds)
    }

    /// `YYYY-MM-DD` at the start of a field, alone or followed by `T` or a space.
    private static func isoDay(_ field: UnsafeRawBufferPointer) -> LocalDate? {
        var start = 0
        var end = field.count
        while start < end, field[start] == 0x20 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x0D { end -= 1 }
        guard end - start >= 10, field[start + 4] == 0x2D, field[start + 7] == 0x2D else { return nil }
        if end - start > 10, field[start + 10] != 0x54, field[start + 10] != 0x20 { return nil }
        func number(_ from: Int, _ width: Int) -> Int? {
            var value = 0
            for index in from..<from + width {
                let digit = field[start + index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }

    /// A cursor over a field's bytes between its surrounding spaces.
    private struct Scanner {
        let field: UnsafeRawBufferPointer
        var index: Int
        let end: Int

        init(_ field: UnsafeRawBufferPointer) {
            self.field = field
            var start = 0
            var end = field.count
            while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
            while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 || field[end - 1] == 0x0D { end -= 1 }
            index = start
            self.end = end
        }

        var atEnd: Bool { index == end }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < end, field[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() -> Bool {
            let start = index
            while index < end, field[index] == 0x20 { index += 1 }
            return index > start
        }

        /// `minimum` to `maximum` decimal digits.
        mutating func number(_ minimum: Int, _ maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while count < maximum, index < end, field[index] &- 0x30 < 10 {
                value = value * 10 + Int(field[index] &- 0x30)
                index += 1
                count += 1
            }
            guard count >= minimum, index == end || field[index] &- 0x30 >= 10 else { return nil }
            return value
        }

        /// `H:MM`, `HH:MM` or `HH:MM:SS`, an optional fraction, an optional `AM`/`PM`: seconds since midnight.
        mutating func timeOfDay() -> Int? {
            guard var hour = number(1, 2), skip(UInt8(ascii: ":")), let minute = number(2, 2), minute < 60 else {
                return nil
            }
            var second = 0
            if skip(UInt8(ascii: ":")) {
                guard let value = number(2, 2), value < 60 else { return nil }
                second = value
                if skip(UInt8(ascii: ".")) || skip(UInt8(ascii: ",")) {
                    guard number(1, 9) != nil else { return nil }
                }
            }
            let spaced = skipSpaces()
            if index + 2 <= end, field[index + 1] | 0x20 == UInt8(ascii: "m") {
                let marker = field[index] | 0x20
                guard marker == UInt8(ascii: "a") || marker == UInt8(ascii: "p"), (1...12).contains(hour) else {
                    return nil
                }
                index += 2
                hour = hour % 12 + (marker == UInt8(ascii: "p") ? 12 : 0)
            } else if spaced {
                return nil
            }
            guard hour < 24 else { return nil }
            return hour * 3_600 + minute * 60 + second
        }
    }
}
