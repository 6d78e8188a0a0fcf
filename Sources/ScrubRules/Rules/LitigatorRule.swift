import ScrubIndex

/// `LITIGATOR`: a number on a litigator list (serial TCPA plaintiffs and their attorneys, as data
/// vendors compile them). A litigator list covers every number, whatever its region, and no exemption
/// clears it: consent or an established business relationship answers a registry, not a lawsuit.
///
/// Listed under a pipeline's `registries:` and ranked with them, before `DNC_REGISTRY`: a number on
/// both is rejected `LITIGATOR`, the reason that matters more to the people reading the rejects, since
/// a registry hit may be exempt on another campaign and a litigator hit never is. It ranks after
/// `SUPPRESSED`, the person's own request to this business, which the audit must show first.
///
/// With a risk threshold (`{index: L.idx, min_grade: 10}`, grades from `registry build --grade-column`), a
/// listed number graded below it is not rejected but counted (``Decision/belowMinGrade``); a listed number
/// the vendor gave no grade is rejected, the stricter reading.
package struct LitigatorRule: RowRule {
    /// A list's grades and the pipeline's threshold.
    package struct Grading: Sendable {
        package let table: GradeTable
        package let minGrade: Int

        package init(table: GradeTable, minGrade: Int) {
            self.table = table
            self.minGrade = minGrade
        }
    }

    static let heading = "Litigator lists (apply to every number, no exemption):"

    let membership: SuppressionRule
    let grading: Grading?

    /// The rule of the litigator list at `position` among the pipeline's registries.
    package init(list: NumberList, position: Int, grading: Grading? = nil) {
        membership = SuppressionRule(list: list, position: position, reason: .litigator, heading: Self.heading)
        self.grading = grading
    }

    package func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection? {
        guard let grading, membership.list.contains(number.e164) else {
            return membership.judge(number, row, evidence: evidence, decision: &decision, trace: &trace)
        }
        let grade = grading.table.grade(of: number.e164)
        let below = grade.map { Int($0) < grading.minGrade } ?? false
        if trace != nil {
            trace?.section(Self.heading)
            let graded = grade.map { "grade \($0)" } ?? "no grade"
            trace?.append(
                "  \(membership.detail): LISTED, \(graded), min_grade \(grading.minGrade)"
                    + (below ? ": below it, not rejected" : ""))
        }
        guard below else { return Rejection(.litigator, detail: membership.detail, list: membership.position) }
        if decision.belowMinGrade == nil { decision.belowMinGrade = membership.position }
        return nil
    }
}
