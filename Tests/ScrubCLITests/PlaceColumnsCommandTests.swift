import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

@Suite("scrub run, place columns end to end")
struct PlaceColumnsCommandTests {
    @Test("countries and states written as names are read, unknown ones warned of; AU mobiles follow the address")
    func spelledPlaces() throws {
        let dir = try TemporaryDirectory()
        let leads = """
            id,phone,country,state,postcode
            1,(214) 555-0142,United States,Texas,
            2,(416) 555-0143,Canada,Ontario,
            3,0412 345 678,Australia,New South Wales,2000
            4,(214) 555-0144,Atlantis,,
            5,(214) 555-0145,US,Tejas,

            """
        try Data(leads.utf8).write(to: dir.url.appendingPathComponent("leads.csv"))
        let result = try ScrubProcess.run([
            "run", "--input", dir.path("leads.csv"), "--out", dir.path("out"), "--country-column", "country",
            "--state-column", "state", "--postcode-column", "postcode", "--campaign-date", "2026-12-01", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let clean = try readAll(ByteReader(path: dir.path("out/clean.csv.gz")))
        let rejects = try readAll(ByteReader(path: dir.path("out/rejects.csv.gz")))
        let text = { (field: [UInt8]) in String(decoding: field, as: UTF8.self) }
        #expect(clean.records.map { text($0[0]) } == ["1", "2", "3", "5"])
        #expect(clean.records.map { text($0[6]) } == ["US", "CA", "AU", "US"])
        #expect(text(clean.records[0][10]).contains("US-TX"))
        #expect(text(clean.records[2][9]) == "2026-11-30T22:00:00Z/2026-12-01T09:00:00Z")
        #expect(rejects.records.count == 1)
        #expect(text(rejects.records[0][5]) == "UNSUPPORTED_REGION")
        #expect(text(rejects.records[0][6]).hasPrefix("country value \"Atlantis\" is not a country we know"))
        let report = try String(contentsOfFile: dir.path("out/report.json"), encoding: .utf8)
        #expect(report.contains("country column \\\"country\\\": 1 row(s) name no country we know"))
        #expect(report.contains("state column \\\"state\\\": 1 row(s)"))
        #expect(!showsNumber(report, of: ["2145550142", "4165550143", "2145550144", "2145550145"]))
        let html = try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
        #expect(html.contains("Tejas"))
    }

    @Test("scrub check reads a country and state by name, as the run does, and names a country it does not know")
    func checkByName() throws {
        let known = try ScrubProcess.run([
            "check", "0412 345 678", "--pipeline", "Pipelines/sample.yaml", "--country", "Australia", "--state",
            "New South Wales", "--postcode", "2000",
        ])
        #expect(known.status == 0, "\(known.stderr)")
        #expect(known.stdout.contains("(country AU)"))
        #expect(known.stdout.contains("Time zones: Australia/Sydney\n"))
        #expect(known.stdout.contains("-> 2026-11-30T22:00:00Z/2026-12-01T09:00:00Z"))
        let unknown = try ScrubProcess.run([
            "check", "(214) 555-0142", "--pipeline", "Pipelines/sample.yaml", "--country", "Atlantis",
        ])
        #expect(unknown.status == 0)
        #expect(unknown.stdout.contains("UNSUPPORTED_REGION (country value \"Atlantis\" is not a country we know"))
    }
}
