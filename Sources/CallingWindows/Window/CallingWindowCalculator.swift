/// Computes calling windows from a `RuleBook` and a pipeline's company rules.
///
/// For each candidate zone, each applicable rule's local hours for the campaign day (or its holiday hours,
/// when the day is a holiday in one of its calendars) become UTC instants; the result is the intersection
/// over every rule and every zone. A rule never widens a window.
public struct CallingWindowCalculator: Sendable {
    public let ruleBook: RuleBook
    public let companyRules: [CallingRule]
    public let channel: CallChannel

    /// - Parameter channel: the rules (the book's and the company's) are narrowed to it here, once.
    public init(ruleBook: RuleBook, companyRules: [CallingRule] = [], channel: CallChannel = .voice) {
        self.ruleBook = ruleBook.restricted(to: channel)
        self.companyRules = companyRules.filter { $0.applies(to: channel) }
        self.channel = channel
    }

    /// - Complexity: O(rules x zones) time-zone look-ups; cache the result (`CallingWindowCache`).
    public func window(for request: WindowRequest) -> CallingWindow {
        // `Etc/Unknown` is the numbering data's "no zone known" (and would read as UTC): not a candidate.
        let known = request.zones.filter { $0 != "Etc/Unknown" }
        let zonesFromCountry = known.isEmpty
        let zoneIDs = zonesFromCountry ? LocationTable.zones(country: request.country) : known
        var problems: [String] = []
        var clocks: [ZoneClock] = []
        for id in zoneIDs {
            if let clock = ZoneClock(id) { clocks.append(clock) } else { problems.append("unknown time zone '\(id)'") }
        }
        if zoneIDs.isEmpty { problems.append("no time zone is known for country \(request.country)") }

        let rules = ruleBook.applicableRules(
            country: request.country, subdivisions: request.subdivisions,
            purpose: request.purpose, date: request.date, companyRules: companyRules)
        if rules.isEmpty {
            let calls = channel == .voice ? "calls" : "\(channel) calls"
            problems.append(
                "no rule covers country \(request.country) for \(request.purpose) \(calls) on \(request.date)")
        }

        let holidaySubdivisions = subdivisionsForHolidays(request, zones: zoneIDs)
        var running: [UTCInterval]? = nil
        var steps: [CallingWindow.Step] = []
        var applied: [String: (holiday: CallingWindow.AppliedHoliday, rules: [String])] = [:]

        for rule in rules {
            let hits = holidays(
                for: rule, on: request.date, country: request.country, subdivisions: holidaySubdivisions)
            for hit in hits {
                let key = "\(hit.calendar)|\(hit.name)"
                applied[key, default: (hit, [])].rules.append(rule.id)
            }
            let local = hits.isEmpty ? rule.hours(on: request.date.weekday) : rule.holidayHours
            let ruleClocks: [ZoneClock] = rule.timeZone.flatMap { ZoneClock($0) }.map { [$0] } ?? clocks
            for clock in ruleClocks {
                let utc = clock.utcIntervals(local, on: request.date)
                let noon = clock.instant(request.date, minute: 720, edge: .start)
                steps.append(
                    CallingWindow.Step(
                        rule: rule.id, zone: clock.identifier, utcOffset: clock.offsetText(at: noon),
                        basis: hits.isEmpty ? "weekday" : "holiday", localHours: local.map(\.description),
                        utcWindows: utc))
                running = running.map { $0.intersection(utc) } ?? utc
            }
        }
        let windows = problems.isEmpty ? (running ?? []) : []
        let ambiguous = zoneIDs.count > 1 || request.subdivisions.count > 1 || holidaySubdivisions.count > 1
        let holidays = applied.values.map {
            CallingWindow.AppliedHoliday(
                calendar: $0.holiday.calendar, date: $0.holiday.date, name: $0.holiday.name,
                rules: $0.rules)
        }.sorted { ($0.calendar, $0.name) < ($1.calendar, $1.name) }
        return CallingWindow(
            date: request.date, purpose: request.purpose, channel: channel, country: request.country,
            subdivisions: request.subdivisions,
            zones: zoneIDs, zonesFromCountry: zonesFromCountry, holidaySubdivisions: holidaySubdivisions,
            windows: windows, ruleIDs: rules.map(\.id), holidays: holidays, ambiguous: ambiguous, steps: steps,
            rules: rules.map(CallingWindow.RuleSummary.init), problems: problems)
    }

    /// For `{subdivision}` calendars: the request's subdivisions; else, for a single candidate zone (a
    /// landline prefix), the states using it; else all of the country's: a holiday anywhere the party might
    /// be closes the day. Several zones (a mobile) do not narrow the states, because numbering data names
    /// one representative zone per offset (`Australia/Sydney` for the whole east coast).
    private func subdivisionsForHolidays(_ request: WindowRequest, zones: [String]) -> [String] {
        let usesTemplate = ruleBook.rules.contains { rule in
            rule.holidayCalendars.contains {
                if case .perSubdivision(let c) = $0 { c == request.country } else { false }
            }
        }
        guard usesTemplate else { return request.subdivisions }
        if !request.subdivisions.isEmpty { return request.subdivisions }
        let byZone = zones.count == 1 ? LocationTable.subdivisions(country: request.country, usingAnyOf: zones) : []
        return byZone.isEmpty ? LocationTable.subdivisions(country: request.country) : byZone
    }

    private func holidays(
        for rule: CallingRule, on date: LocalDate, country: String, subdivisions: [String]
    )
        -> [CallingWindow.AppliedHoliday]
    {
        var ids: [String] = []
        for reference in rule.holidayCalendars {
            switch reference {
            case .calendar(let id): ids.append(id)
            case .perSubdivision(let c) where c == country:
                ids += subdivisions.map { "\(c)-\($0)" }.filter { ruleBook.calendars[$0] != nil }
            case .perSubdivision: break
            }
        }
        var hits: [CallingWindow.AppliedHoliday] = []
        for id in ids {
            guard let calendar = ruleBook.calendars[id] else { continue }
            for occurrence in calendar.holidays(on: date) {
                hits.append(CallingWindow.AppliedHoliday(calendar: id, date: date, name: occurrence.name, rules: []))
            }
        }
        return hits
    }
}
