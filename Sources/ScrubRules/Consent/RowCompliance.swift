import CallingWindows

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
    /// Answers of the FCC Reassigned Numbers Database (`reassigned: {files: [...]}`), when the pipeline has any.
    public var reassigned: ReassignedNumbers?
    /// Wireless and wireline numbers from licensed data (`line_types:`), when the pipeline has any.
    public var lineTypes: LineTypes.Stage?
    /// Litigator lists' grades and thresholds (`min_grade`), by the list's position among the registries.
    package var litigatorGrading: [Int: LitigatorRule.Grading] = [:]
    /// The campaign's call channel, for the rules that depend on it (wireless consent).
    public var channel: CallChannel = .voice

    public init(
        consent: ConsentPolicy? = nil, registryExemptions: [[Exemption]] = [], caps: CampaignCaps? = nil,
        emergencies: [EmergencyBan] = [], reassigned: ReassignedNumbers? = nil, lineTypes: LineTypes.Stage? = nil,
        channel: CallChannel = .voice
    ) {
        self.consent = consent
        self.registryExemptions = registryExemptions
        self.caps = caps
        self.emergencies = emergencies
        self.reassigned = reassigned
        self.lineTypes = lineTypes
        self.channel = channel
    }

    /// The same rules for another thread: the caps and line types with caches of their own.
    public func forAnotherThread() -> RowCompliance {
        var copy = RowCompliance(
            consent: consent, registryExemptions: registryExemptions, caps: caps?.forAnotherThread(),
            emergencies: emergencies, reassigned: reassigned, lineTypes: lineTypes?.forAnotherThread(),
            channel: channel)
        copy.litigatorGrading = litigatorGrading
        return copy
    }
}
