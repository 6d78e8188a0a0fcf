/// A row decided by every rule that does not depend on input order: what ``DuplicateRule`` turns
/// into the final ``Decision`` on the one thread that sees rows in input order.
///
/// Rules after duplicates in the precedence (caps, windows) have already judged the row; a
/// duplicate is `DUPLICATE` whatever they said, so their verdict stands only for a first occurrence.
public struct PendingDecision: Sendable, Equatable {
    /// The decision of the order-independent rules.
    public var decision: Decision
    /// Whether the row passed every rule before duplicates, so that its number takes part in them.
    public var reachesDuplicates: Bool

    public init(decision: Decision, reachesDuplicates: Bool) {
        self.decision = decision
        self.reachesDuplicates = reachesDuplicates
    }
}
