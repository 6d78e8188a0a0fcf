import Foundation
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubRules
import ScrubTestSupport
import Testing

@Suite("Phone fields as Excel leaves them, in a run")
struct SpreadsheetNumbersTests {
    @Test("text-kept numbers are read; scientific notation is INVALID_NUMBER with a detail naming the damage")
    func run() throws {
        let dir = try TemporaryDirectory()
        let csv = """
            id;phone
            1;="2145550142"
            2;'2145550143
            3;2,14555E+09
            4;2.14555E+09

            """
        try Data(csv.utf8).write(to: dir.url.appendingPathComponent("leads.csv"))
        var flags = PipelineDefinition()
        flags.inputs = [.init(value: dir.path("leads.csv"), location: "--input")]
        flags.outputDirectory = .init(value: dir.path("out"), location: "--out")
        flags.campaignDate = .init(value: "2026-12-01", location: "--campaign-date")
        let plan = try PipelinePlan.resolve(
            PipelineDefinition(), overrides: flags, environment: .standard(normalizer: PhoneNormalizerStage()))
        let report = try ScrubRun(plan: plan, threads: 1).run().report
        #expect(report.clean == 2 && report.rejected == 2)
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        #expect(clean.records.map { String(decoding: $0[2], as: UTF8.self) } == ["+12145550142", "+12145550143"])
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        for record in rejects.records {
            #expect(String(decoding: record[2], as: UTF8.self) == "INVALID_NUMBER")
            #expect(String(decoding: record[3], as: UTF8.self).hasPrefix("the digits were lost to scientific notation"))
        }
    }
}
