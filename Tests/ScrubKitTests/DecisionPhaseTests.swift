import CallingWindows
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// The two phases of the decision (every rule but duplicates, then duplicates in input order) and the
/// check's answer (the test normaliser: +1 US, +33 FR; the test windows: one window, none for FR).
@Suite("Decision phases and the check's answer")
struct DecisionPhaseTests {
    static let campaign = LocalDate("2026-12-01")!
    static let dayStart = Int64(campaign.dayNumber) * 86_400

    /// `+1 212 555 0100` was called three times in the last day: at the Florida cap.
    static func caps() -> CampaignCaps {
        let table = FrequencyCapTable.legal(on: campaign)
        let window = CampaignCaps.window(for: table, campaignDate: campaign)
        var builder = ContactHistory.Builder(from: window.from, through: window.through)
        for hoursBefore: Int64 in [20, 10, 5] {
            builder.add(e164: 12125550100, time: UTCTime(seconds: dayStart - hoursBefore * 3_600))
        }
        return CampaignCaps(history: builder.build(), table: table, offer: nil, campaignDate: campaign)
    }

    static func decider(rejectWithoutWindow: Bool = true) -> RowDecider {
        RowDecider(
            normalizer: TestNormalizer(),
            suppressionLists: [testList("optouts", kind: .suppression, numbers: [14155550100])],
            registries: [testList("us-dnc", kind: .registry, regions: ["US"], numbers: [14155550101])],
            windows: TestWindows(closedRegions: ["FR"]), rejectWithoutWindow: rejectWithoutWindow,
            compliance: RowCompliance(
                consent: ConsentPolicy(
                    columns: .init(timestamp: 0), requirements: ConsentRequirement.legal, campaignDate: campaign,
                    purpose: "telemarketing"),
                caps: caps()),
            campaignDate: campaign)
    }

    struct Row: Sendable, CustomStringConvertible {
        var phone: String
        var state: String?
        var consented = false
        var description: String { "\(phone) \(state ?? "-") \(consented)" }
    }

    static let consented = LeadEvidence(consentDay: LocalDate("2026-10-01")!)

    func pending(_ decider: RowDecider, _ row: Row) -> PendingDecision {
        Array(row.phone.utf8).withUnsafeBytes {
            decider.decide(
                RowFacts(phone: $0, country: "US", location: LeadLocation(state: row.state)),
                evidence: { row.consented ? Self.consented : LeadEvidence() })
        }
    }

    func reasons(_ rows: [Row], order: [Int]? = nil) -> [String] {
        let decider = Self.decider()
        let duplicates = DuplicateRule()
        var pendings = [PendingDecision?](repeating: nil, count: rows.count)
        for index in order ?? Array(rows.indices) { pendings[index] = pending(decider, rows[index]) }
        return rows.indices.map { index in
            duplicates.finish(pendings[index]!, line: index + 2).reason?.rawValue ?? "CLEAN"
        }
    }

    @Test("a row an earlier rule rejected never takes its number: a later row with consent is the first")
    func earlyRejectionKeepsNumberFree() {
        let rows = [Row(phone: "+33 1 99 00 12 35"), Row(phone: "+33 1 99 00 12 35", consented: true)]
        // The consented French number has no window (the test windows close FR): it reaches duplicates.
        #expect(reasons(rows) == ["NO_CONSENT", "NO_CALLING_WINDOW"])
        #expect(reasons(rows + [Row(phone: "+33199001235", consented: true)]).last == "DUPLICATE")
    }

    @Test("a repeat is DUPLICATE even when a cap or the windows would reject it; a capped first row takes its number")
    func duplicateOutranksCapAndWindow() {
        let rows = [
            Row(phone: "+1 212 555 0100", state: "FL"), Row(phone: "(212) 555-0100", state: "FL"),
            Row(phone: "+33 1 99 00 12 36", consented: true), Row(phone: "+33199001236", consented: true),
        ]
        #expect(reasons(rows) == ["FREQUENCY_CAP", "DUPLICATE", "NO_CALLING_WINDOW", "DUPLICATE"])
        let second = pending(Self.decider(), rows[1])
        #expect(second.decision.reason == .frequencyCap && second.reachesDuplicates)
    }

    static let mixed: [Row] = [
        Row(phone: "+1 415 555 0100"), Row(phone: "+1 415 555 0101"), Row(phone: ""), Row(phone: "12"),
        Row(phone: "+1 212 555 0100", state: "FL"), Row(phone: "+1 212 555 0100", state: "NY"),
        Row(phone: "+1 212 555 0199"), Row(phone: "(212) 555-0199"), Row(phone: "+33 1 99 00 12 35"),
        Row(phone: "+33 1 99 00 12 35", consented: true), Row(phone: "+1 415 555 0100"), Row(phone: "+999 1234 5678"),
    ]

    @Test(
        "the first phase in any order, the second in input order, gives the decisions of one thread",
        arguments: [Array(mixed.indices.reversed()), [5, 0, 11, 3, 8, 1, 9, 2, 10, 4, 7, 6]])
    func phasesApart(order: [Int]) {
        #expect(reasons(Self.mixed, order: order) == reasons(Self.mixed))
        #expect(
            reasons(Self.mixed) == [
                "SUPPRESSED", "DNC_REGISTRY", "MISSING_NUMBER", "INVALID_NUMBER", "FREQUENCY_CAP", "DUPLICATE",
                "CLEAN", "DUPLICATE", "NO_CONSENT", "NO_CALLING_WINDOW", "SUPPRESSED", "UNSUPPORTED_REGION",
            ])
    }

    @Test("a rejection names its list by position (registries first) and its cap; counts need no detail text")
    func identities() {
        let decider = Self.decider()
        #expect(pending(decider, Row(phone: "+1 415 555 0100")).decision.list == 1)
        #expect(pending(decider, Row(phone: "+1 415 555 0101")).decision.list == 0)
        let capped = pending(decider, Row(phone: "+1 212 555 0100", state: "FL")).decision
        #expect(capped.cap == .threeIn24Hours("FL") && capped.list == nil)
        #expect(capped.callableAgain == UTCTime(seconds: Self.dayStart + 4 * 3_600))
    }

    static let nextCallableCases: [(String, Int64, String)] = [
        ("+1 212 555 0199", 10 * 3_600, "2026-12-01T14:00:00Z"),
        ("+1 212 555 0199", 15 * 3_600, "2026-12-01T15:00:00Z"),
        ("+1 212 555 0199", 27 * 3_600, "null"),
        ("+1 212 555 0100", 1 * 3_600, "2026-12-01T04:00:00Z"),
        ("+1 415 555 0101", 10 * 3_600, "null"),
    ]

    @Test(
        "next_callable_at: the check time in a window, else the next start, else none; a cap's time; none for DNC",
        arguments: nextCallableCases)
    func nextCallable(phone: String, secondsIntoDay: Int64, expected: String) {
        let answer = Self.decider().check(
            CheckRequest(phone, state: "FL"), defaultCountry: "US", at: UTCTime(seconds: Self.dayStart + secondsIntoDay)
        )
        #expect((answer.nextCallableAt?.description ?? "null") == expected)
        #expect(
            answer.json.contains(
                expected == "null" ? "\"next_callable_at\":null" : "\"next_callable_at\":\"\(expected)\""))
    }

    @Test("the JSON answer: one object, keys sorted, the run's detail, the trace ending with the decision")
    func json() {
        let answer = Self.decider().check(
            CheckRequest("+1 415 555 0101"), defaultCountry: "US", at: UTCTime(seconds: Self.dayStart))
        let keys = ["decision", "detail", "e164", "next_callable_at", "trace", "windows_local", "windows_utc"]
        let positions = keys.map { answer.json.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.map { $0! } == positions.map { $0! }.sorted())
        #expect(
            answer.json.hasPrefix(
                "{\"decision\":\"DNC_REGISTRY\",\"detail\":\"registry us-dnc\",\"e164\":\"+14155550101\""))
        // A rejected number has no window, as in a run, though the trace works it out to explain it.
        #expect(answer.json.hasSuffix("\"windows_utc\":\"\"}"))
        #expect(answer.trace.contains { $0.contains("2026-12-01T14:00:00Z/2026-12-02T02:00:00Z") })
        #expect(answer.trace.last == "Decision: DNC_REGISTRY (registry us-dnc)")
        #expect(answer.trace.contains("  registry us-dnc: LISTED"))
        let missing = Self.decider().check(CheckRequest(""), defaultCountry: "US", at: UTCTime(seconds: Self.dayStart))
        #expect(missing.json.contains("\"e164\":null") && missing.json.contains("\"windows_utc\":null"))
        #expect(missing.json.contains("\"windows_local\":null"))
    }
}
