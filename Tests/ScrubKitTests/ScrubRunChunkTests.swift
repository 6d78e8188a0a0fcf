import CallingWindows
import Foundation
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubTestSupport
import Testing

/// `count` leads with numbers that repeat across chunks (about one in three rows), names with quoted
/// line breaks, malformed rows, and British numbers, whose calling window the test stage closes (so
/// later rules reject rows that also take part in duplicates).
private func chunkLeads(_ count: Int) -> String {
    var text = "id,name,phone,country\n"
    for i in 1...count {
        let name = i % 13 == 0 ? "\"Name \(i)\nsecond line\"" : "Name \(i)"
        if i % 17 == 0 {
            text += "\(i),broken\n"
        } else if i % 5 == 0 {
            text += "\(i),\(name),+44 20 7946 \(1000 + (i * 31) % 40),GB\n"
        } else {
            text += "\(i),\(name),+1 212 555 \(1000 + (i * 7919) % 400),US\n"
        }
    }
    return text
}

/// The oracle: each row's outcome (`CLEAN` or its reason) by id, from one serial reader and the two
/// decision phases one after the other, as the run decided before it ran on every core.
private func serialOutcomes(_ text: String, plan: PipelinePlan) throws -> [String: String] {
    let reader = try CSVReader(source: MemoryByteSource(Array(text.utf8), path: "leads.csv"))
    let decider = SerialDecider(plan.makeDecider())
    var outcomes: [String: String] = [:]
    var record = CSVRecord()
    var malformed = 0
    while true {
        let outcome = try reader.next(into: &record)
        if outcome == .endOfInput { break }
        guard outcome == .record else {
            malformed += 1
            continue
        }
        let country = record.withField(3) { String(decoding: $0, as: UTF8.self) }
        let decision = record.withField(2) { decider.decide(phone: $0, country: country, line: record.line) }
        let id = record.withField(0) { String(decoding: $0, as: UTF8.self) }
        outcomes[id] = decision.reason?.rawValue ?? "CLEAN"
    }
    outcomes["malformed"] = "\(malformed)"
    return outcomes
}

/// Each row's outcome by id, read back from a run's outputs.
private func runOutcomes(_ dir: TemporaryDirectory) throws -> [String: String] {
    var outcomes: [String: String] = [:]
    for record in try readAll(ByteReader(path: dir.path("out/clean.csv.gz"))).records {
        outcomes[String(decoding: record[0], as: UTF8.self), default: ""] += "CLEAN"
    }
    var malformed = 0
    for record in try readAll(ByteReader(path: dir.path("out/rejects.csv.gz"))).records {
        let reason = String(decoding: record[4], as: UTF8.self)
        if reason == "MALFORMED_ROW" {
            malformed += 1
        } else {
            outcomes[String(decoding: record[0], as: UTF8.self), default: ""] += reason
        }
    }
    outcomes["malformed"] = "\(malformed)"
    return outcomes
}

@Suite("Scrub run in chunks")
struct ScrubRunChunkTests {
    @Test(
        "every row's outcome is the serial oracle's, at every chunk size and thread count",
        arguments: [(1, 7), (2, 7), (3, 64), (2, 500), (4, 4_096), (1, 1 << 20)])
    func matchesSerialOracle(threads: Int, chunkSize: Int) throws {
        let dir = try TemporaryDirectory()
        let text = chunkLeads(700)
        try Data(text.utf8).write(to: dir.url.appendingPathComponent("leads.csv"))
        var flags = PipelineDefinition()
        flags.inputs = [.init(value: dir.path("leads.csv"), location: "--input")]
        flags.outputDirectory = .init(value: dir.path("out"), location: "--out")
        flags.countryColumn = .init(value: "country", location: "--country-column")
        flags.campaignDate = .init(value: "2026-12-01", location: "--campaign-date")
        flags.rejectWithoutWindow = .init(value: true, location: "--reject-without-window")
        let environment = PipelineEnvironment(
            normalizer: TestNormalizer(), openIndex: { _ in throw CocoaError(.fileNoSuchFile) },
            isIndexFile: { _ in false }, windows: { _, _, _ in TestWindows(closedRegions: ["GB"]) },
            today: { LocalDate("2026-11-29")! })
        let plan = try PipelinePlan.resolve(PipelineDefinition(), overrides: flags, environment: environment)
        let run = ScrubRun(plan: plan, threads: threads)
        run.chunkSize = chunkSize
        run.gzipBlockSize = 1_000
        let report = try run.run().report
        let expected = try serialOutcomes(text, plan: plan)
        #expect(try runOutcomes(dir) == expected)
        #expect(Set(expected.values).isSuperset(of: ["CLEAN", "DUPLICATE", "NO_CALLING_WINDOW"]))
        #expect(report.rowsIn == 700 && report.clean + report.rejected == 700)
        #expect(report.rejectedByReason["DUPLICATE"] == expected.values.filter { $0 == "DUPLICATE" }.count)
    }
}
