import ScrubKit
import ScrubRecords
import ScrubServe
import ScrubTestSupport
import Synchronization
import Testing

/// The overlay holds little, but must answer exactly as the journal's whole state does: these
/// tests hold it against ``OptOutState`` over random journals (events out of time order, ties,
/// brand scopes, persons, re-consents before and after the compile).
@Suite("scrub serve: the opt-out overlay")
struct LiveOptOutListTests {
    /// A journal in memory; ``LiveOptOutList`` only reads it.
    final class MemoryStore: OptOutStore, @unchecked Sendable {
        let events = Mutex<[OptOutEvent]>([])
        /// Reading fails while set, as a journal whose chain was broken under the server would.
        let failing = Mutex(false)
        var name: String { "memory" }

        func record(
            _ numbers: [String], country: String, request: OptOutRequest, now: UTCTime, reading: NumberReader
        ) throws -> [OptOutEvent] { throw RecordError(.configuration, "read-only") }

        func forEachEvent(_ body: (OptOutEvent, Int) throws -> Void) throws {
            if failing.withLock({ $0 }) { throw RecordError(.badData, "the chain is broken") }
            for (index, event) in events.withLock({ $0 }).enumerated() { try body(event, index + 1) }
        }
    }

    static let numbers: [UInt64] = [14_155_550_101, 14_155_550_102, 14_155_550_103, 14_155_550_104, 14_155_550_105]
    static let persons = ["C-1", "C-2"]
    static let scopes = [OptOutScope.all, OptOutScope("acme")!, OptOutScope("beta")!]
    static var subjects: [UInt64] { numbers + persons.map { PersonKey.subject($0)! } }

    static func randomEvent(_ random: inout SeededRandom) -> OptOutEvent {
        let number = numbers[Int(random.next() % UInt64(numbers.count))]
        // Few distinct times, so ties (broken by the line) and events out of order are common.
        let time = UTCTime(seconds: 1_800_000_000 + Int64(random.next() % 6))
        return OptOutEvent(
            action: random.next() % 3 == 0 ? .reconsent : .optOut, time: time, recordedAt: time,
            number: "+\(number)", e164: number, scope: scopes[Int(random.next() % UInt64(scopes.count))],
            channel: .call, reason: "test", evidence: "test", actor: "test",
            person: random.next() % 4 == 0 ? persons[Int(random.next() % 2)] : nil)
    }

    /// What the next compile and the compiled index would say of `subject` after `events`, the
    /// first `compiled` of them compiled into the index.
    static func expected(
        _ subject: UInt64, events: [OptOutEvent], compiled: Int, scope: OptOutScope?
    ) -> Bool {
        var whole = OptOutState()
        var prefix = OptOutState()
        for (index, event) in events.enumerated() {
            whole.apply(event, line: index + 1)
            if index < compiled { prefix.apply(event, line: index + 1) }
        }
        let touched = events.dropFirst(compiled).contains { $0.subjects.contains(subject) }
        return touched
            ? whole.isListed(subject, compiledFor: scope) : prefix.isListed(subject, compiledFor: scope)
    }

    @Test(
        "answers as the journal's whole state, for events read at start and recorded later", arguments: [nil, "acme"])
    func matchesTheState(scopeName: String?) throws {
        let scope = scopeName.map { OptOutScope($0)! }
        for seed in 1...300 as ClosedRange<UInt64> {
            var random = SeededRandom(seed: seed)
            let total = 4 + Int(random.next() % 16)
            let events = (0..<total).map { _ in Self.randomEvent(&random) }
            let atStart = Int(random.next() % UInt64(total + 1))
            let compiled = Int(random.next() % UInt64(atStart + 1))

            var prefix = OptOutState()
            for (index, event) in events.prefix(compiled).enumerated() { prefix.apply(event, line: index + 1) }
            let base = testList("optouts", kind: .suppression, numbers: prefix.optedOut(for: scope))
            let store = MemoryStore()
            store.events.withLock { $0 = Array(events.prefix(atStart)) }
            let live = try LiveOptOutList(base: base, journal: store, compiledEvents: compiled, scope: scope)

            for count in atStart...total {
                if count > atStart {
                    store.events.withLock { $0.append(events[count - 1]) }
                    try live.apply([events[count - 1]])
                }
                for subject in Self.subjects {
                    let want = Self.expected(
                        subject, events: Array(events.prefix(count)), compiled: compiled, scope: scope)
                    #expect(
                        live.contains(subject) == want,
                        "seed \(seed), \(count) events (\(atStart) at start, \(compiled) compiled): subject \(subject)")
                }
            }
        }
    }

    @Test("a re-consent among a thousand opt-outs lifts its own number only")
    func reconsentAmongMany() throws {
        let store = MemoryStore()
        let base = testList("optouts", kind: .suppression, numbers: [])
        let live = try LiveOptOutList(base: base, journal: store, compiledEvents: 0, scope: nil)
        var random = SeededRandom(seed: 3)
        var opted: [OptOutEvent] = []
        for index in 0..<1_000 {
            var event = Self.randomEvent(&random)
            (event.action, event.e164, event.person) = (.optOut, 14_155_560_000 + UInt64(index), nil)
            opted.append(event)
        }
        store.events.withLock { $0 = opted }
        try live.apply(opted)
        #expect(opted.allSatisfy { live.contains($0.e164) })
        #expect(live.touchedCount == 1_000)

        var lifted = opted[7]
        (lifted.action, lifted.time) = (.reconsent, UTCTime(seconds: 1_900_000_000))
        store.events.withLock { $0.append(lifted) }
        try live.apply([lifted])
        #expect(!live.contains(lifted.e164))
        #expect(live.contains(opted[8].e164))
        #expect(live.touchedCount == 1_000)
    }

    @Test("when a subject's history cannot be read, its opt-out still binds and the error is reported")
    func unreadableHistory() throws {
        var random = SeededRandom(seed: 5)
        var optOut = Self.randomEvent(&random)
        (optOut.action, optOut.scope, optOut.person) = (.optOut, .all, nil)
        var reconsent = optOut
        (reconsent.action, reconsent.time) = (.reconsent, UTCTime(seconds: optOut.time.seconds + 10))
        let store = MemoryStore()
        store.events.withLock { $0 = [optOut, reconsent] }
        let base = testList("optouts", kind: .suppression, numbers: [])
        let live = try LiveOptOutList(base: base, journal: store, compiledEvents: 2, scope: nil)
        #expect(!live.contains(optOut.e164))

        var again = optOut
        again.time = UTCTime(seconds: optOut.time.seconds + 20)
        store.events.withLock { $0.append(again) }
        store.failing.withLock { $0 = true }
        #expect(throws: RecordError.self) { try live.apply([again]) }
        #expect(live.contains(optOut.e164), "the safe side: an opt-out binds without its history")
    }
}
