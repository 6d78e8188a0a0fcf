import Foundation
import ScrubKit
import ScrubRecords
import ScrubTestSupport
import Synchronization
import Testing

@Suite("Opt-out journal")
struct OptOutJournalTests {
    /// A journal of four events on four lines.
    func journal(_ dir: TemporaryDirectory) throws -> OptOutJournal {
        let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
        for (minute, number) in ["+14155550100", "(212) 555-0101", "+442079460123", "+61291234567"].enumerated() {
            try journal.record(
                [number], country: "US", request: optOut(evidence: "ticket-\(minute)"), normalizer: TestNormalizer(),
                now: testTime(minutes: minute))
        }
        return journal
    }

    @Test("events are written as canonical JSON lines, each linked to the one before")
    func format() throws {
        let dir = try TemporaryDirectory()
        let journal = try journal(dir)
        let text = try lines(of: journal.path)
        #expect(text.count == 4)
        #expect(
            text[1].hasPrefix(
                #"{"actor":"tester","channel":"call","e164":"+12125550101","event":"opt_out","evidence":"ticket-1","#
                    + #""number":"(212) 555-0101","prev_sha256":""#))
        #expect(text[0].contains(#""prev_sha256":"0000000000000000000000000000000000000000000000000000000000000000""#))
        #expect(
            text[1].hasSuffix(
                #""recorded_at":"2026-11-20T10:01:00Z","scope":"all","time":"2026-11-20T10:01:00Z","version":1}"#))
        var events: [(OptOutEvent, Int)] = []
        try journal.forEachEvent { events.append(($0, $1)) }
        #expect(events.map(\.1) == [1, 2, 3, 4])
        #expect(events.map(\.0.e164) == [14_155_550_100, 12_125_550_101, 442_079_460_123, 61_291_234_567])
        #expect(events[1].0.number == "(212) 555-0101")
        let verification = try HashChainedLog(path: journal.path).verify()
        #expect(verification.records == 4 && verification.firstBrokenLine == nil)
    }

    /// Ways of tampering with a four-line journal, and the line where each shows.
    enum Tamper: String, CaseIterable, Sendable {
        case editReason, editNumber, deleteEvent, deleteFirstEvent, swapEvents, insertCopy, cutLineShort

        func apply(_ lines: inout [String]) {
            switch self {
            case .editReason:
                lines[1] = lines[1].replacingOccurrences(of: "asked on the call", with: "asked by letter")
            case .editNumber: lines[2] = lines[2].replacingOccurrences(of: "+442079460123", with: "+442079460124")
            case .deleteEvent: lines.remove(at: 1)
            case .deleteFirstEvent: lines.remove(at: 0)
            case .swapEvents: lines.swapAt(1, 2)
            case .insertCopy: lines.insert(lines[0], at: 1)
            case .cutLineShort: lines[3] = String(lines[3].dropLast(5))
            }
        }

        var brokenLine: Int {
            switch self {
            case .editReason: 3
            case .editNumber, .cutLineShort: 4
            case .deleteEvent, .swapEvents, .insertCopy: 2
            case .deleteFirstEvent: 1
            }
        }
    }

    @Test(
        "an edited, deleted or reordered event breaks the chain at the line where it shows", arguments: Tamper.allCases)
    func tamper(_ tamper: Tamper) throws {
        let name = tamper.rawValue
        let brokenLine = tamper.brokenLine
        let dir = try TemporaryDirectory()
        let journal = try journal(dir)
        var text = try lines(of: journal.path)
        tamper.apply(&text)
        try write(lines: text, to: journal.path)

        let verification = try HashChainedLog(path: journal.path).verify()
        #expect(verification.firstBrokenLine == brokenLine, "\(name)")
        let error = #expect(throws: RecordError.self) { try journal.state() }
        #expect(error?.kind == .badData)
        #expect(error?.location == "\(journal.path):\(brokenLine)", "\(name)")
        #expect(throws: RecordError.self) { try journal.compile(to: dir.path("optouts.idx")) }
        #expect(!FileManager.default.fileExists(atPath: dir.path("optouts.idx")))
    }

    @Test(
        "a command with any invalid number is refused whole, naming the number by position",
        arguments: [
            (["+14155550100", "12", "+14155550101"], "number 2 is not a valid phone number: too short"),
            (["+14155550100", "", "+1415"], "number 2 is empty; number 3 is not a valid phone number: wrong length"),
            (["+999 1234 5678"], "number 1 is in a region this scrub does not support"),
            (["4155550100", "020 7946 0123"], "number 2 is not a valid phone number: too short"),
        ])
    func refusesInvalidNumbers(numbers: [String], message: String) throws {
        let dir = try TemporaryDirectory()
        let journal = try journal(dir)
        let before = try Data(contentsOf: URL(fileURLWithPath: journal.path))
        let error = #expect(throws: RecordError.self) {
            try journal.record(
                numbers, country: "US", request: optOut(), normalizer: TestNormalizer(), now: testTime(minutes: 9))
        }
        #expect(error?.kind == .badData)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.message.contains("Nothing was added") == true)
        for number in numbers where number.count > 3 {
            #expect(error?.message.contains(number) == false, "the message must not repeat phone numbers")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal.path)) == before)
    }

    @Test(
        "a request without evidence, reason or actor is refused",
        arguments: [
            (OptOutRequest(channel: .sms, reason: "STOP", evidence: " ", actor: "a"), "needs evidence"),
            (OptOutRequest(action: .reconsent, channel: .web, reason: "form", evidence: "", actor: "a"), "re-consent"),
            (OptOutRequest(channel: .sms, reason: "", evidence: "sms-1", actor: "a"), "--reason"),
            (OptOutRequest(channel: .sms, reason: "STOP", evidence: "sms-1", actor: ""), "--actor"),
        ])
    func refusesIncompleteRequests(request: OptOutRequest, message: String) throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        let error = #expect(throws: RecordError.self) {
            try journal.record(
                ["+14155550100"], country: "US", request: request, normalizer: TestNormalizer(), now: testTime())
        }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: journal.path))
    }

    @Test("concurrent appends are serialised: the chain stays whole")
    func concurrentAppends() throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<15 {
                do {
                    try journal.record(
                        ["+1415555\(String(1000 + worker * 100 + round))"], country: "US",
                        request: optOut(evidence: "w\(worker)-\(round)"), normalizer: TestNormalizer(),
                        now: testTime(minutes: round))
                } catch {
                    failures.withLock { $0 += 1 }
                }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let verification = try HashChainedLog(path: journal.path).verify()
        #expect(verification.records == 120 && verification.firstBrokenLine == nil)
        #expect(try journal.state().eventCount == 120)
    }

    @Test("a journal file is created owner-only")
    func permissions() throws {
        let dir = try TemporaryDirectory()
        let journal = try journal(dir)
        let attributes = try FileManager.default.attributesOfItem(atPath: journal.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("a re-consent's approver is written and read back; the proposer or an opt-out cannot carry one")
    func approvedBy() throws {
        let dir = try TemporaryDirectory()
        let journal = try journal(dir)
        var approved = optOut(.reconsent, evidence: "form-9")
        approved.approvedBy = "second"
        try journal.record(
            ["+14155550100"], country: "US", request: approved, normalizer: TestNormalizer(), now: testTime(minutes: 9))
        #expect(try lines(of: journal.path).last?.contains(#""approved_by":"second""#) == true)
        #expect(try lines(of: journal.path).dropLast().allSatisfy { !$0.contains("approved_by") })
        var events: [OptOutEvent] = []
        try journal.forEachEvent { event, _ in events.append(event) }
        #expect(events.map(\.approvedBy) == [nil, nil, nil, nil, "second"])

        var own = optOut(.reconsent)
        own.approvedBy = own.actor
        var optOutApproved = optOut()
        optOutApproved.approvedBy = "second"
        for (request, message) in [(own, "a second person must approve it"), (optOutApproved, "re-consents")] {
            #expect {
                try journal.record(
                    ["+14155550100"], country: "US", request: request, normalizer: TestNormalizer(), now: testTime())
            } throws: { "\($0)".contains(message) }
        }
        #expect(try lines(of: journal.path).count == 5)
    }
}
