import Foundation
import ScrubIndex
import ScrubKit
import ScrubRecords
import ScrubTestSupport
import Testing

/// Opt-outs with a term (`expires_at`): they bind until it, a re-consent still lifts them, and the
/// longest term since the last re-consent wins, whatever order the events come in.
@Suite("Opt-out expiries")
struct OptOutExpiryTests {
    let normalizer = TestNormalizer()
    let number: UInt64 = 14_155_550_100

    /// An opt-out asked at `minutes` after the base time, binding until `expires` minutes (nil: for good).
    func request(_ action: OptOutEvent.Action = .optOut, at minutes: Int, expires: Int?) -> OptOutRequest {
        var request = optOut(action, evidence: "e\(minutes)", minutes: minutes)
        request.expiresAt = expires.map { testTime(minutes: $0) }
        return request
    }

    /// Appends one event for `number`, recorded at minute 1.
    func record(_ journal: OptOutJournal, _ number: String, _ request: OptOutRequest) throws {
        try journal.record([number], country: "US", request: request, normalizer: normalizer, now: testTime(minutes: 1))
    }

    /// Events as (action, minutes asked, minutes it expires), in the order they are appended.
    typealias History = [(OptOutEvent.Action, Int, Int?)]

    @Test(
        "an opt-out binds until its expiry; the longest term since the last re-consent wins",
        arguments: [
            // One opt-out of a year's term (here: 100 minutes).
            ([(.optOut, 0, 100)], [50: true, 99: true, 100: false, nil: true]),
            // A later opt-out without a term makes it permanent; a later shorter term does not shorten it.
            ([(.optOut, 0, 100), (.optOut, 10, nil)], [100: true, 10_000: true]),
            ([(.optOut, 0, 100), (.optOut, 10, 50)], [99: true, 100: false]),
            // Appended out of time order: the earlier request's longer term still counts.
            ([(.optOut, 10, 50), (.optOut, 0, 100)], [99: true, 100: false]),
            // A re-consent lifts it; a term from before the re-consent does not come back.
            ([(.optOut, 0, nil), (.reconsent, 5, nil), (.optOut, 10, 100)], [50: true, 100: false]),
            ([(.optOut, 0, 100), (.reconsent, 5, nil)], [6: false, 50: false, nil: false]),
            // A re-consent appended last but asked between two opt-outs: the second binds, with the longer
            // term of both kept (the safe side of not knowing their order when the first was applied).
            ([(.optOut, 0, nil), (.optOut, 10, 100), (.reconsent, 5, nil)], [50: true, 100: true]),
        ] as [(History, [Int?: Bool])])
    func terms(history: History, expected: [Int?: Bool]) throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        for (step, (action, minutes, expires)) in history.enumerated() {
            try journal.record(
                ["+14155550100"], country: "US", request: request(action, at: minutes, expires: expires),
                normalizer: normalizer, now: testTime(minutes: 1_000 + step))
        }
        let state = try journal.state()
        // At no time (nil), expiries are not applied: whatever was opted out stays.
        for (minutes, optedOut) in expected {
            let time = minutes.map { testTime(minutes: $0) }
            #expect(state.isOptedOut(number, at: time) == optedOut, "at minute \(String(describing: minutes))")
            #expect(state.isListed(number, compiledFor: nil, at: time) == optedOut)
        }
    }

    @Test("compile leaves out opt-outs expired at --as-of, and only those; without as-of it keeps them all")
    func compile() throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
        try record(journal, "+14155550100", request(at: 0, expires: 100))
        try record(journal, "+14155550101", optOut(evidence: "for good", minutes: 0))
        let before = try journal.compile(to: dir.path("before.idx"), asOf: testTime(minutes: 99))
        let after = try journal.compile(to: dir.path("after.idx"), asOf: testTime(minutes: 100))
        let always = try journal.compile(to: dir.path("always.idx"))
        #expect(before.numbers == 2 && before.expired == 0)
        #expect(after.numbers == 1 && after.expired == 1)
        #expect(always.numbers == 2 && always.expired == 0)
        #expect(try !IndexFile(path: dir.path("after.idx")).contains(number))
        #expect(try IndexFile(path: dir.path("after.idx")).contains(number + 1))
        #expect(try IndexFile(path: dir.path("before.idx")).contains(number))
    }

    @Test("the expiry is written only when set, and read back")
    func lines() throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        try record(journal, "+14155550100", request(at: 0, expires: 525_600))
        try record(journal, "+14155550101", optOut())
        let text = try ScrubTestSupport.lines(of: journal.path)
        #expect(text[0].contains(#""expires_at":"2027-11-20T10:00:00Z""#))
        #expect(!text[1].contains("expires_at"))
        var events: [OptOutEvent] = []
        try journal.forEachEvent { event, _ in events.append(event) }
        #expect(events.map(\.expiresAt) == [testTime(minutes: 525_600), nil])
    }

    @Test(
        "an expiry is refused on a re-consent and when it is not after the request",
        arguments: [
            (OptOutEvent.Action.reconsent, 0, 100, "an expiry is for opt-outs"),
            (.optOut, 10, 10, "is not after the request"),
            (.optOut, 10, 5, "is not after the request"),
        ])
    func refused(action: OptOutEvent.Action, minutes: Int, expires: Int, message: String) throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        let error = #expect(throws: RecordError.self) {
            try journal.record(
                ["+14155550100"], country: "US", request: request(action, at: minutes, expires: expires),
                normalizer: normalizer, now: testTime(minutes: 20))
        }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }

    @Test(
        "the honouring deadline: the end of the tenth weekday after the day asked",
        arguments: [
            // Tuesday 2026-12-01: ten weekdays later is Tuesday 2026-12-15.
            ("2026-12-01T09:30:00Z", "2026-12-15T23:59:59Z"),
            // Friday: weekends are not counted.
            ("2026-11-27T23:59:59Z", "2026-12-11T23:59:59Z"),
            // Saturday: counting starts on Monday.
            ("2026-11-28T00:00:00Z", "2026-12-11T23:59:59Z"),
            // Christmas is counted as a business day: the deadline can only come earlier.
            ("2026-12-18T12:00:00Z", "2027-01-01T23:59:59Z"),
        ])
    func deadline(asked: String, deadline: String) {
        #expect(HonouringDeadline.deadline(forRequestAt: UTCTime(parsing: asked.utf8)!).description == deadline)
    }
}
