import ScrubRecords

/// Annotates a row with its calling windows (the clean output's window columns) and, when the
/// pipeline says so, rejects a number with no permitted window on the campaign date
/// (`NO_CALLING_WINDOW`), with the start of the next window in the days after (`next_callable_at`).
/// The last rule: it ranks after the caps.
package struct CallingWindowRule: RowRule {
    let windows: CallingWindowAnnotating
    let rejectWithoutWindow: Bool

    package init(windows: CallingWindowAnnotating, rejectWithoutWindow: Bool) {
        self.windows = windows
        self.rejectWithoutWindow = rejectWithoutWindow
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        let annotation = windows.annotate(number, at: row.location)
        decision.window = annotation
        if trace != nil {
            trace?.append("")
            trace?.append(text: windows.explain(number, at: row.location))
            trace?.append("")
        }
        guard rejectWithoutWindow && !annotation.hasWindow else { return nil }
        // Defer, don't drop: the next window within the stage's look-ahead, computed once per distinct window.
        return Rejection(
            .noCallingWindow, detail: "no permitted calling window on the campaign date (\(annotation.rules))",
            callableAgain: annotation.nextOpening.map(UTCTime.init(seconds:)))
    }
}
