import Crypto
import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

private func write(_ text: String, _ path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

private func sha256(_ path: String) throws -> String {
    SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
}

/// `registry lookup --json` of `numbers`: which are listed.
private func listed(_ index: String, _ numbers: [String]) throws -> [String: Bool] {
    let lookup = try ScrubProcess.run(
        ["registry", "lookup", "--json", index], stdin: numbers.joined(separator: "\n") + "\n")
    #expect(lookup.status == 0, "\(lookup.stderr)")
    var answers: [String: Bool] = [:]
    for line in lookup.stdout.split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        answers[object?["input"] as? String ?? ""] = object?["listed"] as? Bool
    }
    return answers
}

@Suite("scrub registry: layouts, zips, sidecars, change-list chains, litigator lists")
struct RegistryLayoutCommandTests {
    @Test("a TPS file in both variants round-trips through build, update and lookup")
    func tpsRoundTrip() throws {
        let dir = try TemporaryDirectory()
        try write("01635 506160\r\n01635506161 \r\n0163X 506162\r\n020 71234567\r\n", dir.path("tps.txt"))
        let built = try ScrubProcess.run([
            "registry", "build", "--name", "uk-tps", "--kind", "registry", "--region", "GB", "--snapshot-date",
            "2026-11-28", "--format", "tps", "--max-invalid", "30%", "--output", dir.path("tps.idx"),
            dir.path("tps.txt"),
        ])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("3 entries"))
        #expect(built.stdout.contains("first invalid lines: \(dir.path("tps.txt")):3"))

        try write("07400123456 \r\n", dir.path("add.txt"))
        try write("01635 506161\r\n", dir.path("delete.txt"))
        let updated = try ScrubProcess.run([
            "registry", "update", dir.path("tps.idx"), "--format", "tps", "--add", dir.path("add.txt"), "--delete",
            dir.path("delete.txt"), "--snapshot-date", "2026-11-29", "--base-date", "2026-11-28", "--output",
            dir.path("next.idx"),
        ])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains("1 added, 0 already listed, 1 removed"))
        #expect(
            try listed(dir.path("next.idx"), ["+441635506160", "+441635506161", "+442071234567", "+447400123456"])
                == ["+441635506160": true, "+441635506161": false, "+442071234567": true, "+447400123456": true])
    }

    @Test("--format tps needs --region GB")
    func tpsRegion() throws {
        let dir = try TemporaryDirectory()
        try write("01635 506160\r\n", dir.path("tps.txt"))
        let result = try ScrubProcess.run([
            "registry", "build", "--name", "uk-tps", "--kind", "registry", "--region", "US", "--snapshot-date",
            "2026-11-28", "--format", "tps", "--output", dir.path("tps.idx"), dir.path("tps.txt"),
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--region GB"))
    }

    @Test("a CRTC XML zip, one member per area code, is read directly and verified against its sidecar")
    func crtcZip() throws {
        let dir = try TemporaryDirectory()
        let zip = dir.path("dncl.zip")
        try writeZip(
            [
                (
                    "416.xml",
                    "<?xml version='1.0'?>\n<list type='full' level='ac' val='416'>\n<ac val='416'>\n"
                        + "<ph val='2345678'/>\n<ph val='99'/>\n</ac></list>\n"
                ),
                ("604.xml", "<list type='full' level='ac' val='604'><ac val='604'><ph val='5550123'/></ac></list>"),
            ], to: zip)
        try write("\(try sha256(zip))  dncl.zip\n", zip + ".sha256")
        let built = try ScrubProcess.run([
            "registry", "build", "--name", "ca-dncl", "--kind", "registry", "--region", "CA", "--snapshot-date",
            "2026-11-28", "--format", "crtc-xml", "--max-invalid", "50%", "--output", dir.path("ca.idx"), zip,
        ])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stdout.contains("2 entries"))
        #expect(built.stdout.contains("first invalid lines: \(zip)/416.xml:5:1"))
        #expect(built.stdout.contains("verified against dncl.zip.sha256"))
        let info = try ScrubProcess.run(["registry", "info", "--json", dir.path("ca.idx")])
        #expect(info.stdout.contains("dncl.zip/416.xml") && info.stdout.contains("dncl.zip/604.xml"))
        #expect(
            try listed(dir.path("ca.idx"), ["+14162345678", "+16045550123", "+16045550124"])
                == ["+14162345678": true, "+16045550123": true, "+16045550124": false])

        // The chain goes on with a zipped XML change list.
        try writeZip([("416.xml", "<ac val='416'><ph val='2345679'/></ac>")], to: dir.path("add.zip"))
        let updated = try ScrubProcess.run([
            "registry", "update", dir.path("ca.idx"), "--format", "crtc-xml", "--add", dir.path("add.zip"),
            "--snapshot-date", "2026-11-29", "--output", dir.path("ca2.idx"),
        ])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(try listed(dir.path("ca2.idx"), ["+14162345679"]) == ["+14162345679": true])
    }

    @Test("an input whose sidecar checksum differs refuses the build (exit 65), naming the file")
    func sidecarMismatch() throws {
        let dir = try TemporaryDirectory()
        try write("4155550123\n", dir.path("ftc.txt"))
        try write("\(String(repeating: "0", count: 64))  ftc.txt\n", dir.path("ftc.txt.sha256"))
        let result = try ScrubProcess.run([
            "registry", "build", "--name", "us-ftc", "--kind", "registry", "--region", "US", "--snapshot-date",
            "2026-11-28", "--format", "nanp", "--output", dir.path("us.idx"), dir.path("ftc.txt"),
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(dir.path("ftc.txt")): error: the file's SHA-256 is"))
        #expect(result.stderr.contains("download it again"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("us.idx")))
    }

    @Test("a chain of daily change lists applies in order; a missing day is refused as a gap")
    func changeListChain() throws {
        let dir = try TemporaryDirectory()
        try write("4155550100\n4155550101\n", dir.path("full.txt"))
        let built = try ScrubProcess.run([
            "registry", "build", "--name", "us-ftc", "--kind", "registry", "--region", "US", "--snapshot-date",
            "2026-11-25", "--format", "nanp", "--output", dir.path("d25.idx"), dir.path("full.txt"),
        ])
        #expect(built.status == 0, "\(built.stderr)")
        var index = dir.path("d25.idx")
        for (day, add, delete) in [(26, "4155550102", "4155550100"), (27, "415,5550103", "415,5550101")] {
            try write(add + "\n", dir.path("add-\(day).txt"))
            try write(delete + "\n", dir.path("delete-\(day).txt"))
            let next = dir.path("d\(day).idx")
            let result = try ScrubProcess.run([
                "registry", "update", index, "--format", "nanp", "--add", dir.path("add-\(day).txt"), "--delete",
                dir.path("delete-\(day).txt"), "--snapshot-date", "2026-11-\(day)", "--base-date",
                "2026-11-\(day - 1)", "--output", next,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            index = next
        }
        let info = try ScrubProcess.run(["registry", "info", index])
        #expect(info.stdout.contains("full 2026-11-25"))
        #expect(info.stdout.contains("delta 2026-11-27, follows 2026-11-26 (declared)"))
        #expect(
            try listed(index, ["+14155550100", "+14155550101", "+14155550102", "+14155550103"])
                == ["+14155550100": false, "+14155550101": false, "+14155550102": true, "+14155550103": true])

        // The change list of the 29th follows the 28th's, which was never applied.
        try write("4155550104\n", dir.path("add-29.txt"))
        let gap = try ScrubProcess.run([
            "registry", "update", index, "--format", "nanp", "--add", dir.path("add-29.txt"), "--snapshot-date",
            "2026-11-29", "--base-date", "2026-11-28", "--output", dir.path("d29.idx"),
        ])
        #expect(gap.status == 64)
        #expect(gap.stderr.contains("gap in the chain of snapshots"))
        #expect(gap.stderr.contains("up to 2026-11-28 are missing"))
        // The 26th's change list again: applied already.
        let again = try ScrubProcess.run([
            "registry", "update", index, "--format", "nanp", "--add", dir.path("add-26.txt"), "--snapshot-date",
            "2026-11-28", "--base-date", "2026-11-25", "--output", dir.path("d28.idx"),
        ])
        #expect(again.status == 64)
        #expect(again.stderr.contains("applied already or is out of order"))
    }

    @Test("a litigator list is built without --region, covers every number, and refuses one")
    func litigatorBuild() throws {
        let dir = try TemporaryDirectory()
        try write("+14155550123\n+442071234567\n", dir.path("lit.txt"))
        let refused = try ScrubProcess.run([
            "registry", "build", "--name", "tcpa", "--kind", "litigator", "--region", "US", "--snapshot-date",
            "2026-11-28", "--output", dir.path("lit.idx"), dir.path("lit.txt"),
        ])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("drop --region"))
        let built = try ScrubProcess.run([
            "registry", "build", "--name", "tcpa", "--kind", "litigator", "--snapshot-date", "2026-11-28", "--output",
            dir.path("lit.idx"), dir.path("lit.txt"),
        ])
        #expect(built.status == 0, "\(built.stderr)")
        let info = try ScrubProcess.run(["registry", "info", "--json", dir.path("lit.idx")])
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any]
        let metadata = object?["metadata"] as? [String: Any]
        #expect(metadata?["kind"] as? String == "litigator")
        #expect(metadata?["regions"] as? [String] == [])
        let noRegion = try ScrubProcess.run([
            "registry", "build", "--name", "us", "--kind", "registry", "--snapshot-date", "2026-11-28", "--output",
            dir.path("us.idx"), dir.path("lit.txt"),
        ])
        #expect(noRegion.status == 64)
        #expect(noRegion.stderr.contains("--region is required"))
    }

    @Test("a litigator list rejects LITIGATOR before the registry, in the run, its reports, its audit and check")
    func litigatorRun() throws {
        let dir = try TemporaryDirectory()
        try write("+14155550123\n+14155550124\n", dir.path("dnc.txt"))
        try write("+14155550124\n+442071234567\n", dir.path("lit.txt"))
        for (name, kind, region, file) in [
            ("us-dnc", "registry", ["--region", "US"], "dnc"), ("tcpa", "litigator", [], "lit"),
        ] {
            let built = try ScrubProcess.run(
                ["registry", "build", "--name", name, "--kind", kind] + region + [
                    "--snapshot-date", "2026-11-28", "--output", dir.path("\(file).idx"), dir.path("\(file).txt"),
                ])
            #expect(built.status == 0, "\(built.stderr)")
        }
        try write(
            "id,phone,country\n1,+14155550123,US\n2,+14155550124,US\n3,+442071234567,GB\n4,+14155550125,US\n",
            dir.path("leads.csv"))
        try write(
            """
            version: 1
            input:
              files: leads.csv
              phone_column: phone
              country_column: country
            output:
              directory: out
            campaign:
              date: 2026-12-01
            registries:
              - dnc.idx
              - lit.idx

            """, dir.path("p.yaml"))
        let run = try ScrubProcess.run(["run", dir.path("p.yaml"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        let reasonAt = try #require(rejects.header.firstIndex(of: Array("reject_reason".utf8)))
        let reasons = Dictionary(
            uniqueKeysWithValues: rejects.records.map {
                (String(decoding: $0[0], as: UTF8.self), String(decoding: $0[reasonAt], as: UTF8.self))
            })
        #expect(reasons == ["1": "DNC_REGISTRY", "2": "LITIGATOR", "3": "LITIGATOR"])

        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json"))))
            as? [String: Any]
        #expect((report?["rejected_by_reason"] as? [String: Int])?["LITIGATOR"] == 2)
        let lists = report?["lists"] as? [[String: Any]] ?? []
        #expect(lists.map { $0["kind"] as? String } == ["registry", "litigator"])
        #expect(lists.map { $0["rejected"] as? Int } == [1, 2])
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("LITIGATOR") && html.contains("litigator"))
        let audit = try String(contentsOfFile: dir.path("audit.jsonl"), encoding: .utf8)
        #expect(audit.contains(#""kind":"litigator""#) && audit.contains(#""name":"tcpa""#))

        for (number, country, decision) in [
            ("+14155550124", "US", "LITIGATOR"), ("+442071234567", "GB", "LITIGATOR"),
            ("+14155550123", "US", "DNC_REGISTRY"),
        ] {
            let check = try ScrubProcess.run([
                "check", number, "--country", country, "--pipeline", dir.path("p.yaml"), "--json", "--at",
                "2026-12-01T15:00:00Z",
            ])
            #expect(check.status == 1, "a rejected decision exits 1: \(check.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
            #expect(object?["decision"] as? String == decision, "\(number)")
        }
        let trace = try ScrubProcess.run(["check", "+14155550124", "--country", "US", "--pipeline", dir.path("p.yaml")])
        #expect(trace.stdout.contains("Litigator lists (apply to every number, no exemption):"))
        #expect(trace.stdout.contains("litigator list tcpa (snapshot 2026-11-28): LISTED"))

        // Under `suppression:` it is refused: it would reject SUPPRESSED.
        try String(contentsOfFile: dir.path("p.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "registries:\n  - dnc.idx\n  - lit.idx", with: "suppression:\n  - lit.idx")
            .write(toFile: dir.path("q.yaml"), atomically: false, encoding: .utf8)
        let misplaced = try ScrubProcess.run(["run", dir.path("q.yaml"), "--quiet"])
        #expect(misplaced.status == 78)
        #expect(misplaced.stderr.contains("list it under `registries:`"))
    }
}
