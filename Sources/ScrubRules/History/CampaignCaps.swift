import CallingWindows
import Foundation
import ScrubRecords

/// The frequency caps of one campaign day, judged for each lead from the loaded contact history.
///
/// A number is judged at the start of the campaign day (00:00 UTC) or, if the history logs calls to
/// it later that day, just after the last of them: so a run made during the day counts the calls
/// already made. A capped number is rejected with the time it becomes callable again, which may be
/// later the same day.
///
/// Not thread-safe (it caches cap sets as rows come): one per ``RowDecider`` thread; a parallel engine needs a copy per worker.
///
/// The caps of a number are those of its region and subdivision and of the lead's state (the law
/// uses the called party's location: either may be it), worked out once per distinct (profile,
/// location), then looked up by integer key.
public final class CampaignCaps {
    public let history: ContactHistory
    public let table: FrequencyCapTable
    /// This campaign's offer, for per-offer caps; nil counts every call for every offer.
    public let offer: String?
    public let dayStart: UTCTime
    public let dayEnd: UTCTime
    private let offerID: UInt16?
    private var capSets: [[FrequencyCap]] = []
    private let capSetByKey = UInt64Map<Int>()

    /// A copy with a cap-set cache of its own, for another thread (the history and table are values).
    public func forAnotherThread() -> CampaignCaps {
        CampaignCaps(history: history, table: table, offer: offer, dayStart: dayStart, offerID: offerID)
    }

    private init(history: ContactHistory, table: FrequencyCapTable, offer: String?, dayStart: UTCTime, offerID: UInt16?)
    {
        self.history = history
        self.table = table
        self.offer = offer
        self.dayStart = dayStart
        self.dayEnd = UTCTime(seconds: dayStart.seconds + 86_399)
        self.offerID = offerID
    }

    public init(history: ContactHistory, table: FrequencyCapTable, offer: String?, campaignDate: LocalDate) {
        self.history = history
        self.table = table
        self.offer = offer
        self.dayStart = UTCTime(seconds: Int64(campaignDate.dayNumber) * 86_400)
        self.dayEnd = UTCTime(seconds: dayStart.seconds + 86_399)
        self.offerID = history.offerID(offer)
    }

    /// The history a run needs for `table` on `campaignDate`: calls from the longest cap's lookback
    /// before the day through the day's end.
    public static func window(
        for table: FrequencyCapTable, campaignDate: LocalDate
    ) -> (from: UTCTime, through: UTCTime) {
        let start = Int64(campaignDate.dayNumber) * 86_400
        return (UTCTime(seconds: start - table.lookback), UTCTime(seconds: start + 86_399))
    }

    /// The caps for a number and the lead's location.
    public func caps(for number: NumberFacts, at location: LeadLocation) -> [FrequencyCap] {
        // Profile ids above 24 bits (never seen in practice) are not cached, so keys cannot collide.
        guard let key = location.key, key < 1 << 40, number.profile.id < 1 << 24 else {
            return Self.caps(table, number, location.state)
        }
        let cacheKey = UInt64(number.profile.id) << 40 | key
        if let index = capSetByKey.value(for: cacheKey) { return capSets[index] }
        capSets.append(Self.caps(table, number, location.state))
        _ = capSetByKey.insertIfAbsent(capSets.count - 1, for: cacheKey)
        return capSets[capSets.count - 1]
    }

    private static func caps(_ table: FrequencyCapTable, _ number: NumberFacts, _ state: String?) -> [FrequencyCap] {
        // The normaliser names subdivisions in ISO 3166-2 (`US-FL`); the table by their own code (`FL`).
        let prefix = number.region + "-"
        let subdivision = number.subdivision.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
        var caps = table.caps(region: number.region, subdivision: subdivision)
        // The lead's state as a code: `Texas` is `TX` (PlaceNames), an unknown value as written.
        let leadState =
            state.flatMap { PlaceNames.subdivision($0, country: number.region) }
            ?? state?.trimmingCharacters(in: .whitespaces).uppercased()
        if let leadState, !leadState.isEmpty, leadState != subdivision {
            for cap in table.byPlace["\(number.region)-\(leadState)"] ?? [] where !caps.contains(cap) {
                caps.append(cap)
            }
        }
        return caps
    }

    /// Whether the number may be called on the campaign day under the caps of its place and the
    /// lead's: a number never called costs one binary search, and its caps are not looked up.
    public func decision(
        for number: NumberFacts, at location: LeadLocation, evidence: () -> LeadEvidence = { LeadEvidence() }
    ) -> CapDecision {
        guard !history.calls(of: number.e164).isEmpty else { return .callable }
        return decision(for: number.e164, caps: caps(for: number, at: location, evidence: evidence))
    }

    /// The caps that apply to the lead, less those its evidence spares (a recent purchase, in Oregon).
    /// The evidence is read only when an applicable cap can be spared.
    public func caps(
        for number: NumberFacts, at location: LeadLocation, evidence: () -> LeadEvidence
    ) -> [FrequencyCap] {
        let applicable = caps(for: number, at: location)
        guard applicable.contains(where: { $0.sparedByPurchaseWithinMonths != nil }) else { return applicable }
        let evidence = evidence()
        return applicable.filter { !$0.spares(evidence, on: campaignDate) }
    }

    /// The campaign day, as a calendar date.
    public var campaignDate: LocalDate { LocalDate(dayNumber: Int(dayStart.seconds / 86_400)) }

    /// Whether the number may be called on the campaign day under `caps`.
    ///
    /// - Complexity: one binary search over the numbers called for a number never called.
    public func decision(for e164: UInt64, caps: [FrequencyCap]) -> CapDecision {
        let range = history.calls(of: e164)
        guard !caps.isEmpty, !range.isEmpty else { return .callable }
        let at = max(dayStart, history.lastCall(in: range, through: dayEnd) ?? dayStart)
        return history.decision(for: e164, at: at, offerID: offerID, caps: caps)
    }
}

extension ContactHistory {
    /// The time of the last call in `range` (one number's calls) logged at or before `time`.
    func lastCall(in range: Range<Int>, through time: UTCTime) -> UTCTime? {
        let limit = time.seconds - base.seconds
        var index = range.upperBound
        while index > range.lowerBound {
            index -= 1
            if Int64(stamps[index]) <= limit { return UTCTime(seconds: base.seconds + Int64(stamps[index])) }
        }
        return nil
    }
}
