import Foundation
import ScrubYAML

/// A company's narrowing rules as written in a pipeline (`version: 1`, `rules: [...]`, kind `company`).
struct CompanyRulesDefinition: Decodable {
    var version: Int
    var rules: [RuleDefinition]
}

extension RuleBook {
    /// Parses and validates company rules (same fields as the rules file; `kind: company`; jurisdiction `*`
    /// allowed). They can only narrow: they are intersected with the legal rules.
    public func parseCompanyRules(yaml: String, file: String) throws(CallingRulesError) -> [CallingRule] {
        let document = try YAMLDocument.callingRules(yaml: yaml, file: file)
        let definition = try document.decode(CompanyRulesDefinition.self, listKey: "rules")
        let resolver = RuleResolver(
            file: file, document: document, calendars: calendars,
            purposes: Set(purposes.keys), companyOnly: true)
        return try resolver.resolve(definition.rules)
    }

    static func parseRules(
        yaml: String, file: String, calendars: [String: HolidayCalendar]
    ) throws(CallingRulesError)
        -> (version: Int, purposes: [CallPurpose: String], changelog: [ChangeLogEntry], rules: [CallingRule])
    {
        let document = try YAMLDocument.callingRules(yaml: yaml, file: file)
        let definition = try document.decode(RulesFileDefinition.self, listKey: "rules")
        guard definition.version == 1 else {
            throw CallingRulesError(
                file: file, line: document.node(at: [.key("version")])?.line, field: "version",
                message: "version \(definition.version) is not supported; this build reads version 1")
        }
        var purposes: [CallPurpose: String] = [:]
        for (name, meaning) in definition.purposes { purposes[CallPurpose(name)] = meaning }
        let resolver = RuleResolver(
            file: file, document: document, calendars: calendars,
            purposes: Set(purposes.keys), companyOnly: false)
        return (definition.version, purposes, definition.changelog ?? [], try resolver.resolve(definition.rules))
    }
}

/// Turns rule definitions into `CallingRule`s, reporting the first problem with its file, line, rule and field.
struct RuleResolver {
    let file: String
    let document: YAMLDocument
    let calendars: [String: HolidayCalendar]
    let purposes: Set<CallPurpose>
    let companyOnly: Bool

    func resolve(_ definitions: [RuleDefinition]) throws(CallingRulesError) -> [CallingRule] {
        var seen: Set<String> = []
        var rules: [CallingRule] = []
        for (index, definition) in definitions.enumerated() {
            let rule = try resolve(definition, index: index)
            guard seen.insert(rule.id).inserted else {
                throw error(index, definition.id, [.key("id")], "the id is used twice; rule ids must be unique")
            }
            rules.append(rule)
        }
        return rules
    }

    private func error(
        _ index: Int, _ id: String, _ field: [YAMLPath], _ message: String
    )
        -> CallingRulesError
    {
        let mark = document.node(at: [.key("rules"), .index(index)] + field)
        let name = YAMLPath.name(field)
        return CallingRulesError(
            file: file, line: mark?.line, column: mark?.column, item: "rule \(id)",
            field: name.isEmpty ? nil : name, message: message)
    }

    // One function on purpose: the checks read top to bottom in the order of the fields in the file.
    // swiftlint:disable:next function_body_length
    private func resolve(_ d: RuleDefinition, index: Int) throws(CallingRulesError) -> CallingRule {
        func fail(_ field: [YAMLPath], _ message: String) -> CallingRulesError {
            error(index, d.id, field, message)
        }
        guard !d.id.isEmpty,
            d.id.utf8.allSatisfy({
                $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0)
                    || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0)
            })
        else { throw fail([.key("id")], "'\(d.id)' is not a rule id: use letters, digits, '-', '_' and '.'") }

        guard let kind = CallingRule.Kind(rawValue: d.kind) else {
            throw fail(
                [.key("kind")],
                "'\(d.kind)' is not one of \(CallingRule.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if companyOnly, kind != .company { throw fail([.key("kind")], "a pipeline may only add rules of kind company") }
        if !companyOnly, kind == .company {
            throw fail([.key("kind")], "company rules belong in the pipeline, not the rules file")
        }

        guard !d.jurisdictions.isEmpty else { throw fail([.key("jurisdictions")], "name at least one jurisdiction") }
        var jurisdictions: [Jurisdiction] = []
        for (i, text) in d.jurisdictions.enumerated() {
            guard let j = Jurisdiction(text) else {
                throw fail(
                    [.key("jurisdictions"), .index(i)], "'\(text)' is not a country (US) or subdivision (US-FL)")
            }
            if j == .everywhere, kind != .company {
                throw fail([.key("jurisdictions"), .index(i)], "'*' is for company rules only")
            }
            jurisdictions.append(j)
        }

        var purposeSet: Set<CallPurpose>? = []
        for (i, text) in d.purposes.enumerated() {
            if text == "all" {
                purposeSet = nil
                continue
            }
            guard purposes.contains(CallPurpose(text)) else {
                throw fail(
                    [.key("purposes"), .index(i)],
                    "'\(text)' is not a declared purpose (\(purposes.map(\.rawValue).sorted().joined(separator: ", ")), or all)"
                )
            }
            purposeSet?.insert(CallPurpose(text))
        }
        if d.purposes.isEmpty { throw fail([.key("purposes")], "name at least one purpose, or all") }

        var channels: Set<CallChannel>?
        if let names = d.channels {
            if names.isEmpty { throw fail([.key("channels")], "name at least one channel, or leave channels out") }
            channels = []
            for (i, text) in names.enumerated() {
                guard let channel = CallChannel(rawValue: text) else {
                    throw fail([.key("channels"), .index(i)], "'\(text)' is not a channel (\(CallChannel.names))")
                }
                channels?.insert(channel)
            }
        }

        var hours: [Weekday: [LocalTimeInterval]] = [:]
        for key in d.hours.keys.sorted() {
            guard let days = RuleResolver.days(key) else {
                throw fail(
                    [.key("hours"), .key(key)],
                    "'\(key)' is not a day key (mon ... sun, a range like mon-fri, or daily)")
            }
            var intervals: [LocalTimeInterval] = []
            for (i, text) in d.hours[key]!.enumerated() {
                guard let interval = LocalTimeInterval(text) else {
                    throw fail(
                        [.key("hours"), .key(key), .index(i)], "'\(text)' is not HH:MM-HH:MM with start before end")
                }
                intervals.append(interval)
            }
            for day in days {
                guard hours[day] == nil else {
                    throw fail(
                        [.key("hours"), .key(key)], "\(day) is given twice; each day may appear under one key only")
                }
                hours[day] = intervals
            }
        }

        var calendarsUsed: [CallingRule.CalendarReference] = []
        for (i, text) in (d.holidays ?? []).enumerated() {
            if text.hasSuffix("-{subdivision}") {
                let country = String(text.dropLast("-{subdivision}".count))
                guard calendars.keys.contains(where: { $0.hasPrefix(country + "-") }) else {
                    throw fail([.key("holidays"), .index(i)], "no calendar exists for any subdivision of \(country)")
                }
                calendarsUsed.append(.perSubdivision(country: country))
            } else {
                guard calendars[text] != nil else {
                    throw fail(
                        [.key("holidays"), .index(i)],
                        "no holiday calendar has the id '\(text)' (known: \(calendars.isEmpty ? "none" : calendars.keys.sorted().joined(separator: ", ")))"
                    )
                }
                calendarsUsed.append(.calendar(text))
            }
        }
        var holidayHours: [LocalTimeInterval] = []
        for (i, text) in (d.holidayHours ?? []).enumerated() {
            guard let interval = LocalTimeInterval(text) else {
                throw fail([.key("holiday_hours"), .index(i)], "'\(text)' is not HH:MM-HH:MM with start before end")
            }
            holidayHours.append(interval)
        }
        if !holidayHours.isEmpty, calendarsUsed.isEmpty {
            throw fail([.key("holiday_hours")], "holiday_hours needs at least one calendar in holidays")
        }

        var from: LocalDate?
        var until: LocalDate?
        if let text = d.effective?.from {
            guard let date = LocalDate(text) else {
                throw fail([.key("effective"), .key("from")], "'\(text)' is not a YYYY-MM-DD date")
            }
            from = date
        }
        if let text = d.effective?.until {
            guard let date = LocalDate(text) else {
                throw fail([.key("effective"), .key("until")], "'\(text)' is not a YYYY-MM-DD date")
            }
            until = date
        }
        if let from, let until, until <= from {
            throw fail([.key("effective"), .key("until")], "until (\(until), exclusive) must be after from (\(from))")
        }
        if let zone = d.timeZone, TimeZone(identifier: zone) == nil {
            throw fail([.key("time_zone")], "'\(zone)' is not a time zone id this system knows")
        }
        if kind == .law || kind == .guidance, (d.citation ?? "").isEmpty {
            throw fail([.key("citation")], "a \(kind.rawValue) rule needs a citation")
        }
        if kind != .company, (d.confidence ?? "").isEmpty {
            throw fail([.key("confidence")], "say how sure the rule is (H, M, L or ?, with words)")
        }
        return CallingRule(
            id: d.id, kind: kind, jurisdictions: jurisdictions, purposes: purposeSet, channels: channels, hours: hours,
            holidayCalendars: calendarsUsed, holidayHours: holidayHours, effectiveFrom: from, effectiveUntil: until,
            timeZone: d.timeZone, citation: d.citation ?? "", confidence: d.confidence ?? "", note: d.note ?? "",
            obligations: d.obligations ?? [])
    }

    /// The weekdays a day key names: `mon`, `mon-fri`, `sat-sun`, `daily`.
    static func days(_ key: String) -> [Weekday]? {
        if key == "daily" { return Weekday.allCases }
        let parts = key.split(separator: "-")
        if parts.count == 1 { return Weekday(key: key).map { [$0] } }
        guard parts.count == 2, let first = Weekday(key: String(parts[0])), let last = Weekday(key: String(parts[1])),
            first < last
        else { return nil }
        return Weekday.allCases.filter { $0 >= first && $0 <= last }
    }
}
