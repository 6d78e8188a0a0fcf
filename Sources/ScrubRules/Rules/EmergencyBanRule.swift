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
    /// Verdicts by (number profile, interned location), as ``CampaignCaps`` keeps its cap sets: a row
    /// whose place was judged before costs one look-up.
    private let verdicts = Verdicts()

    /// A ban's verdict for one place: the ban and the rejection's detail, or nil (outside every ban).
    private typealias Verdict = (ban: EmergencyBan, placement: String, detail: String)?

    private final class Verdicts {
        var list: [Verdict] = []
        let byKey = UInt64Map<Int>()
    }

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
        guard countries.contains(number.region) else {
            if trace != nil { explain(nil, trace: &trace) }
            return nil
        }
        let found = verdict(number, row)
        if trace != nil { explain(found, trace: &trace) }
        guard let found else { return nil }
        return Rejection(.emergencyBan, detail: found.detail)
    }

    private func verdict(_ number: NumberFacts, _ row: RowFacts) -> Verdict {
        // Profile ids above 24 bits (never seen in practice) are not cached, so keys cannot collide.
        guard let key = row.location.key, key < 1 << 40, number.profile.id < 1 << 24 else {
            return judge(number, row)
        }
        let cacheKey = UInt64(number.profile.id) << 40 | key
        if let index = verdicts.byKey.value(for: cacheKey) { return verdicts.list[index] }
        verdicts.list.append(judge(number, row))
        _ = verdicts.byKey.insertIfAbsent(verdicts.list.count - 1, for: cacheKey)
        return verdicts.list[verdicts.list.count - 1]
    }

    private func judge(_ number: NumberFacts, _ row: RowFacts) -> Verdict {
        let states = Self.states(number, row)
        for ban in bans {
            if let placement = ban.placement(country: number.region, states: states, zip: row.location.postcode) {
                let detail = "emergency \(ban.id) (\(ban.name)), \(ban.range): \(placement); \(ban.citation)"
                return (ban, placement, detail)
            }
        }
        return nil
    }

    private func explain(_ found: Verdict, trace: inout DecisionTrace?) {
        trace?.append("Emergency bans in force on \(campaignDate): \(bans.isEmpty ? "none" : "\(bans.count)")")
        if let found {
            trace?.append(
                "  \(found.ban.id) (\(found.ban.name)), \(found.ban.range): inside (\(found.placement)); "
                    + found.ban.citation)
        } else if !bans.isEmpty {
            trace?.append("  the lead is in none of them")
        }
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
