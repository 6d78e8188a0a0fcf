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
        let verdict = caps.decision(for: number, at: row.location)
        if trace != nil { explain(number, row.location, verdict, trace: &trace) }
        guard case .capped(let until, let cap) = verdict else { return nil }
        return Rejection(
            .frequencyCap, detail: "\(cap.name) reached; callable again \(until)", cap: cap, callableAgain: until)
    }

    private func explain(
        _ number: NumberFacts, _ location: LeadLocation, _ verdict: CapDecision, trace: inout DecisionTrace?
    ) {
        let applicable = caps.caps(for: number, at: location)
        let history = caps.history
        trace?.append(
            "Frequency caps (history of \(history.callCount) calls to \(history.numberCount) numbers"
                + (caps.offer.map { ", offer \($0)" } ?? "") + "):")
        guard !applicable.isEmpty else {
            trace?.append("  none apply to this number")
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
