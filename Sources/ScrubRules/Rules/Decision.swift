import ScrubRecords

/// One row's decision: everything the writers and the report need, in one value.
///
/// The rule that rejected a row names itself here (the list by its position, the cap by value), so
/// counts are keyed by identity, never by the display text of `detail`; nothing is read back from
/// the decider afterwards.
public struct Decision: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case clean
        case reject(RejectReason, detail: String)
    }

    public var outcome: Outcome = .clean
    /// The normalised number; nil when the phone field gave none.
    public var number: NumberFacts?
    /// The list or registry that rejected the row (`SUPPRESSED`, `DNC_REGISTRY`): its position among
    /// the decider's registries followed by its suppression lists, the report's order of lists.
    public var list: Int?
    /// The exemption that let the row past a registry match; nil when none was needed.
    public var exemption: Exemption?
    /// The cap that rejected the row (`FREQUENCY_CAP`), and when the number is callable again
    /// (`FREQUENCY_CAP`, `NO_CALLING_WINDOW`; nil when nothing opens within the look-ahead).
    public var cap: FrequencyCap?
    public var callableAgain: UTCTime?
    /// The calling-window annotation, once the window rule has judged the row.
    public var window: WindowAnnotation?
    /// What the reassigned-number answers said of the row's number; nil when it was not asked about.
    public var reassigned: ReassignedNumbers.Finding?
    /// The litigator list (by position) that listed the number with a grade below its `min_grade`, so
    /// did not reject it; counted in the report.
    public var belowMinGrade: Int?

    public init() {}

    public var isClean: Bool { outcome == .clean }

    /// The reject reason; nil when clean.
    public var reason: RejectReason? {
        guard case .reject(let reason, _) = outcome else { return nil }
        return reason
    }

    /// The rejects output's column after the existing reject columns: when a deferred row may be
    /// called, `YYYY-MM-DDTHH:MM:SSZ`.
    public static let nextCallableColumn = "next_callable_at"

    /// `next_callable_at` of a rejected row: set for the reasons that only defer a row
    /// (`FREQUENCY_CAP`, `NO_CALLING_WINDOW`) when something opens within
    /// ``WindowAnnotation/deferDays`` days of the campaign date; nil otherwise. `scrub check --json`
    /// prints the same value.
    public var nextCallableAt: UTCTime? {
        switch reason {
        case .frequencyCap?, .noCallingWindow?: callableAgain
        default: nil
        }
    }

    /// `reject_detail`; nil when clean.
    public var detail: String? {
        guard case .reject(_, let detail) = outcome else { return nil }
        return detail
    }

    /// Takes `rejection` as the row's outcome, with the list or cap that made it.
    mutating func reject(_ rejection: Rejection) {
        outcome = .reject(rejection.reason, detail: rejection.detail)
        list = rejection.list
        cap = rejection.cap
        callableAgain = rejection.callableAgain
    }
}

/// What a rule says when it rejects a row.
package struct Rejection: Sendable {
    package var reason: RejectReason
    package var detail: String
    package var list: Int?
    package var cap: FrequencyCap?
    package var callableAgain: UTCTime?

    package init(
        _ reason: RejectReason, detail: String, list: Int? = nil, cap: FrequencyCap? = nil,
        callableAgain: UTCTime? = nil
    ) {
        self.reason = reason
        self.detail = detail
        self.list = list
        self.cap = cap
        self.callableAgain = callableAgain
    }
}
