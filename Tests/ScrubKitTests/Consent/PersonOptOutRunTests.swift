import CallingWindows
import Foundation
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// Leads of two persons: C-001 opted out through +14155550100, C-002 did not.
private let leads = """
    id,phone,country,contact
    1,+1 415 555 0101,US,C-001
    2,+1 415 555 0102,US,C-002
    3,+1 415 555 0100,US,
    4,+1 415 555 0103,US, C-001
    5,+1 415 555 0104,US,c-001

    """

@Suite("Opt-outs for a person in a run and a check")
struct PersonOptOutRunTests {
    /// A pipeline over `leads` with the opt-out journal compiled; `personColumn` adds `person_column`.
    func plan(_ dir: TemporaryDirectory, personColumn: Bool) throws -> PipelinePlan {
        try leads.write(toFile: dir.path("leads.csv"), atomically: false, encoding: .utf8)
        let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
        var request = optOut(minutes: 0)
        request.person = "C-001"
        try journal.record(
            ["+14155550100"], country: "US", request: request, normalizer: TestNormalizer(), now: testTime(minutes: 1))
        try journal.compile(to: dir.path("optouts.idx"))
        let yaml = """
            version: 1
            input:
              files: leads.csv
              country_column: country
            \(personColumn ? "  person_column: contact\n" : "")output:
              directory: out
            campaign:
              date: 2026-12-01
            optouts: {journal: optouts.jsonl, index: optouts.idx}

            """
        try yaml.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
        let environment = PipelineEnvironment(
            normalizer: TestNormalizer(), openIndex: { try IndexNumberList(path: $0) },
            isIndexFile: IndexNumberList.isIndexFile, windows: { _, _, _ in TestWindows() },
            today: { LocalDate("2026-11-29")! })
        return try PipelinePlan.resolve(
            try PipelineDefinition.load(path: dir.path("p.yaml")), overrides: PipelineDefinition(),
            environment: environment)
    }

    @Test("every lead with the person key is suppressed, whatever its number; the number itself too")
    func run() throws {
        let dir = try TemporaryDirectory()
        _ = try ScrubRun(plan: try plan(dir, personColumn: true)).run()
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        let text = { (field: [UInt8]) in String(decoding: field, as: UTF8.self) }
        #expect(clean.records.map { text($0[0]) } == ["2", "5"], "C-002, and c-001: keys are case-sensitive")
        let rejected = rejects.records.map { "\(text($0[0])) \(text($0[4])): \(text($0[5]))" }
        #expect(
            rejected == [
                "1 SUPPRESSED: list optouts (snapshot 2026-11-20), by the lead's person key",
                "3 SUPPRESSED: list optouts (snapshot 2026-11-20)",
                "4 SUPPRESSED: list optouts (snapshot 2026-11-20), by the lead's person key",
            ])
    }

    @Test("without person_column only the number is suppressed")
    func numberOnly() throws {
        let dir = try TemporaryDirectory()
        _ = try ScrubRun(plan: try plan(dir, personColumn: false)).run()
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        #expect(rejects.records.map { String(decoding: $0[0], as: UTF8.self) } == ["3"])
    }

    @Test("a check with the person key decides as the run does, and explains it")
    func check() throws {
        let dir = try TemporaryDirectory()
        let plan = try plan(dir, personColumn: true)
        let time = testTime(minutes: 60 * 24 * 11)
        let byPerson = plan.check(CheckRequest("+14155550101", person: " C-001"), at: time)
        #expect(
            byPerson.decision.outcome
                == .reject(.suppressed, detail: "list optouts (snapshot 2026-11-20), by the lead's person key"))
        #expect(byPerson.trace.contains("  list optouts (snapshot 2026-11-20): not listed; person LISTED"))
        #expect(plan.check(CheckRequest("+14155550101", person: "C-002"), at: time).isClean)
        #expect(plan.check(CheckRequest("+14155550101"), at: time).isClean)
    }
}
