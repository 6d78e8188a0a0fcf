import Foundation
import ScrubIO
import ScrubKit
import ScrubTestSupport
import Testing

/// A small lead file in `dir/leads.csv` with the given first line.
private func writeLeads(_ dir: TemporaryDirectory, header: String?) throws {
    let rows = ["Jane Roe,+12025550143,US", "John Doe,+12025550178,US", "Ann Lee,+12025550191,US"]
    let text = ([header].compactMap { $0 } + rows).joined(separator: "\n") + "\n"
    try text.write(toFile: dir.path("leads.csv"), atomically: true, encoding: .utf8)
}

private func run(_ dir: TemporaryDirectory, _ extra: [String] = []) throws -> ScrubProcess.Result {
    try ScrubProcess.run(
        ["run", "--input", dir.path("leads.csv"), "--out", dir.path("out"), "--phone-column", "phone", "--quiet"]
            + extra)
}

@Suite("scrub run, audited and published as a set")
struct RunAuditTests {
    @Test(
        "a header-less lead file: the error says the first row looks like data and quotes no lead, on stderr or in the audit log"
    )
    func headerlessFileQuotesNoLead() throws {
        let dir = try TemporaryDirectory()
        try writeLeads(dir, header: nil)
        let result = try run(dir)
        #expect(result.status == 78)
        #expect(result.stderr.contains("the first row looks like data"), "\(result.stderr)")
        #expect(result.stderr.contains("seems to have no header"))
        let audit = try String(contentsOfFile: dir.path("audit.jsonl"), encoding: .utf8)
        for text in [result.stderr, audit] {
            #expect(!text.contains("Jane") && !text.contains("Roe") && !text.contains("2025550143"), "\(text)")
        }
        #expect(auditRecords(dir.path("audit.jsonl")).last?["exit_status"] as? Int == 78)
    }

    @Test("a header with a misspelt column still lists the columns", arguments: ["name,mobile,country", "a,b"])
    func misspeltColumnListsHeader(_ header: String) throws {
        let dir = try TemporaryDirectory()
        try writeLeads(dir, header: header)
        let result = try run(dir)
        #expect(result.status == 78)
        #expect(result.stderr.contains("(columns: \(header.replacingOccurrences(of: ",", with: ", ")))"))
    }

    @Test(
        "every attempt is audited, its last record with its exit status, and the status file says so; a failed attempt leaves the published set as it was",
        arguments: [
            ("missing input", Int32(66)), ("bad gzip", 65), ("unknown column", 78), ("locked", 73),
            ("audit log unwritable", 74),
        ])
    func everyAttemptAudited(_ fault: String, _ expected: Int32) throws {
        let dir = try TemporaryDirectory()
        try writeLeads(dir, header: "name,phone,country")
        try #require(try run(dir).status == 0)
        let before = PublishedSet(out: dir.path("out"))
        try #require(before.isWhole)
        var extra: [String] = []
        var lock: DirectoryLock?
        switch fault {
        case "missing input": extra = ["--input", dir.path("nope.csv")]
        case "bad gzip":
            try Data([0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]).write(
                to: dir.url.appendingPathComponent("bad.csv.gz"))
            extra = ["--input", dir.path("bad.csv.gz")]
        case "unknown column": extra = ["--country-column", "nation"]
        case "locked": lock = try OutputFolder(path: dir.path("out")).lock()
        default:
            try FileManager.default.moveItem(atPath: dir.path("audit.jsonl"), toPath: dir.path("audit.old"))
            try FileManager.default.createDirectory(atPath: dir.path("audit.jsonl"), withIntermediateDirectories: false)
        }
        var arguments = ["run", "--out", dir.path("out"), "--phone-column", "phone", "--quiet"]
        arguments += extra.contains("--input") ? [] : ["--input", dir.path("leads.csv")]
        let result = try ScrubProcess.run(arguments + extra)
        lock?.release()
        #expect(result.status == expected, "\(fault): \(result.stderr)")
        let after = PublishedSet(out: dir.path("out"))
        #expect(after.id == before.id && after.files == before.files, "\(fault) publishes nothing")
        #expect(leftovers(out: dir.path("out")) == [])
        if fault != "audit log unwritable" {
            #expect(auditRecords(dir.path("audit.jsonl")).last?["exit_status"] as? Int == Int(expected))
        }
        let status = try #require(RunStatus.read(from: OutputFolder(path: dir.path("out"))))
        #expect(status.publishedSet == before.id)
        if fault != "locked" {
            #expect(status.lastAttempt.exitStatus == expected && status.lastAttempt.errorKind != nil, "\(fault)")
        }
    }

    @Test(
        "OUT is a link to the latest set; the last 3 sets are kept; each is named by its audit record and the status file"
    )
    func setsKeptAndNamed() throws {
        let dir = try TemporaryDirectory()
        try writeLeads(dir, header: "name,phone,country")
        var published: [String] = []
        for _ in 0..<5 {
            try #require(try run(dir).status == 0)
            let seen = PublishedSet(out: dir.path("out"))
            #expect(seen.isWhole)
            published.append(try #require(seen.id))
            #expect(auditRecords(dir.path("audit.jsonl")).last?["output_set"] as? String == seen.id)
            let status = try #require(RunStatus.read(from: OutputFolder(path: dir.path("out"))))
            #expect(status.publishedSet == seen.id && status.lastAttempt.exitStatus == 0)
        }
        #expect(Set(published).count == 5)
        #expect(keptSets(out: dir.path("out")) == Array(published.suffix(3)))
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("out")) == "out.sets/" + published[4])
        for path in [dir.path("out.status.json"), dir.path("out.lock"), dir.path("out/clean.csv.gz")] {
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(path) is owner-only")
        }
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: dir.url.appendingPathComponent("out/report.json")))
            as? [String: Any]
        #expect(report?["output_set"] as? String == published[4])
        #expect(
            ((report?["outputs"] as? [[String: Any]])?.first?["path"] as? String) == dir.path("out") + "/clean.csv.gz")
    }

    @Test("an output folder of an older version is migrated in one atomic exchange and kept, never pruned")
    func migratesRealFolder() throws {
        let dir = try TemporaryDirectory()
        try writeLeads(dir, header: "name,phone,country")
        try FileManager.default.createDirectory(atPath: dir.path("out"), withIntermediateDirectories: false)
        for name in ["clean.csv.gz", "notes.txt", ".scrub.lock"] {
            try Data("old \(name)".utf8).write(to: dir.url.appendingPathComponent("out/" + name))
        }
        for _ in 0..<4 { try #require(try run(dir).status == 0) }
        #expect(PublishedSet(out: dir.path("out")).isWhole)
        let migrated = try #require(keptSets(out: dir.path("out")).first { $0.hasPrefix("migrated-") })
        #expect(
            FileManager.default.contents(atPath: dir.path("out.sets/\(migrated)/notes.txt"))
                == Data("old notes.txt".utf8))
        #expect(keptSets(out: dir.path("out")).count == 4, "three sets and the migrated folder")
    }
}
