import CallingWindows
import Foundation
import ScrubIO
import ScrubKit
import ScrubPipeline
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

/// Writes `text` gzipped to `path`.
private func writeGzip(_ text: String, to path: String) throws {
    let file = try OutputFile(path: path, permissions: 0o644)
    let gzip = GzipSink(writingTo: file)
    try gzip.write(Array(text.utf8))
    try gzip.finish()
    try file.commit()
}

/// Writes `rows` US leads (quoted names with commas, numbers repeating now and then), gzipped.
private func writeManyLeads(_ rows: Int, to path: String) throws {
    var text = "id,name,phone,country\n"
    for i in 0..<rows { text += "\(i),\"Name, \(i)\",+1 212 555 \(1000 + (i * 7919) % 9000),US\n" }
    try writeGzip(text, to: path)
}

/// Reads a gzipped CSV output back as records.
private func readOutput(_ path: String) throws -> CSVReadResult {
    try readAll(ByteReader(path: path))
}

private let leads = """
    id,name,phone,country
    1,Ann,(212) 555-0101,US
    2,Bob,+1 415 555 0100,US
    3,Cy,+1 415 555 0101,US
    4,Di,,US
    5,Ed,n/a,US
    6,Flo,+999 1234 5678,US
    7,Gus,212.555.0101,US
    8,"Hal, Jr.",+44 20 7946 0123,GB
    9,broken row
    10,Ivy,+33 1 99 00 12 34,FR

    """

private func environment(lists: [String: NumberList] = [:]) -> PipelineEnvironment {
    PipelineEnvironment(
        normalizer: TestNormalizer(),
        openIndex: { path in lists[URL(fileURLWithPath: path).lastPathComponent]! },
        isIndexFile: { path in lists[URL(fileURLWithPath: path).lastPathComponent] != nil },
        windows: { _, _, _ in TestWindows(closedRegions: ["FR"]) },
        today: { LocalDate("2026-11-29")! })
}

private func flags(_ dir: TemporaryDirectory, registries: [String] = [], allowStale: Bool = false) -> PipelineDefinition
{
    var flags = PipelineDefinition()
    flags.inputs = [.init(value: dir.path("leads.csv.gz"), location: "--input")]
    flags.outputDirectory = .init(value: dir.path("out"), location: "--out")
    flags.countryColumn = .init(value: "country", location: "--country-column")
    flags.campaignDate = .init(value: "2026-12-01", location: "--campaign-date")
    flags.registries = registries.map { .init(value: dir.path($0), location: "--registry") }
    if allowStale { flags.allowStale = .init(value: true, location: "--allow-stale") }
    return flags
}

@Suite("Scrub run")
struct ScrubRunTests {
    let registry = testList(
        "us-dnc", kind: .registry, regions: ["US"], snapshot: "2026-11-25", maxAge: 31, numbers: [14155550101])

    func makeRun(_ dir: TemporaryDirectory) throws -> ScrubRun {
        try writeGzip(leads, to: dir.path("leads.csv.gz"))
        try Data("x".utf8).write(to: dir.url.appendingPathComponent("us-dnc.idx"))
        try Data("+14155550100\n".utf8).write(to: dir.url.appendingPathComponent("optouts.txt"))
        var overrides = flags(dir, registries: ["us-dnc.idx"])
        overrides.suppressionLists = [.init(value: dir.path("optouts.txt"), location: "--suppression")]
        let plan = try PipelinePlan.resolve(
            PipelineDefinition(), overrides: overrides, environment: environment(lists: ["us-dnc.idx": registry]))
        return ScrubRun(plan: plan)
    }

    @Test("every input row lands in exactly one output, fields byte for byte, with its reason")
    func conservation() throws {
        let dir = try TemporaryDirectory()
        let result = try makeRun(dir).run()
        let clean = try readOutput(dir.path("out/clean.csv.gz"))
        let rejects = try readOutput(dir.path("out/rejects.csv.gz"))
        #expect(result.report.rowsIn == 10)
        #expect(clean.records.count + rejects.records.count == 10)
        #expect(
            clean.header.map { String(decoding: $0, as: UTF8.self) }
                == ["id", "name", "phone", "country"] + ScrubRun.cleanColumns + [ScrubRun.localWindowsColumn])
        #expect(clean.records.map { String(decoding: $0[0], as: UTF8.self) } == ["1", "8"])
        #expect(clean.records[1][1] == Array("Hal, Jr.".utf8))
        #expect(clean.records[0][4] == Array("+12125550101".utf8))
        let reasons = Dictionary(
            uniqueKeysWithValues: rejects.records.map {
                (String(decoding: $0[0], as: UTF8.self), String(decoding: $0[4], as: UTF8.self))
            })
        #expect(
            reasons == [
                "2": "SUPPRESSED", "3": "DNC_REGISTRY", "4": "MISSING_NUMBER", "5": "INVALID_NUMBER",
                "6": "UNSUPPORTED_REGION", "7": "DUPLICATE", "": "MALFORMED_ROW",
                "10": "NO_CONSENT",  // FR needs prior consent from 2026-08-11 and no row shows any
            ])
        let malformed = rejects.records.first { $0[4] == Array("MALFORMED_ROW".utf8) }!
        // raw_record, then next_callable_at.
        #expect(malformed[malformed.count - 2] == Array("9,broken row".utf8), "a malformed row keeps its raw bytes")
        #expect(malformed.last == [], "and no next_callable_at")
        #expect(result.report.rejectedByList["registry us-dnc (snapshot 2026-11-25)"] == 1)
    }

    @Test("the report says where the CPU time went, stage by stage")
    func cpuStages() throws {
        let dir = try TemporaryDirectory()
        let timings = try makeRun(dir).run().report.timings
        #expect(
            Set(timings.cpuSeconds.keys) == ["inflate", "parse", "decide", "write", "sequencer", "compress", "other"])
        #expect(timings.cpuSeconds.values.allSatisfy { $0 >= 0 && $0 < 60 })
        #expect(timings.cpuSeconds.values.reduce(0, +) > 0)
    }

    @Test("two runs of the same inputs give byte-identical outputs, created owner-only")
    func determinism() throws {
        let dir = try TemporaryDirectory()
        _ = try makeRun(dir).run()
        let first = try Data(contentsOf: dir.url.appendingPathComponent("out/clean.csv.gz"))
        let firstRejects = try Data(contentsOf: dir.url.appendingPathComponent("out/rejects.csv.gz"))
        _ = try makeRun(dir).run()
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("out/clean.csv.gz")) == first)
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("out/rejects.csv.gz")) == firstRejects)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path("out/clean.csv.gz"))[.posixPermissions]
        #expect(mode as? Int == 0o600)
    }

    @Test("a stale registry stops the run before it starts, unless allowed")
    func staleRegistry() throws {
        let dir = try TemporaryDirectory()
        try writeGzip(leads, to: dir.path("leads.csv.gz"))
        try Data("x".utf8).write(to: dir.url.appendingPathComponent("old.idx"))
        let old = testList("old-dnc", kind: .registry, regions: ["US"], snapshot: "2026-10-01", maxAge: 31, numbers: [])
        let error = #expect(throws: PipelineError.self) {
            try PipelinePlan.resolve(
                PipelineDefinition(), overrides: flags(dir, registries: ["old.idx"]),
                environment: environment(lists: ["old.idx": old]))
        }
        #expect(error?.kind == .staleRegistry)
        #expect(error?.message.contains("stale by 30 day(s)") == true)
        let plan = try PipelinePlan.resolve(
            PipelineDefinition(), overrides: flags(dir, registries: ["old.idx"], allowStale: true),
            environment: environment(lists: ["old.idx": old]))
        let report = try ScrubRun(plan: plan).run().report
        #expect(report.allowStale)
        #expect(report.lists.first?.stale == true)
    }

    @Test("a corrupt gzip mid-file fails the run and publishes nothing")
    func corruptInputPublishesNothing() throws {
        let dir = try TemporaryDirectory()
        try writeManyLeads(20_000, to: dir.path("leads.csv.gz"))
        var bytes = [UInt8](try Data(contentsOf: dir.url.appendingPathComponent("leads.csv.gz")))
        bytes[bytes.count * 3 / 4] ^= 0xFF
        try Data(bytes).write(to: dir.url.appendingPathComponent("leads.csv.gz"))
        let plan = try PipelinePlan.resolve(PipelineDefinition(), overrides: flags(dir), environment: environment())
        #expect(throws: ScrubIOError.self) { try ScrubRun(plan: plan).run() }
        #expect(!FileManager.default.fileExists(atPath: dir.path("out")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path("out.sets")) == [])
    }

    @Test("a second run on a locked output folder is refused")
    func lock() throws {
        let dir = try TemporaryDirectory()
        let held = try OutputFolder(path: dir.path("out")).lock()
        #expect(throws: ScrubIOError.self) { _ = try makeRun(dir).run() }
        held.release()
    }
}

@Suite("Audit log")
struct AuditLogTests {
    @Test("records chain; an edited or deleted record is found by line")
    func chain() throws {
        let dir = try TemporaryDirectory()
        let log = AuditLog(path: dir.path("audit.jsonl"))
        for run in 1...3 { try log.append(["run": .int(run), "status": .string("ok")]) }
        let intact = try log.verify()
        #expect(intact.records == 3 && intact.firstBrokenLine == nil)

        var lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n").map(String.init)
        let original = lines
        lines[1] = lines[1].replacingOccurrences(of: "\"run\":2", with: "\"run\":9")
        try (lines.joined(separator: "\n") + "\n").write(toFile: log.path, atomically: false, encoding: .utf8)
        #expect(try log.verify().firstBrokenLine == 3, "the record after the edited one no longer links")

        lines = original
        lines.remove(at: 1)
        try (lines.joined(separator: "\n") + "\n").write(toFile: log.path, atomically: false, encoding: .utf8)
        #expect(try log.verify().firstBrokenLine == 2)
    }
}

@Suite("Pipeline definitions")
struct PipelineDefinitionTests {
    func load(_ yaml: String) throws -> PipelineDefinition {
        let dir = try TemporaryDirectory()
        try yaml.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
        return try PipelineDefinition.load(path: dir.path("p.yaml"))
    }

    @Test(
        "mistakes are reported with file, line and column",
        arguments: [
            ("version: 1\ninput:\n  file: x.csv\n", "3:3", "unknown key `file`"),
            ("input:\n  files: [x]\n", "p.yaml", "missing `version`"),
            ("version: 2\n", "1:10", "version 2 is not supported"),
            ("version: 1\noutput:\n  compression_level: high\n", "3:22", "must be a whole number"),
        ])
    func errors(yaml: String, place: String, message: String) throws {
        let error = #expect(throws: PipelineError.self) { try load(yaml) }
        #expect(error?.description.contains(place) == true, "\(String(describing: error))")
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test("a bad campaign date and an unknown column are found before any row is read")
    func resolutionErrors() throws {
        let dir = try TemporaryDirectory()
        try writeGzip(leads, to: dir.path("leads.csv.gz"))
        let yaml = """
            version: 1
            input:
              files: leads.csv.gz
              phone_column: mobile
            output:
              directory: out
            campaign:
              date: 2026-13-01
            """
        try yaml.write(toFile: dir.path("p.yaml"), atomically: false, encoding: .utf8)
        let definition = try PipelineDefinition.load(path: dir.path("p.yaml"))
        let dateError = #expect(throws: PipelineError.self) {
            try PipelinePlan.resolve(definition, overrides: PipelineDefinition(), environment: environment())
        }
        #expect(
            dateError?.description.hasSuffix(
                "p.yaml:8:9: error: campaign date `2026-13-01` is not YYYY-MM-DD, today or tomorrow") == true)
        var fixed = definition
        fixed.campaignDate = .init(value: "2026-12-01", location: "--campaign-date")
        let columnError = #expect(throws: PipelineError.self) {
            try PipelinePlan.resolve(fixed, overrides: PipelineDefinition(), environment: environment())
        }
        #expect(
            columnError?.description.contains("p.yaml:4:17: error: column `mobile` is not in the input header") == true,
            "\(String(describing: columnError))")
    }
}

@Suite("HTML report")
struct HTMLReportTests {
    /// The Chromium binary, when one is installed (Debian's `chromium`).
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    func runSample(_ dir: TemporaryDirectory) throws -> String {
        try writeGzip(leads, to: dir.path("leads.csv.gz"))
        let plan = try PipelinePlan.resolve(PipelineDefinition(), overrides: flags(dir), environment: environment())
        _ = try ScrubRun(plan: plan).run()
        return try String(contentsOfFile: dir.path("out/report.html"), encoding: .utf8)
    }

    @Test("holds counts and charts, and no phone number or name")
    func noPersonalData() throws {
        let dir = try TemporaryDirectory()
        let html = try runSample(dir)
        #expect(html.contains("Rejections by reason"))
        #expect(html.contains("<svg"))
        for personal in ["555-0101", "+12125550101", "2125550101", "Hal, Jr.", "Ann", "7946"] {
            #expect(!html.contains(personal), "report.html must not hold \(personal)")
        }
        #expect(!html.contains("http://") && !html.contains("https://"), "self-contained: no network references")
    }

    @Test("renders in headless Chromium", .enabled(if: chromium != nil, "Chromium is not installed"))
    func rendersInChromium() throws {
        let dir = try TemporaryDirectory()
        _ = try runSample(dir)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1000,1600",
            "--screenshot=\(dir.path("report.png"))", "file://\(dir.path("out/report.html"))",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let size = try FileManager.default.attributesOfItem(atPath: dir.path("report.png"))[.size] as? Int ?? 0
        #expect(size > 10_000, "a rendered page, not a blank one")
        if let keep = ProcessInfo.processInfo.environment["SCRUB_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(atPath: dir.path("report.png"), toPath: keep)
        }
    }
}

@Suite("Scrub run threads")
struct ScrubRunThreadTests {
    @Test("outputs are byte-identical whatever the thread count")
    func identicalAcrossThreads() throws {
        let dir = try TemporaryDirectory()
        try writeManyLeads(30_000, to: dir.path("leads.csv.gz"))
        var outputs: [Data] = []
        for threads in [1, 2, 4] {
            let plan = try PipelinePlan.resolve(PipelineDefinition(), overrides: flags(dir), environment: environment())
            _ = try ScrubRun(plan: plan, threads: threads).run()
            outputs.append(try Data(contentsOf: dir.url.appendingPathComponent("out/clean.csv.gz")))
            outputs.append(try Data(contentsOf: dir.url.appendingPathComponent("out/rejects.csv.gz")))
        }
        #expect(outputs[0] == outputs[2] && outputs[2] == outputs[4])
        #expect(outputs[1] == outputs[3] && outputs[3] == outputs[5])
    }

    @Test("outputs decompress to the same bytes at every compression level and thread count")
    func identicalAcrossLevels() throws {
        let dir = try TemporaryDirectory()
        try writeManyLeads(20_000, to: dir.path("leads.csv.gz"))
        var decompressed: Set<[UInt8]> = []
        var compressedSizes: Set<Int> = []
        for (level, threads) in [(0, 1), (1, 2), (6, 3), (9, 1)] {
            var overrides = flags(dir)
            overrides.compressionLevel = .init(value: level, location: "--compression-level")
            let plan = try PipelinePlan.resolve(PipelineDefinition(), overrides: overrides, environment: environment())
            _ = try ScrubRun(plan: plan, threads: threads).run()
            let clean = try ByteReader(path: dir.path("out/clean.csv.gz"))
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while case let n = try chunk.withUnsafeMutableBytes({ try clean.read(into: $0) }), n > 0 {
                bytes += chunk[..<n]
            }
            decompressed.insert(bytes)
            compressedSizes.insert(clean.fileBytesRead > 0 ? Int(clean.fileBytesRead) : 0)
        }
        #expect(decompressed.count == 1)
        #expect(compressedSizes.count > 1, "the levels really differ")
        // A golden digest of the decompressed output: CI runs this test on the zlib build and on the
        // ISA-L build, so the two backends are held to the same bytes. (Changed with the
        // call_windows_local column.)
        let digest = HashingSink(MemorySink())
        try digest.write(decompressed.first!)
        try digest.finish()
        #expect(digest.digest == "164ab7594eeeec54dd04245043c3277149be385bd30293e10726a88704a3c5ab")
    }
}
