import CallingWindows
import ScrubRules
import Testing

private func date(_ text: String) -> LocalDate { LocalDate(text)! }

private func policy(
    _ campaign: String, purpose: String = "telemarketing", evidenceColumn: Bool = true
)
    -> ConsentPolicy
{
    ConsentPolicy(
        columns: .init(timestamp: 0, evidence: evidenceColumn ? 1 : nil, relationshipDate: 2, relationshipType: 3),
        requirements: ConsentRequirement.legal, campaignDate: date(campaign), purpose: purpose)
}

private func ebr(_ day: String, _ kind: LeadEvidence.Relationship) -> LeadEvidence {
    LeadEvidence(relationshipDay: date(day), relationship: kind)
}

@Suite("Consent and exemptions")
struct ConsentPolicyTests {
    @Test(
        "an EBR lasts 18 months after a purchase and 3 after an inquiry, both ends inclusive",
        arguments: [
            ("2025-06-01", LeadEvidence.Relationship.purchase, "2026-12-01", true),  // exactly 18 months
            ("2025-06-01", .purchase, "2026-12-02", false),  // a day over
            ("2025-05-31", .purchase, "2026-11-30", true),  // November has no 31st: its last day
            ("2025-05-31", .purchase, "2026-12-01", false),
            ("2026-09-01", .inquiry, "2026-12-01", true),  // exactly 3 months
            ("2026-09-01", .inquiry, "2026-12-02", false),
            ("2026-11-30", .inquiry, "2027-02-28", true),  // 2027-02-30 does not exist
            ("2026-11-30", .inquiry, "2027-03-01", false),
            ("2026-12-01", .purchase, "2026-12-01", true),  // on the campaign day itself
            ("2026-12-02", .purchase, "2026-12-01", false),  // a relationship after the campaign day
        ])
    func relationship(day: String, kind: LeadEvidence.Relationship, campaign: String, holds: Bool) {
        #expect(policy(campaign).hasRelationship(ebr(day, kind)) == holds)
        #expect(policy(campaign).exemption(ebr(day, kind), allowed: [.ebr, .consent]) == (holds ? .ebr : nil))
    }

    @Test("consent counts from its day on, and only with its evidence when the pipeline names an evidence column")
    func consent() {
        let given = LeadEvidence(consentDay: date("2026-08-11"))
        #expect(policy("2026-08-11").hasConsent(given))
        #expect(policy("2026-12-01").hasConsent(given))
        #expect(!policy("2026-08-10").hasConsent(given))
        #expect(
            !policy("2026-12-01").hasConsent(LeadEvidence(consentDay: date("2026-08-11"), hasConsentReference: false)))
        #expect(!policy("2026-12-01").hasConsent(LeadEvidence()))
    }

    @Test("the pipeline's order decides between exemptions that both hold")
    func order() {
        let both = LeadEvidence(
            consentDay: date("2026-01-01"), relationshipDay: date("2026-11-01"), relationship: .purchase)
        #expect(policy("2026-12-01").exemption(both, allowed: [.ebr, .consent]) == .ebr)
        #expect(policy("2026-12-01").exemption(both, allowed: [.consent, .ebr]) == .consent)
        #expect(policy("2026-12-01").exemption(both, allowed: []) == nil)
    }

    @Test(
        "regions needing consent on a date: DE and ES always, NL from 2021-07-01, FR from 2026-08-11",
        arguments: [
            ("2026-08-10", ["DE", "ES", "NL"]), ("2026-08-11", ["DE", "ES", "FR", "NL"]),
            ("2021-06-30", ["DE", "ES"]),
        ])
    func regions(campaign: String, regions: [String]) {
        #expect(policy(campaign).requirements.map(\.region) == regions)
        for region in ["DE", "ES", "FR", "NL", "US", "GB"] {
            #expect(
                policy(campaign).requiresConsent(regionCode: NumberProfile.code(region)) == regions.contains(region))
        }
    }

    @Test("research calls need no consent; the consented-telemarketing purpose still needs its evidence")
    func purposes() {
        #expect(policy("2026-12-01", purpose: "research").requirements.isEmpty)
        #expect(policy("2026-12-01", purpose: "telemarketing-consented").requirements.count == 4)
    }

    @Test("a pipeline's region list keeps the table's dates and adds others for every date")
    func named() {
        let requirements = ConsentRequirement.named(["FR", "IT"])
        #expect(requirements.map(\.region) == ["FR", "IT"])
        #expect(requirements[0].from == date("2026-08-11") && requirements[1].from == nil)
    }

    @Test(
        "dates are read from the start of a timestamp, as written",
        arguments: [
            ("2026-08-11T09:00:00Z", "2026-08-11"), ("2026-08-11 23:30", "2026-08-11"), (" 2026-08-11 ", "2026-08-11"),
            ("2026-08-11T23:30:00-05:00", "2026-08-11"), ("11/08/2026", nil), ("2026-13-01", nil), ("", nil),
            ("2026-08-11x", nil), ("2026-8-11", nil),
        ])
    func dates(text: String, expected: String?) {
        let parsed = Array(text.utf8).withUnsafeBytes { LeadEvidence.date($0) }
        #expect(parsed?.description == expected)
    }

    @Test("relationship types: purchase or inquiry, in any case")
    func types() {
        func read(_ text: String) -> LeadEvidence.Relationship? {
            Array(text.utf8).withUnsafeBytes { LeadEvidence.relationship($0) }
        }
        #expect(read("purchase") == .purchase)
        #expect(read(" Purchase ") == .purchase)
        #expect(read("INQUIRY") == .inquiry)
        #expect(read("visit") == nil)
        #expect(read("") == nil)
    }
}
