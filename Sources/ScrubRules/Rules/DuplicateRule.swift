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
        guard let first = firstLine(of: number.e164, recordingAt: line) else {
            if trace != nil { trace?.append("Duplicates: the first row of this number in the file") }
            return pending.decision
        }
        let decision = Self.duplicate(pending.decision, firstLine: first)
        if trace != nil { trace?.append("Duplicates: \(decision.detail ?? "")") }
        return decision
    }

    /// The line of the first row of `e164`, or nil when this row (at `line`) is the first, which is
    /// then recorded: the whole rule for a row that reached it, as the run's sequencer asks it.
    package func firstLine(of e164: UInt64, recordingAt line: Int) -> Int? {
        seen.insertIfAbsent(UInt32(clamping: line), for: e164).map(Int.init)
    }

    /// Starts loading where `e164`'s look-up will go: for a caller some rows ahead of it.
    package func prefetch(_ e164: UInt64) { seen.prefetch(e164) }

    /// How many numbers reached this rule, each counted once.
    package var numbersSeen: Int { seen.count }

    /// Whether `e164` reached this rule.
    package func hasSeen(_ e164: UInt64) -> Bool { seen.value(for: e164) != nil }

    /// `decision`, made by the other rules, turned into the `DUPLICATE` of the row at `firstLine`.
    package static func duplicate(_ decision: Decision, firstLine: Int) -> Decision {
        var duplicate = decision
        duplicate.reject(Rejection(.duplicate, detail: "same number as line \(firstLine)"))
        return duplicate
    }

    public func finish(_ pending: PendingDecision, line: Int) -> Decision {
        var trace: DecisionTrace?
        return finish(pending, line: line, trace: &trace)
    }
}
