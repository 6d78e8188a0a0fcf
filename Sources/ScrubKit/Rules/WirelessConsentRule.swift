import CallingWindows

/// `WIRELESS_NO_CONSENT`: an autodialed or prerecorded call (`campaign.channel`) to a wireless number
/// with no prior express consent on the row. The TCPA forbids such calls to "any telephone number
/// assigned to a ... cellular telephone service" without the called party's prior express consent,
/// whatever the purpose (47 U.S.C. 227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1)); live voice calls are not
/// covered, and texts are covered when an autodialer sends them (name that channel `autodialed`).
///
/// A number is wireless when its line type is `mobile`: for North America only the line-type data
/// (``LineTypes``) says so, since the numbering plan cannot. A number the data does not type
/// (`fixed_line_or_mobile`) may be wireless, so it needs the consent too (the strict reading: only a
/// number known to be a landline is spared; without line-type data every US number is unknown, and an
/// autodialed campaign calls only the consented). Numbers of the United States and its
/// territories only: the statute is US law. Consent is the consent the pipeline reads
/// (`consent.columns.timestamp`), given on or before the campaign date and, when the pipeline names an
/// evidence column, with its reference. Ranked right after `NO_CONSENT`, the other missing-consent reason,
/// before the lists: both say what the caller must obtain before any call of this kind.
package struct WirelessConsentRule: RowRule {
    let channel: CallChannel
    let campaignDate: LocalDate
    let consent: ConsentPolicy?

    /// The channels the statute names: an artificial or prerecorded voice, an automatic dialing system.
    static let channels: Set<CallChannel> = [.autodialed, .prerecorded]
    /// The United States and the territories its TCPA covers, by region code.
    static let regions: Set<String> = ["US", "PR", "VI", "GU", "AS", "MP"]
    static let citation = "47 U.S.C. 227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1)"

    /// The rule for a campaign on `channel`; nil for a channel the statute does not cover.
    package init?(channel: CallChannel, campaignDate: LocalDate, consent: ConsentPolicy?) {
        guard Self.channels.contains(channel) else { return nil }
        self.channel = channel
        self.campaignDate = campaignDate
        self.consent = consent
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        let mobile = number.lineType == "mobile"
        guard Self.regions.contains(number.region), mobile || number.lineType == "fixed_line_or_mobile" else {
            if trace != nil {
                trace?.append("Wireless consent (\(channel) calls to mobiles, \(Self.citation)):")
                trace?.append("  \(number.lineType) in \(number.region): not needed")
            }
            return nil
        }
        let facts = evidence()
        let consented =
            consent?.hasConsent(facts) ?? facts.consentDay.map { $0 <= campaignDate } ?? false
        if trace != nil {
            trace?.append("Wireless consent (\(channel) calls to mobiles, \(Self.citation)):")
            let given = facts.consentDay.map { "consent of \($0)" } ?? "no consent given"
            let kind = mobile ? "mobile" : "possibly wireless (no line-type data says landline)"
            trace?.append("  \(kind) in \(number.region): \(given): \(consented ? "counts" : "does not count")")
        }
        guard !consented else { return nil }
        return Rejection(
            .wirelessNoConsent,
            detail:
                "\(channel) calls to a \(mobile ? "wireless number" : "number that may be wireless (its line type is not known)") "
                + "need prior express consent (\(Self.citation)) and the row shows none on or before \(campaignDate)")
    }
}
