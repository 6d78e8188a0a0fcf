import Crypto
import Foundation
import ScrubTestSupport
import Testing

@testable import ScrubIndex

func parse<Parser: IndexLineParser>(_ text: String, with parser: Parser) -> LineKey {
    var parser = parser
    return Array(text.utf8).withUnsafeBytes { parser.parse(line: $0, lineNumber: 2) }
}

@Suite("Line parsers")
struct LineParserTests {
    @Test(
        "E.164 lines",
        arguments: [
            ("+14155550123", LineKey.key(14_155_550_123)),
            ("  +442071838750\t", .key(442_071_838_750)),
            ("+999999999999999", .key(999_999_999_999_999)),
            ("+1234567", .key(1_234_567)),
            ("", .skip),
            ("   ", .skip),
            ("14155550123", .invalid),
            ("+123456", .invalid),
            ("+1234567890123456", .invalid),
            ("+04155550123", .invalid),
            ("+1415555012x", .invalid),
            ("+1 4155550123", .invalid),
            ("++14155550123", .invalid),
        ])
    func e164(line: String, expected: LineKey) {
        #expect(parse(line, with: E164LineParser()) == expected)
    }

    @Test(
        "US FTC / Canada CRTC lines",
        arguments: [
            ("415,5550123", LineKey.key(14_155_550_123)),
            ("201,2000000", .key(12_012_000_000)),
            (" 999 , 9999999 ", .key(19_999_999_999)),
            ("", .skip),
            ("415,555012", .invalid),
            ("4155,550123", .invalid),
            ("115,5550123", .invalid),
            ("415,1550123", .invalid),
            ("415;5550123", .invalid),
            ("415,5550123,x", .invalid),
        ])
    func nanp(line: String, expected: LineKey) {
        #expect(parse(line, with: NANPLineParser()) == expected)
    }

    @Test("a first line that starts with a letter is a header, a later one is invalid")
    func header() {
        let parser = NANPLineParser()
        let line = Array("AreaCode,PhoneNumber".utf8)
        line.withUnsafeBytes { bytes in
            #expect(parser.parse(line: bytes, lineNumber: 1) == .skip)
            #expect(parser.parse(line: bytes, lineNumber: 2) == .invalid)
        }
    }
}

@Suite("Reading input lines")
struct KeyCollectorTests {
    static let text = "\u{FEFF}phone\r\n+14155550123\r\n\n+14155550124\nnot a number\n+442071838750\n+14155550123"

    @Test("the same keys, counts and checksum at every chunk size", arguments: [1, 2, 3, 5, 7, 13, 64, 500, 1 << 20])
    func chunkSizes(chunkSize: Int) throws {
        var collector = KeyCollector()
        try collect(
            Self.text, named: "/data/list.txt", parser: E164LineParser(), chunkSize: chunkSize, into: &collector)
        #expect(
            collector.hashes.map { KeyHash.key(ofHash: $0) } == [
                14_155_550_123, 14_155_550_124, 442_071_838_750, 14_155_550_123,
            ])
        #expect(collector.keyLines == 4)
        #expect(collector.invalidLines == 1)
        #expect(collector.invalidSamples == [KeyCollector.InvalidLine(source: "/data/list.txt", line: 5)])
        #expect(collector.sources.count == 1)
        #expect(collector.sources[0].name == "list.txt")
        #expect(collector.sources[0].sha256 == sha256Hex(Self.text))
    }

    @Test("a line longer than the read buffer is read whole")
    func longLine() throws {
        var collector = KeyCollector()
        let text = String(repeating: " ", count: 3 << 20) + "+14155550123\n+14155550124"
        try collect(text, parser: E164LineParser(), chunkSize: 1 << 19, into: &collector)
        #expect(collector.keyLines == 2)
        #expect(collector.invalidLines == 0)
    }

    @Test(
        "the invalid-line threshold",
        arguments: [
            (1, 1_000, 0.001, true),
            (2, 1_000, 0.001, false),
            (0, 0, 0.001, true),
            (5, 5, 1.0, true),
            (1, 0, 0.5, false),
        ])
    func threshold(invalid: Int, valid: Int, fraction: Double, passes: Bool) throws {
        var text = ""
        for number in 0..<valid { text += "+1415\(5_550_000 + number)\n" }
        for _ in 0..<invalid { text += "+1415x\n" }
        var collector = KeyCollector()
        try collect(text, parser: E164LineParser(), into: &collector)
        if passes {
            try collector.checkInvalidLines(maximumFraction: fraction)
        } else {
            let error = #expect(throws: IndexError.self) { try collector.checkInvalidLines(maximumFraction: fraction) }
            #expect(error?.kind == .tooManyInvalidLines)
            #expect(error?.line == valid + 1)
            #expect(error?.description.contains("--max-invalid") == true)
        }
    }

    @Test("a build with too many invalid lines fails and writes nothing")
    func failedBuildLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        var collector = KeyCollector()
        try collect("+14155550123\nbad\n", parser: E164LineParser(), into: &collector)
        let output = directory.path("out.scrubidx")
        #expect(throws: IndexError.self) {
            _ = try IndexBuilder.build(keys: collector, metadata: testMetadata(), output: output)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path).isEmpty)
    }

    @Test("an unwritable output is a cannot-create error and leaves nothing")
    func unwritableOutput() throws {
        let directory = try TemporaryDirectory()
        var collector = KeyCollector()
        collector.add(1)
        let error = #expect(throws: IndexError.self) {
            _ = try IndexBuilder.build(keys: collector, metadata: testMetadata(), output: directory.path("no/such/dir"))
        }
        #expect(error?.kind == .cannotCreate)
    }

    @Test("an index is published owner-only, with no temporary file left beside it")
    func ownerOnly() throws {
        let directory = try TemporaryDirectory()
        var collector = KeyCollector()
        collector.add(14_155_550_123)
        let output = directory.path("registry.idx")
        _ = try IndexBuilder.build(keys: collector, metadata: testMetadata(), output: output)
        let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["registry.idx"])
        #expect(try IndexFile(path: output).contains(14_155_550_123))
    }

    @Test("metadata round-trips through the file, with sources and their checksums")
    func metadataRoundTrip() throws {
        let directory = try TemporaryDirectory()
        var collector = KeyCollector()
        try collect("415,5550123\n416,5550123\n", named: "ftc.txt", parser: NANPLineParser(), into: &collector)
        var metadata = IndexMetadata(
            name: "us-ftc", kind: .registry, regions: ["US", "CA"], snapshotDate: "2026-11-01", maxAgeDays: 31)
        metadata.builderVersion = IndexMetadata.currentBuilderVersion
        let report = try IndexBuilder.build(keys: collector, metadata: metadata, output: directory.path("i"))
        let index = try IndexFile(path: directory.path("i"))
        #expect(index.metadata.name == "us-ftc")
        #expect(index.metadata.regions == ["US", "CA"])
        #expect(index.metadata.sources.map(\.name) == ["ftc.txt"])
        #expect(index.metadata.sources[0].sha256 == sha256Hex("415,5550123\n416,5550123\n"))
        #expect(index.payloadSHA256 == report.payloadSHA256)
        #expect(index.contains(14_165_550_123))
        #expect(index.metadata.isStale(on: "2026-12-02") == false)
        #expect(index.metadata.isStale(on: "2026-12-03") == true)
    }
}

func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
}
