/// `SUPPRESSED`: a number on one suppression list (internal opt-outs, a company's own list). A
/// suppression list applies to every number, whatever its region, and allows no exemption.
///
/// A litigator list is judged the same way, with its own reason and heading (``LitigatorRule``).
package struct SuppressionRule: RowRule {
    let list: NumberList
    /// The list's position in ``Decision/list``.
    let position: Int
    /// `reject_detail`, built once.
    let detail: String
    /// `SUPPRESSED`, or `LITIGATOR` for a litigator list.
    let reason: RejectReason
    /// The trace's section.
    let heading: String

    static let heading = "Suppression lists (apply to every number):"

    package init(list: NumberList, position: Int, reason: RejectReason = .suppressed, heading: String = Self.heading) {
        self.list = list
        self.position = position
        self.detail = list.info.detail
        self.reason = reason
        self.heading = heading
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        let listed = list.contains(number.e164)
        if trace != nil {
            trace?.section(heading)
            trace?.append("  \(detail): \(listed ? "LISTED" : "not listed")")
        }
        return listed ? Rejection(reason, detail: detail, list: position) : nil
    }
}
