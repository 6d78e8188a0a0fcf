import ArgumentParser
import Foundation
import ScrubIndex

struct RegistryInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show an index's metadata and statistics, and check its payload checksum.",
        discussion: "Exits 65 (after printing what it can) when the payload does not match its checksum."
    )

    @Argument(help: "The index file.")
    var file: String

    @Flag(help: "Print one JSON object.")
    var json = false

    /// What `--json` prints.
    struct Info: Encodable {
        var path: String
        var payloadSHA256: String
        var metadata: IndexMetadata
        /// The regions whose numbers the list covers, derived from `metadata.regions`.
        var covers: [String]
        var statistics: IndexFile.Statistics
        var formatVersion: Int
        /// The snapshots the index was built from; null for a version 1 file made by an update.
        var chain: [SnapshotLink]?
        /// `ok`, or what is wrong with the payload.
        var verification: String
    }

    func run() throws {
        try reportingIndexErrors {
            let index = try IndexFile(path: file)
            let statistics = index.statistics()
            let damage: IndexError?
            do {
                try index.verifyChecksum()
                damage = nil
            } catch let error as IndexError {
                damage = error
            }
            let verification = damage.map { "damaged: \($0.message)" } ?? "ok"
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let info = Info(
                    path: file, payloadSHA256: index.payloadSHA256, metadata: index.metadata,
                    covers: index.metadata.coverage, statistics: statistics, formatVersion: index.formatVersion,
                    chain: index.metadata.snapshotChain, verification: verification)
                print(String(decoding: try encoder.encode(info), as: UTF8.self))
                if let damage { throw damage }
                return
            }
            let metadata = index.metadata
            var lines = [
                "\(file)",
                "  name            \(metadata.name)",
                "  kind            \(metadata.kind.rawValue)",
                "  regions         \(metadata.regions.joined(separator: " "))",
                "  covers          \(metadata.coverage.isEmpty ? "every region" : metadata.coverage.joined(separator: " "))",
                "  snapshot date   \(metadata.snapshotDate) (stale after \(metadata.maxAgeDays) days)",
                "  entries         \(statistics.entryCount)",
                "  file size       \(statistics.fileSize) bytes (\(format2(statistics.bytesPerEntry)) bytes an entry)",
                "  table           \(statistics.bucketCount) buckets, \(statistics.remainderBytes)-byte remainders, "
                    + "largest bucket \(statistics.largestBucket), \(statistics.emptyBuckets) empty",
                "  duplicates      \(metadata.duplicateKeys) merged at build",
                "  payload sha256  \(index.payloadSHA256)",
                "  verification    \(damage == nil ? "payload checksum ok" : "DAMAGED, payload checksum mismatch")",
                "  builder         \(metadata.builderVersion)",
            ]
            if let parent = metadata.parent {
                lines.append(
                    "  parent          \(parent.name) \(parent.snapshotDate), \(parent.entryCount) entries, "
                        + "payload sha256 \(parent.payloadSHA256)")
            }
            if let chain = metadata.snapshotChain {
                lines.append("  chain           " + chain.map(\.description).joined(separator: " -> "))
            } else {
                lines.append("  chain           not recorded (format version 1, made by an update)")
            }
            lines.append("  format          version \(index.formatVersion)")
            for source in metadata.sources {
                lines.append(
                    "  source          \(source.role.rawValue) \(source.name): \(source.keyLines) keys, "
                        + "\(source.invalidLines) invalid, sha256 \(source.sha256)")
            }
            print(lines.joined(separator: "\n"))
            if let damage { throw damage }
        }
    }
}

struct RegistryVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every byte of an index against its checksums and its table's structure.",
        discussion: "Exits 0 when the file is intact, 65 when it is damaged."
    )

    @Argument(help: "The index files.")
    var files: [String]

    func run() throws {
        var worst: Int32 = 0
        for file in files {
            do {
                try reportingIndexErrors {
                    let index = try IndexFile(path: file)
                    try index.verify()
                    print("\(file): ok, \(index.entryCount) entries, payload sha256 \(index.payloadSHA256)")
                }
            } catch let exit as ExitCode {
                worst = max(worst, exit.rawValue)
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
