import Foundation
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// 2026-11-01T12:00:00Z.
private let t0 = UTCTime(seconds: 1_793_534_400)
private let hour: Int64 = 3600
private let day: Int64 = 86_400
private let number: UInt64 = 13_055_550_100

private func at(_ seconds: Int64) -> UTCTime { UTCTime(seconds: t0.seconds + seconds) }

/// One call: seconds after t0, whether the person refused, the offer.
private typealias Call = (Int64, Bool, String?)

private func history(_ calls: [Call], other: [Call] = []) -> ContactHistory {
    var builder = ContactHistory.Builder(from: at(-200 * day), through: at(200 * day))
    for (offset, refusal, offer) in calls {
        builder.add(e164: number, time: at(offset), refusal: refusal, offer: offer)
    }
    for (offset, refusal, offer) in other {
        builder.add(e164: number + 1, time: at(offset), refusal: refusal, offer: offer)
    }
    return builder.build()
}

@Suite("Frequency caps")
struct FrequencyCapTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var cap: FrequencyCap
        var calls: [(Int64, Bool, String?)]
        var time: Int64
        var offer: String?
        /// Seconds after t0 when callable again; nil: callable now.
        var until: Int64?
        var testDescription: String { name }
    }

    static let fl = FrequencyCap.threeIn24Hours("FL")
    static let cases: [Case] = [
        Case(
            name: "FL: two calls in 24 h, a third is allowed", cap: fl, calls: [(0, false, nil), (hour, false, nil)],
            time: 2 * hour, until: nil),
        Case(
            name: "FL: three calls in 24 h, capped until the first leaves the window", cap: fl,
            calls: [(0, false, nil), (hour, false, nil), (2 * hour, false, nil)], time: 3 * hour, until: day),
        Case(
            name: "FL: one second before the boundary, still capped", cap: fl,
            calls: [(0, false, nil), (hour, false, nil), (2 * hour, false, nil)], time: day - 1, until: day),
        Case(
            name: "FL: exactly 24 h after the first call, callable", cap: fl,
            calls: [(0, false, nil), (hour, false, nil), (2 * hour, false, nil)], time: day, until: nil),
        Case(
            name: "FL: five calls, free when the third newest leaves", cap: fl,
            calls: [
                (0, false, nil), (hour, false, nil), (2 * hour, false, nil), (3 * hour, false, nil),
                (4 * hour, false, nil),
            ], time: 5 * hour, until: day + 2 * hour),
        Case(
            name: "FL: calls about another offer do not count", cap: fl,
            calls: [(0, false, "solar"), (hour, false, "solar"), (2 * hour, false, "solar")], time: 3 * hour,
            offer: "roofing", until: nil),
        Case(
            name: "FL: calls logged without an offer count for every offer", cap: fl,
            calls: [(0, false, nil), (hour, false, nil), (90 * 60, false, "solar"), (2 * hour, false, "roofing")],
            time: 3 * hour, offer: "roofing", until: day),
        Case(
            name: "FL: calls after the time judged have not happened yet", cap: fl,
            calls: [(0, false, nil), (hour, false, nil), (5 * hour, false, nil)], time: 2 * hour, until: nil),
        Case(
            name: "FR: four calls in 30 days, capped until the first is 30 days old", cap: .france,
            calls: [(0, false, nil), (day, false, nil), (2 * day, false, nil), (3 * day, false, nil)], time: 4 * day,
            until: 30 * day),
        Case(
            name: "FR: exactly 30 days after the first of four, callable", cap: .france,
            calls: [(0, false, nil), (day, false, nil), (2 * day, false, nil), (3 * day, false, nil)],
            time: 30 * day, until: nil),
        Case(
            name: "FR: three calls in 30 days, callable", cap: .france,
            calls: [(0, false, nil), (day, false, nil), (2 * day, false, nil)], time: 3 * day, until: nil),
        Case(
            name: "FR: a refusal pauses for 60 days", cap: .france, calls: [(0, true, nil)], time: 59 * day,
            until: 60 * day),
        Case(
            name: "FR: 60 days after a refusal, callable", cap: .france, calls: [(0, true, nil)], time: 60 * day,
            until: nil),
        Case(
            name: "FR: a refusal pauses whatever the offer", cap: .france, calls: [(0, true, "solar")], time: day,
            offer: "roofing", until: 60 * day),
        Case(
            name: "FR: the later of the pause and the window wins", cap: .france,
            calls: [
                (0, true, nil), (50 * day, false, nil), (51 * day, false, nil), (52 * day, false, nil),
                (53 * day, false, nil),
            ], time: 54 * day, until: 80 * day),
        Case(
            name: "BC: one call in 30 days about the offer", cap: .britishColumbia, calls: [(0, false, "solar")],
            time: 29 * day, offer: "solar", until: 30 * day),
        Case(
            name: "BC: 30 days later, callable", cap: .britishColumbia, calls: [(0, false, "solar")], time: 30 * day,
            offer: "solar", until: nil),
        Case(
            name: "BC: another offer is callable", cap: .britishColumbia, calls: [(0, false, "solar")], time: day,
            offer: "roofing", until: nil),
    ]

    @Test("each cap at its boundary", arguments: cases)
    func boundary(_ example: Case) {
        let decision = history(example.calls).decision(
            for: number, at: at(example.time), offer: example.offer, caps: [example.cap])
        if let until = example.until {
            #expect(decision == .capped(until: at(until), by: example.cap))
        } else {
            #expect(decision == .callable)
        }
    }

    @Test("another number's calls do not count, and a number never called is callable")
    func otherNumbers() {
        let calls: [Call] = [(0, false, nil), (hour, false, nil), (2 * hour, false, nil)]
        let history = history([], other: calls)
        #expect(history.decision(for: number, at: at(3 * hour), offer: nil, caps: [Self.fl]) == .callable)
        #expect(
            history.decision(for: number + 1, at: at(3 * hour), offer: nil, caps: [Self.fl])
                == .capped(until: at(day), by: Self.fl))
        #expect(history.decision(for: number + 2, at: at(3 * hour), offer: nil, caps: [Self.fl]) == .callable)
    }

    @Test("with several caps, the time returned satisfies all of them")
    func severalCaps() {
        // A company cap of 2 calls a week, and FL's 3 in 24 hours.
        let weekly = FrequencyCap(name: "company 2/7d", maxCalls: 2, window: 7 * day)
        let history = history([(0, false, nil), (hour, false, nil), (2 * hour, false, nil)])
        #expect(
            history.decision(for: number, at: at(3 * hour), offer: nil, caps: [Self.fl, weekly])
                == .capped(until: at(7 * day + hour), by: weekly))
    }

    @Test(
        "the legal table applies caps by region and subdivision",
        arguments: [
            ("US", "FL", ["US-FL 3/24h"]), ("US", "OK", ["US-OK 3/24h"]), ("US", "MD", ["US-MD 3/24h"]),
            ("US", "CA", []), ("US", nil, []), ("FR", nil, ["FR 4/30d, 60d after refusal"]),
            ("CA", "BC", ["CA-BC 1/30d"]), ("CA", "ON", []), ("GB", nil, []),
        ] as [(String, String?, [String])])
    func table(region: String, subdivision: String?, names: [String]) {
        #expect(FrequencyCapTable.legal.caps(region: region, subdivision: subdivision).map(\.name) == names)
        let company = FrequencyCap(name: "company", maxCalls: 5, window: day)
        var table = FrequencyCapTable.legal
        table.everywhere = [company]
        #expect(table.caps(region: region, subdivision: subdivision).map(\.name) == ["company"] + names)
        #expect(FrequencyCapTable.legal.lookback == 60 * day)
    }
}
