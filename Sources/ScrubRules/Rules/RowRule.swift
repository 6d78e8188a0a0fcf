/// One rule of the decision after normalisation: consent, a suppression list, a registry, the
/// frequency caps, the calling windows. ``RowDecider`` holds them in precedence order.
///
/// A rule decides (returns a ``Rejection``, or nil to let the row pass), explains (adds its lines
/// to `trace` when tracing is on) and names what it contributes to counts in the rejection it returns
/// (its list position, its cap). A rule that passes a row may note why in `decision` (a registry's
/// exemption, the window annotation). Rules hold no per-row state: their caches are their stages'.
package protocol RowRule {
    func judge(
        _ number: NumberFacts, _ row: RowFacts, evidence: () -> LeadEvidence, decision: inout Decision,
        trace: inout DecisionTrace?
    ) -> Rejection?
}
