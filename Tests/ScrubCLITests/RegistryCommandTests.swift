import Foundation
import ScrubTestSupport
import Testing

@Suite("scrub registry")
struct RegistryCommandTests {
    func build(
        _ directory: TemporaryDirectory, list: String = "415,5550123\n212,5550199\n415,5550123\n"
    )
        throws -> ScrubProcess.Result
    {
        try Data(list.utf8).write(to: URL(fileURLWithPath: directory.path("ftc.txt")))
        return try ScrubProcess.run([
            "registry", "build", "--name", "us-ftc", "--kind", "registry", "--region", "US", "CA",
            "--snapshot-date", "2026-11-28", "--format", "nanp", "--output", directory.path("us.idx"),
            directory.path("ftc.txt"),
        ])
    }

    @Test("builds, describes, verifies and looks up")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let built = try build(directory)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("2 entries"))
        #expect(built.stdout.contains("1 duplicates merged"))

        let info = try ScrubProcess.run(["registry", "info", "--json", directory.path("us.idx")])
        #expect(info.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any]
        let metadata = object?["metadata"] as? [String: Any]
        #expect(metadata?["regions"] as? [String] == ["US", "CA"])
        #expect(metadata?["maxAgeDays"] as? Int == 31)

        let verify = try ScrubProcess.run(["registry", "verify", directory.path("us.idx")])
        #expect(verify.status == 0)
        #expect(verify.stdout.contains(": ok, 2 entries"))

        let lookup = try ScrubProcess.run(
            ["registry", "lookup", "--json", directory.path("us.idx")], stdin: "+14155550123\n+14155550124\nnope\n")
        #expect(lookup.status == 0)
        #expect(
            lookup.stdout.split(separator: "\n") == [
                #"{"e164":"+14155550123","input":"+14155550123","listed":true}"#,
                #"{"e164":"+14155550124","input":"+14155550124","listed":false}"#,
                #"{"e164":null,"input":"nope","listed":null}"#,
            ])
    }

    @Test("update records the parent and applies the changes")
    func update() throws {
        let directory = try TemporaryDirectory()
        _ = try build(directory)
        try Data("+13125550100\n".utf8).write(to: URL(fileURLWithPath: directory.path("add.txt")))
        try Data("+14155550123\n".utf8).write(to: URL(fileURLWithPath: directory.path("remove.txt")))
        let result = try ScrubProcess.run([
            "registry", "update", directory.path("us.idx"), "--add", directory.path("add.txt"), "--remove",
            directory.path("remove.txt"), "--snapshot-date", "2026-11-29", "--output", directory.path("next.idx"),
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lookup = try ScrubProcess.run([
            "registry", "lookup", directory.path("next.idx"), "+13125550100", "+14155550123", "+12125550199",
        ])
        #expect(
            lookup.stdout.split(separator: "\n").map { $0.split(separator: "\t").last! } == [
                "listed", "not listed", "listed",
            ])
        let info = try ScrubProcess.run(["registry", "info", directory.path("next.idx")])
        #expect(info.stdout.contains("parent          us-ftc 2026-11-28"))
    }

    @Test("too many invalid lines exit 65, name the first line and write nothing")
    func invalidLines() throws {
        let directory = try TemporaryDirectory()
        let result = try build(directory, list: "415,5550123\n415,555012\n")
        #expect(result.status == 65)
        #expect(result.stderr.contains("ftc.txt:2: error: 1 of 2 lines"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("us.idx")))
    }

    @Test("a damaged index exits 65 on verify", arguments: ["truncated", "flipped"])
    func damaged(damage: String) throws {
        let directory = try TemporaryDirectory()
        _ = try build(directory)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory.path("us.idx"))))
        if damage == "truncated" { bytes.removeLast(3) } else { bytes[bytes.count - 10] ^= 4 }
        try Data(bytes).write(to: URL(fileURLWithPath: directory.path("us.idx")))
        let result = try ScrubProcess.run(["registry", "verify", directory.path("us.idx")])
        #expect(result.status == 65)
        #expect(result.stderr.contains(directory.path("us.idx")))
    }

    @Test("a missing index exits 66; a bad date exits 64")
    func usageErrors() throws {
        let missing = try ScrubProcess.run(["registry", "info", "no-such.idx"])
        #expect(missing.status == 66)
        let badDate = try ScrubProcess.run([
            "registry", "build", "--name", "x", "--kind", "registry", "--region", "US", "--snapshot-date", "2026-13-01",
            "--output", "/tmp/never.idx", "x.txt",
        ])
        #expect(badDate.status == 64)
    }

    /// Runs `registry update` of the built us.idx (snapshot 2026-11-28) with `adds` as its change file.
    func update(
        _ directory: TemporaryDirectory, date: String, baseDate: String? = nil, adds: String = "+13125550100\n"
    )
        throws -> ScrubProcess.Result
    {
        try Data(adds.utf8).write(to: URL(fileURLWithPath: directory.path("add.txt")))
        return try ScrubProcess.run(
            [
                "registry", "update", directory.path("us.idx"), "--add", directory.path("add.txt"), "--snapshot-date",
                date, "--output", directory.path("next.idx"),
            ] + (baseDate.map { ["--base-date", $0] } ?? []))
    }

    @Test("a snapshot date in the future is refused at build (exit 64), and nothing is written")
    func futureBuild() throws {
        let directory = try TemporaryDirectory()
        try Data("415,5550123\n".utf8).write(to: URL(fileURLWithPath: directory.path("ftc.txt")))
        let result = try ScrubProcess.run([
            "registry", "build", "--name", "us-ftc", "--kind", "registry", "--region", "US", "--snapshot-date",
            "2062-11-28", "--format", "nanp", "--output", directory.path("us.idx"), directory.path("ftc.txt"),
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("snapshot date 2062-11-28 is in the future"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("us.idx")))
    }

    @Test(
        "update refuses a date in the future, one not after its base's, and a --base-date that is not the base's",
        arguments: [
            ("2062-11-29", nil, "in the future"), ("2026-11-27", nil, "is not later than"),
            ("2026-11-28", nil, "is not later than"),
            ("2026-11-29", "2026-11-27", "follows the snapshot of 2026-11-27"),
        ] as [(String, String?, String)])
    func updateRefusals(date: String, baseDate: String?, message: String) throws {
        let directory = try TemporaryDirectory()
        _ = try build(directory)
        let result = try update(directory, date: date, baseDate: baseDate)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.path("next.idx")))
    }

    @Test("registry info shows the chain of snapshots; an empty change file is recorded as 0 changes")
    func chain() throws {
        let directory = try TemporaryDirectory()
        _ = try build(directory)
        let declared = try update(directory, date: "2026-11-29", baseDate: "2026-11-28")
        #expect(declared.status == 0, "\(declared.stderr)")
        var info = try ScrubProcess.run(["registry", "info", directory.path("next.idx")])
        #expect(
            info.stdout.contains(
                "chain           full 2026-11-28 -> delta 2026-11-29, follows 2026-11-28 (declared), "
                    + "1 change(s)"), "\(info.stdout)")
        #expect(info.stdout.contains("format          version 2"))

        _ = try build(directory)
        let empty = try update(directory, date: "2026-11-30", adds: "")
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stdout.contains("note: the change files hold no changes"))
        info = try ScrubProcess.run(["registry", "info", "--json", directory.path("next.idx")])
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any]
        let chain = object?["chain"] as? [[String: Any]]
        #expect(chain?.count == 2)
        #expect(chain?.last?["changes"] as? Int == 0)
        #expect(chain?.last?["date"] as? String == "2026-11-30")
        #expect(object?["verification"] as? String == "ok")
        #expect(object?["formatVersion"] as? Int == 2)
    }
}

@Suite("scrub registry build from national numbers and CSV columns")
struct RegistryNormalizedFormatTests {
    @Test("national numbers of the list's region and a CSV column are normalised to E.164 keys")
    func nationalAndCSV() throws {
        let dir = try TemporaryDirectory()
        try "0491 570 156\n(02) 5550 1234\n\n+61 491 570 157\nnot a number\n".write(
            toFile: dir.path("national.txt"), atomically: false, encoding: .utf8)
        try "id;mobile;note\n1;\"0491 570 158\";x\n2;+61 491 570 159;\"a;b\"\n".write(
            toFile: dir.path("list.csv"), atomically: false, encoding: .utf8)
        let national = try ScrubProcess.run([
            "registry", "build", "--name", "au", "--kind", "suppression", "--region", "AU", "--snapshot-date",
            "2026-11-28", "--format", "national", "--max-invalid", "50%", "--output", dir.path("n.idx"),
            dir.path("national.txt"),
        ])
        #expect(national.status == 0, "\(national.stderr)")
        #expect(national.stdout.contains("3 entries"))
        #expect(national.stdout.contains("1 invalid lines"))
        let csv = try ScrubProcess.run([
            "registry", "build", "--name", "au", "--kind", "suppression", "--region", "AU", "--snapshot-date",
            "2026-11-28", "--format", "csv", "--column", "mobile", "--output", dir.path("c.idx"), dir.path("list.csv"),
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lookup = try ScrubProcess.run([
            "registry", "lookup", dir.path("c.idx"), "--country", "AU", "0491 570 158", "0491 570 159", "0491 570 156",
        ])
        #expect(lookup.stdout.split(separator: "\n").map { $0.hasSuffix("\tlisted") } == [true, true, false])
    }

    @Test("national without exactly one region, and csv without a column, are usage errors")
    func usage() throws {
        let dir = try TemporaryDirectory()
        try "1\n".write(toFile: dir.path("x.txt"), atomically: false, encoding: .utf8)
        for extra in [["--format", "national", "--region", "US", "CA"], ["--format", "csv", "--region", "US"]] {
            let result = try ScrubProcess.run(
                ["registry", "build", "--name", "x", "--kind", "registry", "--snapshot-date", "2026-11-28"] + extra
                    + ["--output", dir.path("x.idx"), dir.path("x.txt")])
            #expect(result.status == 64, "\(extra)")
        }
    }
}
