import Foundation
import ScrubTestSupport
import Testing

@Suite("scrub inspect")
struct InspectCommandTests {
    @Test("inspects the bundled sample")
    func inspectsSample() throws {
        let result = try ScrubProcess.run(["inspect", "SampleData/leads.csv.gz"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("gzip, 1 member"))
        #expect(result.stdout.contains("phone columns phone"))
    }

    @Test("prints one JSON object per file")
    func json() throws {
        let result = try ScrubProcess.run(["inspect", "--json", "SampleData/leads.csv.gz", "SampleData/leads.csv.gz"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        #expect(object?["records"] as? Int == 305)
        #expect(object?["malformedRecords"] as? Int == 2)
    }

    @Test("reads standard input for -")
    func standardInput() throws {
        let result = try ScrubProcess.run(["inspect", "-"], stdin: "id,phone\n1,(415) 555-0123\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("1 records, 0 malformed"))
    }

    @Test(
        "a damaged gzip file exits non-zero and names the file and offset",
        arguments: ["truncated", "flipped", "trailing"])
    func damagedGzip(damage: String) throws {
        let dir = try TemporaryDirectory()
        var data = [UInt8](
            try Data(contentsOf: ScrubProcess.repositoryRoot.appendingPathComponent("SampleData/leads.csv.gz")))
        switch damage {
        case "truncated": data.removeLast(100)
        case "flipped": data[data.count / 2] ^= 0xFF
        default: data += Array("trailing garbage".utf8)
        }
        let path = dir.path("\(damage).csv.gz")
        try Data(data).write(to: URL(fileURLWithPath: path))
        let result = try ScrubProcess.run(["inspect", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path): byte "), "\(result.stderr)")
    }

    @Test("a missing file exits 66")
    func missingFile() throws {
        let result = try ScrubProcess.run(["inspect", "no-such-file.csv"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("no-such-file.csv"))
    }
}
