/// The rules file as written: a `Decodable` mirror of the YAML, resolved into `CallingRule`s by
/// `RuleBook+Loading.swift`, where every error is found and located.
struct RulesFileDefinition: Decodable {
    var version: Int
    /// Purpose name -> what it means.
    var purposes: [String: String]
    var changelog: [ChangeLogEntry]?
    var rules: [RuleDefinition]
}

/// One entry of the rules file's change log.
public struct ChangeLogEntry: Codable, Hashable, Sendable {
    public var version: Int
    public var date: String
    public var changes: [String]
}

struct RuleDefinition: Decodable {
    var id: String
    var kind: String
    var jurisdictions: [String]
    var purposes: [String]
    /// Channel names (`voice`, `prerecorded`, `autodialed`, `sms`); absent: every channel.
    var channels: [String]?
    /// Day key (`mon`, `mon-fri`, `sat-sun`, `daily`) -> `HH:MM-HH:MM` intervals. Days not named: no calls.
    var hours: [String: [String]]
    var holidays: [String]?
    var holidayHours: [String]?
    var effective: EffectiveDefinition?
    var timeZone: String?
    var citation: String?
    var confidence: String?
    var note: String?
    var obligations: [String]?

    enum CodingKeys: String, CodingKey {
        case id, kind, jurisdictions, purposes, channels, hours, holidays, effective, citation, confidence, note,
            obligations
        case holidayHours = "holiday_hours"
        case timeZone = "time_zone"
    }
}

struct EffectiveDefinition: Decodable {
    var from: String?
    /// Exclusive: the first day the rule no longer applies.
    var until: String?
}

/// The holiday-calendar file as written.
struct CalendarsFileDefinition: Decodable {
    var version: Int
    var calendars: [CalendarDefinition]
}

struct CalendarDefinition: Decodable {
    var id: String
    var name: String
    var source: String?
    /// Calendars whose holidays this one has too; a holiday here with the same name replaces theirs.
    var includes: [String]?
    /// Names of included holidays that this calendar does not have.
    var excludes: [String]?
    var holidays: [HolidayDefinition]
}

struct HolidayDefinition: Decodable {
    var name: String
    /// Fixed day of the year, `MM-DD`.
    var date: String?
    /// Days after Western Easter Sunday (Good Friday: -2).
    var easter: Int?
    /// With `month` and one of `nth` (1...5, or -1 for the last), `on_or_after`, `on_or_before`.
    var weekday: String?
    var month: Int?
    var nth: Int?
    var onOrAfter: Int?
    var onOrBefore: Int?
    /// Days added to the weekday found (the day after Thanksgiving: +1).
    var offset: Int?
    /// One-off dated entries, `YYYY-MM-DD` (a governor-declared day).
    var dates: [String]?
    var saturday: String?
    var sunday: String?
    var fromYear: Int?
    var untilYear: Int?
    var everyYears: Int?

    enum CodingKeys: String, CodingKey {
        case name, date, easter, weekday, month, nth, offset, dates, saturday, sunday
        case onOrAfter = "on_or_after"
        case onOrBefore = "on_or_before"
        case fromYear = "from_year"
        case untilYear = "until_year"
        case everyYears = "every_years"
    }
}
