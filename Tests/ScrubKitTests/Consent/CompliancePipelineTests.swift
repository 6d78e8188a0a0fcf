import CallingWindows
import Foundation
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// Leads with consent and EBR columns (the test normaliser: +1 US, +33 FR).
private let leads = """
    id,phone,country,consent_at,ebr_date,ebr_type
    1,+1 415 555 0101,US,,2026-01-15,purchase
    2,+1 415 555 0102,US,,,
    3,+33 1 99 00 12 34,FR,2026-10-01,,
    4,+33 1 99 00 12 35,FR,,,
    5,+1 415 555 0100,US,2026-10-01,2026-11-01,purchase

    """

/// A pipeline over `leads` in `dir`, with `extra` YAML appended.
private func pipeline(_ dir: TemporaryDirectory, _ extra: String) throws -> PipelineDefinition {
    try leads.write(toFile: dir.path("leads.csv"), atomically: false, encoding: .utf8)
    let yaml = """
        version: 1
        input:
          files: leads.csv
          country_column: country
        output:
          directory: out
        campaign:
          date: 2026-12-01

        """
    try (yaml + extra).write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
    return try PipelineDefinition.load(path: dir.path("p.yaml"))
}

/// Index files open as real indexes; `us-dnc.idx` is an in-memory registry.
private func environment() -> PipelineEnvironment {
    let registry = testList(
        "us-dnc", kind: .registry, regions: ["US"], snapshot: "2026-11-25", maxAge: 31,
        numbers: [14155550101, 14155550102, 14155550100])
    return PipelineEnvironment(
        normalizer: TestNormalizer(),
        openIndex: { path in path.hasSuffix("us-dnc.idx") ? registry : try IndexNumberList(path: path) },
        isIndexFile: { path in path.hasSuffix("us-dnc.idx") || IndexNumberList.isIndexFile(path) },
        windows: { _, _, _ in TestWindows() }, today: { LocalDate("2026-11-29")! })
}

private func resolve(_ definition: PipelineDefinition) throws -> PipelinePlan {
    try PipelinePlan.resolve(definition, overrides: PipelineDefinition(), environment: environment())
}

/// A journal of one opt-out (+14155550100), compiled to `optouts.idx`.
private func compiledJournal(_ dir: TemporaryDirectory) throws -> OptOutJournal {
    let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
    try journal.record(
        ["+14155550100"], country: "US", request: optOut(minutes: 0), normalizer: TestNormalizer(),
        now: testTime(minutes: 1))
    try journal.compile(to: dir.path("optouts.idx"))
    return journal
}

private let consentSection = """
    registries:
      - index: us-dnc.idx
        exemptions: [ebr, consent]
    consent:
      columns: {timestamp: consent_at, ebr_date: ebr_date, ebr_type: ebr_type}

    """

@Suite("Pipelines with consent, exemptions and an opt-out journal")
struct CompliancePipelineTests {
    @Test("a run: consent regions, exemptions in their column and the report, conservation")
    func run() throws {
        let dir = try TemporaryDirectory()
        try Data("x".utf8).write(to: dir.url.appendingPathComponent("us-dnc.idx"))
        _ = try compiledJournal(dir)
        let plan = try resolve(
            try pipeline(dir, consentSection + "optouts: {journal: optouts.jsonl, index: optouts.idx}\n"))
        let result = try ScrubRun(plan: plan).run()
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        // `exemption` is the last annotation column before `call_windows_local`.
        #expect(clean.header.suffix(2) == [Array("exemption".utf8), Array("call_windows_local".utf8)])
        let exemptions = clean.records.map {
            "\(String(decoding: $0[0], as: UTF8.self)):\(String(decoding: $0[$0.count - 2], as: UTF8.self))"
        }
        #expect(exemptions == ["1:EBR", "3:"])
        let reasons = rejects.records.map { String(decoding: $0[6], as: UTF8.self) }
        #expect(reasons == ["DNC_REGISTRY", "NO_CONSENT", "SUPPRESSED"])  // an opt-out beats consent and EBR
        #expect(clean.records.count + rejects.records.count == 5)
        #expect(result.report.compliance?.exemptions == ["EBR": 1, "CONSENT": 0])
        #expect(result.report.compliance?.consentRegions == ["DE", "ES", "FR", "NL"])
        #expect(result.report.optOutJournal?.current == true)
        #expect(result.report.optOutJournal?.uncompiledEvents == 0)
        #expect(!result.report.warnings.contains { $0.contains("opt-out journal") })
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("Registry matches let through by EBR</td><td>1"))
    }

    @Test("an index older than its journal: the report shows the oldest uncompiled event and warns")
    func staleIndex() throws {
        let dir = try TemporaryDirectory()
        let journal = try compiledJournal(dir)
        // Appended after the compile; asked earlier than the second: the oldest is reported.
        try journal.record(
            ["+14155550102"], country: "US", request: optOut(minutes: 90), normalizer: TestNormalizer(),
            now: testTime(minutes: 100))
        try journal.record(
            ["+14155550101"], country: "US", request: optOut(minutes: 30), normalizer: TestNormalizer(),
            now: testTime(minutes: 110))
        let plan = try resolve(try pipeline(dir, "optouts: {journal: optouts.jsonl, index: optouts.idx}\n"))
        let report = try ScrubRun(plan: plan).run().report
        let facts = try #require(report.optOutJournal)
        #expect(!facts.current && facts.compiledEvents == 1 && facts.uncompiledEvents == 2)
        #expect(facts.oldestUncompiledEvent == "2026-11-20T10:30:00Z" && facts.firstUncompiledLine == 2)
        #expect(
            report.warnings.contains(
                "suppression index optouts is older than its opt-out journal: 2 event(s) not compiled, the oldest "
                    + "from 2026-11-20T10:30:00Z; run scrub optout compile before the next run"))
        let json = String(decoding: try report.jsonBytes(), as: UTF8.self)
        #expect(json.contains("\"oldest_uncompiled_event\" : \"2026-11-20T10:30:00Z\""))
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("2 (oldest 2026-11-20T10:30:00Z)"))
    }

    @Test("history with its own column names, gzip; the same plan run twice counts its caps once a run")
    func history() throws {
        let dir = try TemporaryDirectory()
        var log = "Nummer;Zeit;Ergebnis\n"
        for hour in [30, 20, 10] { log += "+33199001234;2026-11-\(hour == 30 ? "29T18" : "30T\(hour)"):00:00Z;KEIN\n" }
        log += "+33199001235;2026-11-15T10:00:00Z;ABGELEHNT\n"
        try writeGzipped(log, to: dir.path("calls.csv.gz"))
        let definition = try pipeline(
            dir,
            """
            history:
              files: calls.csv.gz
              columns: {number: Nummer, time: Zeit, outcome: Ergebnis}
              refusal_codes: [ABGELEHNT]
              caps: [{name: "house 3/2d", calls: 3, days: 2}]
            consent:
              required_in: []

            """)
        let plan = try resolve(definition)
        for _ in 0..<2 {
            let report = try ScrubRun(plan: plan).run().report
            let history = try #require(report.compliance?.history)
            #expect(history.rejectedByCap == ["house 3/2d": 1, "FR 4/30d, 60d after refusal": 1])
            #expect(history.callsKept == 4 && history.numbers == 2 && history.unreadableRows == 0)
            #expect(report.rejectedByReason["FREQUENCY_CAP"] == 2)
        }
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        let details = rejects.records.filter { $0[6] == Array("FREQUENCY_CAP".utf8) }.map {
            String(decoding: $0[7], as: UTF8.self)
        }
        #expect(
            details == [
                "house 3/2d reached; callable again 2026-12-01T18:00:00Z",
                "FR 4/30d, 60d after refusal reached; callable again 2027-01-14T10:00:00Z",
            ])
    }

    @Test("a journal edited since the compile stops the run at resolution")
    func rewrittenJournal() throws {
        let dir = try TemporaryDirectory()
        let journal = try compiledJournal(dir)
        try write(lines: [], to: journal.path)
        let error = #expect(throws: PipelineError.self) {
            try resolve(try pipeline(dir, "optouts: {journal: optouts.jsonl, index: optouts.idx}\n"))
        }
        #expect(error?.kind == .badData)
        #expect(error?.message.contains("no longer begins with the events") == true, "\(String(describing: error))")
    }

    @Test("without a consent section, rows in consent regions are NO_CONSENT and the report says what to add")
    func unchecked() throws {
        let dir = try TemporaryDirectory()
        let report = try ScrubRun(plan: try resolve(try pipeline(dir, ""))).run().report
        #expect((report.rejectedByReason["NO_CONSENT"] ?? 0) > 0)
        #expect(report.cleanByRegion["FR"] == nil)
        #expect(
            report.warnings.contains { $0.contains("were rejected NO_CONSENT") && $0.contains("`consent` section") })
        let opted = try ScrubRun(plan: try resolve(try pipeline(dir, "consent: {required_in: []}\n"))).run().report
        #expect(opted.rejectedByReason["NO_CONSENT"] == nil, "an empty required_in turns the check off")
    }

    @Test(
        "mistakes in the new sections are found with their place",
        arguments: [
            ("consent:\n  columns: {stamp: consent_at}\n", "p.yaml:10:13", "unknown key `stamp` in `consent.columns`"),
            (
                "registries:\n  - index: us-dnc.idx\n    exemptions: [family, ebr]\n", "p.yaml:11:18",
                "unknown exemption `family`"
            ),
            (
                "registries:\n  - index: us-dnc.idx\n    exemptions: [ebr]\n", "p.yaml:11:18",
                "exemption `ebr` needs the lead columns `consent.columns.ebr_date` and `consent.columns.ebr_type`"
            ),
            ("consent:\n  columns: {timestamp: consented}\n", "p.yaml:10:24", "column `consented` is not in the input"),
            ("consent:\n  required_in: [de]\n", "p.yaml:10:17", "`required_in` takes ISO 3166 codes"),
            ("optouts: {journal: optouts.jsonl}\n", "p.yaml:9:10", "`optouts` needs `journal`"),
            ("history:\n  files: calls.csv\n", "p.yaml:10:10", "call log not found"),
            ("history:\n  files: leads.csv\n  caps: [{calls: 2}]\n", "p.yaml:11:10", "one of `hours` or `days`"),
            ("history:\n  files: leads.csv\n  columns: {when: t}\n", "p.yaml:11:13", "unknown key `when`"),
        ])
    func errors(yaml: String, place: String, message: String) throws {
        let dir = try TemporaryDirectory()
        try Data("x".utf8).write(to: dir.url.appendingPathComponent("us-dnc.idx"))
        let error = #expect(throws: PipelineError.self) { try resolve(try pipeline(dir, yaml)) }
        #expect(error?.description.contains(place) == true, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }
}
