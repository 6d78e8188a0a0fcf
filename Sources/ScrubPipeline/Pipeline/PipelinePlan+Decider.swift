import CallingWindows
import ScrubRecords
import ScrubRules

extension PipelinePlan {
    /// The plan's rules in precedence order: the one decision behind `scrub run` and `scrub check`.
    public func makeDecider() -> RowDecider {
        makeDecider(normalizer: normalizer, windows: windows, compliance: compliance)
    }

    /// The same rules for another thread: the stages that cache as rows come (normaliser, windows,
    /// caps) are copies with caches of their own; lists, registries and consent are shared, read only.
    package func makeDeciderForAnotherThread() -> RowDecider {
        makeDecider(
            normalizer: normalizer.forAnotherThread(), windows: windows?.forAnotherThread(),
            compliance: compliance.forAnotherThread())
    }

    private func makeDecider(
        normalizer: NumberNormalizing, windows: CallingWindowAnnotating?, compliance: RowCompliance
    ) -> RowDecider {
        RowDecider(
            normalizer: normalizer, suppressionLists: suppressionLists, registries: registries, windows: windows,
            rejectWithoutWindow: rejectWithoutWindow, compliance: compliance, campaignDate: campaignDate,
            journalNote: journalNote)
    }

    /// One number's decision with its explanation, as the run would decide a row with these fields.
    public func check(_ request: CheckRequest, at time: UTCTime) -> CheckAnswer {
        check(request, with: makeDecider(), at: time)
    }

    /// The same, with a decider of this plan the caller keeps (a server's, its caches warm across
    /// checks): the plan's default country and place spellings apply, as in a run. `explain: false`
    /// skips the trace (a dialer needs the decision, not its explanation).
    public func check(
        _ request: CheckRequest, with decider: RowDecider, at time: UTCTime, explain: Bool = true
    ) -> CheckAnswer {
        decider.check(request, defaultCountry: defaultCountry, places: placeValues, at: time, explain: explain)
    }

    /// A trace's warning when the opt-out journal has events its suppression index does not hold yet.
    var journalNote: String? {
        guard let journal, !journal.freshness.isCurrent else { return nil }
        return "  WARNING: list \(journal.listName) is older than its journal: \(journal.freshness.pendingEvents) "
            + "event(s) not compiled, the oldest from \(journal.freshness.oldestPending?.description ?? "?"); "
            + "an opt-out among them is not applied"
    }
}
