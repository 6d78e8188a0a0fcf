import ScrubRecords

/// Who was called when: past calls per number, compact, for judging frequency caps.
///
/// Built once per run from call logs (``ContactHistory/Builder``) and then only read. Calls are kept in
/// three flat arrays sorted by number and time, 6 bytes a call and 12 a number: a number's calls are
/// found by binary search, and a cap is judged from them without allocating.
///
/// Only calls inside the builder's window are kept, so memory is bounded by the calls of the window
/// (the longest cap's lookback before the campaign), not by the length of the logs.
public struct ContactHistory: Sendable {
    /// Distinct numbers, ascending.
    let numbers: [UInt64]
    /// The first call of `numbers[i]` is at `starts[i]`; `starts[numbers.count]` is the call count.
    let starts: [UInt32]
    /// Call times, seconds after `base`, ascending within each number.
    let stamps: [UInt32]
    /// Per call: the offer's id (0: unknown) in the low 15 bits, refusal in the top bit.
    let tags: [UInt16]
    /// Offer ids by name.
    let offers: [String: UInt16]
    /// The time stamps count from.
    public let base: UTCTime

    static let refusalBit: UInt16 = 0x8000
    /// An offer id never given to a logged offer.
    static let unloggedOffer: UInt16 = 0x7FFF

    /// Calls kept.
    public var callCount: Int { stamps.count }
    /// Distinct numbers called.
    public var numberCount: Int { numbers.count }
    /// Bytes of the arrays, for reports and benchmarks.
    public var byteCount: Int { numbers.count * 8 + starts.count * 4 + stamps.count * 4 + tags.count * 2 }

    /// The range of `e164`'s calls in `stamps`.
    func calls(of e164: UInt64) -> Range<Int> {
        let low = numbers.lowerBound(of: e164)
        guard low < numbers.count, numbers[low] == e164 else { return 0..<0 }
        return Int(starts[low])..<Int(starts[low + 1])
    }

    /// The number of calls to `e164` logged at or before `time`.
    public func callCount(to e164: UInt64, before time: UTCTime) -> Int {
        let limit = time.seconds - base.seconds
        return calls(of: e164).count { Int64(stamps[$0]) <= limit }
    }
}

/// Whether a number may be called, and if not, when.
public enum CapDecision: Sendable, Equatable {
    case callable
    /// A cap is reached: the number becomes callable again at `until`.
    case capped(until: UTCTime, by: FrequencyCap)
}

extension ContactHistory {
    /// Whether `e164` may be called at `time` about `offer` under every cap in `caps`, and if not,
    /// the earliest time from which it may, by the past calls alone.
    ///
    /// Only calls at or before `time` count. With several caps, the time returned satisfies them all
    /// (a later time found for one cap is checked against the others again); the cap named is the
    /// one that set it.
    ///
    /// - Complexity: O(log n + calls of the number × caps).
    public func decision(for e164: UInt64, at time: UTCTime, offer: String?, caps: [FrequencyCap]) -> CapDecision {
        decision(for: e164, at: time, offerID: offerID(offer), caps: caps)
    }

    /// The id calls about `offer` carry; an offer the logs never name matches only calls logged
    /// without an offer.
    func offerID(_ offer: String?) -> UInt16? {
        offer.map { offers[$0] ?? Self.unloggedOffer }
    }

    /// ``decision(for:at:offer:caps:)`` with the offer's id looked up once, for a run's rows.
    func decision(for e164: UInt64, at time: UTCTime, offerID: UInt16?, caps: [FrequencyCap]) -> CapDecision {
        let range = calls(of: e164)
        guard !range.isEmpty, !caps.isEmpty else { return .callable }
        // Calls after `time` have not happened yet as far as this decision goes.
        let limit = time.seconds - base.seconds
        let last = range.lowerBound + range.count { Int64(stamps[$0]) <= limit }
        let past = range.lowerBound..<last
        var candidate = time.seconds
        var blocker: FrequencyCap?
        var changed = true
        while changed {
            changed = false
            for cap in caps {
                let until = earliest(past, cap: cap, offer: offerID, from: candidate)
                if until > candidate {
                    candidate = until
                    blocker = cap
                    changed = true
                }
            }
        }
        guard let blocker else { return .callable }
        return .capped(until: UTCTime(seconds: candidate), by: blocker)
    }

    /// The earliest time at or after `from` at which `cap` allows a call, given the calls in `range`.
    private func earliest(_ range: Range<Int>, cap: FrequencyCap, offer: UInt16?, from: Int64) -> Int64 {
        var result = from
        // Calls that count for this cap, newest first.
        var counted = 0
        var index = range.upperBound
        while index > range.lowerBound {
            index -= 1
            let tag = tags[index]
            let callOffer = tag & ~Self.refusalBit
            let at = base.seconds + Int64(stamps[index])
            if let pause = cap.refusalPause, tag & Self.refusalBit != 0 {
                result = max(result, at + pause)
            }
            if cap.perOffer, let offer, callOffer != 0, callOffer != offer { continue }
            guard at > from - cap.window else {
                if cap.refusalPause == nil { break }
                continue
            }
            counted += 1
            // The window holds `maxCalls` calls from this one on: free once this one leaves it.
            if counted == cap.maxCalls { result = max(result, at + cap.window) }
        }
        return result
    }
}
