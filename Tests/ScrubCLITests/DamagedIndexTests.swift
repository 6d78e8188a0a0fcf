import Foundation
import ScrubTestSupport
import Testing

/// Issue 12, "A damaged index still answers": single flipped bits in a registry index let listed numbers
/// into clean.csv.gz with exit 0, because neither `scrub run` nor `registry lookup` compared the payload
/// with its checksum. Both must refuse (exit 65, naming the file and the damage) and answer nothing.
@Suite("scrub run and registry lookup refuse a damaged index")
struct DamagedIndexTests {
    static let registry = ScrubProcess.repositoryRoot.appendingPathComponent("SampleData/registries/us-ca-dnc.idx")

    /// A little-endian field of the index header.
    static func field(_ bytes: [UInt8], at offset: Int) -> Int {
        (0..<8).reversed().reduce(0) { $0 << 8 | Int(bytes[offset + $1]) }
    }

    /// Byte offsets across every region: header, metadata, directory, its padding, remainders, the end.
    static func damageOffsets() throws -> [Int] {
        let bytes = [UInt8](try Data(contentsOf: registry))
        let directory = field(bytes, at: 56)
        let remainders = field(bytes, at: 72)
        return [
            17, 25, 33, 90, 130, 300, directory - 1, directory, directory + 5, remainders - 1, remainders,
            remainders + 3, (remainders + bytes.count) / 2, bytes.count - 9, bytes.count - 1,
        ]
    }

    /// The sample registry with bit `offset % 8` of byte `offset` flipped, or cut to `length` bytes.
    func damagedCopy(
        in directory: TemporaryDirectory, flipping offset: Int? = nil, keeping length: Int? = nil
    )
        throws -> String
    {
        var bytes = [UInt8](try Data(contentsOf: Self.registry))
        if let offset { bytes[offset] ^= 1 << UInt8(offset % 8) }
        if let length { bytes = Array(bytes.prefix(length)) }
        let path = directory.path("damaged.idx")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func expectRefusedRun(_ path: String, _ directory: TemporaryDirectory, _ what: String) throws {
        let result = try ScrubProcess.run([
            "run", "Pipelines/sample.yaml", "--out", directory.path("out"), "--registry", path, "--quiet",
        ])
        #expect(result.status == 65, "\(what): \(result.stderr)")
        #expect(result.stderr.contains(path), "\(what): \(result.stderr)")
        #expect(result.stderr.contains("damaged") || result.stderr.contains("truncated"), "\(what): \(result.stderr)")
        for name in ["clean.csv.gz", "rejects.csv.gz", "report.json"] {
            #expect(!FileManager.default.fileExists(atPath: directory.path("out/\(name)")), "\(what): \(name)")
        }
    }

    func expectRefusedLookup(_ path: String, _ what: String) throws {
        let result = try ScrubProcess.run(["registry", "lookup", path, "+14155550123", "+12125550100"])
        #expect(result.status == 65, "\(what): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(what) answered: \(result.stdout)")
        #expect(result.stderr.contains(path), "\(what): \(result.stderr)")
    }

    @Test("the undamaged sample registry runs and answers")
    func intact() throws {
        let directory = try TemporaryDirectory()
        let path = try damagedCopy(in: directory)
        let run = try ScrubProcess.run([
            "run", "Pipelines/sample.yaml", "--out", directory.path("out"), "--registry", path, "--quiet",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lookup = try ScrubProcess.run(["registry", "lookup", path, "+14155550123"])
        #expect(lookup.status == 0, "\(lookup.stderr)")
        #expect(!lookup.stdout.isEmpty)
    }

    @Test("a run refuses an index with one flipped bit, in any region", arguments: try damageOffsets())
    func runRefusesFlippedBit(offset: Int) throws {
        let directory = try TemporaryDirectory()
        try expectRefusedRun(try damagedCopy(in: directory, flipping: offset), directory, "byte \(offset)")
    }

    @Test("lookup refuses an index with one flipped bit, in any region", arguments: try damageOffsets())
    func lookupRefusesFlippedBit(offset: Int) throws {
        let directory = try TemporaryDirectory()
        try expectRefusedLookup(try damagedCopy(in: directory, flipping: offset), "byte \(offset)")
    }

    @Test("run and lookup refuse an index cut short", arguments: [8, 255, 256, 400, 700, 901, 909])
    func truncated(length: Int) throws {
        let directory = try TemporaryDirectory()
        let path = try damagedCopy(in: directory, keeping: length)
        try expectRefusedRun(path, directory, "cut to \(length)")
        try expectRefusedLookup(path, "cut to \(length)")
    }

    @Test("registry info shows the verification result and exits 65 on a damaged payload")
    func info() throws {
        let directory = try TemporaryDirectory()
        let good = try ScrubProcess.run(["registry", "info", Self.registry.path])
        #expect(good.status == 0)
        #expect(good.stdout.contains("verification    payload checksum ok"))
        let offsets = try Self.damageOffsets()
        let path = try damagedCopy(in: directory, flipping: offsets[offsets.count - 3])
        let bad = try ScrubProcess.run(["registry", "info", "--json", path])
        #expect(bad.status == 65)
        #expect(bad.stdout.contains(#""verification":"damaged: payload checksum mismatch"#), "\(bad.stdout)")
        #expect(bad.stderr.contains("\(path): error: payload checksum mismatch"))
    }
}
