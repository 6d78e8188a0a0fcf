/// `SUPPRESSED`: a number on one suppression list (internal opt-outs, a company's own list). A
/// suppression list applies to every number, whatever its region, and allows no exemption.
///
/// A lead that carries a person key (`input.person_column`) is also suppressed when the list holds
/// that person (an opt-out recorded `applies_to: person`, ``PersonKey``), whichever number it has.
///
/// A litigator list is judged the same way, with its own reason and heading (``LitigatorRule``), by
/// its numbers only.
package struct SuppressionRule: RowRule {
    let list: NumberList
    /// The list's position in ``Decision/list``.
    let position: Int
    /// `reject_detail`, built once.
    let detail: String
    /// `reject_detail` of a lead suppressed by its person key rather than its number.
    let personDetail: String
    /// Whether the list is looked up by the lead's person key too: a suppression list, not a litigator list.
    let matchesPersons: Bool
    /// `SUPPRESSED`, or `LITIGATOR` for a litigator list.
    let reason: RejectReason
    /// The trace's section.
    let heading: String

    static let heading = "Suppression lists (apply to every number):"

    package init(list: NumberList, position: Int, reason: RejectReason = .suppressed, heading: String = Self.heading) {
        self.list = list
        self.position = position
        self.detail = list.info.detail
        self.personDetail = "\(list.info.detail), by the lead's person key"
        self.reason = reason
        self.matchesPersons = reason == .suppressed
        self.heading = heading
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        let listed = list.contains(number.e164)
        let person = matchesPersons ? row.personKey : nil
        let personListed = !listed && person.map(list.contains) == true
        if trace != nil {
            trace?.section(heading)
            let byPerson = person == nil ? "" : personListed ? "; person LISTED" : "; person not listed"
            trace?.append("  \(detail): \(listed ? "LISTED" : "not listed")\(byPerson)")
        }
        if listed { return Rejection(reason, detail: detail, list: position) }
        return personListed ? Rejection(reason, detail: personDetail, list: position) : nil
    }
}
