import CallingWindows

/// One declared emergency during which unsolicited calls into an area are banned (New York's General
/// Business Law 399-z as amended by the 2019 Nuisance Call Act; La. R.S. 45:844.31 while the PSC reports
/// to the Emergency Operations Center).
///
/// Emergencies are declared and lifted by governors and regulators from week to week, so they are
/// dated data the operator keeps (`emergencies: FILE` in a pipeline), not rules in the code.
public struct EmergencyBan: Sendable, Equatable {
    /// Where in the jurisdiction the ban holds.
    public enum Area: Sendable, Equatable {
        /// The whole jurisdiction.
        case all
        /// Named counties (or parishes), and the ZIP codes that lie in them when the operator lists
        /// them. Without ZIPs a lead cannot be placed in a county (leads carry no county column), so
        /// every lead of the jurisdiction is inside (the strict reading).
        case counties([String], zips: Set<String>)
        /// ZIP codes (their first five digits).
        case zips(Set<String>)
    }

    public var id: String
    public var name: String
    public var jurisdiction: Jurisdiction
    public var area: Area
    /// The first day of the ban.
    public var start: LocalDate
    /// The last day of the ban (inclusive, as orders are written: "through March 2"); nil: until the
    /// operator enters an end date.
    public var end: LocalDate?
    public var citation: String

    public init(
        id: String, name: String, jurisdiction: Jurisdiction, area: Area, start: LocalDate, end: LocalDate?,
        citation: String
    ) {
        self.id = id
        self.name = name
        self.jurisdiction = jurisdiction
        self.area = area
        self.start = start
        self.end = end
        self.citation = citation
    }

    public func isInForce(on date: LocalDate) -> Bool { date >= start && end.map { date <= $0 } ?? true }

    /// Why a lead is inside the ban, or nil when it is outside.
    ///
    /// - Parameters:
    ///   - states: the lead's candidate subdivisions (its state column and its number's area code), codes
    ///     without their country (`NY`).
    ///   - zip: the lead's postcode, nil when the run has none for the row.
    public func placement(country: String, states: [String], zip: String?) -> String? {
        guard country == jurisdiction.country else { return nil }
        if let state = jurisdiction.subdivision, !states.contains(state) { return nil }
        let five = zip.map { String(decoding: $0.utf8.prefix { (0x30...0x39).contains($0) }.prefix(5), as: UTF8.self) }
        switch area {
        case .all:
            return "the whole of \(jurisdiction)"
        case .zips(let zips):
            guard let five, !five.isEmpty else { return "ZIP unknown, inside a ZIP-level ban of \(jurisdiction)" }
            return zips.contains(five) ? "ZIP \(five)" : nil
        case .counties(let counties, let zips):
            let named = counties.joined(separator: ", ")
            guard !zips.isEmpty else {
                return "counties \(named): the lead's county is unknown, so all of \(jurisdiction) is treated as inside"
            }
            guard let five, !five.isEmpty else { return "counties \(named): ZIP unknown" }
            return zips.contains(five) ? "ZIP \(five) in counties \(named)" : nil
        }
    }

    /// `end` in words.
    var range: String { "\(start) to \(end.map(\.description) ?? "further notice")" }
}
