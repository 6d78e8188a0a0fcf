import CallingWindows
import Foundation
import ScrubRecords
import ScrubRules

extension PipelinePlan {
    /// The opt-out journal a run checks its suppression index against.
    public struct JournalCheck: Sendable {
        public var journal: String
        public var index: String
        /// The index's list name, as `reject_detail` and the report name it.
        public var listName: String
        public var freshness: JournalFreshness
        /// How many compliance keys a re-consent through `scrub serve` needs: 1, or 2 when
        /// `optouts.reconsent.approvals` says so.
        public var reconsentApprovals = 1
    }

    /// What loading the contact history read, for the report.
    public struct HistoryFacts: Sendable {
        public var files: [CallLogReport]
        public var calls: Int
        public var numbers: Int
        public var bytes: Int
        public var seconds: Double
        public var from: UTCTime
        public var through: UTCTime
    }

    /// The tally of the lead file's date values that do not read in their columns' formats, for a run
    /// to count every row into and add to its warnings; nil when the pipeline reads no dates.
    public func unreadableDates(header: [String]? = nil) -> UnreadableDates? {
        compliance.consent.flatMap { UnreadableDates(policy: $0, header: header ?? columns.header) }
    }

    /// Resolves `consent`, registry exemptions, `optouts` and `history` into the plan, after the
    /// rest of it (columns, registries, suppression lists, campaign date) is resolved.
    mutating func resolveCompliance(
        _ definition: PipelineDefinition, overrides: PipelineDefinition, environment: PipelineEnvironment
    ) throws(PipelineError) {
        func path(_ value: PipelineDefinition.Located<String>) -> String { Self.resolvedPath(value, in: definition) }
        if let optOuts = definition.optOuts {
            let list = try Self.openList(
                path(optOuts.index), location: optOuts.index.location, environment: environment, plainAllowed: false)
            let freshness: JournalFreshness
            do {
                freshness = try OptOutJournal(path: path(optOuts.journal)).freshness(ofIndexAt: path(optOuts.index))
            } catch let error as RecordError {
                var located = PipelineError(error)
                located.location = error.location ?? optOuts.journal.location
                throw located
            } catch {
                throw PipelineError(.badData, "\(error)", at: optOuts.index.location)
            }
            try Self.checkRevokeAll(list.info, windows: windows, location: optOuts.index.location)
            suppressionLists.append(list)
            journal = JournalCheck(
                journal: path(optOuts.journal), index: path(optOuts.index), listName: list.info.name,
                freshness: freshness, reconsentApprovals: optOuts.reconsentApprovals?.value ?? 1)
        }
        let exemptions =
            overrides.registries.isEmpty ? try Self.exemptions(definition, consent: definition.consent) : []
        // Prior consent is checked for marketing calls whether or not the pipeline names consent
        // columns: without them no row can show consent, so rows in those regions are NO_CONSENT
        // (fail-safe). `consent: {required_in: []}` turns the check off, on the record.
        let consent =
            try definition.consent.map { section throws(PipelineError) in try consentPolicy(section) }
            ?? ConsentPolicy(
                columns: .init(), requirements: ConsentRequirement.legal, campaignDate: campaignDate, purpose: purpose)
        compliance = RowCompliance(consent: consent, registryExemptions: exemptions)
        consentSection = definition.consent
        writesExemptionColumn = exemptions.contains { !$0.isEmpty }
        let files = overrides.history?.files.isEmpty == false ? overrides.history!.files : definition.history?.files
        if let files, !files.isEmpty {
            let section = definition.history ?? PipelineDefinition.History(location: files[0].location)
            try loadHistory(section, files: files.map { ($0, path($0)) })
        }
    }

    /// The FCC rule by which one revocation of consent stops every robocall and robotext of the caller,
    /// whatever its subject or brand, from its (movable) date in the rule book.
    static let revokeAllRule = "US-FCC-REVOKE-ALL"

    /// Refuses an opt-out index compiled for one scope where the revoke-all rule governs the campaign
    /// (its channel, on its date): such an index leaves out the other brands' opt-outs, which then bind.
    private static func checkRevokeAll(
        _ info: NumberListInfo, windows: CallingWindowAnnotating?, location: String
    ) throws(PipelineError) {
        guard let scope = info.scope, let rule = (windows as? RuleBookWindows)?.ruleInForce(revokeAllRule) else {
            return
        }
        throw PipelineError(
            .configuration,
            "the opt-out index \(info.name) was compiled for scope \(scope) only, but from "
                + "\(rule.effectiveFrom.map { "\($0)" } ?? "now") one revocation stops every robocall and robotext of "
                + "the caller, whatever its brand (\(rule.id), \(rule.citation)), and this campaign's channel is one: "
                + "compile the index without --scope (scrub optout compile JOURNAL --output INDEX)", at: location)
    }

    private static func exemptions(
        _ definition: PipelineDefinition, consent: PipelineDefinition.Consent?
    ) throws(PipelineError) -> [[Exemption]] {
        var result: [[Exemption]] = []
        for names in definition.registryExemptions {
            var allowed: [Exemption] = []
            for name in names {
                guard let exemption = Exemption.allCases.first(where: { $0.key == name.value.lowercased() }) else {
                    throw PipelineError(
                        .configuration, "unknown exemption `\(name.value)`; expected ebr or consent", at: name.location)
                }
                let needed: String? =
                    switch exemption {
                    case .ebr:
                        consent?.relationshipDate == nil || consent?.relationshipType == nil
                            ? "`consent.columns.ebr_date` and `consent.columns.ebr_type`" : nil
                    case .consent: consent?.timestamp == nil ? "`consent.columns.timestamp`" : nil
                    }
                if let needed {
                    throw PipelineError(
                        .configuration, "exemption `\(exemption.key)` needs the lead columns \(needed)",
                        at: name.location)
                }
                allowed.append(exemption)
            }
            result.append(allowed)
        }
        return result
    }

    func consentPolicy(_ section: PipelineDefinition.Consent) throws(PipelineError) -> ConsentPolicy {
        func find(_ column: PipelineDefinition.Located<String>?) throws(PipelineError) -> Int? {
            guard let column else { return nil }
            // Standard input read alone: placed when the run reads its header (`placed(forHeader:of:)`).
            if readsStandardInputAlone { return nil }
            guard let index = columns.header.firstIndex(of: column.value) else {
                throw PipelinePlan.missingColumn(column, header: columns.header)
            }
            return index
        }
        var requirements = ConsentRequirement.legal
        if let regions = section.requiredIn {
            for region in regions
            where region.value.count != 2 || !region.value.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                throw PipelineError(
                    .configuration, "`required_in` takes ISO 3166 codes such as DE, not `\(region.value)`",
                    at: region.location)
            }
            requirements = ConsentRequirement.named(regions.map(\.value))
        }
        let format = section.dateFormat?.value ?? .iso8601
        return ConsentPolicy(
            columns: .init(
                timestamp: try find(section.timestamp), evidence: try find(section.evidence),
                relationshipDate: try find(section.relationshipDate),
                relationshipType: try find(section.relationshipType),
                currentContract: try find(section.currentContract)),
            dateFormats: .init(
                timestamp: section.timestampFormat?.value ?? format,
                relationshipDate: section.relationshipDateFormat?.value ?? format),
            requirements: requirements, campaignDate: campaignDate, purpose: purpose)
    }

    private mutating func loadHistory(
        _ section: PipelineDefinition.History, files: [(PipelineDefinition.Located<String>, String)]
    ) throws(PipelineError) {
        var format = CallLogFormat()
        format.country = section.country?.value ?? defaultCountry
        format.delimiter = nil
        if let column = section.numberColumn { format.numberColumn = column.value }
        if let column = section.timeColumn { format.timeColumn = column.value }
        format.timeFormat = section.timeFormat?.value ?? section.dateFormat?.value ?? .iso8601
        if let column = section.outcomeColumn { format.outcomeColumn = column.value }
        format.offerColumn = section.offerColumn?.value
        if let codes = section.refusalCodes { format.refusalCodes = codes.map(\.value) }
        var table = FrequencyCapTable.legal(on: campaignDate)
        for cap in section.caps { table.everywhere.append(try Self.companyCap(cap)) }
        let started = ContinuousClock.now
        let window = CampaignCaps.window(for: table, campaignDate: campaignDate)
        var builder = ContactHistory.Builder(from: window.from, through: window.through)
        var reports: [CallLogReport] = []
        for (located, file) in files {
            guard FileManager.default.fileExists(atPath: file) else {
                throw PipelineError(.missingInput, "call log not found: \(file)", at: located.location)
            }
            do {
                reports.append(try builder.read(file, format: format, normalizer: normalizer))
            } catch let error as PipelineError {
                throw PipelineError(error.kind, error.message, at: located.location)
            } catch {
                throw PipelineError(.badData, "\(error)", at: located.location)
            }
        }
        let history = builder.build()
        compliance.caps = CampaignCaps(
            history: history, table: table, offer: section.offer?.value, campaignDate: campaignDate)
        historyFacts = HistoryFacts(
            files: reports, calls: history.callCount, numbers: history.numberCount, bytes: history.byteCount,
            seconds: (ContinuousClock.now - started).seconds, from: window.from, through: window.through)
    }

    private static func companyCap(_ cap: PipelineDefinition.CompanyCap) throws(PipelineError) -> FrequencyCap {
        guard let calls = cap.calls, calls.value >= 1 else {
            throw PipelineError(
                .configuration, "a cap needs `calls`: at least 1", at: cap.calls?.location ?? cap.location)
        }
        let window: Int64
        switch (cap.hours, cap.days) {
        case (let hours?, nil) where hours.value >= 1: window = Int64(hours.value) * 3_600
        case (nil, let days?) where days.value >= 1: window = Int64(days.value) * 86_400
        default:
            throw PipelineError(.configuration, "a cap needs one of `hours` or `days`, at least 1", at: cap.location)
        }
        if let pause = cap.refusalPauseDays, pause.value < 1 {
            throw PipelineError(.configuration, "`refusal_pause_days` must be at least 1", at: pause.location)
        }
        let span = cap.hours.map { "\($0.value)h" } ?? "\(cap.days!.value)d"
        return FrequencyCap(
            name: cap.name?.value ?? "company \(calls.value)/\(span)", maxCalls: calls.value, window: window,
            refusalPause: cap.refusalPauseDays.map { Int64($0.value) * 86_400 }, perOffer: cap.perOffer?.value ?? false)
    }
}
