import Foundation
import ScrubIO
import ScrubSample
import ScrubTestSupport
import Testing

/// Calling codes of the regions the generator writes, for the oracle below.
private let callingCodes: [String: String] = [
    "US": "1", "CA": "1", "GB": "44", "AU": "61", "FR": "33", "DE": "49", "ES": "34", "IT": "39", "NL": "31",
    "IE": "353", "NZ": "64",
]

/// A deliberately simple reading of a phone field as the E.164 number it writes, for the generator's own
/// formats only: international forms (`+`, `00`, `0011`, `tel:`), `(0)`, trunk `0` (kept in Italy), NANP `1`.
private func oracleE164(_ field: String, region: String) -> UInt64? {
    guard let code = callingCodes[region] else { return nil }
    var text = field
    if let x = text.range(of: " x") { text = String(text[..<x.lowerBound]) }
    if text.hasPrefix("tel:") { text.removeFirst(4) }
    var digits = text.filter(\.isNumber)
    var international = text.hasPrefix("+")
    for idd in ["0011", "00"]
    where !international && digits.hasPrefix(idd) && digits.dropFirst(idd.count).hasPrefix(code) {
        digits.removeFirst(idd.count)
        international = true
    }
    var national: Substring
    if international {
        guard digits.hasPrefix(code) else { return nil }
        national = digits.dropFirst(code.count)
        if text.contains("(0)") { national = national.dropFirst() }
    } else if code == "1" {
        national = digits.count == 11 && digits.hasPrefix("1") ? digits.dropFirst() : Substring(digits)
    } else {
        national = region != "IT" && digits.hasPrefix("0") ? digits.dropFirst() : Substring(digits)
    }
    return UInt64(code + national)
}

private func lines(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
}

private func generate(
    _ options: SampleOptions, into directory: TemporaryDirectory, _ name: String = "out"
) throws
    -> SampleSummary
{
    try SampleGenerator(options: options).generate(into: directory.path(name))
}

private let small = SampleOptions(rows: 20_000, registrySize: 30_000, suppressionSize: 3_000, seed: 7)

@Suite("Sample generator")
struct SampleGeneratorTests {
    @Test("the same options and seed give byte-identical files; another seed, other files")
    func deterministic() throws {
        let directory = try TemporaryDirectory()
        let options = SampleOptions(rows: 3_000, registrySize: 2_000, suppressionSize: 500, seed: 42)
        let first = try generate(options, into: directory, "a")
        let second = try generate(options, into: directory, "b")
        #expect(first == second)
        for file in ["leads.csv.gz", "registry.txt", "suppression.txt"] {
            let a = try Data(contentsOf: directory.url.appendingPathComponent("a/\(file)"))
            let b = try Data(contentsOf: directory.url.appendingPathComponent("b/\(file)"))
            #expect(a == b, "\(file) differs between two runs with the same seed")
            #expect(!a.isEmpty)
        }
        var other = options
        other.seed = 43
        _ = try generate(other, into: directory, "c")
        for file in ["leads.csv.gz", "registry.txt", "suppression.txt"] {
            let a = try Data(contentsOf: directory.url.appendingPathComponent("a/\(file)"))
            let c = try Data(contentsOf: directory.url.appendingPathComponent("c/\(file)"))
            #expect(a != c, "\(file) is the same for seeds 42 and 43")
        }
    }

    @Test("the lead file reads back through CSVReader: header, every row, ids, regions and numbers")
    func readsBack() throws {
        let directory = try TemporaryDirectory()
        let summary = try generate(small, into: directory)
        let generator = try SampleGenerator(options: small)
        let result = try readAll(ByteReader(path: directory.path("out/leads.csv.gz")))
        #expect(result.header.map { String(decoding: $0, as: UTF8.self) } == SampleGenerator.leadColumns)
        #expect(result.malformed.isEmpty)
        #expect(result.records.count == small.rows)
        #expect(summary.rows == small.rows)
        var mismatches: [String] = []
        var quotedFields = 0
        var lineBreaks = 0
        for (row, record) in result.records.enumerated() {
            #expect(record.count == 12)
            let field = { (index: Int) in String(decoding: record[index], as: UTF8.self) }
            #expect(field(0) == String(row + 1))
            let region = field(9)
            #expect(region == generator.leadRegion(row: row))
            if field(5).contains(",") || field(1).contains("\"") { quotedFields += 1 }
            if field(5).contains("\n") { lineBreaks += 1 }
            let phone = field(3)
            if let expected = generator.leadNumber(row: row) {
                if oracleE164(phone, region: region) != expected, mismatches.count < 10 {
                    mismatches.append("row \(row + 1): \(region) '\(phone)' is not +\(expected)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
        #expect(quotedFields > small.rows / 20, "addresses with commas and names with quotes are common")
        #expect(lineBreaks > small.rows / 200, "some addresses hold a line break")
    }

    @Test("shares of duplicates, invalid and empty numbers are near their rates")
    func shares() throws {
        let directory = try TemporaryDirectory()
        let summary = try generate(small, into: directory)
        let rows = Double(small.rows)
        #expect(abs(Double(summary.duplicateRows) / rows - small.duplicateRate) < 0.005)
        #expect(abs(Double(summary.invalidNumbers) / rows - small.invalidRate) < 0.005)
        #expect(abs(Double(summary.emptyNumbers) / rows - small.emptyRate) < 0.005)
        // Every region appears, near its weight; the US is the biggest.
        let generator = try SampleGenerator(options: small)
        var perRegion: [String: Int] = [:]
        for row in 0..<small.rows { perRegion[generator.leadRegion(row: row), default: 0] += 1 }
        #expect(Set(perRegion.keys) == Set(SampleOptions.allRegions))
        #expect(abs(Double(perRegion["US"]!) / rows - 0.45) < 0.02)
    }

    @Test(
        "lists have their size, distinct numbers, and hit the asked share of leads",
        arguments: [(0.25, 0.02), (0.5, 0.1), (0.0, 1.0)])
    func hitRates(registryRate: Double, suppressionRate: Double) throws {
        let directory = try TemporaryDirectory()
        var options = small
        options.registryHitRate = registryRate
        options.suppressionHitRate = suppressionRate
        options.suppressionSize = 25_000
        let summary = try generate(options, into: directory)
        let generator = try SampleGenerator(options: options)
        let registry = try lines(directory.path("out/registry.txt"))
        let suppression = try lines(directory.path("out/suppression.txt"))
        #expect(registry.count == options.registrySize)
        #expect(suppression.count == options.suppressionSize)
        #expect(Set(registry).count == registry.count, "registry entries are distinct")
        #expect(Set(suppression).count == suppression.count, "suppression entries are distinct")
        #expect(registry.allSatisfy { $0.hasPrefix("+1") && $0.count == 12 }, "a US registry holds NANP numbers")
        let registrySet = Set(registry.map { UInt64($0.dropFirst())! })
        let suppressionSet = Set(suppression.map { UInt64($0.dropFirst())! })
        var usValid = 0
        var usListed = 0
        var valid = 0
        var suppressed = 0
        var listedOutsideUS = 0
        for row in 0..<options.rows {
            guard let number = generator.leadNumber(row: row) else { continue }
            valid += 1
            if suppressionSet.contains(number) { suppressed += 1 }
            if generator.leadRegion(row: row) == "US" {
                usValid += 1
                if registrySet.contains(number) { usListed += 1 }
            } else if registrySet.contains(number) {
                listedOutsideUS += 1
            }
        }
        #expect(listedOutsideUS == 0)
        let leadNumbers = Set((0..<options.rows).compactMap { generator.leadNumber(row: $0) })
        #expect(summary.registryLeadNumbers == registrySet.intersection(leadNumbers).count)
        #expect(summary.suppressionLeadNumbers == suppressionSet.intersection(leadNumbers).count)
        #expect(abs(Double(usListed) / Double(usValid) - registryRate) < 0.02)
        #expect(abs(Double(suppressed) / Double(valid) - suppressionRate) < 0.02)
        #expect(summary.registryHitRows == usListed)
        #expect(summary.suppressionHitRows == suppressed)
    }

    @Test(
        "options that cannot be honoured are configuration errors naming the option",
        arguments: [
            (SampleOptions(rows: -1, registrySize: 0, suppressionSize: 0), "--rows"),
            (SampleOptions(rows: 10, registrySize: 0, suppressionSize: 0, registryHitRate: 1.5), "--registry-hit-rate"),
            (
                SampleOptions(rows: 10, registrySize: 0, suppressionSize: 0, registryRegions: ["XX"]),
                "--registry-regions"
            ),
            (SampleOptions(rows: 10, registrySize: 0, suppressionSize: 0, compressionLevel: 10), "--compression-level"),
            (
                SampleOptions(rows: 1_000, registrySize: 10, suppressionSize: 1_000, registryHitRate: 1),
                "--registry-size"
            ),
            (
                SampleOptions(rows: 10, registrySize: 0, suppressionSize: 0, invalidRate: 0.6, emptyRate: 0.6),
                "--invalid-rate"
            ),
        ])
    func rejectsOptions(options: SampleOptions, flag: String) {
        do {
            _ = try SampleGenerator(options: options)
            Issue.record("expected a configuration error for \(flag)")
        } catch {
            #expect(error.description.hasPrefix("error: --"), "names the option first: \(error)")
            #expect(error.message.contains(flag), "\(error.message)")
        }
    }

    @Test("zero rows still writes a header and full-size lists")
    func empty() throws {
        let directory = try TemporaryDirectory()
        let options = SampleOptions(rows: 0, registrySize: 100, suppressionSize: 10)
        let summary = try generate(options, into: directory)
        #expect(summary.rows == 0)
        let result = try readAll(ByteReader(path: directory.path("out/leads.csv.gz")))
        #expect(result.header.count == 12)
        #expect(result.records.isEmpty)
        #expect(try lines(directory.path("out/registry.txt")).count == 100)
    }

    @Test("the index permutation is a bijection", arguments: [1, 2, 3, 17, 1_000, 4_097, 65_536])
    func permutation(size: Int) {
        let permutation = IndexPermutation(size: UInt64(size), key: 99)
        var seen = [Bool](repeating: false, count: size)
        for value in 0..<size {
            let image = Int(permutation.apply(UInt64(value)))
            #expect(image < size)
            if image < size {
                #expect(!seen[image])
                seen[image] = true
            }
        }
    }
}
