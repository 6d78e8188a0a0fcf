import Foundation
import ScrubTestSupport
import Testing

private let run = ["run", "--input", "leads.csv", "--out", "out"]
private let generate = ["sample", "generate", "--out", "out"]
private let sizes = ["--rows", "10", "--registry-size", "10", "--suppression-size", "10"]
private let build = [
    "registry", "build", "--name", "x", "--kind", "registry", "--region", "US", "--snapshot-date", "2026-11-01",
    "--output", "x.idx", "numbers.txt",
]
private let update = [
    "registry", "update", "base.idx", "--add", "a.txt", "--snapshot-date", "2026-11-02", "--output", "y.idx",
]

/// (arguments, the option the usage error must name, whether the message must give the accepted range).
private let cases: [([String], String, Bool)] = [
    // Regression: `--threads 4611686018427387904` overflowed 2 * threads and trapped.
    (run + ["--threads", "4611686018427387904"], "--threads", true),
    (run + ["--threads", "9223372036854775807"], "--threads", true),
    (run + ["--threads", "99999999999999999999999"], "--threads", false),  // past Int: the parser's error
    (run + ["--threads=0"], "--threads", true),
    (run + ["--threads=-4"], "--threads", true),
    (run + ["--threads", "1025"], "--threads", true),
    (run + ["--compression-level", "10"], "--compression-level", true),
    (run + ["--compression-level=-1"], "--compression-level", true),
    (run + ["--compression-level", "9223372036854775807"], "--compression-level", true),
    (["inspect", "leads.csv", "--max-record-bytes", "0"], "--max-record-bytes", true),
    (["inspect", "leads.csv", "--max-record-bytes=-1"], "--max-record-bytes", true),
    (["inspect", "leads.csv", "--max-record-bytes", "9223372036854775807"], "--max-record-bytes", true),
    (generate + ["--rows=-1", "--registry-size", "1", "--suppression-size", "1"], "--rows", true),
    (generate + ["--rows", "9223372036854775807", "--registry-size", "1", "--suppression-size", "1"], "--rows", true),
    (
        generate + ["--rows", "1", "--registry-size", "4611686018427387904", "--suppression-size", "1"],
        "--registry-size", true
    ),
    (generate + ["--rows", "1", "--registry-size", "1", "--suppression-size=-7"], "--suppression-size", true),
    (generate + sizes + ["--registry-hit-rate", "1.5"], "--registry-hit-rate", true),
    (generate + sizes + ["--suppression-hit-rate", "nan"], "--suppression-hit-rate", true),
    (generate + sizes + ["--duplicate-rate", "inf"], "--duplicate-rate", true),
    (generate + sizes + ["--invalid-rate=-0.1"], "--invalid-rate", true),
    (generate + sizes + ["--empty-rate", "2"], "--empty-rate", true),
    (generate + sizes + ["--compression-level", "10"], "--compression-level", true),
    (generate + sizes + ["--seed=-1"], "--seed", false),  // UInt64: the parser's error
    (build + ["--max-age-days", "0"], "--max-age-days", true),
    (build + ["--max-age-days", "9223372036854775807"], "--max-age-days", true),
    (build + ["--max-invalid", "2"], "--max-invalid", true),
    (build + ["--max-invalid", "150%"], "--max-invalid", true),
    (build + ["--max-invalid=-0.5"], "--max-invalid", true),
    (update + ["--max-invalid", "1.01"], "--max-invalid", true),
]

@Suite("Numeric options are usage errors outside their range, never a trap")
struct OptionRangeTests {
    @Test("every numeric option out of range exits 64 naming the option", arguments: cases)
    func outOfRange(arguments: [String], option: String, namesRange: Bool) throws {
        let dir = try TemporaryDirectory()
        let result = try ScrubProcess.run(arguments, in: dir.url)
        #expect(result.status == 64, "\(arguments.joined(separator: " ")): \(result.stderr)")
        #expect(result.stderr.contains(option), "\(result.stderr)")
        if namesRange { #expect(result.stderr.contains("must be from"), "\(result.stderr)") }
    }
}

@Suite("A refused option is an audited attempt")
struct OptionRangeAuditTests {
    @Test("scrub run with --threads out of range exits 64 and its attempt is in the audit log with exit status 64")
    func refusedRunIsAudited() throws {
        let dir = try TemporaryDirectory()
        let result = try ScrubProcess.run(run + ["--threads", "4611686018427387904"], in: dir.url)
        #expect(result.status == 64, "\(result.stderr)")
        let log = try String(contentsOfFile: dir.path("audit.jsonl"), encoding: .utf8)
        let last = try #require(log.split(separator: "\n").last)
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        #expect(record["exit_status"] as? Int == 64)
        #expect((record["error"] as? String)?.contains("--threads") == true)
    }
}
