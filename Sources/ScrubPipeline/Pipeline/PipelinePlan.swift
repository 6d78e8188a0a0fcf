import CallingWindows
import Foundation
import ScrubIO
import ScrubIndex
import ScrubRules

/// A pipeline resolved and checked against the file system, ready to run.
///
/// Resolution finds every configuration mistake before a row is read: missing files, unknown
/// columns, bad dates, stale registries. Relative paths in a pipeline file are taken from the
/// file's own folder, so a cron job can run it from anywhere; paths given as flags from the
/// current folder.
public struct PipelinePlan {
    public struct Columns: Sendable, Equatable {
        public var header: [String]
        /// `phone_column`'s columns in priority order: one, or several when a lead has several numbers
        /// (each decided on its own, ``LeadNumbers``).
        public var phones: [Int]
        public var country: Int? = nil
        public var state: Int? = nil
        public var postcode: Int? = nil
        /// `person_column`: the lead's person key (a CRM contact id), for opt-outs that bind a person.
        public var person: Int? = nil
        /// `report.group_by`: the columns the report counts by, in the pipeline's order.
        public var groupBy: [Int] = []

        /// The first phone column: the only one, unless the lead has several numbers.
        public var phone: Int { phones[0] }
        /// Whether `phone_column` names several columns.
        public var hasSeveralPhones: Bool { phones.count > 1 }
        /// The names of the phone columns, in priority order.
        package var phoneNames: [String] { phones.map { header[$0] } }
    }

    public var name: String
    public var pipelinePath: String?
    public var inputs: [String]
    public var delimiter: UInt8?
    /// The delimiter found in the first named input's header when `delimiter` is auto.
    public var detectedDelimiter: UInt8?
    /// How the clean and rejects outputs are written (`output.format`, `delimiter`, `bom`).
    public var output = OutputSettings()
    public var columns: Columns
    /// The configured column names, for standard input's header (read only by the run).
    public var columnNames: ColumnNames?
    /// The pipeline's `consent` section, for standard input's header (``placed(forHeader:of:)``).
    var consentSection: PipelineDefinition.Consent?
    public var defaultCountry: String
    /// The pipeline's own country and state spellings (`country_values`, `state_values`).
    public var placeValues = PlaceValues.builtIn
    public var outputDirectory: String
    public var compressionLevel: Int
    public var auditLog: String
    public var registries: [NumberList]
    public var suppressionLists: [NumberList]
    public var campaignDate: LocalDate
    public var purpose: String
    /// The call channel the rules were narrowed to (`campaign.channel`, `--channel`).
    public var channel: CallChannel = .voice
    public var rejectWithoutWindow: Bool
    public var allowStale: Bool
    /// Registries used although stale, with their age in days (only with `allowStale`).
    public var staleRegistries: [(name: String, ageDays: Int)]
    public var normalizer: NumberNormalizing
    public var windows: CallingWindowAnnotating?
    /// Consent, registry exemptions and frequency caps, for ``RowDecider``.
    public var compliance = RowCompliance()
    /// Whether clean rows get the `exemption` column: some registry allows an exemption.
    public var writesExemptionColumn = false
    /// The opt-out journal behind a suppression index, and how far the index is behind it.
    public var journal: JournalCheck?
    /// What the contact history read, when the pipeline has one.
    public var historyFacts: HistoryFacts?
    /// The operator's emergencies file (`emergencies: FILE`), when the pipeline names one.
    public var emergenciesFile: String?

    /// The country of national-format numbers when a pipeline names none: `run`'s and `normalize`'s.
    public static let standardDefaultCountry = "US"

    /// The call purposes the bundled rules declare (see `calling-rules.yaml`).
    public static let purposes = ["telemarketing", "telemarketing-consented", "research"]

    /// A path from the pipeline file, taken from the file's folder; one from a flag, as given.
    static func resolvedPath(_ value: PipelineDefinition.Located<String>, in definition: PipelineDefinition) -> String {
        if value.location.hasPrefix("--") || value.value.hasPrefix("/") || value.value == "-" { return value.value }
        let base = definition.path.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path } ?? "."
        return URL(fileURLWithPath: value.value, relativeTo: URL(fileURLWithPath: base + "/")).path
    }

    /// Where a pipeline's audit log is, known even when the rest of the pipeline does not resolve,
    /// so a run refused at start (a stale registry, a missing file) is audited too.
    public static func auditLogPath(_ definition: PipelineDefinition, overrides: PipelineDefinition) -> String? {
        if let log = overrides.auditLog ?? definition.auditLog { return resolvedPath(log, in: definition) }
        guard let output = overrides.outputDirectory ?? definition.outputDirectory else { return nil }
        return URL(fileURLWithPath: resolvedPath(output, in: definition)).deletingLastPathComponent()
            .appendingPathComponent("audit.jsonl").path
    }

    /// Where a pipeline's output folder is, known even when the rest of the pipeline does not resolve,
    /// so a refused run still updates the folder's status file.
    public static func outputDirectoryPath(_ definition: PipelineDefinition, overrides: PipelineDefinition) -> String? {
        (overrides.outputDirectory ?? definition.outputDirectory).map { resolvedPath($0, in: definition) }
    }

    /// Merges `overrides` (from flags) over `definition` and checks everything.
    public static func resolve(
        _ definition: PipelineDefinition, overrides: PipelineDefinition, environment: PipelineEnvironment
    ) throws(PipelineError) -> PipelinePlan {
        func path(_ value: PipelineDefinition.Located<String>) -> String { resolvedPath(value, in: definition) }
        func pick<T>(_ key: KeyPath<PipelineDefinition, T?>) -> T? {
            overrides[keyPath: key] ?? definition[keyPath: key]
        }
        let where0 = definition.path ?? "command line"

        let inputs = (overrides.inputs.isEmpty ? definition.inputs : overrides.inputs)
        guard !inputs.isEmpty else {
            throw PipelineError(.configuration, "no input files: set `input.files` or pass --input", at: where0)
        }
        if let second = inputs.filter({ $0.value == "-" }).dropFirst().first {
            throw PipelineError(
                .configuration, "standard input (`-`) can be read only once in a run", at: second.location)
        }
        for input in inputs where input.value != "-" && !FileManager.default.fileExists(atPath: path(input)) {
            throw PipelineError(.missingInput, "input file not found: \(path(input))", at: input.location)
        }
        guard let output = pick(\.outputDirectory) else {
            throw PipelineError(.configuration, "no output folder: set `output.directory` or pass --out", at: where0)
        }
        // Level 1 by default: measured (docs/benchmarks.md, "Gzip backends"), zlib's level 6 takes
        // four times as long for files 19% smaller, and the outputs are working files for a dialler.
        let level = pick(\.compressionLevel) ?? .init(value: 1, location: where0)
        guard (0...9).contains(level.value) else {
            throw PipelineError(
                .configuration, "compression level must be 0 to 9, not \(level.value)", at: level.location)
        }
        let country = pick(\.defaultCountry) ?? .init(value: standardDefaultCountry, location: where0)
        guard country.value.count == 2, country.value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw PipelineError(
                .configuration, "default country must be an ISO 3166 code such as US or GB, not `\(country.value)`",
                at: country.location)
        }
        let purpose = pick(\.purpose) ?? .init(value: "telemarketing", location: where0)
        guard purposes.contains(purpose.value) else {
            throw PipelineError(
                .configuration,
                "unknown purpose `\(purpose.value)`; expected one of: \(purposes.joined(separator: ", "))",
                at: purpose.location)
        }
        var channel = CallChannel.voice
        if let text = pick(\.channel) {
            guard let named = CallChannel(rawValue: text.value) else {
                throw PipelineError(
                    .configuration, "unknown channel `\(text.value)`; expected one of: \(CallChannel.names)",
                    at: text.location)
            }
            channel = named
        }
        let dateText = pick(\.campaignDate) ?? .init(value: "today", location: where0)
        let campaignDate: LocalDate
        switch dateText.value {
        case "today": campaignDate = environment.today()
        case "tomorrow": campaignDate = environment.today().adding(days: 1)
        default:
            guard let date = LocalDate(dateText.value) else {
                throw PipelineError(
                    .configuration, "campaign date `\(dateText.value)` is not YYYY-MM-DD, today or tomorrow",
                    at: dateText.location)
            }
            campaignDate = date
        }
        var delimiter: UInt8?
        if let text = pick(\.delimiter) { delimiter = try OutputSettings.delimiter(text, key: "delimiter") }
        let outputSettings = try resolveOutputSettings(definition, overrides: overrides)

        let phoneColumns = overrides.phoneColumns.isEmpty ? definition.phoneColumns : overrides.phoneColumns
        let columnNames = ColumnNames(
            phones: phoneColumns.isEmpty ? [.init(value: "phone", location: where0)] : phoneColumns,
            country: pick(\.countryColumn), state: pick(\.stateColumn), postcode: pick(\.postcodeColumn),
            person: pick(\.personColumn), groupBy: definition.reportGroupBy)
        let (columns, detectedDelimiter) = try readColumns(
            inputs: inputs.map { (path($0), $0.location) }, delimiter: delimiter, names: columnNames)

        let allowStale = pick(\.allowStale)?.value ?? false
        var registries: [NumberList] = []
        var stale: [(String, Int)] = []
        for entry in overrides.registries.isEmpty ? definition.registries : overrides.registries {
            let list = try openList(
                path(entry), location: entry.location, environment: environment, plainAllowed: false)
            // A litigator list has no legal maximum age (the report shows its age); a registry has.
            if list.info.kind != .litigator, let snapshot = list.info.snapshotDate.flatMap(LocalDate.init),
                let maxAge = list.info.maxAgeDays
            {
                let age = campaignDate.dayNumber - snapshot.dayNumber
                if age > maxAge {
                    guard allowStale else {
                        throw PipelineError(
                            .staleRegistry,
                            "registry \(list.info.name) (snapshot \(snapshot)) is stale by \(age - maxAge) day(s) for "
                                + "campaign date \(campaignDate): its maximum age is \(maxAge) days. Download a newer "
                                + "snapshot and rebuild the index, or pass --allow-stale (recorded in the audit trail)",
                            at: entry.location)
                    }
                    stale.append((list.info.name, age))
                }
            }
            registries.append(list)
        }
        var suppression: [NumberList] = []
        for entry in overrides.suppressionLists.isEmpty ? definition.suppressionLists : overrides.suppressionLists {
            let list = try openList(
                path(entry), location: entry.location, environment: environment, plainAllowed: true,
                defaultCountry: country.value)
            guard list.info.kind != .litigator else {
                throw PipelineError(
                    .configuration,
                    "\(path(entry)) is the litigator list \(list.info.name): list it under `registries:`, where it "
                        + "rejects LITIGATOR and ranks before the Do-Not-Call registries", at: entry.location)
            }
            suppression.append(list)
        }

        let windows: CallingWindowAnnotating?
        do {
            windows = try environment.windows(campaignDate, purpose.value, pick(\.companyRules).map(path))?
                .restricted(to: channel)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(.configuration, "\(error)", at: pick(\.companyRules)?.location ?? where0)
        }

        let outputPath = path(output)
        let audit = auditLogPath(definition, overrides: overrides)!
        var plan = PipelinePlan(
            name: pick(\.name)?.value
                ?? (definition.path.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
                    ?? "adhoc"),
            pipelinePath: definition.path, inputs: inputs.map(path), delimiter: delimiter, columns: columns,
            defaultCountry: country.value, outputDirectory: outputPath, compressionLevel: level.value,
            auditLog: audit, registries: registries, suppressionLists: suppression, campaignDate: campaignDate,
            purpose: purpose.value, rejectWithoutWindow: pick(\.rejectWithoutWindow)?.value ?? false,
            allowStale: allowStale, staleRegistries: stale, normalizer: environment.normalizer, windows: windows)
        plan.columnNames = columnNames
        plan.output = outputSettings
        plan.detectedDelimiter = detectedDelimiter
        plan.placeValues = PlaceValues(countries: definition.countryValues, states: definition.stateValues)
        plan.channel = channel
        try plan.resolveCompliance(definition, overrides: overrides, environment: environment)
        if let file = pick(\.emergencies) {
            guard FileManager.default.fileExists(atPath: path(file)) else {
                throw PipelineError(.missingInput, "emergencies file not found: \(path(file))", at: file.location)
            }
            plan.compliance.emergencies = try EmergencyBanFile.load(path: path(file))
            plan.emergenciesFile = path(file)
        }
        let reassigned = overrides.reassignedFiles.isEmpty ? definition.reassignedFiles : overrides.reassignedFiles
        for file in reassigned where !FileManager.default.fileExists(atPath: path(file)) {
            throw PipelineError(
                .missingInput, "reassigned-numbers answers file not found: \(path(file))", at: file.location)
        }
        if !reassigned.isEmpty {
            plan.compliance.reassigned = try ReassignedNumbersFile.load(paths: reassigned.map(path))
        }
        let lineTypes = overrides.lineTypeFiles.isEmpty ? definition.lineTypeFiles : overrides.lineTypeFiles
        for file in lineTypes where !FileManager.default.fileExists(atPath: path(file)) {
            throw PipelineError(.missingInput, "line-type data file not found: \(path(file))", at: file.location)
        }
        if !lineTypes.isEmpty, let asOf = (pick(\.lineTypesAsOf)).flatMap({ LocalDate($0.value) }) {
            plan.compliance.lineTypes = LineTypes.Stage(
                table: try LineTypesFile.load(paths: lineTypes.map(path), asOf: asOf))
        }
        plan.compliance.channel = channel
        if overrides.registries.isEmpty {
            plan.compliance.litigatorGrading = try litigatorGrading(
                definition.registryMinGrades, registries: registries, paths: definition.registries.map(path))
        }
        return plan
    }

    /// The grades and thresholds of the litigator lists given a `min_grade`, by position: each list's
    /// `INDEX.grades` (from `registry build --grade-column`), refused when missing or from another build.
    static func litigatorGrading(
        _ minGrades: [PipelineDefinition.Located<Int>?], registries: [NumberList], paths: [String]
    ) throws(PipelineError) -> [Int: LitigatorRule.Grading] {
        var grading: [Int: LitigatorRule.Grading] = [:]
        for (position, minGrade) in minGrades.enumerated() {
            guard let minGrade, position < registries.count else { continue }
            let list = registries[position]
            guard list.info.kind == .litigator else {
                throw PipelineError(
                    .configuration,
                    "`min_grade` applies to a litigator list; \(list.info.name) is a \(list.info.kind.rawValue)",
                    at: minGrade.location)
            }
            guard (0...255).contains(minGrade.value) else {
                throw PipelineError(.configuration, "`min_grade` must be 0 to 255", at: minGrade.location)
            }
            let gradesPath = paths[position] + GradeTable.fileSuffix
            guard FileManager.default.fileExists(atPath: gradesPath) else {
                throw PipelineError(
                    .missingInput,
                    "\(gradesPath) not found: `min_grade` needs the list built with `registry build --grade-column`",
                    at: minGrade.location)
            }
            let table: GradeTable
            do {
                table = try GradeTable.read(path: gradesPath, boundTo: list.info.sha256, name: list.info.name)
            } catch {
                throw PipelineError(.badData, "\(error)", at: minGrade.location)
            }
            grading[position] = .init(table: table, minGrade: minGrade.value)
        }
        return grading
    }

    /// The configured column names, kept so standard input's header is checked when it is read.
    public struct ColumnNames {
        var phones: [PipelineDefinition.Located<String>]
        var country: PipelineDefinition.Located<String>?
        var state: PipelineDefinition.Located<String>?
        var postcode: PipelineDefinition.Located<String>?
        var person: PipelineDefinition.Located<String>?
        package var groupBy: [PipelineDefinition.Located<String>] = []

        /// The configured columns' positions in `header`.
        func find(in header: [String]) throws(PipelineError) -> Columns {
            func find(_ column: PipelineDefinition.Located<String>?) throws(PipelineError) -> Int? {
                guard let column else { return nil }
                guard let index = header.firstIndex(of: column.value) else {
                    throw PipelinePlan.missingColumn(column, header: header)
                }
                return index
            }
            var columns = Columns(
                header: header, phones: [], country: try find(country), state: try find(state),
                postcode: try find(postcode), person: try find(person))
            for phone in phones {
                let index = try find(phone) ?? 0
                guard !columns.phones.contains(index) else {
                    throw PipelineError(
                        .configuration, "phone column `\(phone.value)` is named twice in `phone_column`",
                        at: phone.location)
                }
                columns.phones.append(index)
            }
            for column in groupBy {
                let index = try find(column) ?? 0
                try checkGroupable(
                    column, isPhone: columns.phones.contains(index), isPerson: index == columns.person)
                columns.groupBy.append(index)
            }
            return columns
        }
    }

    /// Whether the only input is standard input, whose header, and so the columns, are known only
    /// once the run reads it.
    package var readsStandardInputAlone: Bool { columns.header.isEmpty && inputs.allSatisfy { $0 == "-" } }

    /// The plan for standard input read alone, its header read: the configured columns, the consent
    /// columns among them, found in it (``readsStandardInputAlone``).
    public func placed(forHeader header: [String], of input: String) throws(PipelineError) -> PipelinePlan {
        var placed = self
        placed.columns = try columns(forHeader: header, of: input)
        if let section = consentSection { placed.compliance.consent = try placed.consentPolicy(section) }
        return placed
    }

    /// The columns of an input whose header is known only once it is read (standard input): the same
    /// header as the named inputs', or, read alone, one that holds the configured columns.
    public func columns(forHeader header: [String], of input: String) throws(PipelineError) -> Columns {
        if inputs.contains(where: { $0 != "-" }) {
            guard header == columns.header else {
                throw PipelineError(
                    .badData,
                    "\(input) has a different header from \(inputs.first { $0 != "-" }!); inputs of one run "
                        + "must share their columns", at: input)
            }
            return columns
        }
        guard let columnNames else { return columns }
        return try columnNames.find(in: header)
    }

    /// Reads each input's header and finds the configured columns; every input must share one header.
    private static func readColumns(
        inputs: [(path: String, location: String)], delimiter: UInt8?, names columnNames: ColumnNames
    ) throws(PipelineError) -> (Columns, detectedDelimiter: UInt8?) {
        var header: [String]?
        var detected: UInt8?
        for input in inputs where input.path != "-" {
            let fields: [String]
            do {
                let reader = try CSVReader(source: ByteReader(path: input.path), options: .init(delimiter: delimiter))
                fields = reader.header.texts
                detected = detected ?? reader.dialect.delimiter
            } catch {
                throw PipelineError(.badData, error.description, at: input.location)
            }
            if let header, header != fields {
                throw PipelineError(
                    .configuration,
                    "\(input.path) has a different header from \(inputs[0].path); inputs of one run "
                        + "must share their columns", at: input.location)
            }
            header = fields
        }
        // Standard input alone: its columns are found when its header is read (`columns(forHeader:of:)`).
        guard let header else { return (Columns(header: [], phones: [0]), nil) }
        return (try columnNames.find(in: header), detected)
    }

    /// The error for a configured column the input header does not have.
    ///
    /// It goes to the audit log, which is never erased: the header is quoted only when no field of it
    /// looks like lead data (a header-less file's first row holds a lead's name and number).
    static func missingColumn(_ column: PipelineDefinition.Located<String>, header: [String]) -> PipelineError {
        if let data = header.firstIndex(where: HeaderField.looksLikeData) {
            return PipelineError(
                .configuration,
                "column `\(column.value)` is not in the input header, and the first row looks like data, not a "
                    + "header (field \(data + 1) of \(header.count) holds a phone number or an email address): the "
                    + "file seems to have no header; add a header row naming its columns",
                at: column.location)
        }
        return PipelineError(
            .configuration,
            "column `\(column.value)` is not in the input header (columns: \(header.joined(separator: ", ")))",
            at: column.location)
    }

    static func openList(
        _ path: String, location: String, environment: PipelineEnvironment, plainAllowed: Bool,
        defaultCountry: String = "US"
    ) throws(PipelineError) -> NumberList {
        guard FileManager.default.fileExists(atPath: path) else {
            throw PipelineError(.missingInput, "list not found: \(path)", at: location)
        }
        if environment.isIndexFile(path) {
            let list: NumberList
            do {
                list = try environment.openIndex(path)
            } catch {
                throw PipelineError(.badData, "\(error)", at: location)
            }
            let today = IndexMetadata.todayUTC(environment.now())
            if let snapshot = list.info.snapshotDate, IndexMetadata.isInFuture(snapshot, today: today) {
                throw PipelineError(
                    .badData,
                    "\(path): \(list.info.kind.rawValue) \(list.info.name) has snapshot date \(snapshot), after today "
                        + "(\(today) UTC, with \(IndexMetadata.futureGraceDays) day's grace): it would look fresh until "
                        + "then. Rebuild it with the date the snapshot was taken", at: location)
            }
            return list
        }
        guard plainAllowed else {
            throw PipelineError(
                .configuration, "\(path) is not a registry index file; build one with `scrub registry build`",
                at: location)
        }
        do {
            return try PlainListLoader(normalizer: environment.normalizer, defaultCountry: defaultCountry).load(path)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(.badData, "\(error)", at: location)
        }
    }
}
