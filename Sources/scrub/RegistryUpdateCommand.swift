import ArgumentParser
import Foundation
import ScrubIndex

struct RegistryUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Apply a day's additions and removals to an index, as a merge.",
        discussion: """
            Reads the base index's table, not its text. A number both added and removed stays listed. \
            The base is verified first. The result records the base as its parent and appends this change \
            list to its chain of snapshots. The new date must be later than the base's and not in the future; \
            --base-date says which snapshot the change list follows, and must be the base's. A change list \
            without --base-date may only extend a base that is still fresh on its date. Empty change files \
            are a dated statement that nothing changed: they are recorded, with 0 changes, in the chain. A \
            litigator list's grades (BASE.grades) are carried to OUTPUT.grades for the numbers not removed; \
            a number added has no grade until the list is rebuilt with --grade-column.
            """
    )

    @Argument(help: "The index to update.")
    var base: String

    @Option(parsing: .upToNextOption, help: "Files of numbers to add.")
    var add: [String] = []

    @Option(
        name: [.long, .customLong("delete")], parsing: .upToNextOption,
        help: "Files of numbers to remove (--delete is the same).")
    var remove: [String] = []

    @Option(help: "The new snapshot's date, YYYY-MM-DD.")
    var snapshotDate: String

    @Option(help: "The snapshot date the change list follows, YYYY-MM-DD; refused unless it is the base's.")
    var baseDate: String?

    @Option(help: "Layout of the change files: e164, nanp, tps, crtc-xml or national (zipped or not).")
    var format: RegistryInputFormat = .e164

    @Option(help: "Most invalid lines allowed, as a fraction (0.001) or a percentage (0.1%).")
    var maxInvalid: InvalidLineLimit = InvalidLineLimit(fraction: 0.001)

    @Option(help: "The index file to write.")
    var output: String

    @OptionGroup var audit: CommandAuditOptions

    func validate() throws {
        try validateSnapshot(date: snapshotDate, regions: [], maxAgeDays: nil)
        if let baseDate, !IndexMetadata.isValidDate(baseDate) {
            throw ValidationError("--base-date must be a date written YYYY-MM-DD, not '\(baseDate)'")
        }
        try OptionRanges.maxInvalid.check(maxInvalid.fraction)
        if format == .csv {
            throw ValidationError("--format csv is for builds; give updates as e164, nanp or national")
        }
        guard !add.isEmpty || !remove.isEmpty else { throw ValidationError("give --add or --remove files") }
    }

    func run() throws {
        try audit.audited("registry update", outputs: [output]) {
            try perform()
        }
    }

    /// The base's grades, when it has a grades file; refused when the file belongs to another build.
    private func baseGrades(of index: IndexFile) throws -> GradeTable? {
        let path = base + GradeTable.fileSuffix
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try GradeTable.read(path: path, boundTo: try index.verifyChecksumAndDigest(), name: base)
    }

    /// The command itself, its errors printed and turned into exit codes.
    private func perform() throws {
        try reportingIndexErrors {
            let index = try IndexFile(path: base)
            let grades = try baseGrades(of: index)
            var additions = KeyCollector()
            var sidecars = try format.read(add, role: .add, region: index.metadata.regions.first, into: &additions)
            var removals = KeyCollector()
            sidecars += try format.read(remove, role: .remove, region: index.metadata.regions.first, into: &removals)
            let removed = Set(removals.hashes)
            let report = try IndexBuilder.update(
                base: index, additions: additions, removals: removals, snapshotDate: snapshotDate,
                baseDate: baseDate, maxInvalidFraction: maxInvalid.fraction, output: output)
            print(report.summary(output: output))
            if let grades {
                let carried = grades.carried(
                    removing: removed, to: try IndexFile(path: output).verifyChecksumAndDigest())
                try carried.write(to: output + GradeTable.fileSuffix)
                print(
                    "  \(carried.count) graded numbers carried to \(output + GradeTable.fileSuffix) "
                        + "(\(grades.count - carried.count) removed); numbers added have no grade until the list is "
                        + "rebuilt with --grade-column")
            }
            printVerified(sidecars)
            if report.keyLines == 0 {
                print(
                    "  note: the change files hold no changes; the snapshot date moves to \(snapshotDate) on the "
                        + "strength of this change list alone, recorded in the index's chain")
            }
        }
    }
}
