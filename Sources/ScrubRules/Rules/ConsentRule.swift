/// `NO_CONSENT`: a number of a region whose law needs prior consent for a marketing call on the
/// campaign date, on a row whose evidence shows none (``ConsentPolicy``).
package struct ConsentRule: RowRule {
    let policy: ConsentPolicy
    /// `reject_detail` by region code, built once per required region rather than once per row.
    private let details: [UInt16: String]

    package init(policy: ConsentPolicy) {
        self.policy = policy
        var details: [UInt16: String] = [:]
        for requirement in policy.requirements {
            details[NumberProfile.code(requirement.region)] = Self.detail(requirement.region, policy)
        }
        self.details = details
    }

    private static func detail(_ region: String, _ policy: ConsentPolicy) -> String {
        "\(region) requires prior consent for marketing calls and the row shows none on or before \(policy.campaignDate)"
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        if trace != nil { explain(number, evidence(), trace: &trace) }
        let region = number.profile.regionCode
        guard policy.requiresConsent(regionCode: region) else { return nil }
        let evidence = evidence()
        guard !policy.hasConsent(evidence) else { return nil }
        if let requirement = policy.requirement(for: number.region), policy.isSpared(evidence, by: requirement) {
            return nil
        }
        return Rejection(.noConsent, detail: details[region] ?? Self.detail(number.region, policy))
    }

    private func explain(_ number: NumberFacts, _ evidence: LeadEvidence, trace: inout DecisionTrace?) {
        let regions = policy.requirements.map(\.region).joined(separator: ", ")
        trace?.append(
            "Consent (needed for \(policy.purpose) calls on \(policy.campaignDate) in: "
                + "\(regions.isEmpty ? "none" : regions)):")
        guard let requirement = policy.requirement(for: number.region) else {
            trace?.append("  \(number.region): not needed")
            return
        }
        let given =
            evidence.consentDay.map {
                "consent of \($0)" + (evidence.hasConsentReference ? "" : " without its evidence reference")
            } ?? "no consent given"
        trace?.append(
            "  \(number.region) needs prior consent (\(requirement.citation)): \(given): "
                + (policy.hasConsent(evidence) ? "counts" : "does not count"))
        if !policy.hasConsent(evidence) && policy.isSpared(evidence, by: requirement) {
            trace?.append(
                "  \(number.region) spares a call made while performing a current contract that it relates to: "
                    + "the row names one, so no consent is needed")
        }
    }
}
