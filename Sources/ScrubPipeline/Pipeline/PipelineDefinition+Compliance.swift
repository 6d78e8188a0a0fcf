import ScrubRules
import ScrubYAML

extension PipelineDefinition {
    /// `consent`: the lead columns that carry consent and business-relationship evidence.
    public struct Consent: Sendable {
        public var timestamp: Located<String>?
        public var evidence: Located<String>?
        public var relationshipDate: Located<String>?
        public var relationshipType: Located<String>?
        /// `current_contract`: the call relates to a current contract with the caller (France's exception).
        public var currentContract: Located<String>?
        /// `date_format`: how the section's date columns are written (default ISO 8601).
        public var dateFormat: Located<DateFormat>?
        /// A column's own `date_format`, over the section's.
        public var timestampFormat: Located<DateFormat>?
        public var relationshipDateFormat: Located<DateFormat>?
        /// Regions needing prior consent, replacing the built-in table's (`ConsentRequirement.legal`).
        public var requiredIn: [Located<String>]?
        /// Where the section was written.
        public var location: String

        public init(location: String) {
            self.location = location
        }
    }

    /// `optouts`: the opt-out journal and the suppression index compiled from it.
    public struct OptOuts: Sendable {
        public var journal: Located<String>
        public var index: Located<String>
        /// `reconsent: {approvals: 2}`: a re-consent recorded through `scrub serve` needs a second
        /// compliance key's approval before it lifts an opt-out (four eyes); nil: one key suffices.
        public var reconsentApprovals: Located<Int>?

        public init(journal: Located<String>, index: Located<String>, reconsentApprovals: Located<Int>? = nil) {
            self.journal = journal
            self.index = index
            self.reconsentApprovals = reconsentApprovals
        }
    }

    /// `history`: call logs, how to read them, and company caps.
    public struct History: Sendable {
        public var files: [Located<String>] = []
        public var numberColumn: Located<String>?
        public var timeColumn: Located<String>?
        /// `date_format`, or the time column's own: how call times are written (default ISO 8601).
        public var dateFormat: Located<DateFormat>?
        public var timeFormat: Located<DateFormat>?
        public var outcomeColumn: Located<String>?
        public var offerColumn: Located<String>?
        public var refusalCodes: [Located<String>]?
        /// The country of national-format numbers in the logs (default: the pipeline's default country).
        public var country: Located<String>?
        /// This campaign's offer, for per-offer caps.
        public var offer: Located<String>?
        public var caps: [CompanyCap] = []
        public var location: String

        public init(location: String) {
            self.location = location
        }
    }

    /// One company cap: at most `calls` calls in `hours` or `days`, optionally a pause after a refusal.
    public struct CompanyCap: Sendable {
        public var name: Located<String>?
        public var calls: Located<Int>?
        public var hours: Located<Int>?
        public var days: Located<Int>?
        public var refusalPauseDays: Located<Int>?
        public var perOffer: Located<Bool>?
        public var location: String
    }
}

extension NodeReader {
    /// `registries`: paths, or `{index: path, exemptions: [ebr, consent]}` entries (`min_grade: N` for a
    /// graded litigator list).
    func readRegistries(_ node: YAMLNode, into definition: inout PipelineDefinition) throws(PipelineError) {
        let items = node.sequence.map(Array.init) ?? [node]
        definition.registries = []
        definition.registryExemptions = []
        definition.registryMinGrades = []
        for item in items {
            guard item.mapping != nil else {
                definition.registries.append(try string(item, "registries"))
                definition.registryExemptions.append([])
                definition.registryMinGrades.append(nil)
                continue
            }
            var index: PipelineDefinition.Located<String>?
            var exemptions: [PipelineDefinition.Located<String>] = []
            var minGrade: PipelineDefinition.Located<Int>?
            for entry in try mapping(item, "a registry entry") {
                switch entry.key {
                case "index": index = try string(entry.value, "index")
                case "exemptions": exemptions = try strings(entry.value, "exemptions")
                case "min_grade": minGrade = try int(entry.value, "min_grade")
                default:
                    throw unknown(
                        entry.key, entry.keyNode, in: "a registry entry", allowed: ["index", "exemptions", "min_grade"])
                }
            }
            guard let index else {
                throw PipelineError(
                    .configuration, "a registry entry needs `index`: the registry index file", at: place(item))
            }
            definition.registries.append(index)
            definition.registryExemptions.append(exemptions)
            definition.registryMinGrades.append(minGrade)
        }
    }

    func readConsent(_ node: YAMLNode, into definition: inout PipelineDefinition) throws(PipelineError) {
        var consent = PipelineDefinition.Consent(location: place(node))
        for entry in try mapping(node, "`consent`") {
            switch entry.key {
            case "columns":
                let columns = try names(
                    entry.value, "`consent.columns`",
                    ["timestamp", "evidence", "ebr_date", "ebr_type", "current_contract"],
                    dated: ["timestamp", "ebr_date"])
                consent.timestamp = columns["timestamp"]?.name
                consent.timestampFormat = columns["timestamp"]?.format
                consent.evidence = columns["evidence"]?.name
                consent.relationshipDate = columns["ebr_date"]?.name
                consent.relationshipDateFormat = columns["ebr_date"]?.format
                consent.relationshipType = columns["ebr_type"]?.name
                consent.currentContract = columns["current_contract"]?.name
            case "date_format": consent.dateFormat = try dateFormat(entry.value)
            case "required_in": consent.requiredIn = try strings(entry.value, "required_in")
            default:
                throw unknown(
                    entry.key, entry.keyNode, in: "`consent`", allowed: ["columns", "date_format", "required_in"])
            }
        }
        definition.consent = consent
    }

    /// A mapping of `allowed` keys to column names, by key. A `dated` key may instead map to
    /// `{name: COLUMN, date_format: FORMAT}`, the column's own date format.
    private func names(
        _ node: YAMLNode, _ section: String, _ allowed: [String], dated: [String] = []
    ) throws(PipelineError)
        -> [String: (name: PipelineDefinition.Located<String>, format: PipelineDefinition.Located<DateFormat>?)]
    {
        var values:
            [String: (name: PipelineDefinition.Located<String>, format: PipelineDefinition.Located<DateFormat>?)] =
                [:]
        for entry in try mapping(node, section) {
            guard allowed.contains(entry.key) else {
                throw unknown(entry.key, entry.keyNode, in: section, allowed: allowed)
            }
            guard dated.contains(entry.key), entry.value.mapping != nil else {
                values[entry.key] = (try string(entry.value, entry.key), nil)
                continue
            }
            var name: PipelineDefinition.Located<String>?
            var format: PipelineDefinition.Located<DateFormat>?
            for field in try mapping(entry.value, "`\(entry.key)`") {
                switch field.key {
                case "name": name = try string(field.value, "name")
                case "date_format": format = try dateFormat(field.value)
                default:
                    throw unknown(field.key, field.keyNode, in: "`\(entry.key)`", allowed: ["name", "date_format"])
                }
            }
            guard let name else {
                throw PipelineError(
                    .configuration, "`\(entry.key)` needs `name`: the column's name in the header",
                    at: place(entry.value))
            }
            values[entry.key] = (name, format)
        }
        return values
    }

    /// A `date_format` name, refused here, at load, when it names no format.
    func dateFormat(_ node: YAMLNode) throws(PipelineError) -> PipelineDefinition.Located<DateFormat> {
        let text = try string(node, "date_format")
        guard let format = DateFormat(name: text.value) else {
            throw PipelineError(
                .configuration,
                "unknown date format `\(text.value)`; expected one of: \(DateFormat.names.joined(separator: ", ")) "
                    + "(a time HH:MM or HH:MM:SS may follow the date in the values)", at: text.location)
        }
        return .init(value: format, location: text.location)
    }

    func readOptOuts(_ node: YAMLNode, into definition: inout PipelineDefinition) throws(PipelineError) {
        var journal: PipelineDefinition.Located<String>?
        var index: PipelineDefinition.Located<String>?
        var approvals: PipelineDefinition.Located<Int>?
        for entry in try mapping(node, "`optouts`") {
            switch entry.key {
            case "journal": journal = try string(entry.value, "journal")
            case "index": index = try string(entry.value, "index")
            case "reconsent": approvals = try readReconsent(entry.value)
            default:
                throw unknown(entry.key, entry.keyNode, in: "`optouts`", allowed: ["journal", "index", "reconsent"])
            }
        }
        guard let journal, let index else {
            throw PipelineError(
                .configuration,
                "`optouts` needs `journal` (the opt-out journal) and `index` (the suppression index compiled from "
                    + "it with scrub optout compile)", at: place(node))
        }
        definition.optOuts = .init(journal: journal, index: index, reconsentApprovals: approvals)
    }

    /// `optouts.reconsent: {approvals: 1 or 2}`.
    private func readReconsent(_ node: YAMLNode) throws(PipelineError) -> PipelineDefinition.Located<Int>? {
        var approvals: PipelineDefinition.Located<Int>?
        for entry in try mapping(node, "`optouts.reconsent`") {
            guard entry.key == "approvals" else {
                throw unknown(entry.key, entry.keyNode, in: "`optouts.reconsent`", allowed: ["approvals"])
            }
            let value = try int(entry.value, "approvals")
            guard (1...2).contains(value.value) else {
                throw PipelineError(
                    .configuration,
                    "`approvals` must be 1 (one compliance key records a re-consent) or 2 (a second compliance key "
                        + "approves it), not \(value.value)", at: place(entry.value))
            }
            approvals = value
        }
        return approvals
    }

    func readHistory(_ node: YAMLNode, into definition: inout PipelineDefinition) throws(PipelineError) {
        var history = PipelineDefinition.History(location: place(node))
        let allowed = ["files", "columns", "date_format", "refusal_codes", "country", "offer", "caps"]
        for entry in try mapping(node, "`history`") {
            switch entry.key {
            case "files": history.files = try strings(entry.value, "files")
            case "columns":
                let columns = try names(
                    entry.value, "`history.columns`", ["number", "time", "outcome", "offer"], dated: ["time"])
                history.numberColumn = columns["number"]?.name
                history.timeColumn = columns["time"]?.name
                history.timeFormat = columns["time"]?.format
                history.outcomeColumn = columns["outcome"]?.name
                history.offerColumn = columns["offer"]?.name
            case "date_format": history.dateFormat = try dateFormat(entry.value)
            case "refusal_codes": history.refusalCodes = try strings(entry.value, "refusal_codes")
            case "country": history.country = try string(entry.value, "country")
            case "offer": history.offer = try string(entry.value, "offer")
            case "caps":
                guard let items = entry.value.sequence else {
                    throw PipelineError(.configuration, "`caps` must be a list of caps", at: place(entry.value))
                }
                for item in items { history.caps.append(try readCap(item)) }
            default: throw unknown(entry.key, entry.keyNode, in: "`history`", allowed: allowed)
            }
        }
        definition.history = history
    }

    private func readCap(_ node: YAMLNode) throws(PipelineError) -> PipelineDefinition.CompanyCap {
        var cap = PipelineDefinition.CompanyCap(location: place(node))
        let allowed = ["name", "calls", "hours", "days", "refusal_pause_days", "per_offer"]
        for entry in try mapping(node, "a cap") {
            switch entry.key {
            case "name": cap.name = try string(entry.value, "name")
            case "calls": cap.calls = try int(entry.value, "calls")
            case "hours": cap.hours = try int(entry.value, "hours")
            case "days": cap.days = try int(entry.value, "days")
            case "refusal_pause_days": cap.refusalPauseDays = try int(entry.value, "refusal_pause_days")
            case "per_offer": cap.perOffer = try bool(entry.value, "per_offer")
            default: throw unknown(entry.key, entry.keyNode, in: "a cap", allowed: allowed)
            }
        }
        return cap
    }
}
