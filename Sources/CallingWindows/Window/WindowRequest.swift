/// What a calling window depends on: the called party's country, candidate subdivisions and zones, the
/// call purpose and the campaign date. Two rows with equal requests get the same window, which is what
/// `CallingWindowCache` keys on.
public struct WindowRequest: Hashable, Sendable {
    /// ISO 3166-1 alpha-2, upper case.
    public let country: String
    /// Candidate states or provinces (`FL`, `NSW`), upper case, sorted, unique. Empty: unknown.
    public let subdivisions: [String]
    /// Candidate IANA zone ids, sorted, unique. Empty: every zone of the country.
    public let zones: [String]
    public let purpose: CallPurpose
    /// The campaign day, a local calendar day in the called party's zone.
    public let date: LocalDate

    public init(
        country: String, subdivisions: [String] = [], zones: [String] = [],
        purpose: CallPurpose = .telemarketing, date: LocalDate
    ) {
        self.country = country.uppercased()
        self.subdivisions = Set(subdivisions.map { $0.uppercased() }).sorted()
        self.zones = Set(zones).sorted()
        self.purpose = purpose
        self.date = date
    }

    /// A request for a lead row: the number's own candidates (zones from its prefix, and the state its
    /// area code presumes, if the numbering data gives one) plus the row's state and/or postcode, which
    /// add their zones and their state's rules.
    ///
    /// An Australian postcode gives its state; a postcode that crosses a border gives every state it spans.
    public static func forLead(
        country: String, numberZones: [String], numberSubdivisions: [String] = [], state: String? = nil,
        postcode: String? = nil, purpose: CallPurpose = .telemarketing, date: LocalDate
    ) -> WindowRequest {
        var zones = numberZones
        var subdivisions = numberSubdivisions
        var located: [String] = []
        if let state = state?.trimmingCharacters(), !state.isEmpty { located.append(state.uppercased()) }
        if let postcode = postcode?.trimmingCharacters(), !postcode.isEmpty, country.uppercased() == "AU" {
            located += LocationTable.australianStates(postcode: postcode)
        }
        for sub in located {
            subdivisions.append(sub)
            zones += LocationTable.zones(country: country, subdivision: sub)
        }
        return WindowRequest(country: country, subdivisions: subdivisions, zones: zones, purpose: purpose, date: date)
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        String(Substring(self).trimmingSpaces())
    }
}
