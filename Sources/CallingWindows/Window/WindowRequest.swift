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
    /// - A state may be written as its code (`TX`, `US-TX`) or its name (`Texas`, `New South Wales`):
    ///   `PlaceNames.subdivision(_:country:)`. An unknown value is kept as written (upper case); it
    ///   brings no zones.
    /// - An Australian postcode gives its state, narrowed to the postcode's zones (NSW 2000 is Sydney);
    ///   a postcode that crosses a border gives every state it spans, unless the row's state is one of
    ///   them. A postcode that contradicts the row's state adds its own states (both apply).
    /// - `numberFixesPlace` false (a mobile, a toll-free or other non-geographic number): the number's
    ///   zones say nothing of where the called party is, so the address decides the zones when it
    ///   names any; when it names none, a country with a state table (AU, CA, US) gets its states' zones
    ///   (`LocationTable.zones(country:)`, never an external territory's), any other the number's zones.
    public static func forLead(
        country: String, numberZones: [String], numberSubdivisions: [String] = [], numberFixesPlace: Bool = true,
        state: String? = nil, postcode: String? = nil, purpose: CallPurpose = .telemarketing, date: LocalDate
    ) -> WindowRequest {
        let country = country.uppercased()
        var subdivisions = numberSubdivisions
        var located: [String] = []
        var locatedZones: [String] = []
        let postcode = postcode?.trimmingCharacters() ?? ""
        let postcodePlaces =
            country == "AU" && !postcode.isEmpty ? LocationTable.australianPlaces(postcode: postcode) : []
        var stateCode: String?
        if let state = state?.trimmingCharacters(), !state.isEmpty {
            let upper = state.uppercased()
            let prefix = country + "-"
            let code =
                PlaceNames.subdivision(state, country: country)
                ?? (upper.hasPrefix(prefix) ? String(upper.dropFirst(prefix.count)) : upper)
            stateCode = code
            located.append(code)
            locatedZones +=
                postcodePlaces.first { $0.state == code }?.zones
                ?? LocationTable.zones(country: country, subdivision: code)
        }
        // The row's state picks its part of a border postcode; a postcode of other states adds them all.
        if !postcodePlaces.contains(where: { $0.state == stateCode }) {
            for place in postcodePlaces {
                located.append(place.state)
                locatedZones += place.zones
            }
        }
        subdivisions += located
        let zones: [String]
        if numberFixesPlace {
            zones = numberZones + locatedZones
        } else if !locatedZones.isEmpty {
            zones = locatedZones
        } else if !LocationTable.subdivisions(country: country).isEmpty {
            zones = LocationTable.zones(country: country)
        } else {
            zones = numberZones
        }
        return WindowRequest(country: country, subdivisions: subdivisions, zones: zones, purpose: purpose, date: date)
    }
}

extension String {
    fileprivate func trimmingCharacters() -> String {
        String(Substring(self).trimmingSpaces())
    }
}
