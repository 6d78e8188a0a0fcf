/// `SUPPRESSED`: a number on one suppression list (internal opt-outs, a company's own list). A
/// suppression list applies to every number, whatever its region, and allows no exemption.
package struct SuppressionRule: RowRule {
    let list: NumberList
    /// The list's position in ``Decision/list``.
    let position: Int
    /// `reject_detail`, built once.
    let detail: String

    static let heading = "Suppression lists (apply to every number):"

    package init(list: NumberList, position: Int) {
        self.list = list
        self.position = position
        self.detail = list.info.detail
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        let listed = list.contains(number.e164)
        if trace != nil {
            trace?.section(Self.heading)
            trace?.append("  \(detail): \(listed ? "LISTED" : "not listed")")
        }
        return listed ? Rejection(.suppressed, detail: detail, list: position) : nil
    }
}
