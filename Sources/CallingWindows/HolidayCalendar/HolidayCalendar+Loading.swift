import ScrubYAML

extension HolidayCalendar {
    /// Reads and validates a holiday-calendar file, flattening `includes`.
    ///
    /// - Throws: `CallingRulesError` pointing at the calendar and field at fault.
    static func load(
        yaml: String, file: String
    ) throws(CallingRulesError) -> (version: Int, calendars: [String: HolidayCalendar]) {
        let document = try YAMLDocument.callingRules(yaml: yaml, file: file)
        let definition = try document.decode(CalendarsFileDefinition.self, listKey: "calendars")
        guard definition.version == 1 else {
            throw CallingRulesError(
                file: file, line: document.node(at: [.key("version")])?.line, field: "version",
                message: "version \(definition.version) is not supported; this build reads version 1")
        }
        var byID: [String: (index: Int, definition: CalendarDefinition)] = [:]
        for (index, calendar) in definition.calendars.enumerated() {
            func fail(_ field: String?, _ message: String) -> CallingRulesError {
                var path: [YAMLPath] = [.key("calendars"), .index(index)]
                if let field { path.append(.key(field)) }
                let mark = document.node(at: path)
                return CallingRulesError(
                    file: file, line: mark?.line, column: mark?.column,
                    item: "calendar \(calendar.id)", field: field, message: message)
            }
            guard byID[calendar.id] == nil else { throw fail("id", "the id is used twice; ids must be unique") }
            byID[calendar.id] = (index, calendar)
        }
        var resolved: [String: HolidayCalendar] = [:]
        for (id, entry) in byID {
            var visiting: [String] = []
            let rules = try flatten(id, byID, &visiting, file: file, document: document)
            resolved[id] = HolidayCalendar(
                id: id, name: entry.definition.name, source: entry.definition.source ?? "",
                rules: rules)
        }
        return (definition.version, resolved)
    }

    private static func flatten(
        _ id: String, _ byID: [String: (index: Int, definition: CalendarDefinition)], _ visiting: inout [String],
        file: String, document: YAMLDocument
    ) throws(CallingRulesError) -> [HolidayRule] {
        let (index, calendar) = byID[id]!
        func fail(_ path: [YAMLPath], _ field: String, _ message: String) -> CallingRulesError {
            let mark = document.node(at: [.key("calendars"), .index(index)] + path)
            return CallingRulesError(
                file: file, line: mark?.line, column: mark?.column, item: "calendar \(id)",
                field: field, message: message)
        }
        guard !visiting.contains(id) else {
            throw fail([.key("includes")], "includes", "includes itself through \(visiting.joined(separator: " -> "))")
        }
        visiting.append(id)
        defer { visiting.removeLast() }
        var inherited: [HolidayRule] = []
        for (i, included) in (calendar.includes ?? []).enumerated() {
            guard byID[included] != nil else {
                throw fail([.key("includes"), .index(i)], "includes", "no calendar has the id '\(included)'")
            }
            inherited += try flatten(included, byID, &visiting, file: file, document: document)
        }
        var own: [HolidayRule] = []
        for (i, holiday) in calendar.holidays.enumerated() {
            own.append(
                try resolve(holiday) { field, message in
                    fail(
                        [.key("holidays"), .index(i), .key(field)], "holidays[\(i)].\(field)",
                        "\(holiday.name): \(message)")
                })
        }
        let excluded = Set(calendar.excludes ?? [])
        let inheritedNames = Set(inherited.map(\.name))
        for (i, name) in (calendar.excludes ?? []).enumerated() where !inheritedNames.contains(name) {
            throw fail([.key("excludes"), .index(i)], "excludes", "no included holiday is named '\(name)'")
        }
        let ownNames = Set(own.map(\.name))
        return inherited.filter { !excluded.contains($0.name) && !ownNames.contains($0.name) } + own
    }

    private static func resolve(
        _ h: HolidayDefinition, _ fail: (String, String) -> CallingRulesError
    ) throws(CallingRulesError) -> HolidayRule {
        var kinds: [String] = []
        if h.date != nil { kinds.append("date") }
        if h.easter != nil { kinds.append("easter") }
        if h.weekday != nil { kinds.append("weekday") }
        if h.dates != nil { kinds.append("dates") }
        guard kinds.count == 1 else {
            throw fail(
                "name",
                "give exactly one of date, easter, weekday or dates (found \(kinds.isEmpty ? "none" : kinds.joined(separator: ", ")))"
            )
        }
        let dateRule: HolidayRule.DateRule
        if let text = h.date {
            let parts = text.split(separator: "-")
            guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]),
                LocalDate(year: 2000, month: m, day: d) != nil
            else {
                throw fail("date", "'\(text)' is not a MM-DD day of the year")
            }
            dateRule = .fixed(month: m, day: d)
        } else if let offset = h.easter {
            dateRule = .easter(offset: offset)
        } else if let key = h.weekday {
            guard let weekday = Weekday(key: key) else { throw fail("weekday", "'\(key)' is not mon, tue, ... sun") }
            guard let month = h.month, (1...12).contains(month) else {
                throw fail("month", "a weekday holiday needs a month 1...12")
            }
            let selectors = [
                h.nth.map { HolidayRule.Selector.nth($0) }, h.onOrAfter.map { .onOrAfter($0) },
                h.onOrBefore.map { .onOrBefore($0) },
            ].compactMap { $0 }
            guard selectors.count == 1, let selector = selectors.first else {
                throw fail("weekday", "give exactly one of nth, on_or_after, on_or_before")
            }
            switch selector {
            case .nth(let n) where !(1...5).contains(n) && n != -1: throw fail("nth", "nth must be 1...5 or -1 (last)")
            case .onOrAfter(let d), .onOrBefore(let d):
                if !(1...31).contains(d) { throw fail("weekday", "day \(d) is not 1...31") }
            default: break
            }
            dateRule = .weekday(month: month, weekday: weekday, selector: selector, offset: h.offset ?? 0)
        } else {
            var dates: [LocalDate] = []
            for text in h.dates ?? [] {
                guard let date = LocalDate(text) else { throw fail("dates", "'\(text)' is not a YYYY-MM-DD date") }
                dates.append(date)
            }
            dateRule = .dates(dates)
        }
        func action(_ text: String?, _ field: String) throws(CallingRulesError) -> HolidayRule.WeekendAction {
            guard let text else { return .keep }
            guard let action = HolidayRule.WeekendAction(rawValue: text) else {
                throw fail(
                    field,
                    "'\(text)' is not one of \(HolidayRule.WeekendAction.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return action
        }
        if let every = h.everyYears, every < 1 { throw fail("every_years", "must be 1 or more") }
        if h.everyYears != nil, h.fromYear == nil { throw fail("every_years", "needs from_year to count from") }
        return HolidayRule(
            name: h.name, date: dateRule, saturday: try action(h.saturday, "saturday"),
            sunday: try action(h.sunday, "sunday"), fromYear: h.fromYear, untilYear: h.untilYear,
            everyYears: h.everyYears)
    }
}
