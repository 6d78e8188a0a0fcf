import CallingWindows
import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

@testable import ScrubKit
@testable import ScrubPipeline
@testable import ScrubRules

/// A run's outputs, each row as (column name -> text), clean and rejected.
private struct Outcome {
    var report: RunReport
    var clean: [[String: String]]
    var rejects: [[String: String]]
}

/// Runs `csv` (a header line, then rows) through the production normaliser and rule book.
private func run(
    _ csv: String, state: Bool = false, postcode: Bool = false, campaignDate: String = "2026-12-01"
) throws -> Outcome {
    try run(bytes: Array(csv.utf8), state: state, postcode: postcode, campaignDate: campaignDate)
}

/// Runs the bytes of a CSV file; `phoneColumn` names the phone column when it is not `phone`.
private func run(
    bytes: [UInt8], phoneColumn: String? = nil, state: Bool = false, postcode: Bool = false,
    campaignDate: String = "2026-12-01"
) throws -> Outcome {
    let dir = try TemporaryDirectory()
    try Data(bytes).write(to: dir.url.appendingPathComponent("leads.csv"))
    var flags = PipelineDefinition()
    flags.inputs = [.init(value: dir.path("leads.csv"), location: "--input")]
    if let phoneColumn { flags.phoneColumns = [.init(value: phoneColumn, location: "--phone-column")] }
    flags.outputDirectory = .init(value: dir.path("out"), location: "--out")
    flags.countryColumn = .init(value: "country", location: "--country-column")
    if state { flags.stateColumn = .init(value: "state", location: "--state-column") }
    if postcode { flags.postcodeColumn = .init(value: "postcode", location: "--postcode-column") }
    flags.campaignDate = .init(value: campaignDate, location: "--campaign-date")
    let plan = try PipelinePlan.resolve(
        PipelineDefinition(), overrides: flags, environment: .standard(normalizer: PhoneNormalizerStage()))
    let result = try ScrubRun(plan: plan, threads: 1).run()
    func rows(_ name: String) throws -> [[String: String]] {
        let read = try readAll(ByteReader(path: dir.path("out/\(name)")))
        let header = read.header.map { String(decoding: $0, as: UTF8.self) }
        return read.records.map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record.map { String(decoding: $0, as: UTF8.self) }))
        }
    }
    return Outcome(report: result.report, clean: try rows("clean.csv.gz"), rejects: try rows("rejects.csv.gz"))
}

@Suite("Place columns")
struct PlaceColumnsTests {
    @Test("a Windows-1252 export (Excel's \"CSV\") is read without a pipeline key: its column names and places")
    func windows1252() throws {
        // `Téléphone` and `Québec` in Windows-1252 (é is 0xE9), and a second row in UTF-8: fields are
        // read one by one, so a file that mixes them still maps every place.
        var bytes = Array("id,T".utf8) + [0xE9] + Array("l".utf8) + [0xE9] + Array("phone,country,state\n".utf8)
        bytes += Array("1,(514) 555-0143,Canada,Qu".utf8) + [0xE9] + Array("bec\n".utf8)
        bytes += Array("2,(514) 555-0144,Canada,Québec\n".utf8)
        let outcome = try run(bytes: bytes, phoneColumn: "Téléphone", state: true)
        #expect(outcome.clean.count == 2)
        #expect(Set(outcome.clean.map { $0["timezones"] }).count == 1, "\(outcome.clean.map { $0["timezones"] })")
        #expect(
            !outcome.report.warnings.contains { $0.hasPrefix("state column") },
            "Québec maps to CA-QC in either encoding: \(outcome.report.warnings)")
        // The output keeps the input's bytes as read.
        #expect(
            outcome.clean.first { $0["id"] == "1" }?["state"]
                == String(decoding: [0x51, 0x75, 0xE9, 0x62, 0x65, 0x63], as: UTF8.self))
    }

    @Test(
        "a country column holding a name reads as its code, not UNSUPPORTED_REGION",
        arguments: [
            ("United States", "(214) 555-0142", "US"), ("USA", "(214) 555-0142", "US"),
            ("U.S.", "(214) 555-0142", "US"), ("United States of America", "(214) 555-0142", "US"),
            ("Canada", "(416) 555-0143", "CA"), ("Australia", "0412 345 678", "AU"),
            ("United Kingdom", "020 7946 0958", "GB"), ("Great Britain", "020 7946 0958", "GB"),
            ("England", "020 7946 0958", "GB"), ("UK", "020 7946 0958", "GB"),
            ("Deutschland", "030 12345678", "DE"), ("España", "912 345 678", "ES"),
            ("Nederland", "020 123 4567", "NL"), ("Ireland", "01 234 5678", "IE"),
        ])
    func spelledCountries(country: String, phone: String, region: String) throws {
        let outcome = try run("id,phone,country\n1,\(phone),\(country)\n2,\(phone),\(region)\n")
        let all = outcome.clean + outcome.rejects
        #expect(all.count == 2)
        #expect(
            !all.contains { $0["reject_reason"] == "UNSUPPORTED_REGION" || $0["reject_reason"] == "INVALID_NUMBER" })
        // The name and the code decide alike: the second row is the first's duplicate, or both are
        // refused for the same reason (consent-only countries).
        let reasons = Dictionary(uniqueKeysWithValues: outcome.rejects.map { ($0["id"]!, $0["reject_reason"]!) })
        if let first = outcome.clean.first {
            #expect(first["region"] == region)
            #expect(reasons["2"] == "DUPLICATE")
        } else {
            #expect(reasons["1"] == reasons["2"])
            #expect(outcome.rejects.allSatisfy { $0["reject_detail"]?.contains(region) == true })
        }
        #expect(!outcome.report.warnings.contains { $0.hasPrefix("country column") })
    }

    @Test("a country value that names no country is UNSUPPORTED_REGION saying so, and is counted, not leaked")
    func unknownCountry() throws {
        let outcome = try run(
            """
            id,phone,country
            1,(214) 555-0142,Atlantis
            2,(214) 555-0143,Atlantis
            3,(214) 555-0144,Xanadu
            4,(214) 555-0145,John Smith
            5,(214) 555-0146,+1 212 555 0101
            6,+44 20 7946 0958,Atlantis
            7,(214) 555-0147,
            8,(214) 555-0148,Texas

            """)
        let reasons = Dictionary(uniqueKeysWithValues: outcome.rejects.map { ($0["id"]!, $0["reject_detail"]!) })
        #expect(reasons["1"]?.hasPrefix("country value \"Atlantis\" is not a country we know") == true)
        #expect(reasons["3"]?.hasPrefix("country value \"Xanadu\" is not a country we know") == true)
        #expect(reasons["8"]?.hasPrefix("country value \"Texas\" is not a country we know") == true)
        #expect(outcome.rejects.filter { $0["reject_reason"] == "UNSUPPORTED_REGION" }.count == 6)
        // A number written with its calling code needs no country; a blank one means the default.
        #expect(Set(outcome.clean.map { $0["id"]! }) == ["6", "7"])
        let warning = outcome.report.warnings.first { $0.hasPrefix("country column \"country\"") }
        #expect(warning?.contains("7 row(s) name no country we know") == true, "\(outcome.report.warnings)")
        #expect(warning?.contains("\"Atlantis\" on 3") == true)
        #expect(warning?.contains("\"Xanadu\" on 1") == true)
        #expect(warning?.contains("John") == false, "a one-off two-word value may be a person's name")
        #expect(warning?.contains("212") == false, "a digit-heavy value may be a number")
        let html = HTMLReport(report: outcome.report).render()
        #expect(html.contains("Atlantis"))
    }

    @Test("a state spelled out brings its zones and rules: Texas is TX, on a Sunday too")
    func spelledState() throws {
        let outcome = try run(
            """
            id,phone,country,state
            1,(214) 555-0142,US,TX
            2,(214) 555-0143,US,Texas
            3,(212) 555-0144,USA,Texas
            4,(212) 555-0145,USA,TX
            5,(212) 555-0146,USA,Tejas

            """, state: true, campaignDate: "2026-12-06")
        let clean = Dictionary(uniqueKeysWithValues: outcome.clean.map { ($0["id"]!, $0) })
        #expect(clean.count == 5)
        #expect(clean["2"]?["call_windows_utc"] == clean["1"]?["call_windows_utc"])
        #expect(clean["2"]?["timezones"] == clean["1"]?["timezones"])
        #expect(clean["3"]?["call_rules"]?.contains("US-TX") == true, "a New Yorker in Texas keeps the Texas rules")
        #expect(clean["3"]?["call_windows_utc"] == clean["4"]?["call_windows_utc"])
        #expect(clean["5"]?["call_rules"]?.contains("US-TX") == false)
        let warning = outcome.report.warnings.first { $0.hasPrefix("state column \"state\"") }
        #expect(warning?.contains("1 row(s)") == true, "\(outcome.report.warnings)")
        #expect(warning?.contains("\"Tejas\" on 1") == true)
    }

    @Test("an Australian mobile at NSW 2000 gets 09:00-20:00 Sydney; without an address, 09:00 Perth")
    func australianMobiles() throws {
        let outcome = try run(
            """
            id,phone,country,state,postcode
            1,0412 345 678,Australia,NSW,2000
            2,0412 345 679,AU,New South Wales,2000
            3,0412 345 680,AU,,
            4,(02) 9876 5432,AU,NSW,2000
            5,0412 345 681,AU,WA,6000
            6,0412 345 682,AU,NSW,20000

            """, state: true, postcode: true)
        let clean = Dictionary(uniqueKeysWithValues: outcome.clean.map { ($0["id"]!, $0) })
        let sydney = "2026-11-30T22:00:00Z/2026-12-01T09:00:00Z"
        #expect(clean["1"]?["call_windows_utc"] == sydney)
        #expect(clean["1"]?["timezones"] == "Australia/Sydney")
        #expect(clean["2"]?["call_windows_utc"] == sydney)
        #expect(clean["3"]?["call_windows_utc"] == "2026-12-01T01:00:00Z/2026-12-01T09:00:00Z")
        #expect(clean["3"]?["timezones"]?.contains("Indian/") == false)
        #expect(clean["4"]?["call_windows_utc"] == sydney, "a Sydney landline at NSW 2000 is not in Broken Hill")
        #expect(clean["5"]?["timezones"] == "Australia/Perth")
        let warning = outcome.report.warnings.first { $0.hasPrefix("postcode column \"postcode\"") }
        #expect(warning?.contains("1 row(s) hold no Australian postcode") == true, "\(outcome.report.warnings)")
        #expect(warning?.contains("20000") == false, "postcodes are digits: never listed")
    }

    @Test("a US toll-free number is placed by the lead's state, not by every NANP zone from Guam to Bermuda")
    func northAmericanTollFree() throws {
        // The numbering data gives a toll-free number every zone of calling code 1; their intersection
        // was empty, so such rows had no window at all.
        let outcome = try run(
            """
            id,phone,country,state
            1,(800) 253-0000,US,Texas
            2,(888) 253-0001,US,

            """, state: true)
        let clean = Dictionary(uniqueKeysWithValues: outcome.clean.map { ($0["id"]!, $0) })
        #expect(clean["1"]?["timezones"] == "America/Chicago|America/Denver")
        #expect(clean["1"]?["call_windows_utc"] == "2026-12-01T16:00:00Z/2026-12-02T03:00:00Z")
        #expect(clean["2"]?["timezones"]?.contains("Pacific/Guam") == false)
        #expect(clean["2"]?["call_windows_utc"] == "2026-12-01T18:00:00Z/2026-12-02T02:00:00Z")
    }

    @Test(
        "a report names only values that cannot be lead data: short, nearly digit-free, one word or recurring",
        arguments: [
            ("Atlantis", 1, true), ("New Atlantis", 2, true), ("New Atlantis", 1, false), ("John Smith", 1, false),
            ("Smith, John", 1, false), ("+1 212 555 0101", 9, false), ("2125550101", 9, false), ("20000", 4, false),
            ("Zone 51", 3, true), ("Zone 512", 3, false), ("ann@example.com", 5, false),
            (String(repeating: "x", count: 24), 1, true), (String(repeating: "x", count: 25), 9, false),
            ("Ålandsöarna", 1, true), ("٠١٢٣", 3, false),
        ])
    func listable(text: String, rows: Int, listed: Bool) {
        #expect(UnmappedPlaceValues.listable(text, rows: rows) == listed)
    }

    @Test("a warning names at most five values, the most frequent first, and counts the rest")
    func warningShape() {
        var values = UnmappedPlaceValues(countryColumn: "Land", stateColumn: "", postcodeColumn: "")
        for (id, (text, rows)) in [("A", 1), ("B", 7), ("C", 3), ("D", 2), ("E", 5), ("F", 4), ("G H", 1)].enumerated()
        {
            for _ in 0..<rows { values.count(.country, text, id: UInt32(id + 1)) }
        }
        values.count(.country, String(repeating: "long ", count: 20), id: 0)  // not interned: counted only
        #expect(
            values.warnings == [
                "country column \"Land\": 24 row(s) name no country we know (\"B\" on 7, \"E\" on 5, \"F\" on 4, "
                    + "\"C\" on 3, \"D\" on 2, 2 other value(s) not shown)"
            ])
        #expect(values.rows(.state) == 0)
    }
}
