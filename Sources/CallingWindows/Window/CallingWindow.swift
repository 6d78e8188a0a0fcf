/// The permitted calling windows for one `WindowRequest`, with everything that shaped them.
public struct CallingWindow: Hashable, Sendable, Codable {
    public let date: LocalDate
    public let purpose: CallPurpose
    /// The channel the rules were narrowed to: a rule of another channel is not in `rules`.
    public let channel: CallChannel
    public let country: String
    public let subdivisions: [String]
    /// The zones used (the request's, or all of the country's when it gave none).
    public let zones: [String]
    /// True when `zones` are every zone of the country because the request gave none.
    public let zonesFromCountry: Bool
    /// The subdivisions whose holiday calendars were consulted for `{subdivision}` calendar references.
    public let holidaySubdivisions: [String]
    /// Permitted instants, sorted, disjoint, half-open. Empty: no call may be made on `date`.
    public let windows: [UTCInterval]
    /// The ids of the rules intersected, in the order applied (legal rules, then company rules).
    public let ruleIDs: [String]
    /// Holidays on `date` that replaced a rule's weekday hours.
    public let holidays: [AppliedHoliday]
    /// More than one candidate zone or subdivision: every candidate applied and the result is the
    /// intersection, the most restrictive window.
    public let ambiguous: Bool
    /// Each rule in each zone: the local hours used and the UTC window they give.
    public let steps: [Step]
    public let rules: [RuleSummary]
    /// Why a window could not be computed for part of the request (an unknown zone id): the window is
    /// then empty, the restrictive reading.
    public let problems: [String]

    public struct AppliedHoliday: Hashable, Sendable, Codable {
        public let calendar: String
        public let date: LocalDate
        public let name: String
        /// The rules whose hours it replaced.
        public let rules: [String]
    }

    public struct Step: Hashable, Sendable, Codable {
        public let rule: String
        public let zone: String
        public let utcOffset: String
        /// `weekday` or `holiday`.
        public let basis: String
        public let localHours: [String]
        public let utcWindows: [UTCInterval]
    }

    /// What a compliance officer needs to check a rule: where it comes from and how sure we are.
    public struct RuleSummary: Hashable, Sendable, Codable {
        public let id: String
        public let kind: String
        public let jurisdictions: [String]
        public let effective: String
        public let citation: String
        public let confidence: String
        public let note: String
        public let obligations: [String]
        /// nil: every channel.
        public let channels: [String]?
        public let holidayCalendars: [String]
        public let timeZone: String?

        init(_ rule: CallingRule) {
            id = rule.id
            kind = rule.kind.rawValue
            jurisdictions = rule.jurisdictions.map(\.description)
            effective = rule.effectiveRange
            citation = rule.citation
            confidence = rule.confidence
            note = rule.note
            obligations = rule.obligations
            channels = rule.channels.map { $0.map(\.rawValue).sorted() }
            holidayCalendars = rule.holidayCalendars.map(\.description)
            timeZone = rule.timeZone
        }
    }

    /// True when some call may be made on `date`.
    public var isCallable: Bool { !windows.isEmpty }

    /// Whether `instant` (seconds since the epoch) falls in a window.
    public func permits(_ instant: Int64) -> Bool { windows.contains { $0.contains(instant) } }
}
