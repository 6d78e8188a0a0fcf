import CallingWindows
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// Defer, don't drop: a row rejected `NO_CALLING_WINDOW` or `FREQUENCY_CAP` says when it may be called.
@Suite("next_callable_at")
struct DeferTests {
    static let book: RuleBook = {
        do { return try RuleBook.bundled() } catch { fatalError("bundled rules do not load: \(error)") }
    }()

    func decider(on date: String, purpose: String = "telemarketing-consented", caps: CampaignCaps? = nil) -> RowDecider
    {
        RowDecider(
            normalizer: PhoneNormalizerStage(), suppressionLists: [], registries: [],
            windows: RuleBookWindows(ruleBook: Self.book, date: LocalDate(date)!, purpose: purpose),
            rejectWithoutWindow: true, compliance: RowCompliance(caps: caps), campaignDate: LocalDate(date)!)
    }

    func decide(_ decider: RowDecider, _ phone: String, country: String) -> Decision {
        Array(phone.utf8).withUnsafeBytes { SerialDecider(decider).decide(phone: $0, country: country, line: 2) }
    }

    @Test(
        "a row without a window on the campaign date carries the start of the next one within 14 days",
        arguments: [
            // Saturday in Paris: D.223-9 allows Monday 10:00 (CET, 09:00Z).
            ("2026-12-05", "telemarketing-consented", "+33 1 99 00 12 34", "FR", "2026-12-07T09:00:00Z"),
            // Christmas, then a weekend: Monday 2026-12-28.
            ("2026-12-25", "telemarketing-consented", "+33 1 99 00 12 34", "FR", "2026-12-28T09:00:00Z"),
            // Unsolicited sales calls to France after the opt-in law: nothing opens, so no time.
            ("2026-12-05", "telemarketing", "+33 1 99 00 12 34", "FR", ""),
        ])
    func window(date: String, purpose: String, phone: String, country: String, expected: String) {
        let decider = decider(on: date, purpose: purpose)
        let decision = Array(phone.utf8).withUnsafeBytes {
            SerialDecider(decider).decide(phone: $0, country: country, line: 2)
        }
        #expect(decision.reason == .noCallingWindow)
        #expect((decision.nextCallableAt?.description ?? "") == expected)
        let answer = decider.check(CheckRequest(phone), defaultCountry: country, at: UTCTime(seconds: 0))
        #expect(answer.nextCallableAt == decision.nextCallableAt, "scrub check --json prints the same value")
        #expect(
            answer.json.contains(
                expected.isEmpty ? "\"next_callable_at\":null" : "\"next_callable_at\":\"\(expected)\""))
    }

    @Test("a capped row carries when the cap allows again, or nothing past the 14 days")
    func cap() {
        let campaign = LocalDate("2026-12-01")!
        let dayStart = Int64(campaign.dayNumber) * 86_400
        let table = FrequencyCapTable.legal(on: campaign)
        func caps(_ calls: [(Int64, Bool)]) -> CampaignCaps {
            let window = CampaignCaps.window(for: table, campaignDate: campaign)
            var builder = ContactHistory.Builder(from: window.from, through: window.through)
            for (offset, refusal) in calls {
                builder.add(e164: 33_199_001_234, time: UTCTime(seconds: dayStart + offset), refusal: refusal)
            }
            return CampaignCaps(history: builder.build(), table: table, offer: nil, campaignDate: campaign)
        }
        // Four calls in the last 30 days: callable again 30 days after the first, 2026-12-05 09:00.
        let four = caps([
            (-26 * 86_400 + 9 * 3_600, false), (-20 * 86_400, false), (-10 * 86_400, false), (-3_600, false),
        ])
        let capped = decide(decider(on: "2026-12-01", caps: four), "+33 1 99 00 12 34", country: "FR")
        #expect(capped.reason == .frequencyCap)
        #expect(capped.nextCallableAt?.description == "2026-12-05T09:00:00Z")
        // A refusal yesterday: 60 days' pause, beyond the look-ahead.
        let refused = decide(
            decider(on: "2026-12-01", caps: caps([(-86_400, true)])), "+33 1 99 00 12 34", country: "FR")
        #expect(refused.reason == .frequencyCap)
        #expect(refused.callableAgain == nil && refused.nextCallableAt == nil)
        #expect(refused.detail?.contains("callable again 2027-01-29") == true, "\(refused.detail ?? "")")
    }

    @Test("other reasons carry no next_callable_at")
    func permanent() {
        let decision = decide(decider(on: "2026-12-01"), "call me", country: "US")
        #expect(decision.reason == .invalidNumber)
        #expect(decision.nextCallableAt == nil)
        #expect(Decision.nextCallableColumn == "next_callable_at")
    }
}
