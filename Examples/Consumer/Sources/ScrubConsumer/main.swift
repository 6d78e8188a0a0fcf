// Scrubs three leads against a registry it builds, through each library product's public API, and
// exits 1 unless the outcome is the one expected: one clean, one on the registry, one invalid.
import CallingWindows
import Foundation
import PhoneNumbers
import ScrubIO
import ScrubIndex
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("scrub-consumer: \(message)\n".utf8))
    exit(1)
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scrub-consumer-\(getpid())").path
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

// PhoneNumbers: the listed lead's number as an E.164 key.
guard let listed = PhoneNormalizer(defaultRegion: PhoneRegion("US")).normalize("(212) 555-0142").number else {
    fail("the normaliser did not read a valid US number")
}

// ScrubIndex: a one-number registry snapshot.
var keys = KeyCollector()
keys.add(listed.e164)
_ = try IndexBuilder.build(
    keys: keys,
    metadata: IndexMetadata(name: "consumer-dnc", kind: .registry, regions: ["US"], snapshotDate: "2026-11-30", maxAgeDays: 31),
    output: folder + "/registry.idx", today: "2026-12-01")

// CallingWindows: the bundled rule book loads.
_ = try RuleBook.bundled()

// ScrubKit: a pipeline run end to end.
try Data("id,phone,state\n1,(212) 555-0142,NY\n2,not a number,NY\n3,(415) 555-0199,CA\n".utf8)
    .write(to: URL(fileURLWithPath: folder + "/leads.csv"))
try Data(
    """
    version: 1
    name: consumer
    input: {files: leads.csv, phone_column: phone, default_country: US, state_column: state}
    output: {directory: out}
    campaign: {date: 2026-12-01, purpose: telemarketing}
    registries: [registry.idx]

    """.utf8
).write(to: URL(fileURLWithPath: folder + "/pipeline.yaml"))
let plan = try PipelinePlan.resolve(
    PipelineDefinition.load(path: folder + "/pipeline.yaml"), overrides: PipelineDefinition(),
    environment: .standard(normalizer: PhoneNormalizerStage()))
// Audited as the CLI's runs are: the record is appended before the outputs are published.
let report = try RunAttempt(commandLine: ["scrub-consumer"]).run(ScrubRun(plan: plan, threads: 2)).report
guard try AuditLog(path: plan.auditLog).verify().records == 1 else { fail("the run left no audit record") }
guard report.rowsIn == 3, report.clean == 1,
    report.rejectedByReason == ["DNC_REGISTRY": 1, "INVALID_NUMBER": 1]
else { fail("unexpected outcome: \(report.rowsIn) in, \(report.clean) clean, \(report.rejectedByReason)") }

// ScrubIO: the clean output read back.
let reader = try CSVReader(source: try ByteReader(path: folder + "/out/clean.csv.gz"))
var record = CSVRecord()
guard try reader.next(into: &record) == .record, String(decoding: record[0], as: UTF8.self) == "3" else {
    fail("clean.csv.gz does not hold lead 3")
}
print("scrub-consumer: ok (\(report.rowsIn) leads: \(report.clean) clean, \(report.rejected) rejected)")
