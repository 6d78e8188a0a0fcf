import Foundation
import ScrubIndex
import ScrubKit
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("Opt-outs that apply to a person")
struct PersonOptOutTests {
    let normalizer = TestNormalizer()

    func request(
        _ action: OptOutEvent.Action = .optOut, person: String?, minutes: Int, evidence: String = "ticket-1"
    ) -> OptOutRequest {
        var request = optOut(action, evidence: evidence, minutes: minutes)
        request.person = person
        return request
    }

    @Test("a person's key is read between blanks, exactly, into the range no number reaches")
    func subjects() throws {
        let subject = try #require(PersonKey.subject("C-001"))
        #expect(PersonKey.subject(" C-001\t\r") == subject)
        #expect(PersonKey.subject("c-001") != subject, "CRM ids are case-sensitive")
        #expect(PersonKey.subject("C-002") != subject)
        #expect(PersonKey.subject("  ") == nil && PersonKey.subject("") == nil)
        // Format-frozen: a compiled index holds this value for this key.
        #expect(subject == 1_100_817_489_009_424)
        for key in ["C-001", "0", "003Dn00000XyZ12AAB", String(repeating: "é", count: 128)] {
            let value = try #require(PersonKey.subject(key))
            #expect(PersonKey.isSubject(value) && value < 1 << 50)
            #expect(!PersonKey.isSubject(999_999_999_999_999), "the largest E.164 number is a number")
        }
        #expect(PersonKey.problem(String(repeating: "x", count: 257)) == "the person key is longer than 256 bytes")
        #expect(PersonKey.problem("C\u{7}1") == "the person key holds a control character")
        #expect(PersonKey.problem(" C-1 ") == nil)
    }

    @Test("an opt-out for a person binds its number and the person; a number's re-consent leaves the person")
    func state() throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        let person = try #require(PersonKey.subject("C-001"))
        let written = try journal.record(
            ["+14155550100"], country: "US", request: request(person: " C-001 ", minutes: 0), normalizer: normalizer,
            now: testTime(minutes: 1))
        #expect(written[0].person == "C-001", "recorded trimmed")
        let line = try lines(of: journal.path)[0]
        #expect(line.contains(#""applies_to":"person""#) && line.contains(#""person":"C-001""#))
        var read: [OptOutEvent] = []
        try journal.forEachEvent { event, _ in read.append(event) }
        #expect(read == written)

        var state = try journal.state()
        #expect(state.isOptedOut(14_155_550_100) && state.isOptedOut(person))
        #expect(!state.isOptedOut(try #require(PersonKey.subject("C-002"))))

        // The number alone consents again: the person's opt-out still binds their other numbers.
        try journal.record(
            ["+14155550100"], country: "US", request: request(.reconsent, person: nil, minutes: 10, evidence: "form-1"),
            normalizer: normalizer, now: testTime(minutes: 11))
        state = try journal.state()
        #expect(!state.isOptedOut(14_155_550_100) && state.isOptedOut(person))
        let compiled = try journal.compile(to: dir.path("a.idx"))
        #expect(compiled.numbers == 0 && compiled.persons == 1)
        let index = try IndexFile(path: dir.path("a.idx"))
        #expect(index.contains(person) && !index.contains(14_155_550_100))

        // The person consents again (through any of their numbers): both are lifted.
        try journal.record(
            ["+14155550199"], country: "US", request: request(.reconsent, person: "C-001", minutes: 20, evidence: "f2"),
            normalizer: normalizer, now: testTime(minutes: 21))
        try journal.record(
            ["+14155550101"], country: "US", request: request(person: nil, minutes: 30), normalizer: normalizer,
            now: testTime(minutes: 31))
        state = try journal.state()
        #expect(!state.isOptedOut(person))
        let after = try journal.compile(to: dir.path("b.idx"))
        #expect(after.numbers == 1 && after.persons == 0)
        #expect(!(try IndexFile(path: dir.path("b.idx"))).contains(person))
    }

    @Test("a bad person key is refused before anything is written")
    func refused() throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        let error = #expect(throws: RecordError.self) {
            try journal.record(
                ["+14155550100"], country: "US", request: request(person: "  ", minutes: 0), normalizer: normalizer,
                now: testTime(minutes: 1))
        }
        #expect(error?.message == "the person key is empty")
        let written = FileManager.default.fileExists(atPath: journal.path) ? try lines(of: journal.path) : []
        #expect(written.isEmpty)
    }
}
