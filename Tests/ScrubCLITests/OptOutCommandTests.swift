import Foundation
import ScrubIndex
import ScrubKit
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("scrub optout")
struct OptOutCommandTests {
    /// A journal of two opt-outs and one re-consent, written through the library.
    func journal(_ dir: TemporaryDirectory) throws -> OptOutJournal {
        let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
        let asked = UTCTime(parsing: "2026-11-20T10:00:00Z".utf8)!
        try journal.record(
            ["+14155550100", "+14155550101"], country: "US",
            request: OptOutRequest(channel: .call, reason: "asked", evidence: "rec-1", actor: "ops", time: asked),
            normalizer: TestNormalizer(), now: asked)
        try journal.record(
            ["+14155550101"], country: "US",
            request: OptOutRequest(
                action: .reconsent, channel: .web, reason: "signed up", evidence: "form-9", actor: "ops",
                time: UTCTime(seconds: asked.seconds + 86_400)),
            normalizer: TestNormalizer(), now: UTCTime(seconds: asked.seconds + 86_400))
        return journal
    }

    @Test("compile writes a deterministic suppression index; status tells when the journal is ahead")
    func compileAndStatus() throws {
        let dir = try TemporaryDirectory()
        let journal = try journal(dir)
        let first = try ScrubProcess.run(["optout", "compile", journal.path, "--output", dir.path("a.idx")])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("1 number(s) opted out, from 3 event(s); snapshot 2026-11-21"))
        #expect(!first.stdout.contains("5550100"), "no phone numbers in the output")
        let second = try ScrubProcess.run(["optout", "compile", journal.path, "--output", dir.path("b.idx")])
        #expect(second.status == 0)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: dir.path("a.idx")))
                == Data(contentsOf: URL(fileURLWithPath: dir.path("b.idx"))))
        let index = try IndexFile(path: dir.path("a.idx"))
        #expect(index.contains(14_155_550_100) && !index.contains(14_155_550_101))

        let current = try ScrubProcess.run(["optout", "status", journal.path, "--index", dir.path("a.idx")])
        #expect(current.status == 0, "\(current.stderr)")
        #expect(current.stdout.contains("holds all 3 event(s)"))

        try journal.record(
            ["+14155550102"], country: "US",
            request: OptOutRequest(channel: .sms, reason: "STOP", evidence: "sms-3", actor: "ops"),
            normalizer: TestNormalizer(), now: UTCTime(parsing: "2026-11-25T08:00:00Z".utf8)!)
        let behind = try ScrubProcess.run(["optout", "status", journal.path, "--index", dir.path("a.idx")])
        #expect(behind.status == 1)
        #expect(
            behind.stdout.contains("1 newer event(s) from line 4, the oldest asked at 2026-11-25T08:00:00Z"),
            "\(behind.stdout)")
        // Ten business days after Wednesday 2026-11-25: Wednesday 2026-12-09, to its last second.
        for (at, overdue) in [("2026-12-09T23:59:59Z", false), ("2026-12-10T00:00:00Z", true)] {
            let clock = try ScrubProcess.run(
                ["optout", "status", journal.path, "--index", dir.path("a.idx"), "--at", at])
            #expect(clock.status == 1)
            #expect(clock.stdout.contains("must be honoured by 2026-12-09T23:59:59Z"), "\(clock.stdout)")
            #expect(clock.stdout.contains("OVERDUE") == overdue, "\(clock.stdout)")
        }
    }

    @Test("optout add --expires-at records a term; compile --as-of leaves the opt-out out once it has passed")
    func expiry() throws {
        let dir = try TemporaryDirectory()
        let journal = dir.path("optouts.jsonl")
        let add = try ScrubProcess.run([
            "optout", "add", journal, "+14155550100", "--channel", "sms", "--reason", "STOP", "--evidence", "sms-1",
            "--time", "2026-11-20T10:00:00Z", "--expires-at", "2027-11-20T10:00:00Z",
        ])
        #expect(add.status == 0, "\(add.stderr)")
        #expect(try String(contentsOfFile: journal, encoding: .utf8).contains(#""expires_at":"2027-11-20T10:00:00Z""#))
        for (asOf, numbers) in [("2027-11-20T09:59:59Z", 1), ("2027-11-20T10:00:00Z", 0)] {
            // A journal with one event that has expired compiles to an empty index.
            let compile = try ScrubProcess.run([
                "optout", "compile", journal, "--output", dir.path("\(numbers).idx"), "--as-of", asOf,
            ])
            #expect(compile.status == 0, "\(compile.stderr)")
            #expect(compile.stdout.contains("\(numbers) number(s) opted out"), "\(compile.stdout)")
            #expect(compile.stdout.contains("expired by") == (numbers == 0))
        }
        let reconsent = try ScrubProcess.run([
            "optout", "reconsent", journal, "+14155550100", "--channel", "web", "--reason", "form",
            "--evidence", "f-1", "--expires-at", "2028-01-01T00:00:00Z",
        ])
        #expect(reconsent.status != 0)
        #expect(reconsent.stderr.contains("an expiry is for opt-outs"), "\(reconsent.stderr)")
        let bad = try ScrubProcess.run([
            "optout", "add", journal, "+14155550100", "--channel", "sms", "--reason", "STOP", "--evidence", "sms-2",
            "--expires-at", "next year",
        ])
        #expect(bad.status == 64 && bad.stderr.contains("--expires-at must be an ISO 8601 time"), "\(bad.stderr)")
    }

    @Test("audit verify checks a journal's chain and names the edited record")
    func auditVerify() throws {
        let dir = try TemporaryDirectory()
        let journal = try journal(dir)
        let intact = try ScrubProcess.run(["audit", "verify", journal.path])
        #expect(intact.status == 0, "\(intact.stderr)")
        #expect(intact.stdout.contains("3 record(s), chain intact; last record sha256 "))

        var text = try String(contentsOfFile: journal.path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"evidence\":\"rec-1\"", with: "\"evidence\":\"rec-2\"")
        try text.write(toFile: journal.path, atomically: false, encoding: .utf8)
        let broken = try ScrubProcess.run(["audit", "verify", journal.path])
        #expect(broken.status == 65)
        #expect(broken.stderr.contains("optouts.jsonl:2: error: the chain is broken at record 2"), "\(broken.stderr)")
        let compile = try ScrubProcess.run(["optout", "compile", journal.path, "--output", dir.path("x.idx")])
        #expect(compile.status == 65)
        #expect(compile.stderr.contains("optouts.jsonl:2: error: the journal's hash chain is broken"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("x.idx")))
    }

    @Test("a missing journal is a missing input")
    func missing() throws {
        let dir = try TemporaryDirectory()
        let result = try ScrubProcess.run(["optout", "compile", dir.path("none.jsonl"), "--output", dir.path("x.idx")])
        #expect(result.status == 66, "\(result.stderr)")
    }
}
