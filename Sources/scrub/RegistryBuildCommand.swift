import ArgumentParser
import ScrubIndex

struct RegistryBuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an index from a full registry or suppression list.",
        discussion: """
            Inputs may be gzipped or zip archives (detected by content; every member of a zip is read); - is \
            standard input. An input with a sha256sum-format sidecar beside it (FILE.sha256) is verified \
            against it first, and refused if it does not match. Invalid lines are counted and \
            the first few reported; the build fails when they exceed --max-invalid. Duplicates are merged. \
            The output is written under a temporary name and renamed into place. A snapshot date after \
            today (UTC) plus one day is refused as a typo.
            """
    )

    @Option(help: "The list's name, e.g. us-ftc-dnc.")
    var name: String

    @Option(help: "registry, suppression or litigator (a litigator list covers every number: no --region).")
    var kind: IndexMetadata.Kind

    @Option(
        parsing: .upToNextOption,
        help: "Regions the list is for (ISO 3166 codes), e.g. US CA; US covers its territories (PR GU VI AS MP).")
    var region: [String] = []

    @Option(help: "The day the snapshot was taken, YYYY-MM-DD.")
    var snapshotDate: String

    @Option(help: "Days after the snapshot date when it becomes stale (default: 31 US/CA, 30 AU, 28 GB).")
    var maxAgeDays: Int?

    @Option(
        help: "Input layout: e164, nanp (AAA,NNNNNNN or AAANNNNNNN), tps (UK TPS/CTPS), crtc-xml, national, csv.")
    var format: RegistryInputFormat = .e164

    @Option(help: "The column holding the numbers, for --format csv.")
    var column: String?

    @Option(
        help: """
            A litigator list's risk-grade column (--format csv): whole numbers 0-255, higher is riskier, \
            written to OUTPUT.grades for a pipeline's min_grade.
            """)
    var gradeColumn: String?

    @Option(help: "Most invalid lines allowed, as a fraction (0.001) or a percentage (0.1%).")
    var maxInvalid: InvalidLineLimit = InvalidLineLimit(fraction: 0.001)

    @Option(help: "The index file to write.")
    var output: String

    @Argument(help: "The list's files.")
    var inputs: [String]

    @OptionGroup var audit: CommandAuditOptions

    func validate() throws {
        if kind == .litigator {
            guard region.isEmpty else {
                throw ValidationError("a litigator list covers every number, whatever its region: drop --region")
            }
        } else if region.isEmpty {
            throw ValidationError("--region is required for a \(kind.rawValue): the regions the list is for")
        }
        try validateSnapshot(date: snapshotDate, regions: region, maxAgeDays: maxAgeDays)
        try OptionRanges.maxInvalid.check(maxInvalid.fraction)
        try format.validate(column: column, regions: region)
        if gradeColumn != nil {
            guard kind == .litigator, format == .csv else {
                throw ValidationError("--grade-column applies to a litigator list read with --format csv")
            }
        }
        try validateRegistryRegions(region)
    }

    func run() throws {
        try audit.audited("registry build", outputs: [output]) {
            try perform()
        }
    }

    /// The command itself, its errors printed and turned into exit codes.
    private func perform() throws {
        try reportingIndexErrors {
            var collector = KeyCollector()
            var grades: [(number: UInt64, grade: UInt8)] = []
            let sidecars = try format.read(
                inputs, role: .full, column: column, region: region.first, gradeColumn: gradeColumn, grades: &grades,
                into: &collector)
            let metadata = IndexMetadata(
                name: name, kind: kind, regions: region.map { $0.uppercased() }, snapshotDate: snapshotDate,
                maxAgeDays: maxAgeDays ?? IndexMetadata.defaultMaxAgeDays(regions: region))
            let report = try IndexBuilder.build(
                keys: collector, metadata: metadata, maxInvalidFraction: maxInvalid.fraction, output: output)
            print(report.summary(output: output))
            if gradeColumn != nil {
                let table = GradeTable(
                    grades: grades, indexSHA256: try IndexFile(path: output).verifyChecksumAndDigest())
                try table.write(to: output + GradeTable.fileSuffix)
                print("  \(table.count) graded numbers in \(output + GradeTable.fileSuffix)")
            }
            printVerified(sidecars)
        }
    }
}

extension IndexMetadata.Kind: ExpressibleByArgument {}

/// `--max-invalid`: a fraction (`0.001`) or a percentage (`0.1%`); its range is checked in `validate()`,
/// so an out-of-range value is refused with the range named.
struct InvalidLineLimit: ExpressibleByArgument {
    var fraction: Double

    init(fraction: Double) {
        self.fraction = fraction
    }

    init?(argument: String) {
        let isPercent = argument.hasSuffix("%")
        guard let value = Double(isPercent ? String(argument.dropLast()) : argument) else { return nil }
        fraction = isPercent ? value / 100 : value
    }

    var defaultValueDescription: String { "0.1%" }
}

func validateSnapshot(date: String, regions: [String], maxAgeDays: Int?) throws {
    guard IndexMetadata.isValidDate(date) else {
        throw ValidationError("--snapshot-date must be a date written YYYY-MM-DD, not '\(date)'")
    }
    for region in regions where region.count != 2 || !region.allSatisfy(\.isLetter) {
        throw ValidationError("--region takes two-letter ISO 3166 codes such as US, not '\(region)'")
    }
    try OptionRanges.maxAgeDays.check(maxAgeDays)
}

extension IndexBuilder.Report {
    func summary(output: String) -> String {
        var lines = [
            "\(output): \(entryCount) entries, \(fileSize) bytes "
                + "(\(entryCount == 0 ? "-" : String(format2(Double(fileSize) / Double(entryCount)))) bytes an entry)",
            "  \(keyLines) key lines, \(duplicateKeys) duplicates merged, \(invalidLines) invalid lines",
        ]
        if added + alreadyPresent + removed + notPresent > 0 {
            lines.append(
                "  \(added) added, \(alreadyPresent) already listed, \(removed) removed, \(notPresent) removals not listed"
            )
        }
        if !invalidSamples.isEmpty {
            lines.append("  first invalid lines: " + invalidSamples.map(\.description).joined(separator: ", "))
        }
        lines.append("  payload sha256 \(payloadSHA256)")
        return lines.joined(separator: "\n")
    }
}

/// Says which inputs were verified against a checksum sidecar.
func printVerified(_ sidecars: [String]) {
    for sidecar in sidecars {
        print("  verified against \(sidecar.split(separator: "/").last.map(String.init) ?? sidecar)")
    }
}

/// `value` with two decimals.
func format2(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(String(hundredths % 100 + 100).dropFirst())"
}
