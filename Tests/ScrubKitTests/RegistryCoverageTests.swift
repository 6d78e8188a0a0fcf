import CallingWindows
import Foundation
import ScrubIndex
import ScrubKit
import ScrubPipeline
import ScrubRules
import ScrubTestSupport
import Testing

/// A number of a territory that a national registry covers, as a lead file writes it.
struct TerritoryNumber: Sendable, CustomStringConvertible {
    var input: String
    var e164: UInt64
    /// The region libphonenumber files it under.
    var region: String
    /// The registry (by declared region) whose scope includes it.
    var registry: String

    var description: String { "\(region) \(input)" }
}

/// US territories under the FTC's registry, Australia's external territories under the ACMA's and the
/// Crown Dependencies under the TPS (the stricter reading): two numbers of each, at different offsets.
let territoryNumbers = [
    TerritoryNumber(input: "(787) 234-5678", e164: 1_787_234_5678, region: "PR", registry: "US"),
    TerritoryNumber(input: "+1 939 201 2345", e164: 1_939_201_2345, region: "PR", registry: "US"),
    TerritoryNumber(input: "671-300-1234", e164: 1_671_300_1234, region: "GU", registry: "US"),
    TerritoryNumber(input: "+1 671 400 9876", e164: 1_671_400_9876, region: "GU", registry: "US"),
    TerritoryNumber(input: "+1 340 642 1234", e164: 1_340_642_1234, region: "VI", registry: "US"),
    TerritoryNumber(input: "340.777.0001", e164: 1_340_777_0001, region: "VI", registry: "US"),
    TerritoryNumber(input: "+1 684 622 1234", e164: 1_684_622_1234, region: "AS", registry: "US"),
    TerritoryNumber(input: "+1 684 633 9999", e164: 1_684_633_9999, region: "AS", registry: "US"),
    TerritoryNumber(input: "+1 670 234 5678", e164: 1_670_234_5678, region: "MP", registry: "US"),
    TerritoryNumber(input: "(670) 555-1234", e164: 1_670_555_1234, region: "MP", registry: "US"),
    TerritoryNumber(input: "+61 8 9164 0123", e164: 61_8_9164_0123, region: "CX", registry: "AU"),
    TerritoryNumber(input: "+61891649999", e164: 61_8_9164_9999, region: "CX", registry: "AU"),
    TerritoryNumber(input: "+61 8 9162 1234", e164: 61_8_9162_1234, region: "CC", registry: "AU"),
    TerritoryNumber(input: "+61 (8) 9162 0000", e164: 61_8_9162_0000, region: "CC", registry: "AU"),
    TerritoryNumber(input: "+44 1534 456789", e164: 44_1534_456789, region: "JE", registry: "GB"),
    TerritoryNumber(input: "+44 1481 256789", e164: 44_1481_256789, region: "GG", registry: "GB"),
    TerritoryNumber(input: "+44 1624 756789", e164: 44_1624_756789, region: "IM", registry: "GB"),
]

@Suite("Registry coverage")
struct RegistryCoverageTests {
    /// Decides `input` (row country US) with the real normaliser against `registries`.
    func decide(_ input: String, registries: [NumberList], country: String = "US") -> Decision {
        let decider = SerialDecider(
            RowDecider(
                normalizer: PhoneNormalizerStage(), suppressionLists: [], registries: registries, windows: nil,
                rejectWithoutWindow: false))
        return Array(input.utf8).withUnsafeBytes {
            decider.decide(phone: $0, country: country, state: nil, postcode: nil, line: 2)
        }
    }

    /// The national registries of the US, Canada, Australia and the UK, each listing every territory number
    /// (so only coverage decides which one answers).
    var nationalRegistries: [NumberList] {
        ["CA", "US", "AU", "GB"].map {
            testList("\($0.lowercased())-dnc", kind: .registry, regions: [$0], numbers: territoryNumbers.map(\.e164))
        }
    }

    @Test(
        "regression: a territory's number listed on its national registry is DNC_REGISTRY, not clean",
        arguments: territoryNumbers)
    func territoryListed(number: TerritoryNumber) {
        let decision = decide(number.input, registries: nationalRegistries)
        guard case .reject(.dncRegistry, let detail) = decision.outcome, let facts = decision.number else {
            Issue.record("expected DNC_REGISTRY, got \(decision)")
            return
        }
        #expect(facts.e164 == number.e164)
        #expect(facts.region == number.region, "the test's premise: libphonenumber files it under the territory")
        #expect(detail == "registry \(number.registry.lowercased())-dnc")
    }

    @Test("a territory's number on no registry of its scope stays clean", arguments: territoryNumbers)
    func territoryNotListed(number: TerritoryNumber) {
        let others = nationalRegistries.filter { $0.info.regions != [number.registry] }
        #expect(others.count == 3)
        guard decide(number.input, registries: others).isClean else {
            Issue.record("\(number) was claimed by a registry that does not cover \(number.region)")
            return
        }
    }

    @Test(
        "Canada's DNCL does not claim US or other NANP numbers, but claims Canadian ones",
        arguments: [
            ("+1 212 555 0187", "CLEAN"), ("+1 787 234 5678", "CLEAN"), ("+1 671 300 1234", "CLEAN"),
            ("+1 876 927 1234", "CLEAN"), ("+1 416 555 0123", "DNC_REGISTRY"), ("(604) 555-0199", "DNC_REGISTRY"),
        ])
    func canadaOnly(input: String, expected: String) {
        let listed: [UInt64] = [1_212_555_0187, 1_787_234_5678, 1_671_300_1234, 1_876_927_1234, 1_416_555_0123]
        let ca = testList("ca-dncl", kind: .registry, regions: ["CA"], numbers: listed + [1_604_555_0199])
        #expect(decide(input, registries: [ca]).reason?.rawValue ?? "CLEAN" == expected)
    }

    @Test(
        "a registry's coverage is its declared regions through the registry's legal scope",
        arguments: [
            (["US"], ["US", "PR", "GU", "VI", "AS", "MP"]), (["CA"], ["CA"]), (["AU"], ["AU", "CX", "CC"]),
            (["GB"], ["GB", "GG", "JE", "IM"]), (["uk"], ["GB", "GG", "JE", "IM"]), (["FR"], ["FR"]),
            (["US", "CA"], ["US", "PR", "GU", "VI", "AS", "MP", "CA"]),
            (["PR", "US"], ["PR", "US", "GU", "VI", "AS", "MP"]),
            ([], []),
        ])
    func coverage(declared: [String], covered: [String]) {
        let info = testList("list", kind: .registry, regions: declared, numbers: []).info
        #expect(info.coverage == covered)
    }

    @Test("regression: an index built earlier with regions [US] or [AU] covers the territories when read")
    func olderIndex() throws {
        let dir = try TemporaryDirectory()
        var registries: [NumberList] = []
        for region in ["US", "AU", "GB"] {
            var keys = KeyCollector()
            for number in territoryNumbers where number.registry == region { keys.add(number.e164) }
            let path = dir.path("\(region).idx")
            _ = try IndexBuilder.build(
                keys: keys,
                metadata: IndexMetadata(
                    name: "\(region.lowercased())-dnc", kind: .registry, regions: [region], snapshotDate: "2026-11-28",
                    maxAgeDays: 31),
                output: path)
            let list = try IndexNumberList(path: path)
            #expect(list.info.regions == [region], "the file stores the declared region, not the expansion")
            registries.append(list)
        }
        #expect(registries[0].info.coverage == ["US", "PR", "GU", "VI", "AS", "MP"])
        for number in territoryNumbers {
            guard case .reject(.dncRegistry, let detail) = decide(number.input, registries: registries).outcome else {
                Issue.record("\(number) was not rejected")
                continue
            }
            #expect(detail == "registry \(number.registry.lowercased())-dnc (snapshot 2026-11-28)")
        }
    }

    @Test(
        "gap warnings name each uncovered region with its clean rows; covered regions and empty counts say nothing",
        arguments: [1, 2, 7, 120, 65_537])
    func gapWarnings(rows: Int) {
        let coverage = RegistryCoverage(registries: [
            testList("us", kind: .registry, regions: ["US"], numbers: []).info,
            testList("optouts", kind: .suppression, numbers: []).info,  // every region, but no registry
        ])
        let warnings = coverage.gapWarnings(cleanByRegion: [
            "US": rows, "PR": rows + 1, "AU": rows, "FR": rows * 3, "DE": rows, "GB": 0,
        ])
        #expect(
            warnings == [
                "no Do-Not-Call registry covers AU: \(rows) clean row(s) were not checked against one",
                "DE has no national Do-Not-Call registry (calls need prior express consent: UWG §7(2)): "
                    + "\(rows) clean row(s) were not checked against one",
                "no Do-Not-Call registry covers FR: \(rows * 3) clean row(s) were not checked against one",
            ])
        let everyRegion = RegistryCoverage(registries: [testList("all", kind: .registry, numbers: []).info])
        #expect(everyRegion.gapWarnings(cleanByRegion: ["AU": rows, "FR": rows]).isEmpty)
        let none = RegistryCoverage(registries: [])
        #expect(none.gapWarnings(cleanByRegion: ["US": rows]).count == 1)
    }
}

@Suite("Registry coverage in a run")
struct RegistryCoverageRunTests {
    /// Runs `au` AU rows, `gb` GB rows and `us` US rows (one of them listed) against a US registry and an
    /// internal suppression list, which covers every region but is no Do-Not-Call registry.
    func run(au: Int, gb: Int, us: Int, registryRegions: [String] = ["US"]) throws -> RunReport {
        let dir = try TemporaryDirectory()
        var text = "id,phone,country\n"
        var line = 0
        func add(_ count: Int, _ prefix: String, _ country: String) {
            for i in 0..<count {
                line += 1
                text += "\(line),\(prefix)\(String(1_000_000 + i).suffix(6)),\(country)\n"
            }
        }
        add(au, "+61 2 90", "AU")
        add(gb, "+44 20 79", "GB")
        add(us, "+1 212 5", "US")
        try Data(text.utf8).write(to: dir.url.appendingPathComponent("leads.csv"))
        try Data("+442079000000\n".utf8).write(to: dir.url.appendingPathComponent("optouts.txt"))
        let registry = testList(
            "dnc", kind: .registry, regions: registryRegions, snapshot: "2026-11-25", maxAge: 31,
            numbers: [1_212_500_0000, 61_290_000_000])
        var flags = PipelineDefinition()
        flags.inputs = [.init(value: dir.path("leads.csv"), location: "--input")]
        flags.outputDirectory = .init(value: dir.path("out"), location: "--out")
        flags.countryColumn = .init(value: "country", location: "--country-column")
        flags.campaignDate = .init(value: "2026-12-01", location: "--campaign-date")
        flags.registries = [.init(value: dir.path("dnc.idx"), location: "--registry")]
        flags.suppressionLists = [.init(value: dir.path("optouts.txt"), location: "--suppression")]
        try Data("x".utf8).write(to: dir.url.appendingPathComponent("dnc.idx"))
        let plan = try PipelinePlan.resolve(
            PipelineDefinition(), overrides: flags,
            environment: PipelineEnvironment(
                normalizer: TestNormalizer(), openIndex: { _ in registry },
                isIndexFile: { $0.hasSuffix(".idx") }, windows: { _, _, _ in TestWindows() },
                today: { LocalDate("2026-11-29")! }))
        let report = try ScrubRun(plan: plan, threads: 1).run().report
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        for warning in report.warnings {
            #expect(html.contains(warning), "the HTML shows \(warning)")
        }
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.url.appendingPathComponent("out/report.json")))
        #expect((json as? [String: Any])?["warnings"] as? [String] == report.warnings)
        return report
    }

    @Test(
        "regression: clean rows of regions no registry covers are counted per region in the report's warnings",
        arguments: [(1, 1, 2), (3, 0, 5), (0, 4, 1), (40, 17, 9)])
    func gapCounts(au: Int, gb: Int, us: Int) throws {
        let report = try run(au: au, gb: gb, us: us)
        var expected: [String] = []
        // One AU row is listed on the registry, which does not cover AU: it stays clean, and unchecked.
        if au > 0 {
            expected.append("no Do-Not-Call registry covers AU: \(au) clean row(s) were not checked against one")
        }
        // One GB row is on the suppression list: rejected, so not counted.
        if gb > 1 {
            expected.append("no Do-Not-Call registry covers GB: \(gb - 1) clean row(s) were not checked against one")
        }
        #expect(report.warnings.filter { $0.contains("Do-Not-Call registry") } == expected)
        #expect(report.rejectedByReason["DNC_REGISTRY"] == 1)
        #expect(report.lists.first?.covers == ["US", "PR", "GU", "VI", "AS", "MP"])
        #expect(report.lists.last?.covers == [])
    }

    @Test("a registry covering every region leaves no gap")
    func noGap() throws {
        let report = try run(au: 3, gb: 3, us: 3, registryRegions: [])
        #expect(!report.warnings.contains { $0.contains("Do-Not-Call registry") })
        #expect(report.rejectedByReason["DNC_REGISTRY"] == 2)
    }
}
