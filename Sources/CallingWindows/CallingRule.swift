/// One validated rule: the local hours a jurisdiction allows for some purposes, between two dates.
///
/// Rules only ever narrow: the permitted window is the intersection of every rule that applies, so adding a
/// rule (a state's, a company's) can remove time but never add it.
public struct CallingRule: Hashable, Sendable, Identifiable {
    /// What kind of authority a rule carries; printed in explanations, and decides default fallback.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A statute or regulation.
        case law
        /// An industry code or regulator guidance without force of law (the UK's).
        case guidance
        /// House policy for a country where no statutory hours were found. Applies only when no `law` or
        /// `guidance` rule of that country covers the purpose and date.
        case `default`
        /// A narrowing chosen by the company running the pipeline.
        case company
    }

    /// A holiday calendar a rule consults: a fixed calendar (`US-RI`) or the calendar of each candidate
    /// subdivision of a country (`AU-{subdivision}`: the called party's state's public holidays).
    public enum CalendarReference: Hashable, Sendable, CustomStringConvertible {
        case calendar(String)
        case perSubdivision(country: String)

        public var description: String {
            switch self {
            case .calendar(let id): id
            case .perSubdivision(let country): "\(country)-{subdivision}"
            }
        }
    }

    public let id: String
    public let kind: Kind
    public let jurisdictions: [Jurisdiction]
    /// nil: every purpose.
    public let purposes: Set<CallPurpose>?
    /// The channels the rule governs; nil: every channel (the restrictive reading where a law is silent).
    public let channels: Set<CallChannel>?
    /// Local intervals for each weekday, indexed by `Weekday.rawValue - 1`. An empty day allows no calls.
    public let hours: [[LocalTimeInterval]]
    public let holidayCalendars: [CalendarReference]
    /// The hours allowed on a holiday of one of `holidayCalendars` (usually none).
    public let holidayHours: [LocalTimeInterval]
    /// First day the rule is in force; nil: since before any campaign.
    public let effectiveFrom: LocalDate?
    /// First day the rule is no longer in force (exclusive); nil: open-ended.
    public let effectiveUntil: LocalDate?
    /// When set, the local times are read in this zone whatever the called party's zone (Mississippi's
    /// statute says "Central time").
    public let timeZone: String?
    public let citation: String
    /// H, M, L or ? as in the research file, with words.
    public let confidence: String
    public let note: String
    /// Obligations that are not hours (call caps, consent records), printed with the explanation.
    public let obligations: [String]

    public init(
        id: String, kind: Kind, jurisdictions: [Jurisdiction], purposes: Set<CallPurpose>?,
        channels: Set<CallChannel>? = nil, hours: [Weekday: [LocalTimeInterval]],
        holidayCalendars: [CalendarReference] = [],
        holidayHours: [LocalTimeInterval] = [], effectiveFrom: LocalDate? = nil, effectiveUntil: LocalDate? = nil,
        timeZone: String? = nil, citation: String = "", confidence: String = "", note: String = "",
        obligations: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.jurisdictions = jurisdictions
        self.purposes = purposes
        self.channels = channels
        self.hours = Weekday.allCases.map { (hours[$0] ?? []).normalised() }
        self.holidayCalendars = holidayCalendars
        self.holidayHours = holidayHours.normalised()
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.timeZone = timeZone
        self.citation = citation
        self.confidence = confidence
        self.note = note
        self.obligations = obligations
    }

    public func hours(on weekday: Weekday) -> [LocalTimeInterval] { hours[weekday.rawValue - 1] }

    public func isInForce(on date: LocalDate) -> Bool {
        if let effectiveFrom, date < effectiveFrom { return false }
        if let effectiveUntil, date >= effectiveUntil { return false }
        return true
    }

    public func applies(to purpose: CallPurpose) -> Bool { purposes?.contains(purpose) ?? true }

    public func applies(to channel: CallChannel) -> Bool { channels?.contains(channel) ?? true }

    /// Whether the rule has force for a called party in `country`, given the candidate subdivisions.
    public func covers(country: String, subdivisions: [String]) -> Bool {
        jurisdictions.contains { j in
            if j == .everywhere { return true }
            guard j.country == country else { return false }
            guard let sub = j.subdivision else { return true }
            return subdivisions.contains(sub)
        }
    }

    /// The effective range in words: `from 2023-10-01`, `2021-07-01 to 2026-08-10`, `always`.
    public var effectiveRange: String {
        switch (effectiveFrom, effectiveUntil) {
        case (nil, nil): "no date limit"
        case (let from?, nil): "from \(from)"
        case (nil, let until?): "until \(until.adding(days: -1))"
        case (let from?, let until?): "\(from) to \(until.adding(days: -1))"
        }
    }
}
