import CallingWindows

/// Decides one row's fate: the scrub's rules as one list in precedence order, built once.
///
/// Precedence follows `RejectReason`: the number (missing, invalid, unsupported region), consent, the
/// suppression lists, the litigator lists, the registries (unless an exemption the registry allows holds),
/// reassigned numbers, duplicates, declared emergencies, frequency caps, calling windows. The first rule that rejects decides. The
/// reasons after duplicates only defer a row (a dialer may call it later, `next_callable_at`).
///
/// The decision has two phases so that the order-independent work can run anywhere: ``decide(_:evidence:trace:)``
/// applies every rule but duplicates (they read the row, the lists, the loaded history and the window
/// caches, never other rows) and returns a ``PendingDecision``; ``DuplicateRule`` then applies the one
/// rule that depends on input order. A single-threaded caller runs one after the other.
///
/// With a trace (`scrub check`) every rule still runs after the first rejection, to explain itself,
/// but only the first rejection decides: the explanation and the run's decision are the same code.
public struct RowDecider {
    let number: NumberRule
    /// The line-type data, applied to the number before any rule judges it.
    let lineTypes: LineTypes.Stage?
    /// Every rule after normalisation, in precedence order.
    let rules: [any RowRule]
    /// Where duplicates rank among `rules`: only a row no rule before it rejected takes part.
    let duplicatesAt: Int
    /// Lines a trace holds before the rule at each index (or at `rules.count`, after the last).
    private let notes: [Int: [TraceNote]]

    /// - Parameters:
    ///   - compliance: consent by region, the exemptions each registry allows, frequency caps.
    ///   - campaignDate: for the registries' ages in a trace.
    ///   - journalNote: a trace's warning that the opt-out index is older than its journal.
    public init(
        normalizer: NumberNormalizing, suppressionLists: [NumberList], registries: [NumberList],
        windows: CallingWindowAnnotating?, rejectWithoutWindow: Bool, compliance: RowCompliance = RowCompliance(),
        campaignDate: LocalDate? = nil, journalNote: String? = nil
    ) {
        number = NumberRule(normalizer: normalizer)
        lineTypes = compliance.lineTypes
        var rules: [any RowRule] = []
        var notes: [Int: [TraceNote]] = [:]
        if let consent = compliance.consent { rules.append(ConsentRule(policy: consent)) }
        if let campaignDate,
            let wireless = WirelessConsentRule(
                channel: compliance.channel, campaignDate: campaignDate, consent: compliance.consent)
        {
            rules.append(wireless)
        }
        if let campaignDate,
            let prerecorded = PrerecordedConsentRule(
                channel: compliance.channel, purpose: compliance.consent?.purpose ?? CallPurpose.telemarketing.rawValue,
                campaignDate: campaignDate, consent: compliance.consent)
        {
            rules.append(prerecorded)
        }
        if suppressionLists.isEmpty {
            notes[rules.count, default: []].append(.lines([SuppressionRule.heading, "  none configured"]))
        }
        for (index, list) in suppressionLists.enumerated() {
            rules.append(SuppressionRule(list: list, position: registries.count + index))
        }
        if let journalNote { notes[rules.count, default: []].append(.lines([journalNote])) }
        // Litigator lists first: `LITIGATOR` outranks `DNC_REGISTRY` whatever the pipeline's order.
        for (index, list) in registries.enumerated() where list.info.kind == .litigator {
            rules.append(LitigatorRule(list: list, position: index, grading: compliance.litigatorGrading[index]))
        }
        if registries.allSatisfy({ $0.info.kind == .litigator }) {
            notes[rules.count, default: []].append(.lines([RegistryRule.heading, "  none configured"]))
        }
        let coverage = RegistryCoverage(registries: registries.map(\.info))
        for (index, registry) in registries.enumerated() where registry.info.kind != .litigator {
            let exemptions = index < compliance.registryExemptions.count ? compliance.registryExemptions[index] : []
            rules.append(
                RegistryRule(
                    registry: registry, position: index, coverage: coverage, exemptions: exemptions,
                    consent: compliance.consent, campaignDate: campaignDate))
        }
        notes[rules.count, default: []].append(.coverageGap(coverage))
        if let reassigned = compliance.reassigned { rules.append(ReassignedRule(numbers: reassigned)) }
        duplicatesAt = rules.count
        if let campaignDate, !compliance.emergencies.isEmpty {
            let bans = EmergencyBanRule(bans: compliance.emergencies, campaignDate: campaignDate)
            if !bans.isEmpty { rules.append(bans) }
        }
        if let caps = compliance.caps { rules.append(FrequencyCapRule(caps: caps)) }
        if let windows { rules.append(CallingWindowRule(windows: windows, rejectWithoutWindow: rejectWithoutWindow)) }
        self.rules = rules
        self.notes = notes
    }

    /// The first phase: every rule but duplicates.
    ///
    /// - Parameters:
    ///   - evidence: reads the row's consent columns; called only when a rule needs them.
    ///   - trace: nil to decide only (the run); a trace to which every rule adds its lines.
    public func decide(
        _ row: RowFacts, evidence: () -> LeadEvidence = { LeadEvidence() }, trace: inout DecisionTrace?
    ) -> PendingDecision {
        var decision = Decision()
        guard var number = number.judge(row, decision: &decision, trace: &trace) else {
            return PendingDecision(decision: decision, reachesDuplicates: false)
        }
        if let lineTypes {
            let typed = lineTypes.apply(number)
            number = typed.number
            decision.number = number
            if trace != nil { trace?.append(lineTypes.explain(number, typed.source)) }
        }
        var rejectedAt: Int?
        for index in rules.indices {
            if trace != nil {
                for note in notes[index] ?? [] { note.write(number, to: &trace) }
            } else if rejectedAt != nil {
                break
            }
            let rejection = rules[index].judge(
                number, row, evidence: evidence, decision: &decision, trace: &trace)
            if let rejection, rejectedAt == nil {
                decision.reject(rejection)
                rejectedAt = index
            }
        }
        if trace != nil { for note in notes[rules.count] ?? [] { note.write(number, to: &trace) } }
        return PendingDecision(decision: decision, reachesDuplicates: rejectedAt.map { $0 >= duplicatesAt } ?? true)
    }

    /// The first phase, without a trace.
    public func decide(_ row: RowFacts, evidence: () -> LeadEvidence = { LeadEvidence() }) -> PendingDecision {
        var trace: DecisionTrace?
        return decide(row, evidence: evidence, trace: &trace)
    }
}
