import Foundation
import ScrubIO
import ScrubKit
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

    @Test("consent columns with standard input read alone are refused with a reason, not an empty header")
    func consentWithStandardInput() throws {
        let dir = try TemporaryDirectory()
        let piped = try samplePipeline(
            in: dir, adding: "consent:\n  columns: {timestamp: created_at}\n", name: "stdin.yaml", standardInput: true)
        let result = try ScrubProcess.run(
            ["run", piped, "--out", dir.path("out"), "--quiet"],
            stdinBytes: try Data(contentsOf: URL(fileURLWithPath: "SampleData/leads.csv.gz")))
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("stdin.yaml:") && result.stderr.contains("standard input read alone"))
        #expect(!FileManager.default.fileExists(atPath: dir.path("out/clean.csv.gz")))
    }
}
