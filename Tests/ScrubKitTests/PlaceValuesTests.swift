import CallingWindows
import Foundation
import ScrubIO
import ScrubRecords
import ScrubTestSupport
import Testing

@testable import ScrubKit
@testable import ScrubPipeline
@testable import ScrubRules

/// A pipeline file over `csv` with `input` lines added to its `input` section, loaded.
private func pipeline(_ dir: TemporaryDirectory, _ csv: String, input: String) throws -> PipelineDefinition {
    try Data(csv.utf8).write(to: dir.url.appendingPathComponent("leads.csv"))
    let yaml = """
        version: 1
        input:
          files: leads.csv
          country_column: country
          state_column: state
        \(input)
        output:
          directory: out
        campaign:
          date: 2026-12-01

        """
    try yaml.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
    return try PipelineDefinition.load(path: dir.path("p.yaml"))
}

private func resolve(_ definition: PipelineDefinition) throws -> PipelinePlan {
    try PipelinePlan.resolve(
        definition, overrides: PipelineDefinition(), environment: .standard(normalizer: PhoneNormalizerStage()))
}

private let leads = """
    id,phone,country,state
    1,(214) 555-0142,Verein. Staaten,Kalifornien
    2,(214) 555-0143,U.S.A,TX
    3,(214) 555-0144,Atlantis,TX
    4,(214) 555-0145,United States,Kalifornien

    """

private let maps = """
      country_values: {"Verein. Staaten": US, "Atlantis": US}
      state_values: {Kalifornien: CA, "Tejas": US-TX}
    """

@Suite("The pipeline's own country and state spellings")
struct PlaceValuesTests {
    @Test("country_values and state_values are read before the built-in names, in the run")
    func run() throws {
        let dir = try TemporaryDirectory()
        let report = try ScrubRun(plan: try resolve(try pipeline(dir, leads, input: maps)), threads: 1).run().report
        #expect(report.clean == 4 && report.rejected == 0, "\(report.rejectedByReason)")
        #expect(!report.warnings.contains { $0.contains("country column") || $0.contains("state column") })

        let bare = try TemporaryDirectory()
        let unmapped = try ScrubRun(plan: try resolve(try pipeline(bare, leads, input: "")), threads: 1).run().report
        #expect(unmapped.clean == 2, "without the maps only the built-in names read")
        #expect(unmapped.warnings.contains { $0.hasPrefix("country column \"country\": 2 row(s) name no country") })
        #expect(unmapped.warnings.contains { $0.hasPrefix("state column \"state\": 1 row(s) name no state") })
    }

    @Test("the windows read the mapped state code")
    func mappedState() {
        let values = PlaceValues(countries: [:], states: ["KALIFORNIEN": "CA", "TEJAS": "US-TX"])
        #expect(values.state("kalifornien") == "CA")
        #expect(values.state("Tejas") == "US-TX")
        #expect(values.state("Texas") == "Texas", "a value not in the map goes on as written, to the built-in names")
        #expect(values.subdivisionCountryMask("Kalifornien") == PlaceNames.subdivisionCountryBit("US"))
        #expect(values.subdivisionCountryMask("Tejas") == PlaceNames.subdivisionCountryBit("US"))
        #expect(PlaceNames.subdivision(values.state("Tejas"), country: "US") == "TX")
    }

    @Test("scrub check reads the same maps")
    func check() throws {
        let dir = try TemporaryDirectory()
        let plan = try resolve(try pipeline(dir, leads, input: maps))
        let time = UTCTime(seconds: 1_796_140_800)
        let mapped = plan.check(CheckRequest("(214) 555-0142", country: "Verein. Staaten"), at: time)
        #expect(mapped.isClean, "\(mapped.text)")
        let bareDir = try TemporaryDirectory()
        let bare = try resolve(try pipeline(bareDir, leads, input: ""))
        let unmapped = bare.check(CheckRequest("(214) 555-0142", country: "Verein. Staaten"), at: time)
        #expect(!unmapped.isClean)
    }

    @Test(
        "map entries are checked at load, with their place",
        arguments: [
            ("  country_values: {USofA: USA}\n", "p.yaml:6:27", "which is no ISO 3166 country code"),
            ("  country_values: {Narnia: XX}\n", "p.yaml:6:28", "which is no ISO 3166 country code"),
            ("  state_values: {Kalifornien: California}\n", "p.yaml:6:31", "no state, province or territory code"),
            ("  state_values: {Bavaria: BY}\n", "p.yaml:6:27", "no state, province or territory code"),
            ("  country_values: {\"U.S.A\": US, \"usa\": CA}\n", "p.yaml:6:33", "which reads the same, to US"),
            ("  country_values: {\"...\": US}\n", "p.yaml:6:20", "no letters or digits"),
            ("  country_values: [US]\n", "p.yaml:6:19", "must be a mapping"),
        ])
    func loadErrors(yaml: String, place: String, message: String) throws {
        let dir = try TemporaryDirectory()
        let error = #expect(throws: PipelineError.self) { try pipeline(dir, leads, input: yaml) }
        #expect(error?.description.contains(place) == true, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }
}
