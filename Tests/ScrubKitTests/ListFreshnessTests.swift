import CallingWindows
import Foundation
import ScrubKit
import ScrubPipeline
import ScrubRules
import ScrubTestSupport
import Testing

/// Issue 12, "Other promises": a snapshot dated in the future made an index fresh for decades, and an
/// old opt-out index was reported "stale ... and was used with --allow-stale" when nobody passed it.
@Suite("List freshness at run time")
struct ListFreshnessTests {
    /// Resolves a run of two leads against `lists` (file name to list), on the real date `now`.
    func resolve(
        _ dir: TemporaryDirectory, registries: [String: NumberList] = [:], suppression: [String: NumberList] = [:],
        campaignDate: String = "2026-12-01", now: String = "2026-11-29T23:30:00Z", allowStale: Bool = false
    ) throws -> PipelinePlan {
        try Data("id,phone,country\n1,+1 212 555 0101,US\n2,+1 415 555 0100,US\n".utf8)
            .write(to: dir.url.appendingPathComponent("leads.csv"))
        let lists = registries.merging(suppression) { a, _ in a }
        for name in lists.keys { try Data("x".utf8).write(to: dir.url.appendingPathComponent(name)) }
        var flags = PipelineDefinition()
        flags.inputs = [.init(value: dir.path("leads.csv"), location: "--input")]
        flags.outputDirectory = .init(value: dir.path("out"), location: "--out")
        flags.countryColumn = .init(value: "country", location: "--country-column")
        flags.campaignDate = .init(value: campaignDate, location: "--campaign-date")
        flags.registries = registries.keys.sorted().map { .init(value: dir.path($0), location: "--registry") }
        flags.suppressionLists = suppression.keys.sorted().map {
            .init(value: dir.path($0), location: "--suppression")
        }
        if allowStale { flags.allowStale = .init(value: true, location: "--allow-stale") }
        let clock = ISO8601DateFormatter().date(from: now)!
        let environment = PipelineEnvironment(
            normalizer: TestNormalizer(),
            openIndex: { path in lists[URL(fileURLWithPath: path).lastPathComponent]! },
            isIndexFile: { path in lists[URL(fileURLWithPath: path).lastPathComponent] != nil },
            windows: { _, _, _ in TestWindows(closedRegions: []) },
            today: { LocalDate("2026-11-29")! }, now: { clock })
        return try PipelinePlan.resolve(PipelineDefinition(), overrides: flags, environment: environment)
    }

    func registry(_ snapshot: String, kind: NumberListInfo.Kind = .registry) -> NumberList {
        testList("us-dnc", kind: kind, regions: ["US"], snapshot: snapshot, maxAge: 31, numbers: [14155550100])
    }

    @Test(
        "an index dated after today (UTC, a day's grace) is refused, whatever the campaign date",
        arguments: [
            ("2026-12-01", "2026-12-01"), ("2062-11-28", "2026-12-01"), ("2026-12-15", "2027-01-01"),
            ("2026-12-01", "2026-11-30"),
        ])
    func futureSnapshotRefused(snapshot: String, campaignDate: String) throws {
        for kind in [NumberListInfo.Kind.registry, .suppression] {
            let dir = try TemporaryDirectory()
            let lists = ["dnc.idx": registry(snapshot, kind: kind)]
            let error = #expect(throws: PipelineError.self) {
                _ = try resolve(
                    dir, registries: kind == .registry ? lists : [:], suppression: kind == .suppression ? lists : [:],
                    campaignDate: campaignDate)
            }
            #expect(error?.kind == .badData)
            #expect(error?.message.contains("snapshot date \(snapshot), after today (2026-11-29 UTC") == true)
            #expect(error?.message.contains("dnc.idx") == true)
        }
    }

    @Test("a snapshot dated today or tomorrow (UTC) is accepted", arguments: ["2026-11-29", "2026-11-30"])
    func tomorrowAccepted(snapshot: String) throws {
        let dir = try TemporaryDirectory()
        let plan = try resolve(dir, registries: ["dnc.idx": registry(snapshot)])
        #expect(plan.registries.count == 1)
    }

    @Test("the real date is taken in UTC, not the machine's zone or the campaign's")
    func utcDate() throws {
        let dir = try TemporaryDirectory()
        // 00:30 UTC on 2026-11-30: a snapshot of 2026-12-01 is within the grace, 2026-12-02 is not.
        _ = try resolve(dir, registries: ["dnc.idx": registry("2026-12-01")], now: "2026-11-30T00:30:00Z")
        #expect(throws: PipelineError.self) {
            _ = try resolve(dir, registries: ["dnc.idx": registry("2026-12-02")], now: "2026-11-30T00:30:00Z")
        }
    }

    @Test("an old suppression list is not stale and never reported as used with --allow-stale")
    func oldSuppressionList() throws {
        let dir = try TemporaryDirectory()
        let optOuts = testList(
            "optouts", kind: .suppression, snapshot: "2026-09-01", maxAge: 31, numbers: [14155550100])
        let plan = try resolve(
            dir, registries: ["dnc.idx": registry("2026-11-25")], suppression: ["optouts.idx": optOuts])
        let report = try ScrubRun(plan: plan).run().report
        #expect(!report.allowStale)
        let facts = report.lists.first { $0.name == "optouts" }
        #expect(facts?.stale == false)
        #expect(facts?.ageDays == 91)
        #expect(facts?.maxAgeDays == nil)
        #expect(!report.warnings.contains { $0.contains("allow-stale") || $0.contains("stale") }, "\(report.warnings)")
        #expect(report.clean == 1)
    }

    @Test("a stale registry used with --allow-stale says so; the statement names only real overrides")
    func staleRegistryOverride() throws {
        let dir = try TemporaryDirectory()
        let optOuts = testList("optouts", kind: .suppression, snapshot: "2026-09-01", maxAge: 31, numbers: [])
        let plan = try resolve(
            dir, registries: ["dnc.idx": registry("2026-10-01")], suppression: ["optouts.idx": optOuts],
            allowStale: true)
        let report = try ScrubRun(plan: plan).run().report
        #expect(
            report.warnings.filter { $0.contains("--allow-stale") } == [
                "us-dnc is stale (61 days old) and was used with --allow-stale"
            ])
    }
}
