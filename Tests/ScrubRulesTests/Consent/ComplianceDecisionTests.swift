import CallingWindows
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// Row decisions with consent, registry exemptions and caps (the test normaliser: +1 US, +33 FR).
@Suite("Row decisions: consent, exemptions, caps")
struct ComplianceDecisionTests {
    static let campaign = LocalDate("2026-12-01")!

    func decider(exemptions: [Exemption] = [.ebr, .consent], caps: CampaignCaps? = nil) -> SerialDecider {
        SerialDecider(
            RowDecider(
                normalizer: TestNormalizer(),
                suppressionLists: [testList("optouts", kind: .suppression, numbers: [14155550100, 33199001234])],
                registries: [
                    testList(
                        "us-dnc", kind: .registry, regions: ["US"], snapshot: "2026-11-20",
                        numbers: [14155550100, 14155550101])
                ],
                windows: TestWindows(), rejectWithoutWindow: false,
                compliance: RowCompliance(
                    consent: ConsentPolicy(
                        columns: .init(timestamp: 0, relationshipDate: 1, relationshipType: 2),
                        requirements: ConsentRequirement.legal, campaignDate: Self.campaign, purpose: "telemarketing"),
                    registryExemptions: [exemptions], caps: caps)))
    }

    /// The decision's reason (or CLEAN, or CLEAN+EXEMPTION) for `phone` with `evidence`.
    func outcome(
        _ decider: SerialDecider, _ phone: String, _ evidence: LeadEvidence = LeadEvidence(), state: String? = nil
    )
        -> String
    {
        let decision = Array(phone.utf8).withUnsafeBytes {
            decider.decide(
                phone: $0, country: "US", location: LeadLocation(state: state), line: 2, evidence: { evidence })
        }
        guard let reason = decision.reason else { return decision.exemption.map { "CLEAN+\($0.rawValue)" } ?? "CLEAN" }
        return reason.rawValue
    }

    static let purchase = LeadEvidence(relationshipDay: LocalDate("2026-01-15")!, relationship: .purchase)
    static let staleInquiry = LeadEvidence(relationshipDay: LocalDate("2026-08-31")!, relationship: .inquiry)
    static let consented = LeadEvidence(consentDay: LocalDate("2026-10-01")!)

    @Test(
        "registry matches: an allowed exemption lets the row through and names itself; internal opt-outs never",
        arguments: [
            ("+1 415 555 0101", purchase, "CLEAN+EBR"), ("+1 415 555 0101", consented, "CLEAN+CONSENT"),
            ("+1 415 555 0101", staleInquiry, "DNC_REGISTRY"), ("+1 415 555 0101", LeadEvidence(), "DNC_REGISTRY"),
            ("+1 415 555 0100", purchase, "SUPPRESSED"), ("+1 415 555 0100", consented, "SUPPRESSED"),
            ("+1 212 555 0100", purchase, "CLEAN"),  // not on the registry: no exemption needed, none written
        ])
    func exemptions(phone: String, evidence: LeadEvidence, expected: String) {
        let decider = decider()
        #expect(outcome(decider, phone, evidence) == expected)
    }

    @Test("a registry that allows no exemption rejects whatever the evidence")
    func noExemptions() {
        let decider = decider(exemptions: [])
        #expect(outcome(decider, "+1 415 555 0101", Self.purchase) == "DNC_REGISTRY")
        let consentOnly = self.decider(exemptions: [.consent])
        #expect(outcome(consentOnly, "+1 415 555 0101", Self.purchase) == "DNC_REGISTRY")
        #expect(outcome(consentOnly, "+1 415 555 0101", Self.consented) == "CLEAN+CONSENT")
    }

    @Test("a French number needs consent from 2026-08-11; NO_CONSENT ranks before SUPPRESSED")
    func noConsent() {
        let decider = decider()
        #expect(outcome(decider, "+33 1 99 00 12 35") == "NO_CONSENT")
        #expect(outcome(decider, "+33 1 99 00 12 35", Self.consented) == "CLEAN")
        #expect(outcome(decider, "+33 1 99 00 12 34") == "NO_CONSENT")  // also on the suppression list
        #expect(outcome(decider, "+33 1 99 00 12 34", Self.consented) == "SUPPRESSED")
        #expect(outcome(decider, "+33 1 99 00 12 36", Self.purchase) == "NO_CONSENT")  // an EBR is not consent
        #expect(outcome(decider, "+1 212 555 0111") == "CLEAN")  // US numbers need no consent
    }

    @Test("France spares a call in performance of a current contract; no other consent region does")
    func currentContract() {
        let decider = decider()
        let contract = LeadEvidence(hasCurrentContract: true)
        #expect(outcome(decider, "+33 1 99 00 12 35", contract) == "CLEAN")
        // The contract spares consent only: an opt-out still suppresses.
        #expect(outcome(decider, "+33 1 99 00 12 34", contract) == "SUPPRESSED")
        let germany = ConsentRequirement.legal.first { $0.region == "DE" }!
        let france = ConsentRequirement.legal.first { $0.region == "FR" }!
        let policy = ConsentPolicy(
            columns: .init(), requirements: ConsentRequirement.legal, campaignDate: Self.campaign,
            purpose: "telemarketing")
        #expect(policy.isSpared(contract, by: france))
        #expect(!policy.isSpared(contract, by: germany))
        #expect(!policy.isSpared(LeadEvidence(), by: france))
    }

    @Test(
        "a current-contract field names one unless blank or a negative word",
        arguments: [
            ("C-1042", true), ("yes", true), (" Y ", true), ("1", true), ("", false), ("  ", false), ("no", false),
            ("No", false), ("N", false), ("false", false), ("0", false), ("none\r", false),
        ])
    func contractField(text: String, names: Bool) {
        #expect(Array(text.utf8).withUnsafeBytes(LeadEvidence.namesContract) == names)
    }

    @Test("a number at its cap is FREQUENCY_CAP, after DUPLICATE, with the time it is callable again")
    func cap() {
        let dayStart = Int64(Self.campaign.dayNumber) * 86_400
        let table = FrequencyCapTable.legal(on: Self.campaign)
        let window = CampaignCaps.window(for: table, campaignDate: Self.campaign)
        var builder = ContactHistory.Builder(from: window.from, through: window.through)
        for hoursBefore: Int64 in [20, 10, 5] {
            builder.add(e164: 12125550100, time: UTCTime(seconds: dayStart - hoursBefore * 3_600))
        }
        let caps = CampaignCaps(history: builder.build(), table: table, offer: nil, campaignDate: Self.campaign)
        let decider = decider(caps: caps)
        let decision = Array("+1 212 555 0100".utf8).withUnsafeBytes {
            decider.decide(phone: $0, country: "US", location: LeadLocation(state: "FL"), line: 2)
        }
        guard case .reject(.frequencyCap, let detail) = decision.outcome else {
            Issue.record("expected FREQUENCY_CAP, got \(decision)")
            return
        }
        #expect(detail == "US-FL 3/24h reached; callable again 2026-12-01T04:00:00Z")
        #expect(outcome(decider, "+1 212 555 0100", state: "FL") == "DUPLICATE")
        #expect(outcome(decider, "+1 212 555 0199", state: "FL") == "CLEAN")  // never called
        #expect(decision.cap == .threeIn24Hours("FL"))
        #expect(decision.callableAgain == UTCTime(seconds: dayStart + 4 * 3_600))
        let other = self.decider(caps: caps)
        #expect(outcome(other, "+1 212 555 0100", state: "NY") == "CLEAN")  // no New York cap
    }
}
