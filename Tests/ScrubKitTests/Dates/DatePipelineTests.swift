import CallingWindows
import Foundation
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubRules
import ScrubTestSupport
import Testing

/// Leads as a US CRM exports them (the test normaliser: +1 US, +33 FR; FR needs consent).
private let leads = """
    id,phone,country,consent_at,ebr_date,ebr_type
    1,+33 1 99 00 12 34,FR,10/01/2026,,
    2,+33 1 99 00 12 35,FR,2026-10-01,,
    3,+33 1 99 00 12 36,FR,,,
    4,+1 415 555 0101,US,,11/01/2026 6:30 PM,purchase
    5,+33 1 99 00 12 37,FR,13/01/2026 10:00,,

    """

private func pipeline(_ dir: TemporaryDirectory, _ extra: String) throws -> PipelineDefinition {
    try leads.write(toFile: dir.path("leads.csv"), atomically: false, encoding: .utf8)
    try Data("x".utf8).write(to: dir.url.appendingPathComponent("us-dnc.idx"))
    let yaml = """
        version: 1
        input:
          files: leads.csv
          country_column: country
        output:
          directory: out
        campaign:
          date: 2026-12-01
        registries:
          - index: us-dnc.idx
            exemptions: [ebr, consent]

        """
    try (yaml + extra).write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
    return try PipelineDefinition.load(path: dir.path("p.yaml"))
}

private func resolve(_ definition: PipelineDefinition) throws -> PipelinePlan {
    let registry = testList(
        "us-dnc", kind: .registry, regions: ["US"], snapshot: "2026-11-25", maxAge: 31, numbers: [14155550101])
    let environment = PipelineEnvironment(
        normalizer: TestNormalizer(), openIndex: { _ in registry }, isIndexFile: { $0.hasSuffix(".idx") },
        windows: { _, _, _ in TestWindows() }, today: { LocalDate("2026-11-29")! })
    return try PipelinePlan.resolve(definition, overrides: PipelineDefinition(), environment: environment)
}

/// The ids of the clean rows and `id:reason` of the rejects.
private func outcomes(_ dir: TemporaryDirectory) throws -> (clean: [String], rejects: [String]) {
    let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
    let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
    return (
        clean.records.map { String(decoding: $0[0], as: UTF8.self) },
        rejects.records.map { "\(String(decoding: $0[0], as: UTF8.self)):\(String(decoding: $0[6], as: UTF8.self))" }
    )
}

@Suite("Consent and history dates in the pipeline's date_format")
struct DatePipelineTests {
    @Test("US dates count as consent and EBR with date_format MM/DD/YYYY; unreadable ones never do, and are warned")
    func usDates() throws {
        let dir = try TemporaryDirectory()
        let plan = try resolve(
            try pipeline(
                dir,
                """
                consent:
                  date_format: MM/DD/YYYY
                  columns: {timestamp: consent_at, ebr_date: ebr_date, ebr_type: ebr_type}

                """))
        let report = try ScrubRun(plan: plan).run().report
        let result = try outcomes(dir)
        #expect(result.clean == ["1", "4"])
        #expect(result.rejects == ["2:NO_CONSENT", "3:NO_CONSENT", "5:NO_CONSENT"])
        #expect(report.compliance?.exemptions["EBR"] == 1)
        let warning =
            "date column \"consent_at\": 2 row(s) do not read as MM/DD/YYYY (lines 3, 6) and count as no date: "
            + "no consent, no business relationship; set `date_format` in the pipeline's `consent` section"
        #expect(report.warnings.contains(warning), "\(report.warnings)")
        #expect(!report.warnings.contains { $0.contains("\"ebr_date\"") }, "every EBR date reads")
        let json = String(decoding: try report.jsonBytes(), as: UTF8.self)
        #expect(json.contains("date column \\\"consent_at\\\": 2 row(s)"))
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("date column &quot;consent_at&quot;: 2 row(s)"))
    }

    @Test("without date_format a US date is no consent, and the report says so (the issue's silent 0 exempted)")
    func isoDefaultWarns() throws {
        let dir = try TemporaryDirectory()
        let plan = try resolve(
            try pipeline(dir, "consent:\n  columns: {timestamp: consent_at, ebr_date: ebr_date, ebr_type: ebr_type}\n"))
        let report = try ScrubRun(plan: plan).run().report
        let result = try outcomes(dir)
        #expect(result.clean == ["2"])
        #expect(result.rejects == ["1:NO_CONSENT", "3:NO_CONSENT", "4:DNC_REGISTRY", "5:NO_CONSENT"])
        #expect(
            report.warnings.contains {
                $0.hasPrefix("date column \"consent_at\": 2 row(s) do not read as ISO8601 (lines 2, 6)")
            })
        #expect(
            report.warnings.contains {
                $0.hasPrefix("date column \"ebr_date\": 1 row(s) do not read as ISO8601 (line 5)")
            })
    }

    @Test("a column's own date_format wins over the section's")
    func perColumn() throws {
        let dir = try TemporaryDirectory()
        let plan = try resolve(
            try pipeline(
                dir,
                """
                consent:
                  date_format: DD/MM/YYYY
                  columns:
                    timestamp: {name: consent_at, date_format: ISO8601}
                    ebr_date: {name: ebr_date, date_format: MM/DD/YYYY}
                    ebr_type: ebr_type

                """))
        #expect(plan.compliance.consent?.dateFormats.timestamp == .iso8601)
        #expect(plan.compliance.consent?.dateFormats.relationshipDate == DateFormat(name: "MM/DD/YYYY"))
        _ = try ScrubRun(plan: plan).run()
        #expect(try outcomes(dir).clean == ["2", "4"])
    }

    @Test(
        "unknown date formats and bad column entries are refused at load, with their place",
        arguments: [
            ("consent:\n  date_format: MM/DD/YY\n", "p.yaml:13:16", "unknown date format `MM/DD/YY`; expected one of"),
            (
                "consent:\n  columns: {timestamp: {name: consent_at, date_format: US}}\n", "p.yaml:13:56",
                "unknown date format `US`"
            ),
            ("consent:\n  columns: {timestamp: {date_format: ISO8601}}\n", "p.yaml:13:24", "`timestamp` needs `name`"),
            ("consent:\n  columns: {timestamp: {name: a, zone: UTC}}\n", "p.yaml:13:34", "unknown key `zone`"),
            ("history:\n  files: calls.csv\n  date_format: DD.MM\n", "p.yaml:14:16", "unknown date format `DD.MM`"),
            (
                "history:\n  files: calls.csv\n  columns: {outcome: {name: code, date_format: ISO8601}}\n",
                "p.yaml:14:22", "`outcome` must be a single value"
            ),
        ])
    func loadErrors(yaml: String, place: String, message: String) throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: PipelineError.self) { try pipeline(dir, yaml) }
        #expect(error?.description.contains(place) == true, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test("call times in the history's date_format count towards caps; unreadable ones are counted and located")
    func history() throws {
        let dir = try TemporaryDirectory()
        let log = """
            phone,time,code
            +33199001234,11/30/2026 10:00,NONE
            +33199001234,11/30/2026 11:00 AM,NONE
            +33199001234,2026-11-30T12:00:00Z,NONE

            """
        try log.write(toFile: dir.path("calls.csv"), atomically: false, encoding: .utf8)
        let plan = try resolve(
            try pipeline(
                dir,
                """
                history:
                  files: calls.csv
                  date_format: MM/DD/YYYY
                consent:
                  columns: {timestamp: consent_at, ebr_date: ebr_date, ebr_type: ebr_type}
                  required_in: []

                """))
        let facts = try #require(plan.historyFacts?.files.first)
        #expect(facts.kept == 2 && facts.unreadableRows == 1)
        #expect(facts.unreadableSamples == ["calls.csv:4: the time does not read as MM/DD/YYYY"])
    }
}
