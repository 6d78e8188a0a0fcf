import CallingWindows
import Foundation
import ScrubRules
import ScrubYAML

/// A pipeline as written in its YAML file, before any check against the file system.
///
/// Every value keeps the place it came from, so resolution can report `file:line:column` for any
/// mistake. See `Pipelines/README.md` for the reference.
public struct PipelineDefinition: Sendable {
    /// A value and where it was written.
    public struct Located<Value: Sendable>: Sendable {
        public var value: Value
        /// `file:line:column`, or `--flag` for a value given on the command line.
        public var location: String

        public init(value: Value, location: String) {
            self.value = value
            self.location = location
        }
    }

    /// One entry of `country_values` or `state_values`: a value as written and the code it means.
    public struct ValueMapEntry: Sendable {
        public var written: Located<String>
        public var code: Located<String>

        public init(written: Located<String>, code: Located<String>) {
            self.written = written
            self.code = code
        }
    }

    public static let currentVersion = 1

    public var path: String?
    public var name: Located<String>?
    public var inputs: [Located<String>] = []
    /// `phone_column`: the column holding the lead's number, or a list of columns in priority order
    /// (`[Mobile Phone, Home Phone]`), each number decided on its own; empty means `phone`.
    public var phoneColumns: [Located<String>] = []
    public var countryColumn: Located<String>?
    public var defaultCountry: Located<String>?
    public var stateColumn: Located<String>?
    /// `country_values`: a CRM's own spellings of countries, read before the built-in names.
    public var countryValues: [ValueMapEntry] = []
    /// `state_values`: a CRM's own spellings of states, provinces and territories.
    public var stateValues: [ValueMapEntry] = []
    public var postcodeColumn: Located<String>?
    /// `person_column`: the lead's person key (a CRM contact id), which opt-outs recorded for a person
    /// (`applies_to: person`) are matched on.
    public var personColumn: Located<String>?
    public var delimiter: Located<String>?
    public var outputDirectory: Located<String>?
    public var compressionLevel: Located<Int>?
    public var auditLog: Located<String>?
    /// `output.format`: `csv.gz` (the default), `csv`.
    public var outputFormat: Located<String>?
    /// `output.delimiter`: the outputs' delimiter when it is not the input's.
    public var outputDelimiter: Located<String>?
    /// `output.bom`: a UTF-8 byte order mark at the start of plain CSV outputs, for Excel.
    public var outputBOM: Located<Bool>?
    /// `output.local_windows`: whether clean rows carry `call_windows_local` (true by default).
    public var outputLocalWindows: Located<Bool>?
    /// `report.group_by`: columns whose values the report counts rows, clean and rejected by reason for.
    public var reportGroupBy: [Located<String>] = []
    public var registries: [Located<String>] = []
    public var suppressionLists: [Located<String>] = []
    public var campaignDate: Located<String>?
    public var purpose: Located<String>?
    /// `voice` (the default), `prerecorded`, `autodialed` or `sms`: the rules are narrowed to it.
    public var channel: Located<String>?
    public var rejectWithoutWindow: Located<Bool>?
    /// A file of company calling-hour rules, which can only narrow the legal windows.
    public var companyRules: Located<String>?
    public var allowStale: Located<Bool>?
    /// The exemptions each registry of the file allows, by the registry's position (`registries`
    /// entries written as `{index: ..., exemptions: [...]}`).
    public var registryExemptions: [[Located<String>]] = []
    /// A litigator list's risk threshold (`{index: ..., min_grade: N}`), by the registry's position.
    public var registryMinGrades: [Located<Int>?] = []
    /// Consent and business-relationship columns of the lead rows, and the regions needing consent.
    public var consent: Consent?
    /// The opt-out journal and the suppression index compiled from it.
    public var optOuts: OptOuts?
    /// Call logs and caps for contact-frequency limits.
    public var history: History?
    /// The operator's file of declared emergencies during which calls into an area are banned.
    public var emergencies: Located<String>?
    /// `reassigned: {files: [...]}`: answers files of the FCC Reassigned Numbers Database.
    public var reassignedFiles: [Located<String>] = []
    /// `line_types: {files: [...], as_of: DATE}`: licensed wireless-block and ported-number data.
    public var lineTypeFiles: [Located<String>] = []
    /// The day the line-type data describes.
    public var lineTypesAsOf: Located<String>?

    public init() {}

    /// Reads and checks the shape of a pipeline file: known keys only, right types, a supported version.
    public static func load(path: String) throws(PipelineError) -> PipelineDefinition {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.configuration, "cannot read the pipeline file", at: path)
        }
        let document: YAMLDocument
        do {
            document = try YAMLDocument(yaml: String(decoding: data, as: UTF8.self), file: path)
        } catch {
            throw PipelineError(.configuration, error.message, at: error.location)
        }
        guard let root = document.root else {
            throw PipelineError(.configuration, "the pipeline file is empty", at: path)
        }
        var reader = NodeReader(file: path)
        var definition = PipelineDefinition()
        definition.path = path
        try reader.read(root, into: &definition)
        return definition
    }
}

/// Walks the YAML node tree with a schema, reporting unknown keys and wrong types with their marks.
struct NodeReader {
    let file: String

    func place(_ node: YAMLNode) -> String { node.location }

    func mapping(
        _ node: YAMLNode, _ what: String
    ) throws(PipelineError) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        guard let mapping = node.mapping else {
            throw PipelineError(.configuration, "\(what) must be a mapping of keys to values", at: place(node))
        }
        return mapping
    }

    func string(_ node: YAMLNode, _ key: String) throws(PipelineError) -> PipelineDefinition.Located<String> {
        guard let scalar = node.scalar else {
            throw PipelineError(.configuration, "`\(key)` must be a single value", at: place(node))
        }
        return .init(value: scalar, location: place(node))
    }

    func strings(_ node: YAMLNode, _ key: String) throws(PipelineError) -> [PipelineDefinition.Located<String>] {
        if node.scalar != nil { return [try string(node, key)] }
        guard let sequence = node.sequence else {
            throw PipelineError(.configuration, "`\(key)` must be a value or a list of values", at: place(node))
        }
        var values: [PipelineDefinition.Located<String>] = []
        for item in sequence { values.append(try string(item, key)) }
        return values
    }

    /// A section `{files: [...]}` (`reassigned`), or `{files: [...], as_of: DATE}` when `dated`
    /// (`line_types`): its files, at least one, and the data's date, required when `dated`.
    func files(
        _ node: YAMLNode, _ section: String, dated: Bool = false
    ) throws(PipelineError) -> (files: [PipelineDefinition.Located<String>], asOf: PipelineDefinition.Located<String>?)
    {
        var files: [PipelineDefinition.Located<String>] = []
        var asOf: PipelineDefinition.Located<String>?
        let allowed = dated ? ["files", "as_of"] : ["files"]
        for entry in try mapping(node, "`\(section)`") {
            switch entry.key {
            case "files": files = try strings(entry.value, "files")
            case "as_of" where dated:
                asOf = try string(entry.value, "as_of")
                guard LocalDate(asOf!.value) != nil else {
                    throw PipelineError(
                        .configuration, "`as_of` must be a date, YYYY-MM-DD: the day the data describes",
                        at: asOf!.location)
                }
            default: throw unknown(entry.key, entry.keyNode, in: "`\(section)`", allowed: allowed)
            }
        }
        guard !files.isEmpty else {
            throw PipelineError(.configuration, "`\(section)` needs `files`: one or more files", at: place(node))
        }
        if dated, asOf == nil {
            throw PipelineError(
                .configuration, "`\(section)` needs `as_of`: the day the data describes (YYYY-MM-DD)", at: place(node))
        }
        return (files, asOf)
    }

    func int(_ node: YAMLNode, _ key: String) throws(PipelineError) -> PipelineDefinition.Located<Int> {
        guard let value = node.int else {
            throw PipelineError(.configuration, "`\(key)` must be a whole number", at: place(node))
        }
        return .init(value: value, location: place(node))
    }

    func bool(_ node: YAMLNode, _ key: String) throws(PipelineError) -> PipelineDefinition.Located<Bool> {
        guard let value = node.bool else {
            throw PipelineError(.configuration, "`\(key)` must be true or false", at: place(node))
        }
        return .init(value: value, location: place(node))
    }

    func unknown(_ key: String, _ node: YAMLNode, in section: String, allowed: [String]) -> PipelineError {
        PipelineError(
            .configuration,
            "unknown key `\(key)` in \(section); expected one of: \(allowed.joined(separator: ", "))",
            at: place(node))
    }

    mutating func read(_ root: YAMLNode, into definition: inout PipelineDefinition) throws(PipelineError) {
        let top = [
            "version", "name", "input", "output", "registries", "suppression", "campaign", "allow_stale", "consent",
            "optouts", "history", "emergencies", "reassigned", "line_types", "report",
        ]
        let entries = try mapping(root, "the pipeline")
        guard let version = entries.first(where: { $0.key == "version" }) else {
            throw PipelineError(
                .configuration, "missing `version` (this scrub reads version \(PipelineDefinition.currentVersion))",
                at: file)
        }
        let versionValue = try int(version.value, "version")
        guard versionValue.value == PipelineDefinition.currentVersion else {
            throw PipelineError(
                .configuration,
                "pipeline version \(versionValue.value) is not supported; this scrub reads version "
                    + "\(PipelineDefinition.currentVersion)", at: versionValue.location)
        }
        for entry in entries {
            switch entry.key {
            case "version": break
            case "name": definition.name = try string(entry.value, "name")
            case "input": try readInput(entry.value, into: &definition)
            case "output": try readOutput(entry.value, into: &definition)
            case "registries": try readRegistries(entry.value, into: &definition)
            case "suppression": definition.suppressionLists = try strings(entry.value, "suppression")
            case "campaign": try readCampaign(entry.value, into: &definition)
            case "allow_stale": definition.allowStale = try bool(entry.value, "allow_stale")
            case "consent": try readConsent(entry.value, into: &definition)
            case "optouts": try readOptOuts(entry.value, into: &definition)
            case "history": try readHistory(entry.value, into: &definition)
            case "emergencies": definition.emergencies = try string(entry.value, "emergencies")
            case "report":
                for report in try mapping(entry.value, "`report`") {
                    guard report.key == "group_by" else {
                        throw unknown(report.key, report.keyNode, in: "`report`", allowed: ["group_by"])
                    }
                    definition.reportGroupBy = try strings(report.value, "group_by")
                }
            case "reassigned": definition.reassignedFiles = try files(entry.value, "reassigned").files
            case "line_types":
                let section = try files(entry.value, "line_types", dated: true)
                definition.lineTypeFiles = section.files
                definition.lineTypesAsOf = section.asOf
            default: throw unknown(entry.key, entry.keyNode, in: "the pipeline", allowed: top)
            }
        }
    }

    private func readInput(_ node: YAMLNode, into definition: inout PipelineDefinition) throws(PipelineError) {
        let allowed = [
            "files", "phone_column", "country_column", "default_country", "state_column", "postcode_column",
            "delimiter", "country_values", "state_values", "person_column",
        ]
        for entry in try mapping(node, "`input`") {
            switch entry.key {
            case "files": definition.inputs = try strings(entry.value, "files")
            case "phone_column":
                definition.phoneColumns = try strings(entry.value, "phone_column")
                guard !definition.phoneColumns.isEmpty else {
                    throw PipelineError(
                        .configuration, "`phone_column` names no column: name one, or several in priority order",
                        at: place(entry.value))
                }
            case "country_column": definition.countryColumn = try string(entry.value, "country_column")
            case "default_country": definition.defaultCountry = try string(entry.value, "default_country")
            case "state_column": definition.stateColumn = try string(entry.value, "state_column")
            case "postcode_column": definition.postcodeColumn = try string(entry.value, "postcode_column")
            case "person_column": definition.personColumn = try string(entry.value, "person_column")
            case "delimiter": definition.delimiter = try string(entry.value, "delimiter")
            case "country_values": definition.countryValues = try valueMap(entry.value, "country_values", .country)
            case "state_values": definition.stateValues = try valueMap(entry.value, "state_values", .state)
            default: throw unknown(entry.key, entry.keyNode, in: "`input`", allowed: allowed)
            }
        }
    }

    private func readOutput(_ node: YAMLNode, into definition: inout PipelineDefinition) throws(PipelineError) {
        let allowed = ["directory", "compression_level", "audit_log", "format", "delimiter", "bom", "local_windows"]
        for entry in try mapping(node, "`output`") {
            switch entry.key {
            case "directory": definition.outputDirectory = try string(entry.value, "directory")
            case "compression_level": definition.compressionLevel = try int(entry.value, "compression_level")
            case "audit_log": definition.auditLog = try string(entry.value, "audit_log")
            case "format": definition.outputFormat = try string(entry.value, "format")
            case "delimiter": definition.outputDelimiter = try string(entry.value, "delimiter")
            case "bom": definition.outputBOM = try bool(entry.value, "bom")
            case "local_windows": definition.outputLocalWindows = try bool(entry.value, "local_windows")
            default: throw unknown(entry.key, entry.keyNode, in: "`output`", allowed: allowed)
            }
        }
    }

    private func readCampaign(_ node: YAMLNode, into definition: inout PipelineDefinition) throws(PipelineError) {
        let allowed = ["date", "purpose", "channel", "reject_without_window", "company_rules"]
        for entry in try mapping(node, "`campaign`") {
            switch entry.key {
            case "date": definition.campaignDate = try string(entry.value, "date")
            case "purpose": definition.purpose = try string(entry.value, "purpose")
            case "channel": definition.channel = try string(entry.value, "channel")
            case "company_rules": definition.companyRules = try string(entry.value, "company_rules")
            case "reject_without_window":
                definition.rejectWithoutWindow = try bool(entry.value, "reject_without_window")
            default: throw unknown(entry.key, entry.keyNode, in: "`campaign`", allowed: allowed)
            }
        }
    }
}
