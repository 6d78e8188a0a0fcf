import Foundation

/// The stages a pipeline is built from, supplied by the caller so each can be tested alone.
public struct PipelineEnvironment {
    public var normalizer: NumberNormalizing
    /// Opens a prebuilt registry or suppression index file.
    public var openIndex: (_ path: String) throws -> NumberList
    /// Whether a file is an index file (by its magic bytes), rather than a plain list.
    public var isIndexFile: (_ path: String) -> Bool
    /// Makes the calling-window stage for a campaign date and call purpose.
    public var windows: (_ campaignDate: CalendarDate, _ purpose: String) throws -> CallingWindowAnnotating?
    /// Today's date where the run is, for `today` and `tomorrow`.
    public var today: () -> CalendarDate

    public init(
        normalizer: NumberNormalizing,
        openIndex: @escaping (String) throws -> NumberList,
        isIndexFile: @escaping (String) -> Bool,
        windows: @escaping (CalendarDate, String) throws -> CallingWindowAnnotating?,
        today: @escaping () -> CalendarDate = { CalendarDate.today() }
    ) {
        self.normalizer = normalizer
        self.openIndex = openIndex
        self.isIndexFile = isIndexFile
        self.windows = windows
        self.today = today
    }
}

/// A calendar day without a time or zone: a campaign date, a snapshot date.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...31).contains(day), day <= Self.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func today() -> CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> CalendarDate {
        var z = dayNumber + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        z = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return CalendarDate(year: z, month: m, day: d)!
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    public var description: String {
        "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
