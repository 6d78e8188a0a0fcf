import Foundation
import ScrubTestSupport
import Testing

/// A key pair in `dir`: `signing.key` and `signing.key.pub`.
private func generateKey(_ dir: TemporaryDirectory) throws -> ScrubProcess.Result {
    try ScrubProcess.run(["keys", "signing-key", "generate", "--out", dir.path("signing.key")])
}

/// A run of three leads into `dir/out`, its audit log `dir/audit.jsonl`.
private func run(_ dir: TemporaryDirectory, _ extra: [String]) throws -> ScrubProcess.Result {
    let leads = "name,phone,country\nJane Roe,+12025550143,US\nJohn Doe,+12025550178,US\n"
    try leads.write(toFile: dir.path("leads.csv"), atomically: true, encoding: .utf8)
    return try ScrubProcess.run(
        ["run", "--input", dir.path("leads.csv"), "--out", dir.path("out"), "--phone-column", "phone", "--quiet"]
            + extra)
}

private func optOutAdd(_ journal: String, _ extra: [String]) throws -> ScrubProcess.Result {
    try ScrubProcess.run(
        ["optout", "add", journal, "+14155550123", "--channel", "call", "--reason", "asked on the call"] + extra)
}

@Suite("scrub keys signing-key, audit verify --public-key, audit checkpoint, and who acted")
struct AuditSigningCommandTests {
    @Test("generate writes a 0600 private key and a .pub, prints the public key, and never replaces a key")
    func generate() throws {
        let dir = try TemporaryDirectory()
        let made = try generateKey(dir)
        #expect(made.status == 0, "\(made.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path("signing.key"))[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o600)
        let publicKey = try String(contentsOfFile: dir.path("signing.key.pub"), encoding: .utf8)
        #expect(made.stdout == publicKey && publicKey.hasPrefix("scrub-ed25519-public-key "))
        let shown = try ScrubProcess.run(["keys", "signing-key", "public", dir.path("signing.key")])
        #expect(shown.stdout == publicKey)
        let again = try generateKey(dir)
        #expect(again.status == 73 && again.stderr.contains("already exists"), "\(again.stderr)")
        #expect(try String(contentsOfFile: dir.path("signing.key.pub"), encoding: .utf8) == publicKey)
    }

    @Test("runs signed with --signing-key verify with the public key; the actor is recorded by name")
    func signedRuns() throws {
        let dir = try TemporaryDirectory()
        try #require(try generateKey(dir).status == 0)
        let key = ["--signing-key", dir.path("signing.key")]
        #expect(try run(dir, key + ["--actor", "Ann Lee"]).status == 0)
        #expect(try run(dir, key).status == 0)
        let log = dir.path("audit.jsonl")
        let records = auditRecords(log)
        #expect(records.map { $0["operator"] as? String } == ["Ann Lee", try loginNameFromID()])
        #expect(records.allSatisfy { $0["signature"] is String && $0["signed_by"] is String })
        let verified = try ScrubProcess.run(["audit", "verify", log, "--public-key", dir.path("signing.key.pub")])
        #expect(verified.status == 0, "\(verified.stderr)")
        #expect(verified.stdout.contains("2 record(s), chain intact, every record signed by key"))

        var text = try lines(of: log)
        text[0] = text[0].replacingOccurrences(of: "Ann Lee", with: "Bob Ray")
        try write(lines: text, to: log)
        let edited = try ScrubProcess.run(["audit", "verify", log, "--public-key", dir.path("signing.key.pub")])
        #expect(edited.status == 65)
        #expect(edited.stderr.contains("\(log):1: error:") && edited.stderr.contains("signature does not match"))
    }

    @Test("a run without the key on a signed log is refused and publishes nothing; an unreadable key writes nothing")
    func unsignedRunOnSignedLog() throws {
        let dir = try TemporaryDirectory()
        try #require(try generateKey(dir).status == 0)
        #expect(try run(dir, ["--signing-key", dir.path("signing.key")]).status == 0)
        let before = try Data(contentsOf: dir.url.appendingPathComponent("audit.jsonl"))
        let published = PublishedSet(out: dir.path("out"))
        let refused = try run(dir, [])
        #expect(refused.status == 74 && refused.stderr.contains("--signing-key"), "\(refused.stderr)")
        #expect(PublishedSet(out: dir.path("out")).id == published.id, "nothing was published")

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: dir.path("signing.key"))
        let readable = try run(dir, ["--signing-key", dir.path("signing.key")])
        #expect(readable.status == 78 && readable.stderr.contains("readable by others"), "\(readable.stderr)")
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("audit.jsonl")) == before)
    }

    @Test("an unsigned log verifies as before, and is refused with --public-key")
    func unsignedLog() throws {
        let dir = try TemporaryDirectory()
        try #require(try generateKey(dir).status == 0)
        #expect(try run(dir, []).status == 0)
        let plain = try ScrubProcess.run(["audit", "verify", dir.path("audit.jsonl")])
        #expect(plain.status == 0 && plain.stdout.contains("1 record(s), chain intact; last record sha256"))
        let withKey = try ScrubProcess.run([
            "audit", "verify", dir.path("audit.jsonl"), "--public-key", dir.path("signing.key.pub"),
        ])
        #expect(withKey.status == 65 && withKey.stderr.contains("is not signed"), "\(withKey.stderr)")
    }

    @Test("a checkpoint written with the key catches a tail cut later; an edited checkpoint is refused")
    func checkpoint() throws {
        let dir = try TemporaryDirectory()
        try #require(try generateKey(dir).status == 0)
        let key = ["--signing-key", dir.path("signing.key")]
        for _ in 0..<3 { #expect(try run(dir, key).status == 0) }
        let log = dir.path("audit.jsonl")
        let made = try ScrubProcess.run(["audit", "checkpoint", log, "--out", dir.path("head.json")] + key)
        #expect(made.status == 0, "\(made.stderr)")
        let verify = ["audit", "verify", log, "--expect-head", dir.path("head.json")]
        let publicKey = ["--public-key", dir.path("signing.key.pub")]
        let intact = try ScrubProcess.run(verify + publicKey)
        #expect(intact.status == 0 && intact.stdout.contains("holds the 3 record(s) of the checkpoint"), "\(intact)")
        let unchecked = try ScrubProcess.run(verify)
        #expect(unchecked.status == 0 && unchecked.stdout.contains("its signature not checked"), "\(unchecked)")
        #expect(try run(dir, key).status == 0)
        #expect(try ScrubProcess.run(verify + publicKey).status == 0, "a log grown past its checkpoint passes")

        var text = try lines(of: log)
        text.removeLast(2)
        try write(lines: text, to: log)
        #expect(try ScrubProcess.run(["audit", "verify", log] + publicKey).status == 0, "the chain cannot see a cut")
        let cut = try ScrubProcess.run(verify + publicKey)
        #expect(cut.status == 65 && cut.stderr.contains("cut from the end"), "\(cut.stderr)")

        let checkpoint = try String(contentsOfFile: dir.path("head.json"), encoding: .utf8)
        try checkpoint.replacingOccurrences(of: "\"records\":3", with: "\"records\":2")
            .write(toFile: dir.path("head.json"), atomically: true, encoding: .utf8)
        let forged = try ScrubProcess.run(verify + publicKey)
        #expect(forged.status == 65 && forged.stderr.contains("checkpoint's signature does not match"))
        let mismatched = try ScrubProcess.run(verify)
        #expect(mismatched.status == 65 && mismatched.stderr.contains("rewritten"), "its head is record 3's")

        let noKey = try ScrubProcess.run(["audit", "checkpoint", log])
        #expect(noKey.status == 64, "a checkpoint needs the key: \(noKey.stderr)")
    }

    @Test("optout add records the actor by name, requires evidence unless --no-evidence, and signs the journal")
    func optOutActorAndEvidence() throws {
        let dir = try TemporaryDirectory()
        try #require(try generateKey(dir).status == 0)
        let journal = dir.path("optouts.jsonl")
        let key = ["--signing-key", dir.path("signing.key")]
        let none = try optOutAdd(journal, key)
        #expect(none.status == 78 && none.stderr.contains("--no-evidence"), "\(none.stderr)")
        let both = try optOutAdd(journal, key + ["--evidence", "rec-1", "--no-evidence"])
        #expect(both.status == 78 && both.stderr.contains("not both"), "\(both.stderr)")
        #expect(try optOutAdd(journal, key + ["--no-evidence"]).status == 0)
        #expect(try optOutAdd(journal, key + ["--evidence", "rec-2", "--actor", "Ann Lee"]).status == 0)
        let events = auditRecords(journal)
        #expect(events.map { $0["actor"] as? String } == [try loginNameFromID(), "Ann Lee"])
        #expect(events.map { $0["evidence"] as? String } == ["none: recorded with --no-evidence", "rec-2"])
        let reconsent = try ScrubProcess.run(
            ["optout", "reconsent", journal, "+14155550123", "--channel", "web", "--reason", "r", "--no-evidence"]
                + key)
        #expect(reconsent.status == 78 && reconsent.stderr.contains("re-consent always needs evidence"))

        let verified = try ScrubProcess.run(["audit", "verify", journal, "--public-key", dir.path("signing.key.pub")])
        #expect(verified.status == 0 && verified.stdout.contains("every record signed"), "\(verified.stderr)")
        let compiled = try ScrubProcess.run(["optout", "compile", journal, "--output", dir.path("o.idx")])
        #expect(compiled.status == 0 && compiled.stdout.contains("1 number(s) opted out"), "\(compiled.stderr)")
        let unsigned = try optOutAdd(journal, ["--evidence", "rec-3"])
        #expect(unsigned.status == 78 && unsigned.stderr.contains("the log is signed"), "\(unsigned.stderr)")
    }

    @Test(
        "registry build and optout compile, given --audit-log, append a signed record naming the actor and the file",
        arguments: [false, true])
    func listCommandsAudited(_ fails: Bool) throws {
        let dir = try TemporaryDirectory()
        try #require(try generateKey(dir).status == 0)
        try "+12025550143\n+12025550178\n".write(toFile: dir.path("list.txt"), atomically: true, encoding: .utf8)
        let audit = ["--audit-log", dir.path("audit.jsonl"), "--signing-key", dir.path("signing.key")]
        let built = try ScrubProcess.run(
            [
                "registry", "build", "--name", "us", "--kind", "registry", "--region", "US", "--snapshot-date",
                "2026-11-28", "--output", dir.path("us.idx"), dir.path(fails ? "missing.txt" : "list.txt"),
                "--actor", "Ann Lee",
            ] + audit)
        #expect(built.status == (fails ? 66 : 0), "\(built.stderr)")
        #expect(try optOutAdd(dir.path("optouts.jsonl"), ["--evidence", "rec-1"]).status == 0)
        let compiled = try ScrubProcess.run(
            ["optout", "compile", dir.path("optouts.jsonl"), "--output", dir.path("o.idx")] + audit)
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let records = auditRecords(dir.path("audit.jsonl"))
        #expect(records.map { $0["command"] as? String } == ["registry build", "optout compile"])
        #expect(records.map { $0["operator"] as? String } == ["Ann Lee", try loginNameFromID()])
        #expect(records.map { $0["exit_status"] as? Int } == [fails ? 66 : 0, 0])
        let outputs = records.first?["outputs"] as? [[String: Any]]
        #expect(outputs?.first?["path"] as? String == dir.path("us.idx"))
        #expect((outputs?.first?["sha256"] as? String != nil) == !fails)
        let verified = try ScrubProcess.run([
            "audit", "verify", dir.path("audit.jsonl"), "--public-key", dir.path("signing.key.pub"),
        ])
        #expect(verified.status == 0, "\(verified.stderr)")
        let noLog = try ScrubProcess.run(
            ["optout", "compile", dir.path("optouts.jsonl"), "--output", dir.path("p.idx"), "--actor", "Ann Lee"])
        #expect(noLog.status == 64 && noLog.stderr.contains("give --audit-log too"), "\(noLog.stderr)")
    }
}
