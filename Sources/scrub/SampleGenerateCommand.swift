import ArgumentParser
import Foundation
import ScrubIO
import ScrubKit
import ScrubSample

/// `scrub sample generate`: a reproducible lead file, registry and suppression list.
struct SampleGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write DIR/leads.csv.gz, DIR/registry.txt and DIR/suppression.txt for a benchmark.",
        discussion: """
            The same options and seed give byte-identical files. Lead numbers are structurally valid for their \
            region (US CA GB AU FR DE ES IT NL IE NZ) but not reserved for fiction: use the files for benchmarks, \
            never for calling. A hit rate is the share of lead rows with a valid number in the list's regions whose \
            number is on the list. See docs/benchmarks.md.
            """
    )

    @Option(help: "Lead rows to write.")
    var rows: Int

    @Option(help: "Numbers in registry.txt.")
    var registrySize: Int

    @Option(help: "Numbers in suppression.txt.")
    var suppressionSize: Int

    @Option(help: "The seed; the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(help: "Share of leads in the registry's regions whose number is on the registry.")
    var registryHitRate: Double = 0.25

    @Option(help: "Share of leads whose number is on the suppression list.")
    var suppressionHitRate: Double = 0.02

    @Option(parsing: .upToNextOption, help: "Regions the registry covers.")
    var registryRegions: [String] = ["US"]

    @Option(parsing: .upToNextOption, help: "Regions the suppression list covers (default: all).")
    var suppressionRegions: [String] = SampleOptions.allRegions

    @Option(help: "Share of rows repeating an earlier lead.")
    var duplicateRate: Double = 0.02

    @Option(help: "Share of rows whose phone field is not a phone number.")
    var invalidRate: Double = 0.02

    @Option(help: "Share of rows with an empty phone field.")
    var emptyRate: Double = 0.02

    @Option(help: "Gzip level of leads.csv.gz (0-9).")
    var compressionLevel: Int = 6

    @Option(help: "The folder to write into (created if missing).")
    var out: String

    var options: SampleOptions {
        SampleOptions(
            rows: rows, registrySize: registrySize, suppressionSize: suppressionSize, seed: seed,
            registryHitRate: registryHitRate, suppressionHitRate: suppressionHitRate,
            registryRegions: registryRegions.map { $0.uppercased() },
            suppressionRegions: suppressionRegions.map { $0.uppercased() }, duplicateRate: duplicateRate,
            invalidRate: invalidRate, emptyRate: emptyRate, compressionLevel: compressionLevel)
    }

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem) }
    }

    func run() throws {
        do {
            let start = Date()
            let summary = try SampleGenerator(options: options).generate(into: out)
            print(summary.text(folder: out, seconds: Date().timeIntervalSince(start)))
        } catch let error as SampleError {
            printError(error.description)
            throw ExitCode(ExitStatus.configError)
        } catch let error as ScrubIOError {
            printError(error.description)
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}

extension SampleSummary {
    /// A few lines saying what was written.
    func text(folder: String, seconds: Double) -> String {
        func share(_ part: Int) -> String { rows == 0 ? "-" : format2(Double(part) * 100 / Double(rows)) + "%" }
        func entryShare(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "-" : format2(Double(part) * 100 / Double(whole)) + "%"
        }
        return [
            "\(folder)/leads.csv.gz: \(rows) rows, \(leadsRawBytes) bytes raw, \(leadsBytes) gzipped",
            "  \(duplicateRows) duplicates (\(share(duplicateRows))), \(invalidNumbers) invalid "
                + "(\(share(invalidNumbers))), \(emptyNumbers) empty (\(share(emptyNumbers))) phone fields",
            "\(folder)/registry.txt: \(registryEntries) numbers, \(registryLeadNumbers) of them "
                + "(\(entryShare(registryLeadNumbers, registryEntries))) lead numbers; \(registryHitRows) lead rows listed "
                + "(\(share(registryHitRows)))",
            "\(folder)/suppression.txt: \(suppressionEntries) numbers, \(suppressionLeadNumbers) of them "
                + "(\(entryShare(suppressionLeadNumbers, suppressionEntries))) lead numbers; \(suppressionHitRows) lead "
                + "rows listed (\(share(suppressionHitRows)))",
            "in \(format2(seconds)) s",
        ].joined(separator: "\n")
    }
}
