/// How one holiday's date is found each year, and what happens when it falls on a weekend.
public struct HolidayRule: Hashable, Sendable {
    public enum DateRule: Hashable, Sendable {
        /// The same month and day every year (Christmas Day, 12-25).
        case fixed(month: Int, day: Int)
        /// Days after Western Easter Sunday (Good Friday -2, Easter Monday +1, Pentecost Monday +50).
        case easter(offset: Int)
        /// A weekday of a month chosen by `selector`, then moved by `offset` days.
        case weekday(month: Int, weekday: Weekday, selector: Selector, offset: Int)
        /// One-off dates (a governor-declared day, a one-time bank holiday).
        case dates([LocalDate])
    }

    public enum Selector: Hashable, Sendable {
        /// The n-th such weekday of the month (1...5), or the last one (-1).
        case nth(Int)
        /// The first such weekday on or after this day of the month.
        case onOrAfter(Int)
        /// The last such weekday on or before this day of the month.
        case onOrBefore(Int)
    }

    /// What a holiday that falls on a Saturday or a Sunday does.
    public enum WeekendAction: String, Hashable, Sendable, CaseIterable {
        /// Stays where it is; no substitute day.
        case keep
        /// Stays, and the next weekday that is not already a holiday is one too ("observed").
        case addNextWeekday = "add-next-weekday"
        /// Moves to the next weekday that is not already a holiday.
        case moveNextWeekday = "move-next-weekday"
        /// Stays, and the Friday before is one too (US federal practice for Saturdays).
        case addPreviousFriday = "add-previous-friday"
        /// Is not a holiday of this calendar that year (Spain's national list drops Sunday holidays,
        /// which the regions move).
        case omit
    }

    public let name: String
    public let date: DateRule
    public let saturday: WeekendAction
    public let sunday: WeekendAction
    public let fromYear: Int?
    public let untilYear: Int?
    /// Only every n-th year counted from `fromYear` (Louisiana's election day, even years).
    public let everyYears: Int?

    public init(
        name: String, date: DateRule, saturday: WeekendAction = .keep, sunday: WeekendAction = .keep,
        fromYear: Int? = nil, untilYear: Int? = nil, everyYears: Int? = nil
    ) {
        self.name = name
        self.date = date
        self.saturday = saturday
        self.sunday = sunday
        self.fromYear = fromYear
        self.untilYear = untilYear
        self.everyYears = everyYears
    }

    /// The actual dates of the holiday in `year`, before any weekend substitution.
    public func actualDates(in year: Int) -> [LocalDate] {
        if let fromYear, year < fromYear { return [] }
        if let untilYear, year > untilYear { return [] }
        if let everyYears, everyYears > 1, (year - (fromYear ?? 0)) % everyYears != 0 { return [] }
        switch date {
        case .fixed(let month, let day):
            return LocalDate(year: year, month: month, day: day).map { [$0] } ?? []
        case .easter(let offset):
            return [LocalDate.easterSunday(year: year).adding(days: offset)]
        case .weekday(let month, let weekday, let selector, let offset):
            return HolidayRule.find(weekday, in: month, of: year, selector).map { [$0.adding(days: offset)] } ?? []
        case .dates(let dates):
            return dates.filter { $0.year == year }
        }
    }

    static func find(_ weekday: Weekday, in month: Int, of year: Int, _ selector: Selector) -> LocalDate? {
        let first = LocalDate(year: year, month: month, day: 1)!
        let length = LocalDate.daysIn(month: month, year: year)
        func onOrAfter(_ day: Int) -> LocalDate {
            let start = first.adding(days: day - 1)
            let shift = (weekday.rawValue - start.weekday.rawValue + 7) % 7
            return start.adding(days: shift)
        }
        switch selector {
        case .nth(let n) where n > 0:
            let found = onOrAfter(1).adding(days: 7 * (n - 1))
            return found.month == month ? found : nil
        case .nth:
            let last = first.adding(days: length - 1)
            let shift = (last.weekday.rawValue - weekday.rawValue + 7) % 7
            return last.adding(days: -shift)
        case .onOrAfter(let day):
            return onOrAfter(day)
        case .onOrBefore(let day):
            let start = first.adding(days: day - 1)
            let shift = (start.weekday.rawValue - weekday.rawValue + 7) % 7
            return start.adding(days: -shift)
        }
    }
}
