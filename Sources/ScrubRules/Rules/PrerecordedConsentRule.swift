import CallingWindows

/// `NO_CONSENT` for a prerecorded telemarketing call to a US landline: "any telephone call to any
/// residential line using an artificial or prerecorded voice" that introduces an advertisement or
/// constitutes telemarketing needs the called party's prior express written consent (47 U.S.C.
/// 227(b)(1)(B); 47 CFR 64.1200(a)(3)).
///
/// The rule covers what ``WirelessConsentRule`` leaves: a number the line-type data calls a landline
/// (`fixed_line`; mobiles and untyped numbers need consent there already, whatever the purpose). A
/// business landline is exempt in the statute, but nothing in a lead tells a business line from a
/// residential one, so every landline is taken as residential (the stricter reading). Marketing
/// purposes only (`telemarketing`, `telemarketing-consented`): a research call that sells nothing is
/// outside (a)(3)'s reach. Consent is the consent the pipeline reads, as for ``WirelessConsentRule``.
package struct PrerecordedConsentRule: RowRule {
    let campaignDate: LocalDate
    let consent: ConsentPolicy?

    static let citation = "47 U.S.C. 227(b)(1)(B); 47 CFR 64.1200(a)(3)"

    /// The rule for a campaign on `channel` for `purpose`; nil unless prerecorded and marketing.
    package init?(channel: CallChannel, purpose: String, campaignDate: LocalDate, consent: ConsentPolicy?) {
        guard channel == .prerecorded, ConsentRequirement.marketingPurposes.contains(purpose) else { return nil }
        self.campaignDate = campaignDate
        self.consent = consent
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        guard WirelessConsentRule.regions.contains(number.region), number.lineType == "fixed_line" else { return nil }
        let facts = evidence()
        let consented = WirelessConsentRule.hasConsent(facts, policy: consent, campaignDate: campaignDate)
        if trace != nil {
            trace?.append("Prerecorded telemarketing to a landline (taken as residential, \(Self.citation)):")
            let given = facts.consentDay.map { "consent of \($0)" } ?? "no consent given"
            trace?.append("  \(given): \(consented ? "counts" : "does not count")")
        }
        guard !consented else { return nil }
        return Rejection(
            .noConsent,
            detail: "prerecorded telemarketing calls to a residential line need prior express written consent "
                + "(\(Self.citation)) and the row shows none on or before \(campaignDate)")
    }
}
