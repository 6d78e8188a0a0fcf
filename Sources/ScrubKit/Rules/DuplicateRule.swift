/// `DUPLICATE`: the first occurrence of a number in input order wins; later rows with the same
/// number are rejected, naming the first one's line.
///
/// The one order-dependent rule, so it is the decision's second phase: one instance, on one thread, in
/// input order, over ``PendingDecision``s the other rules made on any thread. A row an earlier rule
/// rejected never takes part (its number stays free for a later row); a duplicate is `DUPLICATE` even when a cap or the windows rejected it too.
public final class DuplicateRule {
    /// The first line at which each number that reached this rule was seen.
    private let seen = UInt64Map<UInt32>()

    public init() {}

    /// The row's final decision.
    public func finish(_ pending: PendingDecision, line: Int, trace: inout DecisionTrace?) -> Decision {
        guard pending.reachesDuplicates, let number = pending.decision.number else { return pending.decision }
        guard let first = seen.insertIfAbsent(UInt32(clamping: line), for: number.e164) else {
            if trace != nil { trace?.append("Duplicates: the first row of this number in the file") }
            return pending.decision
        }
        let detail = "same number as line \(first)"
        if trace != nil { trace?.append("Duplicates: \(detail)") }
        var decision = pending.decision
        decision.reject(Rejection(.duplicate, detail: detail))
        return decision
    }

    public func finish(_ pending: PendingDecision, line: Int) -> Decision {
        var trace: DecisionTrace?
        return finish(pending, line: line, trace: &trace)
    }
}
