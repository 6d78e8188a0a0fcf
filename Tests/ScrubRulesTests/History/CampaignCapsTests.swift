import CallingWindows
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

private let campaign = LocalDate("2026-12-01")!
/// 2026-12-01T00:00:00Z.
private let dayStart = Int64(campaign.dayNumber) * 86_400
private let hour: Int64 = 3_600
private let day: Int64 = 86_400
private let number: UInt64 = 13_055_550_100

/// A number of `region` (subdivision `subdivision`) under the legal caps and `company` caps.
private func judge(
    region: String, subdivision: String? = nil, calls: [(Int64, Bool, String?)], offer: String? = nil,
    company: [FrequencyCap] = [], evidence: LeadEvidence = LeadEvidence()
) -> CapDecision {
    var table = FrequencyCapTable.legal(on: campaign)
    table.everywhere = company
    let window = CampaignCaps.window(for: table, campaignDate: campaign)
    var builder = ContactHistory.Builder(from: window.from, through: window.through)
    for (offset, refusal, callOffer) in calls {
        builder.add(e164: number, time: UTCTime(seconds: dayStart + offset), refusal: refusal, offer: callOffer)
    }
    let caps = CampaignCaps(history: builder.build(), table: table, offer: offer, campaignDate: campaign)
    let facts = NumberFacts(
        e164: number, region: region, lineType: "mobile", subdivision: subdivision, timeZones: ["UTC"])
    let decision = caps.decision(for: facts, at: LeadLocation()) { evidence }
    let applicable = caps.caps(for: facts, at: LeadLocation()) { evidence }
    #expect(decision == caps.decision(for: number, caps: applicable))
    return decision
}

/// The time a decision says the number is callable again, as seconds after the campaign day's start.
private func until(_ decision: CapDecision) -> Int64? {
    guard case .capped(let until, _) = decision else { return nil }
    return until.seconds - dayStart
}

@Suite("Frequency caps on a campaign day")
struct CampaignCapsTests {
    @Test(
        "FL, OK, MD: 3 calls in 24 hours; a call exactly 24 hours before the day has left the window",
        arguments: ["FL", "OK", "MD"])
    func threeIn24Hours(state: String) {
        let edge: [(Int64, Bool, String?)] = [(-24 * hour, false, nil), (-2 * hour, false, nil), (-hour, false, nil)]
        #expect(until(judge(region: "US", subdivision: state, calls: edge)) == nil)
        let inside: [(Int64, Bool, String?)] = [
            (-24 * hour + 1, false, nil), (-2 * hour, false, nil), (-hour, false, nil),
        ]
        #expect(until(judge(region: "US", subdivision: state, calls: inside)) == 1)
        // The normaliser names subdivisions in ISO 3166-2.
        #expect(until(judge(region: "US", subdivision: "US-\(state)", calls: inside)) == 1)
        #expect(until(judge(region: "US", subdivision: "NY", calls: inside)) == nil)
    }

    /// Three calls in the last 24 hours, to an Oregon number.
    private static let oregonCalls: [(Int64, Bool, String?)] = [
        (-3 * hour, false, "solar"), (-2 * hour, false, "roofing"), (-hour, false, nil),
    ]

    @Test(
        "Oregon: 3 calls or texts in 24 hours whatever the subject, unless a purchase in the 18 months up to the day",
        arguments: [
            // No EBR columns: the strict reading caps the party.
            (nil, nil, true),
            // A purchase exactly 18 months before the campaign day spares it; a day earlier does not.
            ("2025-06-01", LeadEvidence.Relationship.purchase, false),
            ("2025-05-31", .purchase, true),
            // An inquiry is not a purchase; a purchase dated after the campaign day is no evidence.
            ("2026-11-30", .inquiry, true),
            ("2026-12-02", .purchase, true),
            ("2026-12-01", .purchase, false),
        ] as [(String?, LeadEvidence.Relationship?, Bool)])
    func oregonPurchase(day: String?, relationship: LeadEvidence.Relationship?, capped: Bool) {
        let evidence = LeadEvidence(relationshipDay: day.flatMap(LocalDate.init), relationship: relationship)
        let decision = judge(region: "US", subdivision: "OR", calls: Self.oregonCalls, evidence: evidence)
        #expect((until(decision) != nil) == capped)
        // A purchase spares only Oregon's cap: Florida's (every call counts for a campaign without offer) stays.
        #expect(until(judge(region: "US", subdivision: "FL", calls: Self.oregonCalls, evidence: evidence)) != nil)
    }

    @Test("calls already made on the campaign day count: judged just after the last of them")
    func sameDay() {
        let calls: [(Int64, Bool, String?)] = [(hour, false, nil), (2 * hour, false, nil), (3 * hour, false, nil)]
        #expect(until(judge(region: "US", subdivision: "FL", calls: calls)) == 25 * hour)
        #expect(until(judge(region: "US", subdivision: "FL", calls: Array(calls.prefix(2)))) == nil)
    }

    @Test("FR: 4 attempts in 30 days, at their boundary")
    func franceAttempts() {
        let recent: [(Int64, Bool, String?)] = [(-3 * day, false, nil), (-2 * day, false, nil), (-day, false, nil)]
        #expect(until(judge(region: "FR", calls: [(-30 * day, false, nil)] + recent)) == nil)
        #expect(until(judge(region: "FR", calls: [(-30 * day + 1, false, nil)] + recent)) == 1)
        #expect(until(judge(region: "FR", calls: recent)) == nil)
    }

    @Test("FR: no call for 60 days after a refusal, at its boundary")
    func franceRefusal() {
        #expect(until(judge(region: "FR", calls: [(-60 * day, true, nil)])) == nil)
        #expect(until(judge(region: "FR", calls: [(-60 * day + 1, true, nil)])) == 1)
        #expect(until(judge(region: "FR", calls: [(-59 * day, true, nil)])) == day)
        #expect(until(judge(region: "FR", calls: [(-59 * day, false, nil)])) == nil)  // a call, not a refusal
    }

    @Test("BC: one call per 30 days about the same offer")
    func britishColumbia() {
        #expect(until(judge(region: "CA", subdivision: "BC", calls: [(-30 * day, false, "a")], offer: "a")) == nil)
        #expect(until(judge(region: "CA", subdivision: "BC", calls: [(-30 * day + 1, false, "a")], offer: "a")) == 1)
        #expect(until(judge(region: "CA", subdivision: "BC", calls: [(-day, false, "b")], offer: "a")) == nil)
        // A call logged without an offer counts for every offer; so does a campaign without one.
        #expect(until(judge(region: "CA", subdivision: "BC", calls: [(-day, false, nil)], offer: "a")) == 29 * day)
        #expect(until(judge(region: "CA", subdivision: "BC", calls: [(-day, false, "b")])) == 29 * day)
        #expect(until(judge(region: "CA", subdivision: "ON", calls: [(-day, false, "a")], offer: "a")) == nil)
    }

    @Test("company caps apply to every number, beside the legal ones")
    func company() {
        let weekly = FrequencyCap(name: "company 2/7d", maxCalls: 2, window: 7 * day)
        let calls: [(Int64, Bool, String?)] = [(-7 * day + 1, false, nil), (-day, false, nil)]
        guard case .capped(let at, let cap) = judge(region: "GB", calls: calls, company: [weekly]) else {
            Issue.record("expected the company cap")
            return
        }
        #expect(at.seconds - dayStart == 1 && cap == weekly)
        #expect(until(judge(region: "GB", calls: calls)) == nil)
    }

    @Test("the legal table by date: Maryland's cap starts 2024-01-01")
    func dated() {
        #expect(FrequencyCapTable.legal(on: LocalDate("2023-12-31")!).byPlace["US-MD"] == nil)
        #expect(FrequencyCapTable.legal(on: LocalDate("2024-01-01")!).byPlace["US-MD"]?.count == 1)
        #expect(FrequencyCapTable.legal(on: campaign) == FrequencyCapTable.legal)
    }
}
