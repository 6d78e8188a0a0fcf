import CallingWindows
import Testing

let emptyCalendars = "version: 1\ncalendars: []\n"

/// A rules file whose second rule has one field replaced (on line 14), and the error expected from it.
/// The column is that of the offending value.
@Test(
    "a bad rules file is refused with its file, line, rule and field",
    arguments: [
        (
            "hours: {mon: [\"08:00-25:00\"]}",
            "r.yaml:14:19: error: rule BAD: hours.mon.[0]: '08:00-25:00' is not HH:MM-HH:MM with start before end"
        ),
        (
            "hours: {funday: [\"08:00-20:00\"]}",
            "r.yaml:14:21: error: rule BAD: hours.funday: 'funday' is not a day key (mon ... sun, a range like mon-fri, or daily)"
        ),
        (
            "hours: {daily: [\"08:00-20:00\"], mon-fri: [\"09:00-17:00\"]}",
            "r.yaml:14:46: error: rule BAD: hours.mon-fri: Monday is given twice; each day may appear under one key only"
        ),
        (
            "holidays: [NOPE]",
            "r.yaml:14:16: error: rule BAD: holidays.[0]: no holiday calendar has the id 'NOPE' (known: none)"
        ),
        (
            "effective: {from: \"2024-01-01\", until: \"2023-01-01\"}",
            "r.yaml:14:44: error: rule BAD: effective.until: until (2023-01-01, exclusive) must be after from (2024-01-01)"
        ),
        (
            "effective: {from: \"2024-13-01\"}",
            "r.yaml:14:23: error: rule BAD: effective.from: '2024-13-01' is not a YYYY-MM-DD date"
        ),
        (
            "time_zone: Mars/Base",
            "r.yaml:14:16: error: rule BAD: time_zone: 'Mars/Base' is not a time zone id this system knows"
        ),
        (
            "jurisdictions: [USA-FL]",
            "r.yaml:14:21: error: rule BAD: jurisdictions.[0]: 'USA-FL' is not a country (US) or subdivision (US-FL)"
        ),
        (
            "purposes: [robocalls]",
            "r.yaml:14:16: error: rule BAD: purposes.[0]: 'robocalls' is not a declared purpose (telemarketing, or all)"
        ),
        (
            "channels: [fax]",
            "r.yaml:14:16: error: rule BAD: channels.[0]: 'fax' is not a channel (voice, prerecorded, autodialed, sms)"
        ),
        (
            "channels: []",
            "r.yaml:14:15: error: rule BAD: channels: name at least one channel, or leave channels out"
        ),
        (
            "kind: company",
            "r.yaml:14:11: error: rule BAD: kind: company rules belong in the pipeline, not the rules file"
        ),
        ("id: T-1", "r.yaml:11:9: error: rule T-1: id: the id is used twice; rule ids must be unique"),
    ])
func rejectsBadRules(replacement: String, expected: String) {
    let key = String(replacement.prefix { $0 != ":" })
    var lines = [
        "version: 1",  // 1
        "purposes: {telemarketing: \"sales\"}",  // 2
        "rules:",  // 3
        "  - id: T-1",  // 4
        "    kind: law",  // 5
        "    jurisdictions: [US]",  // 6
        "    purposes: [all]",  // 7
        "    hours: {daily: [\"08:00-21:00\"]}",  // 8
        "    citation: \"test\"",  // 9
        "    confidence: \"H\"",  // 10
        "  - id: BAD",  // 11
        "    kind: law",  // 12
        "    jurisdictions: [US]",  // 13
        "    purposes: [all]",  // 14
        "    hours: {daily: [\"08:00-21:00\"]}",  // 15
        "    citation: \"test\"",  // 16
        "    confidence: \"H\"",  // 17
    ]
    // Put the field under test on line 14, replacing the same key if the rule already has it.
    if key == "id" {
        lines[10] = "  - id: T-1"
    } else {
        let kept = lines[11...].filter { !$0.hasPrefix("    \(key):") }
        lines = Array(lines[..<11]) + kept
        lines.insert("    \(replacement)", at: 13)
    }
    let yaml = lines.joined(separator: "\n") + "\n"
    do {
        _ = try RuleBook(rulesYAML: yaml, rulesFile: "r.yaml", calendarsYAML: emptyCalendars, calendarsFile: "c.yaml")
        Issue.record("accepted a bad rules file")
    } catch {
        #expect(error.description == expected)
    }
}

@Test("a missing required field names the rule and the field")
func missingField() {
    let yaml = """
        version: 1
        purposes: {telemarketing: "sales"}
        rules:
          - id: NO-HOURS
            kind: law
            jurisdictions: [US]
            purposes: [all]
            citation: "x"
            confidence: "H"
        """
    #expect(throws: CallingRulesError.self) {
        try RuleBook(rulesYAML: yaml, rulesFile: "r.yaml", calendarsYAML: emptyCalendars, calendarsFile: "c.yaml")
    }
    do {
        _ = try RuleBook(rulesYAML: yaml, rulesFile: "r.yaml", calendarsYAML: emptyCalendars, calendarsFile: "c.yaml")
    } catch {
        #expect(error.item == "rule NO-HOURS")
        #expect(error.message.contains("'hours'"))
        #expect(error.line == 4)
    }
}

@Test(
    "a bad calendar file is refused with its calendar and field",
    arguments: [
        (
            "{name: \"X\", date: \"02-30\"}",
            "c.yaml:5:27: error: calendar XX: holidays[0].date: X: '02-30' is not a MM-DD day of the year"
        ),
        (
            "{name: \"X\", easter: 1, date: \"01-01\"}",
            "c.yaml:5:16: error: calendar XX: holidays[0].name: X: give exactly one of date, easter, weekday or dates (found date, easter)"
        ),
        (
            "{name: \"X\", weekday: mon, month: 5, nth: 6}",
            "c.yaml:5:50: error: calendar XX: holidays[0].nth: X: nth must be 1...5 or -1 (last)"
        ),
        (
            "{name: \"X\", date: \"01-01\", saturday: friday}",
            "c.yaml:5:46: error: calendar XX: holidays[0].saturday: X: 'friday' is not one of keep, add-next-weekday, move-next-weekday, add-previous-friday, omit"
        ),
    ])
func rejectsBadCalendars(holiday: String, expected: String) {
    let yaml = "version: 1\ncalendars:\n  - id: XX\n    holidays:\n      - \(holiday)\n    name: Test\n"
    do {
        _ = try RuleBook(rulesYAML: minimalRules(), rulesFile: "r.yaml", calendarsYAML: yaml, calendarsFile: "c.yaml")
        Issue.record("accepted a bad calendar file")
    } catch {
        #expect(error.description == expected)
    }
}

@Test("company rules must be of kind company")
func companyKind() {
    let yaml = """
        version: 1
        rules:
          - id: SNEAKY
            kind: law
            jurisdictions: [US]
            purposes: [all]
            hours: {daily: ["00:00-24:00"]}
            citation: "x"
            confidence: "H"
        """
    do {
        _ = try bundledBook.parseCompanyRules(yaml: yaml, file: "pipeline.yaml")
        Issue.record("accepted a law rule from a pipeline")
    } catch {
        #expect(
            error.description
                == "pipeline.yaml:4:11: error: rule SNEAKY: kind: a pipeline may only add rules of kind company")
    }
}

@Test("the bundled rules file is version 1 with a change log")
func bundledVersion() {
    #expect(bundledBook.version == 1)
    #expect(!bundledBook.changelog.isEmpty)
    #expect(Set(bundledBook.purposes.keys) == [.telemarketing, .telemarketingWithConsent, .research])
}
