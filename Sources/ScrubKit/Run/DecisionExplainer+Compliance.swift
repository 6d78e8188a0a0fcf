extension DecisionExplainer {
    /// A warning line when the opt-out journal has events its suppression index does not hold yet.
    func journalNote() -> String? {
        guard let journal = plan.journal, !journal.freshness.isCurrent else { return nil }
        return "  WARNING: list \(journal.listName) is older than its journal: \(journal.freshness.pendingEvents) "
            + "event(s) not compiled, the oldest from \(journal.freshness.oldestPending?.description ?? "?"); "
            + "an opt-out among them is not applied"
    }

    /// Explains whether the number's region needs consent and whether the evidence shows it; returns
    /// the `NO_CONSENT` decision when it does not.
    func explainConsent(_ number: NumberFacts, _ evidence: LeadEvidence, into lines: inout [String]) -> String? {
        guard let consent = plan.compliance.consent else { return nil }
        let regions = consent.requirements.map(\.region).joined(separator: ", ")
        lines.append(
            "Consent (needed for \(plan.purpose) calls on \(plan.campaignDate) in: \(regions.isEmpty ? "none" : regions)):"
        )
        guard let requirement = consent.requirement(for: number.region) else {
            lines.append("  \(number.region): not needed")
            return nil
        }
        let given =
            evidence.consentDay.map {
                "consent of \($0)" + (evidence.hasConsentReference ? "" : " without its evidence reference")
            } ?? "no consent given"
        let counts = consent.hasConsent(evidence)
        lines.append(
            "  \(number.region) needs prior consent (\(requirement.citation)): \(given): "
                + (counts ? "counts" : "does not count"))
        return counts ? nil : "\(RejectReason.noConsent.rawValue) (\(number.region) needs prior consent)"
    }

    /// `, exempt by EBR (...)` when an exemption the registry allows holds; `, no exemption holds
    /// (allowed: ...)` when the registry allows some; empty otherwise.
    func explainExemption(registry: NumberList, _ evidence: LeadEvidence) -> (text: String, exempt: Bool) {
        guard let index = plan.registries.firstIndex(where: { $0 === registry }),
            index < plan.compliance.registryExemptions.count, let consent = plan.compliance.consent
        else { return ("", false) }
        let allowed = plan.compliance.registryExemptions[index]
        guard !allowed.isEmpty else { return ("", false) }
        if let exemption = consent.exemption(evidence, allowed: allowed) {
            let why =
                exemption == .ebr
                ? "\(evidence.relationship?.rawValue ?? "") of \(evidence.relationshipDay.map { "\($0)" } ?? "")"
                : "consent of \(evidence.consentDay.map { "\($0)" } ?? "")"
            return (", exempt by \(exemption.rawValue) (\(why))", true)
        }
        return (", no exemption holds (allowed: \(allowed.map(\.key).joined(separator: ", ")))", false)
    }

    /// Explains the caps that apply and the number's logged calls; returns the `FREQUENCY_CAP` decision
    /// when a cap is reached on the campaign day.
    func explainCaps(_ number: NumberFacts, at location: LeadLocation, into lines: inout [String]) -> String? {
        guard let caps = plan.compliance.caps else { return nil }
        let applicable = caps.caps(for: number, at: location)
        let history = caps.history
        lines.append(
            "Frequency caps (history of \(history.callCount) calls to \(history.numberCount) numbers"
                + (caps.offer.map { ", offer \($0)" } ?? "") + "):")
        guard !applicable.isEmpty else {
            lines.append("  none apply to this number")
            return nil
        }
        let logged = history.callCount(to: number.e164, before: caps.dayEnd)
        lines.append("  apply: \(applicable.map(\.name).joined(separator: "; "))")
        lines.append("  calls logged to this number through the campaign day: \(logged)")
        guard case .capped(let until, let cap) = caps.decision(for: number.e164, caps: applicable) else {
            lines.append("  no cap reached")
            return nil
        }
        lines.append("  \(cap.name) reached; callable again \(until)")
        return "\(RejectReason.frequencyCap.rawValue) (\(cap.name) reached; callable again \(until))"
    }
}
