import CallingWindows

/// Explains, for one number, every step of the decision a run would make: normalisation, each list
/// and registry consulted with its snapshot date, consent and exemptions from the lead's evidence,
/// frequency caps from the contact history, and the calling windows with the rules behind them.
///
/// Duplicates are a property of a whole file, so they are not part of a single number's decision.
public struct DecisionExplainer {
    public let plan: PipelinePlan

    public init(plan: PipelinePlan) {
        self.plan = plan
    }

    /// - Parameter evidence: the lead's consent and business-relationship facts, as its columns would give them.
    public func explain(
        _ input: String, country: String?, state: String?, postcode: String?, evidence: LeadEvidence = LeadEvidence()
    ) -> String {
        // The row's country as the run reads it: a code or a name (`United States`), else `ZZ`.
        let written = country?.trimmingCharacters(in: .whitespaces)
        let known = written.flatMap { $0.isEmpty ? plan.defaultCountry : PlaceNames.country($0) }
        let country = written == nil ? plan.defaultCountry : known ?? PlaceFields.unknownCountryCode
        var lines = ["Input: \(input) (country \(country))"]
        var bytes = Array(input.utf8)
        let check = bytes.withUnsafeMutableBytes { plan.normalizer.check(UnsafeRawBufferPointer($0), country: country) }
        let number: NumberFacts
        switch check {
        case .missing:
            return (lines + ["Decision: \(RejectReason.missingNumber.rawValue): the number is empty"]).joined(
                separator: "\n")
        case .invalid(let why):
            return (lines + ["Decision: \(RejectReason.invalidNumber.rawValue): \(why)"]).joined(separator: "\n")
        case .unsupportedRegion(let why):
            let detail = known == nil ? written.map(RowDecider.unknownCountryDetail) ?? why : why
            return (lines + ["Decision: \(RejectReason.unsupportedRegion.rawValue): \(detail)"]).joined(separator: "\n")
        case .number(let facts):
            number = facts
        }
        lines.append(
            "Normalised: \(number.e164Text), region \(number.region), \(number.lineType)"
                + (number.subdivision.map { ", \($0)" } ?? "") + ", zones \(number.timeZones.joined(separator: ", "))")
        var decision = explainConsent(number, evidence, into: &lines)
        lines.append("Suppression lists (apply to every number):")
        if plan.suppressionLists.isEmpty { lines.append("  none configured") }
        for list in plan.suppressionLists {
            let listed = list.contains(number.e164)
            lines.append("  \(list.info.detail): \(listed ? "LISTED" : "not listed")")
            if listed && decision == nil { decision = "\(RejectReason.suppressed.rawValue) (\(list.info.detail))" }
        }
        if let note = journalNote() { lines.append(note) }
        lines.append("Registries (each applies to the regions it covers):")
        if plan.registries.isEmpty { lines.append("  none configured") }
        let coverage = RegistryCoverage(registries: plan.registries.map(\.info))
        for (index, registry) in plan.registries.enumerated() {
            let age =
                registry.info.snapshotDate.flatMap(LocalDateText.dayNumber).map {
                    ", \(plan.campaignDate.dayNumber - $0) days old on \(plan.campaignDate)"
                } ?? ""
            guard coverage.applies(index, toRegionCode: number.profile.regionCode) else {
                lines.append(
                    "  \(registry.info.detail)\(age): not consulted (covers \(registry.info.coverage.joined(separator: ", ")))"
                )
                continue
            }
            let listed = registry.contains(number.e164)
            let exemption = listed ? explainExemption(registry: registry, evidence) : (text: "", exempt: false)
            lines.append("  \(registry.info.detail)\(age): \(listed ? "LISTED" : "not listed")\(exemption.text)")
            if listed && !exemption.exempt && decision == nil {
                decision = "\(RejectReason.dncRegistry.rawValue) (\(registry.info.detail))"
            }
        }
        if let gap = coverage.gap(region: number.region) {
            lines.append("  WARNING: \(gap): this number was not checked against one")
        }
        if let capped = explainCaps(number, at: LeadLocation(state: state, postcode: postcode), into: &lines),
            decision == nil
        {
            decision = capped
        }
        if let windows = plan.windows {
            lines.append("")
            lines.append(windows.explain(number, at: LeadLocation(state: state, postcode: postcode)))
            lines.append("")
            if decision == nil && plan.rejectWithoutWindow
                && !windows.annotate(number, state: state, postcode: postcode).hasWindow
            {
                decision = "\(RejectReason.noCallingWindow.rawValue) (the pipeline rejects rows with no window)"
            }
        }
        lines.append("Decision: \(decision ?? "CLEAN (callable, unless it repeats an earlier row of the file)")")
        return lines.joined(separator: "\n")
    }
}

/// `YYYY-MM-DD` to a day number, for ages in days.
enum LocalDateText {
    static func dayNumber(_ text: String) -> Int? {
        LocalDate(text)?.dayNumber
    }
}
