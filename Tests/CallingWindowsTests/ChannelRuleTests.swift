import CallingWindows
import Testing

// The day before and the day of each new rule's effective date, on the channels it governs and on one it
// does not.
let channelRuleCases: [RuleCase] = [
    // Oregon HB 3865 (PST -8): 08:00-20:00 from 2026-01-01, every channel.
    RuleCase(
        "US-OR day before 2026-01-01", "US", ["OR"], "America/Los_Angeles", "2025-12-31",
        "2025-12-31T16:00:00Z/2026-01-01T05:00:00Z", rules: "US-TCPA", channel: .voice),
    RuleCase(
        "US-OR from 2026-01-01", "US", ["OR"], "America/Los_Angeles", "2026-01-01",
        "2026-01-01T16:00:00Z/2026-01-02T04:00:00Z", rules: "US-TCPA|US-OR", channel: .voice),
    RuleCase(
        "US-OR covers texts", "US", ["OR"], "America/Los_Angeles", "2026-01-01",
        "2026-01-01T16:00:00Z/2026-01-02T04:00:00Z", rules: "US-TCPA|US-OR", channel: .sms),
    // Virginia (EST -5): 08:00-21:00; SB 1339's text rule from 2026-01-01.
    RuleCase(
        "US-VA texts, day before SB 1339", "US", ["VA"], "America/New_York", "2025-12-31",
        "2025-12-31T13:00:00Z/2026-01-01T02:00:00Z", rules: "US-TCPA|US-VA", channel: .sms),
    RuleCase(
        "US-VA texts from SB 1339", "US", ["VA"], "America/New_York", "2026-01-01",
        "2026-01-01T13:00:00Z/2026-01-02T02:00:00Z", rules: "US-TCPA|US-VA|US-VA-SB1339-TEXTS", channel: .sms),
    RuleCase(
        "US-VA voice is not under the text rule", "US", ["VA"], "America/New_York", "2026-01-01",
        "2026-01-01T13:00:00Z/2026-01-02T02:00:00Z", rules: "US-TCPA|US-VA", channel: .voice),
    // Texas SB 140 (CDT -5): texts are solicitations from 2025-09-01 (a Monday; 2025-08-31 a Sunday).
    RuleCase(
        "US-TX texts, day before SB 140", "US", ["TX"], "America/Chicago", "2025-08-31",
        "2025-08-31T13:00:00Z/2025-09-01T02:00:00Z", rules: "US-TCPA", channel: .sms),
    RuleCase(
        "US-TX texts from SB 140", "US", ["TX"], "America/Chicago", "2025-09-01",
        "2025-09-01T14:00:00Z/2025-09-02T02:00:00Z", rules: "US-TCPA|US-TX-SB140-TEXTS", channel: .sms),
    RuleCase(
        "US-TX voice on a Sunday", "US", ["TX"], "America/Chicago", "2025-08-31",
        "2025-08-31T17:00:00Z/2025-09-01T02:00:00Z", rules: "US-TCPA|US-TX", channel: .voice),
    RuleCase(
        "US-TX autodialed is the voice rule", "US", ["TX"], "America/Chicago", "2025-09-01",
        "2025-09-01T14:00:00Z/2025-09-02T02:00:00Z", rules: "US-TCPA|US-TX", channel: .autodialed),
    // The FCC's revoke-all scope (EST -5) from 2027-01-31, for robocalls and robotexts only.
    RuleCase(
        "US-FCC-REVOKE-ALL day before", "US", [], "America/New_York", "2027-01-30",
        "2027-01-30T13:00:00Z/2027-01-31T02:00:00Z", rules: "US-TCPA", channel: .autodialed),
    RuleCase(
        "US-FCC-REVOKE-ALL from 2027-01-31", "US", [], "America/New_York", "2027-01-31",
        "2027-01-31T13:00:00Z/2027-02-01T02:00:00Z", rules: "US-TCPA|US-FCC-REVOKE-ALL", channel: .prerecorded),
    RuleCase(
        "US-FCC-REVOKE-ALL texts", "US", [], "America/New_York", "2027-01-31",
        "2027-01-31T13:00:00Z/2027-02-01T02:00:00Z", rules: "US-TCPA|US-FCC-REVOKE-ALL", channel: .sms),
    RuleCase(
        "US-FCC-REVOKE-ALL not for live voice", "US", [], "America/New_York", "2027-01-31",
        "2027-01-31T13:00:00Z/2027-02-01T02:00:00Z", rules: "US-TCPA", channel: .voice),
    // The UK (GMT): attempts count from 2026-02-05; no hours of its own.
    RuleCase(
        "GB-PECR-ATTEMPTS day before", "GB", [], "Europe/London", "2026-02-04",
        "2026-02-04T08:00:00Z/2026-02-04T21:00:00Z", rules: "GB-DMA-CODE", channel: .voice),
    RuleCase(
        "GB-PECR-ATTEMPTS from 2026-02-05", "GB", [], "Europe/London", "2026-02-05",
        "2026-02-05T08:00:00Z/2026-02-05T21:00:00Z", rules: "GB-DMA-CODE|GB-PECR-ATTEMPTS", channel: .voice),
]

@Test("each channel's rules give the hand-worked window", arguments: channelRuleCases)
func channelRuleTable(_ c: RuleCase) {
    let columns = WindowColumns(c.window)
    #expect(columns.callWindowsUTC == c.windows)
    #expect(columns.callRules == c.rules)
}

@Test(
    "a window's edges: the minute before each opens nothing, the minute after each edge is inside",
    arguments: channelRuleCases)
func channelRuleEdges(_ c: RuleCase) throws {
    let window = c.window
    let interval = try #require(window.windows.first)
    #expect(window.windows.count == 1)
    #expect(!window.permits(interval.start - 60))
    #expect(window.permits(interval.start))
    #expect(window.permits(interval.end - 60))
    #expect(!window.permits(interval.end))
}

@Test("a rule of another channel is not in the window's explanation; a channel rule shows its channels")
func channelExplanation() {
    let texts = channelRuleCases.first { $0.label == "US-TX texts from SB 140" }!.window
    #expect(texts.channel == .sms)
    #expect(texts.explanation.contains("for telemarketing sms calls to US (state/province: TX)"))
    #expect(texts.explanation.contains("US-TX-SB140-TEXTS [law, confidence M"))
    #expect(texts.explanation.contains("Source: Tex. S.B. 140 (89th Leg., 2025)"))
    #expect(texts.explanation.contains("Channels: sms"))
    #expect(!texts.explanation.contains("  US-TX [law"))
    let voice = channelRuleCases.first { $0.label == "US-TX voice on a Sunday" }!.window
    #expect(voice.explanation.contains("for telemarketing calls to US (state/province: TX)"))
    #expect(!voice.explanation.contains("US-TX-SB140-TEXTS"))
    let oregon = channelRuleCases.first { $0.label == "US-OR from 2026-01-01" }!.window
    #expect(oregon.explanation.contains("Source: Or. HB 3865 (2025)"))
    #expect(oregon.explanation.contains("Also required: At most 3 calls or texts in 24 hours"))
    let virginia = channelRuleCases.first { $0.label == "US-VA texts from SB 1339" }!.window
    #expect(virginia.explanation.contains("for at least 10 years"))
}

@Test("narrowing a book to a channel keeps the rules of every channel and of that one only")
func restrictedBook() {
    let sms = bundledBook.restricted(to: .sms)
    #expect(sms.channel == .sms)
    #expect(sms.rules.allSatisfy { $0.channels == nil || $0.channels!.contains(.sms) })
    #expect(sms.rules.contains { $0.id == "US-TX-SB140-TEXTS" })
    #expect(!sms.rules.contains { $0.id == "US-TX" })
    #expect(bundledBook.channel == nil)
    #expect(
        bundledBook.rules.count
            == Set(CallChannel.allCases.flatMap { bundledBook.restricted(to: $0).rules.map(\.id) }).count)
}

@Test("the change log says Michigan's bill is not encoded")
func michiganNotEncoded() {
    let changes = bundledBook.changelog.flatMap(\.changes).joined(separator: " ")
    #expect(changes.contains("Michigan SB 351"))
    #expect(
        !bundledBook.rules.contains {
            $0.jurisdictions.contains(Jurisdiction(country: "US", subdivision: "MI")) && $0.id != "US-MI"
        })
}
