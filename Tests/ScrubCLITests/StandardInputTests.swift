import Foundation
import ScrubIO
import ScrubKit
import ScrubRules
import ScrubTestSupport
import Testing

/// A small lead file, plain and gzipped.
private func leads(rows: Int) throws -> (plain: [UInt8], gzip: [UInt8]) {
    var text = "id,phone,country\n"
    for i in 0..<rows { text += "\(i),+1212555\(String(1000 + i * 7 % 9000)),US\n" }
    let plain = Array(text.utf8)
    let memory = MemorySink()
    let sink = ParallelGzipSink(writingTo: memory, level: 6, threads: 2, blockSize: 4096)
    try sink.write(plain)
    try sink.finish()
    return (plain, memory.bytes)
}

@Suite("scrub run --input - reads standard input")
struct StandardInputTests {
    // Regression: README promises `-` reads standard input; `scrub run --input -` exited 78.
    @Test("gzip or plain on standard input gives the outputs of the same file named, and hashes the bytes read")
    func standardInput() throws {
        let dir = try TemporaryDirectory()
        let (plain, gzip) = try leads(rows: 600)
        try Data(gzip).write(to: dir.url.appendingPathComponent("leads.csv.gz"))
        let named = try ScrubProcess.run(
            ["run", "--input", "leads.csv.gz", "--out", "named", "--quiet", "--campaign-date", "2026-12-01"],
            in: dir.url, stdinBytes: nil)
        #expect(named.status == 0, "\(named.stderr)")
        let expected = try gunzip(file: dir.path("named/clean.csv.gz"))
        for (name, bytes) in [("gzip", gzip), ("plain", plain)] {
            let result = try ScrubProcess.run(
                ["run", "--input", "-", "--out", name, "--quiet", "--campaign-date", "2026-12-01"], in: dir.url,
                stdinBytes: Data(bytes))
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(try gunzip(file: dir.path("\(name)/clean.csv.gz")) == expected, "\(name)")
            let report = try String(contentsOfFile: dir.path("\(name)/report.json"), encoding: .utf8)
            try Data(bytes).write(to: dir.url.appendingPathComponent("\(name).bytes"))
            let digest = try FileDigest.sha256(path: dir.path("\(name).bytes"))
            #expect(report.contains("\"sha256\" : \"\(digest)\""), "\(name): the input's hash is of the bytes read")
        }
    }

    @Test("standard input cut short exits 65 naming `-` and the byte; given twice, 78")
    func standardInputFailures() throws {
        let dir = try TemporaryDirectory()
        let gzip = try leads(rows: 600).gzip
        let cut = try ScrubProcess.run(
            ["run", "--input", "-", "--out", "out", "--quiet"], in: dir.url, stdinBytes: Data(gzip[..<(gzip.count / 2)])
        )
        #expect(!cut.diedOnSignal)
        #expect(cut.status == 65, "\(cut.stderr)")
        #expect(cut.stderr.contains("-: byte "), "\(cut.stderr)")
        let twice = try ScrubProcess.run(
            ["run", "--input", "-", "--input", "-", "--out", "out", "--quiet"], in: dir.url, stdinBytes: Data(gzip))
        #expect(twice.status == 78, "\(twice.stderr)")
        #expect(twice.stderr.contains("standard input"))
    }

    @Test("consent columns with standard input read alone are placed from its header: the outputs of the file named")
    func consentWithStandardInput() throws {
        let dir = try TemporaryDirectory()
        // Every consent date of the sample read as consent, so that consent regions are decided by it.
        let section = "consent:\n  columns: {timestamp: created_at}\nreport:\n  group_by: [source]\n"
        let named = try samplePipeline(in: dir, adding: section, name: "named.yaml")
        let piped = try samplePipeline(in: dir, adding: section, name: "stdin.yaml", standardInput: true)
        let file = try ScrubProcess.run(["run", named, "--out", dir.path("file"), "--quiet"])
        let result = try ScrubProcess.run(
            ["run", piped, "--out", dir.path("piped"), "--quiet"],
            stdinBytes: try Data(contentsOf: URL(fileURLWithPath: "SampleData/leads.csv.gz")))
        #expect(file.status == 0 && result.status == 0, "\(file.stderr)\(result.stderr)")
        #expect(try gunzip(file: dir.path("piped/clean.csv.gz")) == (try gunzip(file: dir.path("file/clean.csv.gz"))))
        // Rejects name their input: `-` for standard input.
        func rejects(_ path: String) throws -> [[[UInt8]]] {
            let file = try readAll(ByteReader(path: path))
            let column = try #require(file.header.firstIndex(of: Array("input_file".utf8)))
            return file.records.map { record in record.enumerated().filter { $0.offset != column }.map(\.element) }
        }
        #expect(try rejects(dir.path("piped/rejects.csv.gz")) == (try rejects(dir.path("file/rejects.csv.gz"))))
        func counts(_ path: String) throws -> NSDictionary {
            let report =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
            return report.filter { ["rejected_by_reason", "compliance", "groups", "clean"].contains($0.key) }
                as NSDictionary
        }
        #expect(try counts(dir.path("piped/report.json")) == (try counts(dir.path("file/report.json"))))
        let report =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: dir.path("piped/report.json")))) as! [String: Any]
        let reasons = report["rejected_by_reason"] as? [String: Int] ?? [:]
        #expect(reasons["NO_CONSENT", default: 0] < 32, "the consent dates count: \(reasons)")
        #expect(
            !((report["warnings"] as? [String]) ?? []).contains { $0.contains("names no consent columns") },
            "\(report["warnings"] ?? "")")
    }

    @Test("a consent column standard input's header lacks is refused naming the pipeline's place, nothing published")
    func consentColumnMissingFromStandardInput() throws {
        let dir = try TemporaryDirectory()
        let piped = try samplePipeline(
            in: dir, adding: "consent:\n  columns: {timestamp: consented_on}\n", name: "stdin.yaml",
            standardInput: true)
        let result = try ScrubProcess.run(
            ["run", piped, "--out", dir.path("out"), "--quiet"],
            stdinBytes: try Data(contentsOf: URL(fileURLWithPath: "SampleData/leads.csv.gz")))
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("stdin.yaml:") && result.stderr.contains("`consented_on`"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/clean.csv.gz")))
    }
}
