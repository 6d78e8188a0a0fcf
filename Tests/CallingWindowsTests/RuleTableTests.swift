import CallingWindows
import Testing

/// One case: a called party, a purpose and a day, and the windows and rules expected.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let label: String
    let country: String
    let subdivisions: [String]
    let zone: String
    let purpose: CallPurpose
    let channel: CallChannel
    let date: String
    let windows: String
    let rules: String

    init(
        _ label: String, _ country: String, _ subdivisions: [String], _ zone: String, _ date: String,
        _ windows: String, rules: String, purpose: CallPurpose = .telemarketing, channel: CallChannel = .voice
    ) {
        self.label = label
        self.country = country
        self.subdivisions = subdivisions
        self.zone = zone
        self.purpose = purpose
        self.channel = channel
        self.date = date
        self.windows = windows
        self.rules = rules
    }

    var testDescription: String { label }

    /// The window of this case, through its channel.
    var window: CallingWindow {
        let request = WindowRequest(
            country: country, subdivisions: subdivisions, zones: [zone], purpose: purpose, date: day(date))
        let book = channel == .voice ? calculator : CallingWindowCalculator(ruleBook: bundledBook, channel: channel)
        return book.window(for: request)
    }
}

// Each rule in calling-rules.yaml on a weekday, a weekend day, a holiday (where its calendar has one) and
// either side of an effective-date boundary (where it has one). Expected windows were worked out by hand
// from the rule's local hours and the zone's UTC offset on that day.
let ruleCases: [RuleCase] = [
    // US federal (EST -5 in December, EDT -4 in summer).
    RuleCase(
        "US-TCPA weekday", "US", [], "America/New_York", "2026-12-01", "2026-12-01T13:00:00Z/2026-12-02T02:00:00Z",
        rules: "US-TCPA"),
    RuleCase(
        "US-TCPA weekend", "US", [], "America/New_York", "2026-12-05", "2026-12-05T13:00:00Z/2026-12-06T02:00:00Z",
        rules: "US-TCPA"),
    RuleCase(
        "US-TCPA has no holiday ban", "US", [], "America/New_York", "2026-12-25",
        "2026-12-25T13:00:00Z/2026-12-26T02:00:00Z", rules: "US-TCPA"),
    RuleCase(
        "US-TCPA covers Puerto Rico", "PR", [], "America/Puerto_Rico", "2026-12-01",
        "2026-12-01T12:00:00Z/2026-12-02T01:00:00Z", rules: "US-TCPA"),
    // Florida
    RuleCase(
        "US-FL weekday", "US", ["FL"], "America/New_York", "2026-12-01", "2026-12-01T13:00:00Z/2026-12-02T01:00:00Z",
        rules: "US-TCPA|US-FL"),
    RuleCase(
        "US-FL weekend", "US", ["FL"], "America/New_York", "2026-12-06", "2026-12-06T13:00:00Z/2026-12-07T01:00:00Z",
        rules: "US-TCPA|US-FL"),
    RuleCase(
        "US-FL day before 2021-07-01", "US", ["FL"], "America/New_York", "2021-06-30",
        "2021-06-30T12:00:00Z/2021-07-01T01:00:00Z", rules: "US-TCPA"),
    RuleCase(
        "US-FL from 2021-07-01", "US", ["FL"], "America/New_York", "2021-07-01",
        "2021-07-01T12:00:00Z/2021-07-02T00:00:00Z", rules: "US-TCPA|US-FL"),
    // Oklahoma
    RuleCase(
        "US-OK weekday", "US", ["OK"], "America/Chicago", "2026-12-01", "2026-12-01T14:00:00Z/2026-12-02T02:00:00Z",
        rules: "US-TCPA|US-OK"),
    RuleCase(
        "US-OK day before 2022-11-01", "US", ["OK"], "America/Chicago", "2022-10-31",
        "2022-10-31T13:00:00Z/2022-11-01T02:00:00Z", rules: "US-TCPA"),
    RuleCase(
        "US-OK from 2022-11-01", "US", ["OK"], "America/Chicago", "2022-11-01",
        "2022-11-01T13:00:00Z/2022-11-02T01:00:00Z", rules: "US-TCPA|US-OK"),
    // Maryland
    RuleCase(
        "US-MD weekend before 2024", "US", ["MD"], "America/New_York", "2023-12-31",
        "2023-12-31T13:00:00Z/2024-01-01T02:00:00Z", rules: "US-TCPA"),
    RuleCase(
        "US-MD from 2024-01-01", "US", ["MD"], "America/New_York", "2024-01-01",
        "2024-01-01T13:00:00Z/2024-01-02T01:00:00Z", rules: "US-TCPA|US-MD"),
    // Washington
    RuleCase(
        "US-WA weekday", "US", ["WA"], "America/Los_Angeles", "2026-12-01", "2026-12-01T16:00:00Z/2026-12-02T04:00:00Z",
        rules: "US-TCPA|US-WA"),
    RuleCase(
        "US-WA weekend", "US", ["WA"], "America/Los_Angeles", "2026-12-05", "2026-12-05T16:00:00Z/2026-12-06T04:00:00Z",
        rules: "US-TCPA|US-WA"),
    // Texas: Sundays start at noon.
    RuleCase(
        "US-TX weekday", "US", ["TX"], "America/Chicago", "2026-12-01", "2026-12-01T15:00:00Z/2026-12-02T03:00:00Z",
        rules: "US-TCPA|US-TX"),
    RuleCase(
        "US-TX Saturday", "US", ["TX"], "America/Chicago", "2026-12-05", "2026-12-05T15:00:00Z/2026-12-06T03:00:00Z",
        rules: "US-TCPA|US-TX"),
    RuleCase(
        "US-TX Sunday", "US", ["TX"], "America/Chicago", "2026-12-06", "2026-12-06T18:00:00Z/2026-12-07T03:00:00Z",
        rules: "US-TCPA|US-TX"),
    // Alabama: no Sundays, no state holidays.
    RuleCase(
        "US-AL weekday", "US", ["AL"], "America/Chicago", "2026-12-01", "2026-12-01T14:00:00Z/2026-12-02T02:00:00Z",
        rules: "US-TCPA|US-AL"),
    RuleCase(
        "US-AL Saturday", "US", ["AL"], "America/Chicago", "2026-12-05", "2026-12-05T14:00:00Z/2026-12-06T02:00:00Z",
        rules: "US-TCPA|US-AL"),
    RuleCase("US-AL Sunday", "US", ["AL"], "America/Chicago", "2026-12-06", "", rules: "US-TCPA|US-AL"),
    RuleCase("US-AL Christmas", "US", ["AL"], "America/Chicago", "2026-12-25", "", rules: "US-TCPA|US-AL"),
    RuleCase(
        "US-AL Jefferson Davis Birthday", "US", ["AL"], "America/Chicago", "2026-06-01", "", rules: "US-TCPA|US-AL"),
    // Louisiana
    RuleCase(
        "US-LA weekday", "US", ["LA"], "America/Chicago", "2026-12-01", "2026-12-01T14:00:00Z/2026-12-02T02:00:00Z",
        rules: "US-TCPA|US-LA"),
    RuleCase("US-LA Sunday", "US", ["LA"], "America/Chicago", "2026-12-06", "", rules: "US-TCPA|US-LA"),
    RuleCase("US-LA Mardi Gras", "US", ["LA"], "America/Chicago", "2026-02-17", "", rules: "US-TCPA|US-LA"),
    RuleCase(
        "US-LA Columbus Day is not a Louisiana holiday", "US", ["LA"], "America/Chicago", "2026-10-12",
        "2026-10-12T13:00:00Z/2026-10-13T01:00:00Z", rules: "US-TCPA|US-LA"),
    // Mississippi: hours in Central time whatever the zone; holiday ban kept through 2024.
    RuleCase(
        "US-MS weekday read in Central time", "US", ["MS"], "America/New_York", "2026-12-01",
        "2026-12-01T14:00:00Z/2026-12-02T02:00:00Z", rules: "US-TCPA|US-MS"),
    RuleCase("US-MS Sunday", "US", ["MS"], "America/Chicago", "2026-12-06", "", rules: "US-TCPA|US-MS"),
    RuleCase(
        "US-MS holiday in 2024 (restrictive)", "US", ["MS"], "America/Chicago", "2024-12-25", "",
        rules: "US-TCPA|US-MS|US-MS-holidays-until-2024"),
    RuleCase(
        "US-MS holiday after the repeal", "US", ["MS"], "America/Chicago", "2025-12-25",
        "2025-12-25T14:00:00Z/2025-12-26T02:00:00Z", rules: "US-TCPA|US-MS"),
    // Utah
    RuleCase(
        "US-UT weekday", "US", ["UT"], "America/Denver", "2026-12-01", "2026-12-01T15:00:00Z/2026-12-02T04:00:00Z",
        rules: "US-TCPA|US-UT"),
    RuleCase("US-UT Sunday", "US", ["UT"], "America/Denver", "2026-12-06", "", rules: "US-TCPA|US-UT"),
    RuleCase("US-UT Pioneer Day", "US", ["UT"], "America/Denver", "2026-07-24", "", rules: "US-TCPA|US-UT"),
    // Rhode Island
    RuleCase(
        "US-RI weekday", "US", ["RI"], "America/New_York", "2026-12-01", "2026-12-01T14:00:00Z/2026-12-01T23:00:00Z",
        rules: "US-TCPA|US-RI"),
    RuleCase(
        "US-RI Saturday", "US", ["RI"], "America/New_York", "2026-12-05", "2026-12-05T15:00:00Z/2026-12-05T22:00:00Z",
        rules: "US-TCPA|US-RI"),
    RuleCase("US-RI Sunday", "US", ["RI"], "America/New_York", "2026-12-06", "", rules: "US-TCPA|US-RI"),
    RuleCase("US-RI Victory Day", "US", ["RI"], "America/New_York", "2026-08-10", "", rules: "US-TCPA|US-RI"),
    RuleCase(
        "US-RI federal holiday observed", "US", ["RI"], "America/New_York", "2026-07-03", "", rules: "US-TCPA|US-RI"),
    // Connecticut: 21:00 until 2023-09-30, 20:00 from 2023-10-01.
    RuleCase(
        "US-CT day before 2023-10-01", "US", ["CT"], "America/New_York", "2023-09-30",
        "2023-09-30T13:00:00Z/2023-10-01T01:00:00Z", rules: "US-TCPA|US-CT-before-2023-10"),
    RuleCase(
        "US-CT from 2023-10-01", "US", ["CT"], "America/New_York", "2023-10-01",
        "2023-10-01T13:00:00Z/2023-10-02T00:00:00Z", rules: "US-TCPA|US-CT"),
    RuleCase(
        "US-CT weekday", "US", ["CT"], "America/New_York", "2026-12-01", "2026-12-01T14:00:00Z/2026-12-02T01:00:00Z",
        rules: "US-TCPA|US-CT"),
    // Low-confidence states
    RuleCase(
        "US-MA weekday", "US", ["MA"], "America/New_York", "2026-12-01", "2026-12-01T13:00:00Z/2026-12-02T01:00:00Z",
        rules: "US-TCPA|US-MA"),
    RuleCase(
        "US-KY weekday (10:00 start, restrictive)", "US", ["KY"], "America/New_York", "2026-12-01",
        "2026-12-01T15:00:00Z/2026-12-02T02:00:00Z", rules: "US-TCPA|US-KY"),
    RuleCase(
        "US-MI weekend", "US", ["MI"], "America/Detroit", "2026-12-05", "2026-12-05T14:00:00Z/2026-12-06T02:00:00Z",
        rules: "US-TCPA|US-MI"),
    RuleCase(
        "US-MN weekday", "US", ["MN"], "America/Chicago", "2026-12-01", "2026-12-01T15:00:00Z/2026-12-02T03:00:00Z",
        rules: "US-TCPA|US-MN"),
    RuleCase(
        "US-NM weekday", "US", ["NM"], "America/Denver", "2026-12-01", "2026-12-01T16:00:00Z/2026-12-02T04:00:00Z",
        rules: "US-TCPA|US-NM"),
    RuleCase(
        "US-NV weekday", "US", ["NV"], "America/Los_Angeles", "2026-12-01", "2026-12-01T17:00:00Z/2026-12-02T04:00:00Z",
        rules: "US-TCPA|US-NV"),
    RuleCase(
        "US-WY weekday", "US", ["WY"], "America/Denver", "2026-12-01", "2026-12-01T15:00:00Z/2026-12-02T03:00:00Z",
        rules: "US-TCPA|US-WY"),
    // Pennsylvania: no legal holidays from 2019-12-03.
    RuleCase(
        "US-PA weekday", "US", ["PA"], "America/New_York", "2026-12-01", "2026-12-01T13:00:00Z/2026-12-02T02:00:00Z",
        rules: "US-TCPA|US-PA"),
    RuleCase(
        "US-PA day after Thanksgiving", "US", ["PA"], "America/New_York", "2026-11-27", "", rules: "US-TCPA|US-PA"),
    RuleCase(
        "US-PA holiday before Act 73", "US", ["PA"], "America/New_York", "2019-11-28",
        "2019-11-28T13:00:00Z/2019-11-29T02:00:00Z", rules: "US-TCPA"),
    RuleCase("US-PA holiday after Act 73", "US", ["PA"], "America/New_York", "2019-12-25", "", rules: "US-TCPA|US-PA"),
    // Canada
    RuleCase(
        "CA-CRTC weekday", "CA", [], "America/Toronto", "2026-12-01", "2026-12-01T14:00:00Z/2026-12-02T02:30:00Z",
        rules: "CA-CRTC"),
    RuleCase(
        "CA-CRTC weekend", "CA", [], "America/Toronto", "2026-12-05", "2026-12-05T15:00:00Z/2026-12-05T23:00:00Z",
        rules: "CA-CRTC"),
    RuleCase(
        "CA-CRTC has no holiday ban", "CA", [], "America/Toronto", "2026-12-25",
        "2026-12-25T14:00:00Z/2026-12-26T02:30:00Z", rules: "CA-CRTC"),
    RuleCase(
        "CA before the CRTC rules: house default", "CA", [], "America/Toronto", "2008-09-29",
        "2008-09-29T13:00:00Z/2008-09-30T00:00:00Z", rules: "DEFAULT-HOURS"),
    RuleCase(
        "CA-CRTC first day", "CA", [], "America/Toronto", "2008-09-30", "2008-09-30T13:00:00Z/2008-10-01T01:30:00Z",
        rules: "CA-CRTC"),
    RuleCase(
        "CA-BC weekday", "CA", ["BC"], "America/Vancouver", "2026-12-01", "2026-12-01T17:00:00Z/2026-12-02T05:30:00Z",
        rules: "CA-CRTC|CA-BC"),
    RuleCase(
        "CA-BC weekend", "CA", ["BC"], "America/Vancouver", "2026-12-05", "2026-12-05T18:00:00Z/2026-12-06T02:00:00Z",
        rules: "CA-CRTC|CA-BC"),
    RuleCase("CA-BC British Columbia Day", "CA", ["BC"], "America/Vancouver", "2026-08-03", "", rules: "CA-CRTC|CA-BC"),
    RuleCase(
        "CA-BC before 2005-10-01: house default", "CA", ["BC"], "America/Vancouver", "2005-09-30",
        "2005-09-30T16:00:00Z/2005-10-01T03:00:00Z", rules: "DEFAULT-HOURS"),
    RuleCase(
        "CA-BC from 2005-10-01", "CA", ["BC"], "America/Vancouver", "2005-10-01",
        "2005-10-01T17:00:00Z/2005-10-02T01:00:00Z", rules: "CA-BC"),
    // Australia, telemarketing (AEDT +11 in December)
    RuleCase(
        "AU-TELEMARKETING weekday", "AU", ["NSW"], "Australia/Sydney", "2026-12-01",
        "2026-11-30T22:00:00Z/2026-12-01T09:00:00Z", rules: "AU-TELEMARKETING"),
    RuleCase(
        "AU-TELEMARKETING Saturday", "AU", ["NSW"], "Australia/Sydney", "2026-12-05",
        "2026-12-04T22:00:00Z/2026-12-05T06:00:00Z", rules: "AU-TELEMARKETING"),
    RuleCase("AU-TELEMARKETING Sunday", "AU", ["NSW"], "Australia/Sydney", "2026-12-06", "", rules: "AU-TELEMARKETING"),
    RuleCase(
        "AU-TELEMARKETING national holiday", "AU", ["NSW"], "Australia/Sydney", "2026-12-25", "",
        rules: "AU-TELEMARKETING"),
    RuleCase(
        "AU-TELEMARKETING state holiday (NSW Labour Day)", "AU", ["NSW"], "Australia/Sydney", "2026-10-05", "",
        rules: "AU-TELEMARKETING"),
    RuleCase(
        "AU-TELEMARKETING consented calls too", "AU", ["NSW"], "Australia/Sydney", "2026-12-06", "",
        rules: "AU-TELEMARKETING", purpose: .telemarketingWithConsent),
    RuleCase(
        "AU Saturday before the 2017 standard: house default", "AU", ["NSW"], "Australia/Sydney", "2017-03-25",
        "2017-03-24T23:00:00Z/2017-03-25T07:00:00Z", rules: "DEFAULT-HOURS"),
    RuleCase(
        "AU Saturday after the 2017 standard", "AU", ["NSW"], "Australia/Sydney", "2017-04-01",
        "2017-03-31T22:00:00Z/2017-04-01T06:00:00Z", rules: "AU-TELEMARKETING"),
    // Australia, research
    RuleCase(
        "AU-RESEARCH weekday", "AU", ["NSW"], "Australia/Sydney", "2026-12-01",
        "2026-11-30T22:00:00Z/2026-12-01T09:30:00Z", rules: "AU-RESEARCH", purpose: .research),
    RuleCase(
        "AU-RESEARCH Sunday", "AU", ["NSW"], "Australia/Sydney", "2026-12-06",
        "2026-12-05T22:00:00Z/2026-12-06T06:00:00Z", rules: "AU-RESEARCH", purpose: .research),
    RuleCase(
        "AU-RESEARCH national holiday (restrictive)", "AU", ["NSW"], "Australia/Sydney", "2026-12-25", "",
        rules: "AU-RESEARCH", purpose: .research),
    RuleCase(
        "AU-RESEARCH before 2017-03-29: house default", "AU", ["NSW"], "Australia/Sydney", "2017-03-26", "",
        rules: "DEFAULT-HOURS", purpose: .research),
    // France (CET +1 in December, CEST +2 in summer)
    RuleCase(
        "FR-D223-9 weekday, two intervals", "FR", [], "Europe/Paris", "2026-12-01",
        "2026-12-01T09:00:00Z/2026-12-01T12:00:00Z;2026-12-01T13:00:00Z/2026-12-01T19:00:00Z", rules: "FR-D223-9",
        purpose: .telemarketingWithConsent),
    RuleCase(
        "FR-D223-9 Saturday", "FR", [], "Europe/Paris", "2026-12-05", "", rules: "FR-D223-9",
        purpose: .telemarketingWithConsent),
    RuleCase(
        "FR-D223-9 Armistice Day", "FR", [], "Europe/Paris", "2026-11-11", "", rules: "FR-D223-9",
        purpose: .telemarketingWithConsent),
    RuleCase(
        "FR before the decree: house default", "FR", [], "Europe/Paris", "2023-02-28",
        "2023-02-28T08:00:00Z/2023-02-28T19:00:00Z", rules: "DEFAULT-HOURS"),
    RuleCase(
        "FR-D223-9 first day", "FR", [], "Europe/Paris", "2023-03-01",
        "2023-03-01T09:00:00Z/2023-03-01T12:00:00Z;2023-03-01T13:00:00Z/2023-03-01T19:00:00Z", rules: "FR-D223-9"),
    RuleCase(
        "FR unsolicited calls before August 2026", "FR", [], "Europe/Paris", "2026-07-31",
        "2026-07-31T08:00:00Z/2026-07-31T11:00:00Z;2026-07-31T12:00:00Z/2026-07-31T18:00:00Z", rules: "FR-D223-9"),
    RuleCase(
        "FR uncertain start 2026-08-01 (restrictive)", "FR", [], "Europe/Paris", "2026-08-10", "",
        rules: "FR-D223-9|FR-OPTIN-2026-EARLY"),
    RuleCase("FR opt-in from 2026-08-11", "FR", [], "Europe/Paris", "2026-08-11", "", rules: "FR-D223-9|FR-OPTIN-2026"),
    RuleCase(
        "FR consented calls after 2026-08-11", "FR", [], "Europe/Paris", "2026-08-11",
        "2026-08-11T08:00:00Z/2026-08-11T11:00:00Z;2026-08-11T12:00:00Z/2026-08-11T18:00:00Z", rules: "FR-D223-9",
        purpose: .telemarketingWithConsent),
    // Spain
    RuleCase(
        "ES weekday", "ES", [], "Europe/Madrid", "2026-12-01", "2026-12-01T08:00:00Z/2026-12-01T20:00:00Z",
        rules: "ES-TRLGDCU-96"),
    RuleCase("ES Saturday", "ES", [], "Europe/Madrid", "2026-12-05", "", rules: "ES-TRLGDCU-96"),
    RuleCase("ES Immaculate Conception", "ES", [], "Europe/Madrid", "2026-12-08", "", rules: "ES-TRLGDCU-96"),
    // United Kingdom (guidance); bank holidays like weekends.
    RuleCase(
        "GB weekday", "GB", [], "Europe/London", "2026-12-01", "2026-12-01T08:00:00Z/2026-12-01T21:00:00Z",
        rules: "GB-DMA-CODE|GB-PECR-ATTEMPTS"),
    RuleCase(
        "GB weekend", "GB", [], "Europe/London", "2026-12-05", "2026-12-05T09:00:00Z/2026-12-05T21:00:00Z",
        rules: "GB-DMA-CODE|GB-PECR-ATTEMPTS"),
    RuleCase(
        "GB bank holiday (Boxing Day observed)", "GB", [], "Europe/London", "2026-12-28",
        "2026-12-28T09:00:00Z/2026-12-28T21:00:00Z", rules: "GB-DMA-CODE|GB-PECR-ATTEMPTS"),
    RuleCase(
        "GB summer bank holiday in BST", "GB", [], "Europe/London", "2026-08-31",
        "2026-08-31T08:00:00Z/2026-08-31T20:00:00Z", rules: "GB-DMA-CODE|GB-PECR-ATTEMPTS"),
    RuleCase(
        "GB summer Monday in BST", "GB", [], "Europe/London", "2026-08-24", "2026-08-24T07:00:00Z/2026-08-24T20:00:00Z",
        rules: "GB-DMA-CODE|GB-PECR-ATTEMPTS"),
    // Consent-only countries
    RuleCase("DE unsolicited calls", "DE", [], "Europe/Berlin", "2026-12-01", "", rules: "DE-UWG-7"),
    RuleCase(
        "DE consented weekday: house default", "DE", [], "Europe/Berlin", "2026-12-01",
        "2026-12-01T08:00:00Z/2026-12-01T19:00:00Z", rules: "DEFAULT-HOURS", purpose: .telemarketingWithConsent),
    RuleCase(
        "DE consented Saturday", "DE", [], "Europe/Berlin", "2026-12-05", "2026-12-05T09:00:00Z/2026-12-05T17:00:00Z",
        rules: "DEFAULT-HOURS", purpose: .telemarketingWithConsent),
    RuleCase(
        "DE consented Sunday", "DE", [], "Europe/Berlin", "2026-12-06", "", rules: "DEFAULT-HOURS",
        purpose: .telemarketingWithConsent),
    RuleCase(
        "NL before opt-in", "NL", [], "Europe/Amsterdam", "2021-06-30", "2021-06-30T07:00:00Z/2021-06-30T18:00:00Z",
        rules: "DEFAULT-HOURS"),
    RuleCase("NL from opt-in 2021-07-01", "NL", [], "Europe/Amsterdam", "2021-07-01", "", rules: "NL-OPTIN"),
    // House default elsewhere
    RuleCase(
        "NZ weekday (NZDT +13)", "NZ", [], "Pacific/Auckland", "2026-12-01",
        "2026-11-30T20:00:00Z/2026-12-01T07:00:00Z", rules: "DEFAULT-HOURS"),
    RuleCase(
        "IT Saturday", "IT", [], "Europe/Rome", "2026-12-05", "2026-12-05T09:00:00Z/2026-12-05T17:00:00Z",
        rules: "DEFAULT-HOURS"),
]

@Test("each rule gives the hand-worked window", arguments: ruleCases)
func ruleTable(_ c: RuleCase) {
    let columns = WindowColumns(c.window)
    #expect(columns.callWindowsUTC == c.windows)
    #expect(columns.callRules == c.rules)
}

@Test("every rule in the bundled file is exercised by the rule table")
func everyRuleCovered() {
    let covered = Set(
        (ruleCases.map(\.rules) + channelRuleCases.map(\.rules)).flatMap { $0.split(separator: "|").map(String.init) })
    let missing = bundledBook.rules.map(\.id).filter { !covered.contains($0) }
    #expect(missing.isEmpty, "rules with no case: \(missing)")
}

@Test(
    "a default applies to every supported region without its own hours",
    arguments: [
        "US", "CA", "PR", "VI", "GU", "AS", "MP", "AU", "GB", "IE", "FR", "DE", "ES", "IT", "NL", "BE", "AT", "CH",
        "SE",
        "DK", "NO", "FI", "PL", "PT", "NZ",
    ])
func everyRegionHasRules(country: String) {
    let rules = bundledBook.applicableRules(
        country: country, subdivisions: [], purpose: .telemarketingWithConsent,
        date: day("2026-12-01"))
    #expect(!rules.isEmpty)
    #expect(!LocationTable.zones(country: country).isEmpty)
}
