import CallingWindows
import Foundation
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubRules
import ScrubTestSupport
import Testing

/// A library caller's run, audited without the CLI: `RunAttempt` appends the record and writes the
/// status file, on success and on failure.
@Suite("Run attempts audited in the library")
struct RunAttemptTests {
    private func plan(_ dir: TemporaryDirectory) throws -> PipelinePlan {
        var flags = PipelineDefinition()
        flags.inputs = [.init(value: dir.path("leads.csv.gz"), location: "--input")]
        flags.outputDirectory = .init(value: dir.path("out"), location: "--out")
        flags.campaignDate = .init(value: "2026-12-01", location: "--campaign-date")
        let environment = PipelineEnvironment(
            normalizer: TestNormalizer(), openIndex: { _ in throw PipelineError(.configuration, "no lists") },
            isIndexFile: { _ in false }, windows: { _, _, _ in nil }, today: { LocalDate("2026-11-29")! })
        return try PipelinePlan.resolve(PipelineDefinition(), overrides: flags, environment: environment)
    }

    private func leads(_ rows: Int) -> String {
        "id,phone\n" + (0..<rows).map { "\($0),+1 212 555 \(1000 + $0 % 9000)\n" }.joined()
    }

    @Test("a successful run appends its record, naming the set, before the set is published")
    func success() throws {
        let dir = try TemporaryDirectory()
        try writeGzipped(leads(3), to: dir.path("leads.csv.gz"))
        let plan = try plan(dir)
        let attempt = RunAttempt(commandLine: ["library-caller"])
        let result = try attempt.run(ScrubRun(plan: plan))
        let records = auditRecords(plan.auditLog)
        #expect(records.count == 1)
        #expect(records.first?["run_id"] as? String == attempt.runID)
        #expect(records.first?["exit_status"] as? Int == 0)
        #expect(records.first?["output_set"] as? String == result.setID)
        #expect(records.first?["rows_in"] as? Int == 3)
        #expect(PublishedSet(out: plan.outputDirectory).id == result.setID)
    }

    @Test("a run that fails mid-file is recorded with its exit status, in the log and the status file")
    func failure() throws {
        let dir = try TemporaryDirectory()
        try writeGzipped(leads(20_000), to: dir.path("leads.csv.gz"))
        var bytes = [UInt8](try Data(contentsOf: dir.url.appendingPathComponent("leads.csv.gz")))
        bytes[bytes.count * 3 / 4] ^= 0xFF
        try Data(bytes).write(to: dir.url.appendingPathComponent("leads.csv.gz"))
        let plan = try plan(dir)
        let attempt = RunAttempt(commandLine: ["library-caller"])
        let failure = #expect(throws: RunAttempt.Failure.self) { try attempt.run(ScrubRun(plan: plan)) }
        #expect(failure?.recorded == true)
        #expect(failure?.exitStatus == ExitStatus.dataError)
        #expect(failure?.problems == [])
        let records = auditRecords(plan.auditLog)
        #expect(records.count == 1)
        #expect(records.first?["exit_status"] as? Int == Int(ExitStatus.dataError))
        #expect((records.first?["error"] as? String)?.contains("leads.csv.gz") == true)
        let status = RunStatus.read(from: OutputFolder(path: plan.outputDirectory))
        #expect(status?.lastAttempt.runID == attempt.runID)
        #expect(status?.lastAttempt.exitStatus == ExitStatus.dataError)
        #expect(PublishedSet(out: plan.outputDirectory).folder == nil)
    }

    @Test("an audit log that cannot be appended to fails the run, and nothing is published")
    func unwritableLog() throws {
        let dir = try TemporaryDirectory()
        try writeGzipped(leads(3), to: dir.path("leads.csv.gz"))
        var plan = try plan(dir)
        try FileManager.default.createDirectory(atPath: dir.path("log-is-a-folder"), withIntermediateDirectories: true)
        plan.auditLog = dir.path("log-is-a-folder")
        let failure = #expect(throws: RunAttempt.Failure.self) { try RunAttempt().run(ScrubRun(plan: plan)) }
        #expect(failure?.exitStatus == ExitStatus.ioError)
        #expect(failure?.message.hasSuffix("nothing was published") == true)
        #expect(PublishedSet(out: plan.outputDirectory).folder == nil)
    }
}
