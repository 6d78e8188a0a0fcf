import Foundation
import ScrubIO
import ScrubIndex
import ScrubKit
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("scrub optout add, reconsent, import")
struct OptOutEventCommandTests {
    @Test("add normalises, appends and is compiled; reconsent lifts it")
    func addAndReconsent() throws {
        let dir = try TemporaryDirectory()
        let journal = dir.path("optouts.jsonl")
        let added = try ScrubProcess.run([
            "optout", "add", journal, "+1 415 555 0123", "(415) 555-0124", "--channel", "call", "--reason",
            "asked on the call", "--evidence", "rec-1", "--actor", "ops", "--time", "2026-11-20T10:00:00Z",
        ])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("2 opt-out event(s) appended"))
        #expect(!showsNumber(added.stdout, of: ["4155550123", "4155550124"]), "no phone numbers in the output")
        let events = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
        #expect(events.count == 2)
        #expect(events[1].contains(#""e164":"+14155550124""#) && events[1].contains(#""actor":"ops""#))

        let lifted = try ScrubProcess.run([
            "optout", "reconsent", journal, "4155550124", "--channel", "web", "--reason", "signed up",
            "--evidence", "form-7", "--time", "2026-11-21T10:00:00Z",
        ])
        #expect(lifted.status == 0, "\(lifted.stderr)")
        #expect(lifted.stdout.contains("1 re-consent event(s) appended"))
        let compiled = try ScrubProcess.run(["optout", "compile", journal, "--output", dir.path("o.idx")])
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let index = try IndexFile(path: dir.path("o.idx"))
        #expect(index.contains(14_155_550_123) && !index.contains(14_155_550_124))
        #expect(try ScrubProcess.run(["audit", "verify", journal]).status == 0)
    }

    @Test("add --person binds the person: compile counts it, and it is in the index beside the number")
    func addForPerson() throws {
        let dir = try TemporaryDirectory()
        let journal = dir.path("optouts.jsonl")
        let base = ["--channel", "call", "--reason", "asked on the call", "--evidence", "rec-1"]
        let added = try ScrubProcess.run(["optout", "add", journal, "+1 415 555 0123", "--person", " C-001 "] + base)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try String(contentsOfFile: journal, encoding: .utf8).contains(#""person":"C-001""#))
        let compiled = try ScrubProcess.run(["optout", "compile", journal, "--output", dir.path("o.idx")])
        #expect(compiled.stdout.contains("1 number(s) and 1 person(s) opted out"), "\(compiled.stdout)")
        let index = try IndexFile(path: dir.path("o.idx"))
        let person = try #require(PersonKey.subject("C-001"))
        #expect(index.contains(14_155_550_123) && index.contains(person))
        let blank = try ScrubProcess.run(["optout", "add", journal, "+1 415 555 0124", "--person", " "] + base)
        #expect(blank.status == 78 && blank.stderr.contains("the person key is empty"), "\(blank.stderr)")
    }

    @Test("an invalid number refuses the whole command, exit 65, and adds nothing")
    func refusesInvalid() throws {
        let dir = try TemporaryDirectory()
        let journal = dir.path("optouts.jsonl")
        let result = try ScrubProcess.run([
            "optout", "add", journal, "+1 415 555 0123", "12345", "--channel", "sms", "--reason", "STOP",
            "--evidence", "sms-1",
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("number 2 is not a valid phone number"), "\(result.stderr)")
        #expect(result.stderr.contains("Nothing was added"))
        #expect(!result.stderr.contains("12345"), "the message names the number by position")
        let journalBytes = FileManager.default.contents(atPath: journal) ?? Data()
        #expect(journalBytes.isEmpty, "nothing was appended")
        let missingEvidence = try ScrubProcess.run([
            "optout", "reconsent", journal, "+1 415 555 0123", "--channel", "web", "--reason", "r", "--evidence", " ",
        ])
        #expect(missingEvidence.status == 78, "\(missingEvidence.stderr)")
    }

    @Test("import appends do-not-call rows once; a second import adds nothing")
    func importTwice() throws {
        let dir = try TemporaryDirectory()
        let journal = dir.path("optouts.jsonl")
        try """
        call_id,phone,started,outcome
        C-1,+14155550123,2026-11-20T09:00:00Z,SALE
        C-2,+14155550124,2026-11-20T09:05:00Z,DNC
        C-3,(415) 555-0125,2026-11-20 09:10,optout
        C-4,12,2026-11-20T09:15:00Z,DNC

        """.write(toFile: dir.path("calls.csv"), atomically: false, encoding: .utf8)
        let arguments = [
            "optout", "import", journal, "--dispositions", dir.path("calls.csv"), "--time-column", "started",
            "--code-column", "outcome", "--id-column", "call_id",
        ]
        let first = try ScrubProcess.run(arguments)
        #expect(first.status == 65, "one row has a bad number")
        #expect(first.stdout.contains("4 row(s), 3 do-not-call; 2 appended"), "\(first.stdout)")
        #expect(first.stderr.contains("calls.csv:5: the number is not valid"))
        let second = try ScrubProcess.run(arguments)
        #expect(second.stdout.contains("0 appended"), "\(second.stdout)")
        #expect(second.stdout.contains("2 already recorded"))
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.contains(#""evidence":"disposition calls.csv:3 id=C-2""#))
    }

    @Test("an opt-out takes effect at the next run using the compiled index; re-consent lifts it")
    func nextRun() throws {
        let dir = try TemporaryDirectory()
        let journal = dir.path("optouts.jsonl")
        try "id,phone,country\n1,+1 415 555 0123,US\n2,(415) 555-0124,US\n3,415.555.0125,US\n".write(
            toFile: dir.path("leads.csv"), atomically: false, encoding: .utf8)
        func run() throws -> [String] {
            let result = try ScrubProcess.run([
                "run", "--input", dir.path("leads.csv"), "--out", dir.path("out"), "--suppression",
                dir.path("optouts.idx"), "--country-column", "country", "--campaign-date", "2026-12-01", "--quiet",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
            let reason = rejects.header.firstIndex(of: Array("reject_reason".utf8))!
            return rejects.records.map {
                String(decoding: $0[0], as: UTF8.self) + ":" + String(decoding: $0[reason], as: UTF8.self)
            }
        }
        #expect(
            try ScrubProcess.run([
                "optout", "add", journal, "4155550124", "--channel", "call", "--reason", "asked", "--evidence", "rec-1",
                "--time", "2026-11-20T10:00:00Z",
            ]).status == 0)
        #expect(try ScrubProcess.run(["optout", "compile", journal, "--output", dir.path("optouts.idx")]).status == 0)
        #expect(try run() == ["2:SUPPRESSED"])

        #expect(
            try ScrubProcess.run([
                "optout", "reconsent", journal, "+14155550124", "--channel", "web", "--reason", "signed up",
                "--evidence", "form-1", "--time", "2026-11-21T10:00:00Z",
            ]).status == 0)
        #expect(try ScrubProcess.run(["optout", "status", journal, "--index", dir.path("optouts.idx")]).status == 1)
        #expect(try ScrubProcess.run(["optout", "compile", journal, "--output", dir.path("optouts.idx")]).status == 0)
        #expect(try run() == [])
    }
}
