import Foundation
import ScrubIndex
import ScrubKit
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

@Suite("Opt-out compile")
struct OptOutCompileTests {
    let normalizer = TestNormalizer()

    @Test("compiling the same journal gives byte-identical indexes, wherever and whenever it is compiled")
    func deterministic() throws {
        let dir = try TemporaryDirectory()
        let other = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
        try journal.record(
            ["+14155550100", "+442079460123"], country: "US", request: optOut(minutes: 30), normalizer: normalizer,
            now: testTime(minutes: 40))
        // Appended later, but asked earlier: the snapshot date is the newest request's day.
        try journal.record(
            ["+61291234567"], country: "US", request: optOut(evidence: "letter-7", minutes: -3000),
            normalizer: normalizer, now: testTime(minutes: 50))
        try FileManager.default.copyItem(atPath: journal.path, toPath: other.path("optouts.jsonl"))

        let first = try journal.compile(to: dir.path("a.idx"))
        let second = try journal.compile(to: dir.path("b.idx"))
        try OptOutJournal(path: other.path("optouts.jsonl")).compile(to: other.path("a.idx"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.path("a.idx")))
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path("b.idx"))) == bytes)
        #expect(try Data(contentsOf: URL(fileURLWithPath: other.path("a.idx"))) == bytes)
        #expect(first == second)

        let index = try IndexFile(path: dir.path("a.idx"))
        #expect(index.metadata.name == "optouts")
        #expect(index.metadata.kind == .suppression)
        #expect(index.metadata.regions == [])
        #expect(index.metadata.snapshotDate == "2026-11-20")
        #expect(
            index.metadata.sources == [
                IndexMetadata.Source(
                    name: "optouts.jsonl", sha256: try FileDigest.sha256(path: journal.path), role: .full,
                    keyLines: 3, invalidLines: 0)
            ])
        #expect(first.journalSHA256 == index.metadata.sources[0].sha256)
        #expect(first.events == 3 && first.numbers == 3)
        for number: UInt64 in [14_155_550_100, 442_079_460_123, 61_291_234_567] { #expect(index.contains(number)) }
        #expect(!index.contains(14_155_550_101))
    }

    /// Events as (action, scope, minutes after the base time), all for one number.
    typealias History = [(OptOutEvent.Action, String, Int)]

    @Test(
        "the latest event per number and scope decides; re-consent lifts exactly its own scope",
        arguments: [
            ([(.optOut, "all", 0)], [nil: true, "acme": true]),
            ([(.optOut, "all", 0), (.reconsent, "all", 5)], [nil: false, "acme": false]),
            // Re-consent given before the opt-out does not lift it, even when recorded after it.
            ([(.optOut, "all", 10), (.reconsent, "all", 5)], [nil: true, "acme": true]),
            // Same second: the later line wins.
            ([(.optOut, "all", 5), (.reconsent, "all", 5)], [nil: false, "acme": false]),
            ([(.reconsent, "all", 5), (.optOut, "all", 5)], [nil: true, "acme": true]),
            ([(.optOut, "acme", 0)], [nil: true, "acme": true, "zenith": false]),
            ([(.optOut, "acme", 0), (.reconsent, "all", 5)], [nil: true, "acme": true, "zenith": false]),
            ([(.optOut, "all", 0), (.reconsent, "acme", 5)], [nil: true, "acme": true, "zenith": true]),
            ([(.optOut, "acme", 0), (.reconsent, "acme", 5)], [nil: false, "acme": false]),
            ([(.optOut, "acme", 0), (.reconsent, "acme", 5), (.optOut, "acme", 9)], [nil: true, "acme": true]),
        ] as [(History, [String?: Bool])])
    func reconsent(history: History, expected: [String?: Bool]) throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        for (step, (action, scope, minutes)) in history.enumerated() {
            try journal.record(
                ["+14155550100"], country: "US",
                request: optOut(action, scope: OptOutScope(scope)!, evidence: "e\(step)", minutes: minutes),
                normalizer: normalizer, now: testTime(minutes: 100 + step))
        }
        // Another number, always opted out, so no index is empty.
        try journal.record(
            ["+14155550999"], country: "US", request: optOut(evidence: "other"), normalizer: normalizer,
            now: testTime(minutes: 200))
        let state = try journal.state()
        for (scope, optedOut) in expected {
            let output = dir.path("\(scope ?? "any").idx")
            try journal.compile(to: output, scope: scope.map { OptOutScope($0)! })
            let index = try IndexFile(path: output)
            #expect(index.contains(14_155_550_100) == optedOut, "scope \(scope ?? "any")")
            #expect(index.contains(14_155_550_999))
            if let scope {
                #expect(state.isOptedOut(14_155_550_100, for: OptOutScope(scope)!) == optedOut)
            }
        }
    }

    @Test("scope names are case-insensitive and limited to a safe alphabet")
    func scopes() {
        #expect(OptOutScope("Acme-Energy")?.name == "acme-energy")
        #expect(OptOutScope("ALL") == .all)
        #expect(OptOutScope("") == nil)
        #expect(OptOutScope("acme energy") == nil)
        #expect(OptOutScope("acme/energy") == nil)
    }

    @Test("an empty journal is not compiled")
    func empty() throws {
        let dir = try TemporaryDirectory()
        #expect(FileManager.default.createFile(atPath: dir.path("j.jsonl"), contents: Data()))
        let error = #expect(throws: RecordError.self) {
            try OptOutJournal(path: dir.path("j.jsonl")).compile(to: dir.path("j.idx"))
        }
        #expect(error?.message.contains("no events") == true)
        #expect(throws: RecordError.self) {
            try OptOutJournal(path: dir.path("missing.jsonl")).compile(to: dir.path("j.idx"))
        }
    }

    @Test("freshness: events appended after a compile are pending; a rewritten journal is found")
    func freshness() throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
        try journal.record(
            ["+14155550100", "+14155550101"], country: "US", request: optOut(minutes: 0), normalizer: normalizer,
            now: testTime(minutes: 1))
        try journal.compile(to: dir.path("optouts.idx"))
        let metadata = try IndexFile(path: dir.path("optouts.idx")).metadata
        #expect(
            try journal.freshness(of: metadata)
                == JournalFreshness(compiledEvents: 2, pendingEvents: 0, oldestPending: nil, firstPendingLine: nil))

        try journal.record(
            ["+14155550102"], country: "US", request: optOut(evidence: "t2", minutes: 90), normalizer: normalizer,
            now: testTime(minutes: 91))
        try journal.record(
            ["+14155550103"], country: "US", request: optOut(evidence: "t3", minutes: 60), normalizer: normalizer,
            now: testTime(minutes: 92))
        let pending = try journal.freshness(of: metadata)
        #expect(try journal.freshness(ofIndexAt: dir.path("optouts.idx")) == pending)
        #expect(pending.compiledEvents == 2 && pending.pendingEvents == 2)
        #expect(pending.oldestPending == testTime(minutes: 60))
        #expect(pending.firstPendingLine == 3)
        #expect(!pending.isCurrent)

        var text = try lines(of: journal.path)
        text[0] = text[0].replacingOccurrences(of: "asked on the call", with: "asked by letter")
        try write(lines: text, to: journal.path)
        let error = #expect(throws: RecordError.self) { try journal.freshness(of: metadata) }
        #expect(error?.message.contains("no longer begins with") == true)

        let elsewhere = OptOutJournal(path: dir.path("other.jsonl"))
        #expect(throws: RecordError.self) { try elsewhere.freshness(of: metadata) }
    }
}
