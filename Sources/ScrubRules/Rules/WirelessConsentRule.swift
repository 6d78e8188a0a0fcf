import CallingWindows

/// `WIRELESS_NO_CONSENT`: an autodialed or prerecorded call, or a text (`campaign.channel`), to a
/// wireless number with no prior express consent on the row. The TCPA forbids such calls to "any
/// telephone number assigned to a ... cellular telephone service" without the called party's prior
/// express consent, whatever the purpose (47 U.S.C. 227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1)); live voice
/// calls are not covered. A text to a mobile is such a call (Campbell-Ewald Co. v. Gomez, 577 U.S. 153
/// (2016)) when an automatic system sends it; whether a given texting platform is one is argued case by
/// case since Facebook v. Duguid (2021), so `sms` takes the stricter reading: every marketing text
/// platform sends automatically.
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

    /// The channels the statute names: an artificial or prerecorded voice, an automatic dialing system,
    /// and texts (sent by one, the stricter reading).
    static let channels: Set<CallChannel> = [.autodialed, .prerecorded, .sms]
    /// The United States and the territories its TCPA covers, by region code.
    static let regions: Set<String> = ["US", "PR", "VI", "GU", "AS", "MP"]
    static let citation = "47 U.S.C. 227(b)(1)(A)(iii); 47 CFR 64.1200(a)(1)"
    /// Why a text is such a call.
    static let textCitation = "texts are calls: Campbell-Ewald Co. v. Gomez, 577 U.S. 153 (2016)"

    /// The rule for a campaign on `channel`; nil for a channel the statute does not cover.
    package init?(channel: CallChannel, campaignDate: LocalDate, consent: ConsentPolicy?) {
        guard Self.channels.contains(channel) else { return nil }
        self.channel = channel
        self.campaignDate = campaignDate
        self.consent = consent
    }

    /// The prior express consent the TCPA's rules ask for: the pipeline's reading of it (on or before the
    /// campaign date, with its reference when an evidence column is named), or without a policy, a
    /// consent date on or before the campaign date.
    static func hasConsent(_ facts: LeadEvidence, policy: ConsentPolicy?, campaignDate: LocalDate) -> Bool {
        policy?.hasConsent(facts) ?? facts.consentDay.map { $0 <= campaignDate } ?? false
    }

    /// The calls as the explanation and the detail name them: `autodialed calls`, `texts`.
    private var calls: String { channel == .sms ? "texts" : "\(channel) calls" }
    private var cited: String { channel == .sms ? "\(Self.citation); \(Self.textCitation)" : Self.citation }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        let mobile = number.lineType == "mobile"
        guard Self.regions.contains(number.region), mobile || number.lineType == "fixed_line_or_mobile" else {
            if trace != nil {
                trace?.append("Wireless consent (\(calls) to mobiles, \(cited)):")
                trace?.append("  \(number.lineType) in \(number.region): not needed")
            }
            return nil
        }
        let facts = evidence()
        let consented = Self.hasConsent(facts, policy: consent, campaignDate: campaignDate)
        if trace != nil {
            trace?.append("Wireless consent (\(calls) to mobiles, \(cited)):")
            let given = facts.consentDay.map { "consent of \($0)" } ?? "no consent given"
            let kind = mobile ? "mobile" : "possibly wireless (no line-type data says landline)"
            trace?.append("  \(kind) in \(number.region): \(given): \(consented ? "counts" : "does not count")")
        }
        guard !consented else { return nil }
        return Rejection(
            .wirelessNoConsent,
            detail:
                "\(calls) to a \(mobile ? "wireless number" : "number that may be wireless (its line type is not known)") "
                + "need prior express consent (\(cited)) and the row shows none on or before \(campaignDate)")
    }
}
