/// `FREQUENCY_CAP`: a number that reached a cap of its place or the lead's on the campaign day, by the
/// loaded contact history (``CampaignCaps``), with the time it is callable again.
///
/// It reads only the history loaded before the run, never other rows of the file, so it needs no
/// input order; it ranks after duplicates, which ``DuplicateRule`` applies afterwards.
package struct FrequencyCapRule: RowRule {
    let caps: CampaignCaps

    package init(caps: CampaignCaps) {
        self.caps = caps
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        let verdict = caps.decision(for: number, at: row.location, evidence: evidence)
        if trace != nil { explain(number, row.location, evidence, verdict, trace: &trace) }
        guard case .capped(let until, let cap) = verdict else { return nil }
        // `next_callable_at` looks as far ahead as a deferred window does: beyond, the row is not deferred.
        let horizon = caps.dayStart.seconds + Int64(WindowAnnotation.deferDays + 1) * 86_400
        return Rejection(
            .frequencyCap, detail: "\(cap.name) reached; callable again \(until)", cap: cap,
            callableAgain: until.seconds < horizon ? until : nil)
    }

    private func explain(
        _ number: NumberFacts, _ location: LeadLocation, _ evidence: () -> LeadEvidence, _ verdict: CapDecision,
        trace: inout DecisionTrace?
    ) {
        let all = caps.caps(for: number, at: location)
        let applicable = caps.caps(for: number, at: location, evidence: evidence)
        let history = caps.history
        trace?.append(
            "Frequency caps (history of \(history.callCount) calls to \(history.numberCount) numbers"
                + (caps.offer.map { ", offer \($0)" } ?? "") + "):")
        guard !all.isEmpty else {
            trace?.append("  none apply to this number")
            return
        }
        for spared in all where !applicable.contains(spared) {
            let months = spared.sparedByPurchaseWithinMonths ?? 0
            trace?.append("  \(spared.name) spared: a purchase within \(months) months of the campaign day")
        }
        guard !applicable.isEmpty else {
            trace?.append("  none apply to this lead")
            return
        }
        trace?.append("  apply: \(applicable.map(\.name).joined(separator: "; "))")
        trace?.append(
            "  calls logged to this number through the campaign day: "
                + "\(history.callCount(to: number.e164, before: caps.dayEnd))")
        guard case .capped(let until, let cap) = verdict else {
            trace?.append("  no cap reached")
            return
        }
        trace?.append("  \(cap.name) reached; callable again \(until)")
    }
}
