import Foundation
import ScrubIO
import ScrubRules
import ScrubTestSupport
import Testing

/// Territory numbers (E.164) with the region libphonenumber files them under and the registry whose
/// scope includes them.
private let territories: [(e164: String, region: String, registry: String)] = [
    ("+17872345678", "PR", "US"), ("+19392012345", "PR", "US"), ("+16713001234", "GU", "US"),
    ("+13406421234", "VI", "US"), ("+16846221234", "AS", "US"), ("+16702345678", "MP", "US"),
    ("+61891640123", "CX", "AU"), ("+61891621234", "CC", "AU"),
]

@Suite("Registry coverage, end to end")
struct RegistryCoverageCommandTests {
    /// Builds `us.idx` (`--region US`) and `au.idx` (`--region AU`) listing the territory numbers.
    func buildRegistries(_ dir: TemporaryDirectory) throws {
        for region in ["US", "AU"] {
            let numbers = territories.filter { $0.registry == region }.map(\.e164)
            try Data((numbers.joined(separator: "\n") + "\n").utf8).write(
                to: URL(fileURLWithPath: dir.path("\(region).txt")))
            let built = try ScrubProcess.run([
                "registry", "build", "--name", "\(region.lowercased())-dnc", "--kind", "registry", "--region", region,
                "--snapshot-date", "2026-11-28", "--output", dir.path("\(region.lowercased()).idx"),
                dir.path("\(region).txt"),
            ])
            #expect(built.status == 0, "\(built.stderr)")
        }
    }

    @Test("regression: territory numbers on a US or AU registry are rejected DNC_REGISTRY by scrub run")
    func territoriesRejected() throws {
        let dir = try TemporaryDirectory()
        try buildRegistries(dir)
        // The territory rows, two unlisted Australian mainland rows, three Italian rows and one from Guernsey.
        var leads = "id,phone,country\n"
        for (index, number) in territories.enumerated() { leads += "\(index),\(number.e164),US\n" }
        leads += "a1,+61 2 9374 4000,AU\na2,0412 345 678,AU\n"
        leads += "f1,+39 02 1234 5678,IT\nf2,+39 347 123 4567,IT\nf3,06 4444 1234,IT\n"
        leads += "g1,+44 1481 256789,GB\n"
        try Data(leads.utf8).write(to: URL(fileURLWithPath: dir.path("leads.csv")))
        let run = try ScrubProcess.run([
            "run", "--input", dir.path("leads.csv"), "--out", dir.path("out"), "--registry", dir.path("us.idx"),
            "--registry", dir.path("au.idx"), "--country-column", "country", "--campaign-date", "2026-12-01",
            "--progress", "never",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        let reasons = Dictionary(
            uniqueKeysWithValues: rejects.records.map {
                (String(decoding: $0[0], as: UTF8.self), String(decoding: $0[3], as: UTF8.self))
            })
        for (index, number) in territories.enumerated() {
            #expect(reasons["\(index)"] == "DNC_REGISTRY", "\(number.region) \(number.e164)")
        }
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        #expect(
            Set(clean.records.map { String(decoding: $0[0], as: UTF8.self) }) == ["a1", "a2", "f1", "f2", "f3", "g1"])

        // The gap is named, with its count, in the summary line, report.json and the HTML.
        let gap = "no Do-Not-Call registry covers IT: 3 clean row(s) were not checked against one"
        let gbGap = "no Do-Not-Call registry covers GG: 1 clean row(s) were not checked against one"
        #expect(run.stderr.contains("warning: \(gap)"), "\(run.stderr)")
        #expect(run.stderr.contains("warning: \(gbGap)"))
        #expect(!run.stderr.contains("covers AU"), "AU is covered")
        let report =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("out/report.json"))))
            as? [String: Any]
        let warnings = report?["warnings"] as? [String] ?? []
        #expect(warnings.contains(gap))
        #expect(warnings.contains(gbGap))
        let lists = report?["lists"] as? [[String: Any]] ?? []
        #expect(
            lists.map { $0["covers"] as? [String] ?? [] } == [
                ["US", "PR", "GU", "VI", "AS", "MP"], ["AU", "CX", "CC"],
            ])
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains(gap))
        #expect(html.contains("<td>US, PR, GU, VI, AS, MP</td>"))
    }

    @Test("registry info shows what the registry covers; --region UK or an unknown region is refused (64)")
    func infoAndRegions() throws {
        let dir = try TemporaryDirectory()
        try buildRegistries(dir)
        let info = try ScrubProcess.run(["registry", "info", dir.path("us.idx")])
        #expect(info.stdout.contains("regions         US\n"))
        #expect(info.stdout.contains("covers          US PR GU VI AS MP\n"))
        let json = try ScrubProcess.run(["registry", "info", "--json", dir.path("au.idx")])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["covers"] as? [String] == ["AU", "CX", "CC"])
        for (region, message) in [("UK", "write GB, not 'UK'"), ("ZZ", "no phone numbers are filed under that region")]
        {
            let refused = try ScrubProcess.run([
                "registry", "build", "--name", "x", "--kind", "registry", "--region", region, "--snapshot-date",
                "2026-11-28", "--output", dir.path("x.idx"), dir.path("US.txt"),
            ])
            #expect(refused.status == 64)
            #expect(refused.stderr.contains(message), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.path("x.idx")))
        }
    }

    @Test("scrub check explains a territory number's registry hit and an uncovered region, as the run decides")
    func check() throws {
        let dir = try TemporaryDirectory()
        try buildRegistries(dir)
        try Data("phone,country\n+17872345678,US\n".utf8).write(to: URL(fileURLWithPath: dir.path("leads.csv")))
        try """
        version: 1
        input:
          files: leads.csv
          phone_column: phone
        output:
          directory: out
        campaign:
          date: 2026-12-01
        registries:
          - us.idx
          - au.idx
        """.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
        let listed = try ScrubProcess.run(["check", "(787) 234-5678", "--pipeline", dir.path("p.yaml")])
        #expect(listed.status == 1, "\(listed.stderr)")  // DNC_REGISTRY
        #expect(listed.stdout.contains("registry us-dnc (snapshot 2026-11-28), 3 days old on 2026-12-01: LISTED"))
        #expect(
            listed.stdout.contains(
                "registry au-dnc (snapshot 2026-11-28), 3 days old on 2026-12-01: not consulted (covers AU, CX, CC)"))
        #expect(listed.stdout.contains("Decision: DNC_REGISTRY (registry us-dnc"))
        let uncovered = try ScrubProcess.run([
            "check", "+39 02 1234 5678", "--pipeline", dir.path("p.yaml"), "--country", "IT",
        ])
        #expect(
            uncovered.stdout.contains(
                "WARNING: no Do-Not-Call registry covers IT: this number was not checked against one"))
        let external = try ScrubProcess.run(["check", "+61 8 9162 1234", "--pipeline", dir.path("p.yaml")])
        #expect(external.stdout.contains("registry au-dnc (snapshot 2026-11-28), 3 days old on 2026-12-01: LISTED"))
        #expect(!external.stdout.contains("WARNING: no Do-Not-Call registry"))
    }
}
