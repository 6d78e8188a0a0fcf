/// A public-holiday calendar (`AU-NSW`, `US-RI`, `FR`): rules that give each year's holidays, with
/// substitute ("observed") days where a holiday falls on a weekend.
public struct HolidayCalendar: Hashable, Sendable, Identifiable {
    public let id: String
    public let name: String
    /// Where the list comes from (statute, government page).
    public let source: String
    /// Every rule, includes already flattened.
    public let rules: [HolidayRule]

    public init(id: String, name: String, source: String = "", rules: [HolidayRule]) {
        self.id = id
        self.name = name
        self.source = source
        self.rules = rules
    }

    /// A holiday on a day: its name (`Christmas Day (observed)` for a substitute day).
    public struct Occurrence: Hashable, Sendable, Comparable {
        public let date: LocalDate
        public let name: String

        public static func < (lhs: Occurrence, rhs: Occurrence) -> Bool { (lhs.date, lhs.name) < (rhs.date, rhs.name) }
    }

    /// Every holiday in `year`, sorted by date.
    ///
    /// Substitute days are found in date order, each on the first weekday after its holiday that is not
    /// already a holiday, so that Christmas on a Saturday and Boxing Day on a Sunday give Monday and
    /// Tuesday. Neighbouring years are computed too, because a substitute can cross the year end (US New
    /// Year's Day on a Saturday is observed on the Friday before).
    public func holidays(in year: Int) -> [Occurrence] {
        var actual: [(date: LocalDate, rule: HolidayRule)] = []
        for y in (year - 1)...(year + 1) {
            for rule in rules {
                for date in rule.actualDates(in: y) { actual.append((date, rule)) }
            }
        }
        actual.sort { ($0.date, $0.rule.name) < ($1.date, $1.rule.name) }
        var occupied = Set(actual.map(\.date.dayNumber))
        var result: [Occurrence] = []
        for (date, rule) in actual {
            let action: HolidayRule.WeekendAction =
                switch date.weekday {
                case .saturday: rule.saturday
                case .sunday: rule.sunday
                default: .keep
                }
            switch action {
            case .keep:
                result.append(Occurrence(date: date, name: rule.name))
            case .omit:
                occupied.remove(date.dayNumber)
            case .addPreviousFriday:
                result.append(Occurrence(date: date, name: rule.name))
                let friday = date.adding(days: date.weekday == .saturday ? -1 : -2)
                occupied.insert(friday.dayNumber)
                result.append(Occurrence(date: friday, name: "\(rule.name) (observed)"))
            case .addNextWeekday, .moveNextWeekday:
                var substitute = date.adding(days: 1)
                while substitute.weekday.isWeekend || occupied.contains(substitute.dayNumber) {
                    substitute = substitute.adding(days: 1)
                }
                occupied.insert(substitute.dayNumber)
                if action == .addNextWeekday {
                    result.append(Occurrence(date: date, name: rule.name))
                    result.append(Occurrence(date: substitute, name: "\(rule.name) (observed)"))
                } else {
                    occupied.remove(date.dayNumber)
                    result.append(Occurrence(date: substitute, name: rule.name))
                }
            }
        }
        return result.filter { $0.date.year == year }.sorted()
    }

    /// The holidays on `date` (usually none, sometimes two names for one day).
    public func holidays(on date: LocalDate) -> [Occurrence] {
        holidays(in: date.year).filter { $0.date == date }
    }
}
