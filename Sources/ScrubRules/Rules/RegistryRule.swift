import CallingWindows

/// `DNC_REGISTRY`: a number on one Do-Not-Call registry that covers its region, unless an exemption
/// the pipeline allows for that registry holds for the row (``ConsentPolicy/exemption(_:allowed:)``).
///
/// A registry covers the regions of its legal scope (``RegistryCoverage``), matched against the
/// number's region, never the row's country column.
package struct RegistryRule: RowRule {
    let registry: NumberList
    /// The registry's position in ``Decision/list`` (and in `coverage`).
    let position: Int
    let coverage: RegistryCoverage
    /// The exemptions the pipeline allows for this registry, in its order, and the policy that judges them.
    let exemptions: [Exemption]
    let consent: ConsentPolicy?
    /// `reject_detail`, built once.
    let detail: String
    /// The name the trace gives it: its detail and, when dated, its age on the campaign date.
    private let traceName: String

    static let heading = "Registries (each applies to the regions it covers):"

    package init(
        registry: NumberList, position: Int, coverage: RegistryCoverage, exemptions: [Exemption],
        consent: ConsentPolicy?, campaignDate: LocalDate?
    ) {
        self.registry = registry
        self.position = position
        self.coverage = coverage
        self.exemptions = consent == nil ? [] : exemptions
        self.consent = consent
        self.detail = registry.info.detail
        var age = ""
        if let snapshot = registry.info.snapshotDate.flatMap(LocalDate.init), let campaignDate {
            age = ", \(campaignDate.dayNumber - snapshot.dayNumber) days old on \(campaignDate)"
        }
        self.traceName = detail + age
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        trace?.section(Self.heading)
        guard coverage.applies(position, toRegionCode: number.profile.regionCode) else {
            if trace != nil {
                trace?.append(
                    "  \(traceName): not consulted (covers \(registry.info.coverage.joined(separator: ", ")))")
            }
            return nil
        }
        guard registry.contains(number.e164) else {
            if trace != nil { trace?.append("  \(traceName): not listed") }
            return nil
        }
        if let consent, !exemptions.isEmpty {
            let facts = evidence()
            if let exemption = consent.exemption(facts, allowed: exemptions) {
                decision.exemption = exemption
                if trace != nil { trace?.append("  \(traceName): LISTED, exempt by \(Self.why(exemption, facts))") }
                return nil
            }
            if trace != nil {
                trace?.append(
                    "  \(traceName): LISTED, no exemption holds (allowed: \(exemptions.map(\.key).joined(separator: ", ")))"
                )
            }
        } else if trace != nil {
            trace?.append("  \(traceName): LISTED")
        }
        return Rejection(.dncRegistry, detail: detail, list: position)
    }

    /// `EBR (purchase of 2025-06-01)`, `CONSENT (consent of 2026-05-02)`.
    private static func why(_ exemption: Exemption, _ evidence: LeadEvidence) -> String {
        let facts =
            exemption == .ebr
            ? "\(evidence.relationship?.rawValue ?? "") of \(evidence.relationshipDay.map { "\($0)" } ?? "")"
            : "consent of \(evidence.consentDay.map { "\($0)" } ?? "")"
        return "\(exemption.rawValue) (\(facts))"
    }
}
