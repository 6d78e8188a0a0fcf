extension CallingWindow {
    /// The window in words a compliance officer can check against the cited texts: the zones, each rule
    /// with its source and confidence, the local hours it allowed in each zone, the holidays that applied,
    /// and the result in UTC and in each zone's local time. This is what `scrub window` prints.
    public var explanation: String {
        var lines: [String] = []
        // Voice is the default channel: its explanations read as they did before channels existed.
        var subject = channel == .voice ? "\(purpose) calls to \(country)" : "\(purpose) \(channel) calls to \(country)"
        if !subdivisions.isEmpty { subject += " (state/province: \(subdivisions.joined(separator: " or ")))" }
        lines.append("Calling windows on \(date) (\(date.weekday)) for \(subject)")
        var zoneLine = "Time zones: \(zones.isEmpty ? "none" : zones.joined(separator: ", "))"
        if zonesFromCountry { zoneLine += " (no location given: every zone of \(country))" }
        lines.append(zoneLine)
        if ambiguous {
            lines.append(
                "Ambiguous location: every candidate zone and state applies; the window is their intersection (the most restrictive)."
            )
        }
        if !holidaySubdivisions.isEmpty, holidaySubdivisions != subdivisions {
            lines.append(
                "State holiday calendars consulted: \(holidaySubdivisions.joined(separator: ", ")) (state not given; inferred from the zones, or all states)"
            )
        }
        lines.append("")
        lines.append(rules.isEmpty ? "Rules: none apply." : "Rules (each one can only narrow the window):")
        for rule in rules {
            lines.append(
                "  \(rule.id) [\(rule.kind), confidence \(rule.confidence)] \(rule.jurisdictions.joined(separator: ", ")), \(rule.effective)"
            )
            if !rule.citation.isEmpty { lines.append("    Source: \(rule.citation)") }
            if let channels = rule.channels { lines.append("    Channels: \(channels.joined(separator: ", "))") }
            if let zone = rule.timeZone {
                lines.append("    Hours are read in \(zone), whatever the called party's zone.")
            }
            if !rule.holidayCalendars.isEmpty {
                lines.append("    Holidays from: \(rule.holidayCalendars.joined(separator: ", "))")
            }
            for step in steps where step.rule == rule.id {
                let basis = step.basis == "holiday" ? "holiday hours" : "\(date.weekday) hours"
                let hours = step.localHours.isEmpty ? "no calls" : step.localHours.joined(separator: " and ")
                let utc = step.utcWindows.isEmpty ? "none" : step.utcWindows.map(\.description).joined(separator: "; ")
                lines.append("    \(step.zone) (\(step.utcOffset)): \(basis) \(hours) local -> \(utc)")
            }
            if !rule.note.isEmpty { lines.append("    Note: \(rule.note)") }
            for obligation in rule.obligations { lines.append("    Also required: \(obligation)") }
        }
        lines.append("")
        if holidays.isEmpty {
            lines.append("Holidays: none on \(date) in the calendars these rules use.")
        } else {
            lines.append("Holidays on \(date):")
            for holiday in holidays {
                lines.append(
                    "  \(holiday.name) (\(holiday.calendar)); holiday hours used for \(holiday.rules.joined(separator: ", "))"
                )
            }
        }
        for problem in problems { lines.append("Problem: \(problem); no window is given (the restrictive reading).") }
        lines.append("")
        if windows.isEmpty {
            lines.append("Permitted windows (UTC): none. No call may be made on \(date).")
        } else {
            lines.append("Permitted windows (UTC): \(windows.map(\.description).joined(separator: "; "))")
            for zone in zones {
                guard let clock = ZoneClock(zone) else { continue }
                let local = windows.map { window -> String in
                    let from = clock.wallClock(at: window.start)
                    let to = clock.wallClock(at: window.end)
                    let toText =
                        to.date == from.date
                        ? LocalTimeInterval.clock(to.minute) : "\(to.date) \(LocalTimeInterval.clock(to.minute))"
                    return "\(from.date) \(LocalTimeInterval.clock(from.minute))-\(toText)"
                }
                lines.append("  in \(zone): \(local.joined(separator: "; "))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
