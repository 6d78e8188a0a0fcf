/// The company-records rules of a run as ``RowDecider`` consults them: prior consent by region,
/// exemptions a registry allows, and frequency caps from the contact history.
///
/// Empty by default: a pipeline without consent, exemptions or history decides rows exactly as
/// before, and the lead's evidence columns are never read.
public struct RowCompliance {
    public var consent: ConsentPolicy?
    /// The exemptions each registry allows, by the registry's position in the plan.
    public var registryExemptions: [[Exemption]]
    public var caps: CampaignCaps?
    /// Rows this decider rejected by each cap, by the cap's name.
    public private(set) var rejectedByCap: [String: Int] = [:]
    /// `NO_CONSENT` details by region code, built once per region rather than once per row.
    private var consentDetails: [UInt16: String] = [:]

    public init(consent: ConsentPolicy? = nil, registryExemptions: [[Exemption]] = [], caps: CampaignCaps? = nil) {
        self.consent = consent
        self.registryExemptions = registryExemptions
        self.caps = caps
    }

    /// `reject_detail` for a number whose region needs consent the row does not show; nil otherwise.
    mutating func missingConsent(_ number: NumberFacts, _ evidence: () -> LeadEvidence) -> String? {
        let region = number.profile.regionCode
        guard let consent, consent.requiresConsent(regionCode: region), !consent.hasConsent(evidence()) else {
            return nil
        }
        if let known = consentDetails[region] { return known }
        let detail =
            "\(number.region) requires prior consent for marketing calls and the row shows none "
            + "on or before \(consent.campaignDate)"
        consentDetails[region] = detail
        return detail
    }

    /// The exemption that lets a match of registry `index` through; nil when it allows none or the
    /// row's evidence supports none.
    func exemption(registry index: Int, _ evidence: () -> LeadEvidence) -> Exemption? {
        guard let consent, index < registryExemptions.count, !registryExemptions[index].isEmpty else { return nil }
        return consent.exemption(evidence(), allowed: registryExemptions[index])
    }

    /// `reject_detail` for a number at its cap on the campaign day; nil when callable.
    mutating func capReached(_ number: NumberFacts, at location: LeadLocation) -> String? {
        guard let caps else { return nil }
        guard case .capped(let until, let cap) = caps.decision(for: number, at: location) else { return nil }
        rejectedByCap[cap.name, default: 0] += 1
        return "\(cap.name) reached; callable again \(until)"
    }
}
