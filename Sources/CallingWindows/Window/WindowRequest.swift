/// What a calling window depends on: the called party's country, candidate subdivisions and zones, the
/// call purpose and the campaign date. Two rows with equal requests get the same window, which is what
/// `CallingWindowCache` keys on.
public struct WindowRequest: Hashable, Sendable {
    /// ISO 3166-1 alpha-2, upper case.
    public let country: String
    /// Candidate states or provinces (`FL`, `NSW`), upper case, sorted, unique. Empty: unknown.
    public let subdivisions: [String]
    /// Candidate IANA zone ids, sorted, unique. Empty (or only `Etc/Unknown`, the numbering data's "no
    /// zone known"): every zone of the country.
    public let zones: [String]
    public let purpose: CallPurpose
    /// The campaign day, a local calendar day in the called party's zone.
    public let date: LocalDate

    public init(
        country: String, subdivisions: [String] = [], zones: [String] = [],
        purpose: CallPurpose = .telemarketing, date: LocalDate
    ) {
        // Rows usually arrive already normalised (the numbering plan's zone lists are sorted): keep those
        // arrays as they are, so building a request per row allocates nothing.
        let country = country.utf8.contains(where: { (97...122).contains($0) }) ? country.uppercased() : country
        self.country = country
        // Subdivisions are kept without their country: `US-NJ` (ISO 3166-2, as the numbering data writes
        // it) and `nj` are both `NJ`.
        self.subdivisions =
            WindowRequest.isNormalised(subdivisions, upperCase: true)
            ? subdivisions
            : Set(
                subdivisions.map { text in
                    let upper = text.uppercased()
                    return upper.hasPrefix(country + "-") ? String(upper.dropFirst(country.count + 1)) : upper
                }
            ).sorted()
        self.zones = WindowRequest.isNormalised(zones, upperCase: false) ? zones : Set(zones).sorted()
        self.purpose = purpose
        self.date = date
        var hasher = Hasher()
        hasher.combine(self.country)
        hasher.combine(self.subdivisions)
        hasher.combine(self.zones)
        hasher.combine(purpose)
        hasher.combine(date)
        self.precomputedHash = hasher.finalize()
    }

    /// Strictly increasing (so sorted and unique), and upper case with no `-` where asked (subdivisions).
    private static func isNormalised(_ values: [String], upperCase: Bool) -> Bool {
        if upperCase,
            values.contains(where: {
                $0.utf8.contains(where: { (97...122).contains($0) || $0 == UInt8(ascii: "-") })
            })
        {
            return false
        }
        guard values.count > 1 else { return true }
        for index in 1..<values.count where !(values[index - 1] < values[index]) { return false }
        return true
    }

    /// Computed once, so that a cache look-up per row hashes one integer, not a handful of strings.
    private let precomputedHash: Int

    public func hash(into hasher: inout Hasher) { hasher.combine(precomputedHash) }

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
        if let state = state?.trimmingCharacters(), !state.isEmpty {
            let upper = state.uppercased()
            let prefix = country.uppercased() + "-"
            located.append(upper.hasPrefix(prefix) ? String(upper.dropFirst(prefix.count)) : upper)
        }
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
