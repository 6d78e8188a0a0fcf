/// `LITIGATOR`: a number on a litigator list (serial TCPA plaintiffs and their attorneys, as data
/// vendors compile them). A litigator list covers every number, whatever its region, and no exemption
/// clears it: consent or an established business relationship answers a registry, not a lawsuit.
///
/// Listed under a pipeline's `registries:` and ranked with them, before `DNC_REGISTRY`: a number on
/// both is rejected `LITIGATOR`, the reason that matters more to the people reading the rejects, since
/// a registry hit may be exempt on another campaign and a litigator hit never is. It ranks after
/// `SUPPRESSED`, the person's own request to this business, which the audit must show first.
enum LitigatorRule {
    static let heading = "Litigator lists (apply to every number, no exemption):"

    /// The rule of the litigator list at `position` among the pipeline's registries: membership, as a
    /// suppression list's, rejecting `LITIGATOR`.
    static func rule(list: NumberList, position: Int) -> SuppressionRule {
        SuppressionRule(list: list, position: position, reason: .litigator, heading: heading)
    }
}
