/// The company-records rules of a run as ``RowDecider`` builds its rules from them: prior consent by
/// region, exemptions a registry allows, and frequency caps from the contact history.
///
/// Empty by default: a pipeline without consent, exemptions or history decides rows exactly as
/// before, and the lead's evidence columns are never read.
public struct RowCompliance {
    public var consent: ConsentPolicy?
    /// The exemptions each registry allows, by the registry's position in the plan.
    public var registryExemptions: [[Exemption]]
    public var caps: CampaignCaps?
    /// The operator's declared emergencies (`emergencies: FILE`), every one; the decider keeps those in
    /// force on the campaign date.
    public var emergencies: [EmergencyBan] = []

    public init(
        consent: ConsentPolicy? = nil, registryExemptions: [[Exemption]] = [], caps: CampaignCaps? = nil,
        emergencies: [EmergencyBan] = []
    ) {
        self.consent = consent
        self.registryExemptions = registryExemptions
        self.caps = caps
        self.emergencies = emergencies
    }

    /// The same rules for another thread: the caps with a cache of their own.
    public func forAnotherThread() -> RowCompliance {
        RowCompliance(
            consent: consent, registryExemptions: registryExemptions, caps: caps?.forAnotherThread(),
            emergencies: emergencies)
    }
}
