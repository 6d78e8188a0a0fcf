import Foundation
import ScrubIndex
import ScrubTestSupport
import Testing

@Suite("The FCC's revoke-all rule and opt-out indexes compiled for one scope")
struct RevokeAllCommandTests {
    @Test(
        "a scoped index is refused for robocalls and robotexts from the rule's date, and only then",
        arguments: [
            // (channel, campaign date, scoped, exit status)
            ("autodialed", "2027-01-31", true, 78), ("sms", "2027-02-01", true, 78),
            ("prerecorded", "2027-01-31", true, 78), ("autodialed", "2027-01-30", true, 0),
            ("voice", "2027-01-31", true, 0), ("autodialed", "2027-01-31", false, 0),
        ])
    func refused(channel: String, date: String, scoped: Bool, status: Int32) throws {
        let dir = try TemporaryDirectory()
        let journal = dir.path("optouts.jsonl")
        let added = try ScrubProcess.run([
            "optout", "add", journal, "+1 415 555 0123", "--scope", "other-brand", "--channel", "call", "--reason",
            "asked on the call", "--evidence", "rec-1", "--time", "2026-11-20T10:00:00Z",
        ])
        #expect(added.status == 0, "\(added.stderr)")
        let compiled = try ScrubProcess.run(
            ["optout", "compile", journal, "--output", dir.path("optouts.idx")] + (scoped ? ["--scope", "acme"] : []))
        #expect(compiled.status == 0, "\(compiled.stderr)")
        #expect(try IndexFile(path: dir.path("optouts.idx")).metadata.scope == (scoped ? "acme" : nil))
        try "id,phone\n1,+14155550123\n".write(toFile: dir.path("leads.csv"), atomically: false, encoding: .utf8)
        try """
        version: 1
        input: {files: leads.csv, phone_column: phone}
        output: {directory: out}
        campaign: {date: \(date), channel: \(channel)}
        consent: {required_in: []}
        optouts: {journal: optouts.jsonl, index: optouts.idx}
        """.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
        let run = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(run.status == status, "\(run.stderr)")
        if status == 78 {
            #expect(run.stderr.contains("compiled for scope acme only") && run.stderr.contains("US-FCC-REVOKE-ALL"))
            #expect(!FileManager.default.fileExists(atPath: dir.path("out/clean.csv.gz")), "nothing published")
        }
    }
}
