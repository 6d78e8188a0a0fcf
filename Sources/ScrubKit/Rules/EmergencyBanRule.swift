import CallingWindows

/// `EMERGENCY_BAN`: a lead inside an area where a declared emergency bans unsolicited calls on the
/// campaign date, whatever `reject_without_window` says (the ban is law, not a window preference).
///
/// It ranks after duplicates and before frequency caps and windows: the reasons before it are
/// permanent (a dialer must drop those rows), and the ban, the caps and the windows only defer a
/// row, the ban for longest. Bans in force on another day are left out when the rule is built.
package struct EmergencyBanRule: RowRule {
    let bans: [EmergencyBan]
    let campaignDate: LocalDate
    /// The countries of the bans in force: a number of another country costs one set look-up.
    let countries: Set<String>

    /// - Parameter bans: the operator's file; only those in force on `campaignDate` are kept.
    package init(bans: [EmergencyBan], campaignDate: LocalDate) {
        self.bans = bans.filter { $0.isInForce(on: campaignDate) }
        self.campaignDate = campaignDate
        self.countries = Set(self.bans.map(\.jurisdiction.country))
    }

    package var isEmpty: Bool { bans.isEmpty }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        var found: (EmergencyBan, String)?
        let states = countries.contains(number.region) ? Self.states(number, row) : []
        for ban in bans where !states.isEmpty || ban.jurisdiction.subdivision == nil {
            if let placement = ban.placement(country: number.region, states: states, zip: row.location.postcode) {
                found = (ban, placement)
                break
            }
        }
        if trace != nil {
            trace?.append("Emergency bans in force on \(campaignDate): \(bans.isEmpty ? "none" : "\(bans.count)")")
            if let (ban, placement) = found {
                trace?.append("  \(ban.id) (\(ban.name)), \(ban.range): inside (\(placement)); \(ban.citation)")
            } else if !bans.isEmpty {
                trace?.append("  the lead is in none of them")
            }
        }
        guard let (ban, placement) = found else { return nil }
        return Rejection(
            .emergencyBan, detail: "emergency \(ban.id) (\(ban.name)), \(ban.range): \(placement); \(ban.citation)")
    }

    /// The lead's candidate states: its state column (a code or a name) and its number's area code's
    /// state. Either may place it inside a ban: the strict reading of a mobile that moved.
    static func states(_ number: NumberFacts, _ row: RowFacts) -> [String] {
        var states: [String] = []
        if let subdivision = number.subdivision {
            let prefix = number.region + "-"
            states.append(subdivision.hasPrefix(prefix) ? String(subdivision.dropFirst(prefix.count)) : subdivision)
        }
        if let state = row.location.state, !state.isEmpty {
            // A two-letter code is the common case and needs no look-up of names.
            let code =
                state.utf8.count == 2 && state.utf8.allSatisfy({ (0x41...0x5A).contains($0 & 0xDF) })
                ? state.uppercased() : PlaceNames.subdivision(state, country: number.region) ?? state.uppercased()
            states.append(code)
        }
        return states
    }
}
