import Foundation
import ScrubRecords
import ScrubRules

/// `scrub check`'s answer: the decision a run would make for one number, with every rule's
/// explanation, as text for people and as one JSON object for a dialer or a test.
public struct CheckAnswer: Sendable, Equatable {
    public var decision: Decision
    /// The explanation, one line each, ending with the `Decision:` line.
    public var trace: [String]
    /// When the number may be called next (see ``RowDecider/check(_:defaultCountry:places:at:)``).
    public var nextCallableAt: UTCTime?

    /// Whether the decision is `CLEAN` (`scrub check` exits 0 for it, 1 otherwise).
    public var isClean: Bool { decision.isClean }

    /// The explanation as `scrub check` prints it: the `Decision:` line first, for a person or a
    /// script reading one line, then the rules' explanation.
    public var text: String {
        guard let decisionLine = trace.last else { return "" }
        return ([decisionLine] + trace.dropLast()).joined(separator: "\n")
    }

    /// `{"decision", "detail", "e164", "next_callable_at", "trace", "windows_local", "windows_utc"}`, keys
    /// sorted, one line: `decision` is `CLEAN` or the reject reason code; `detail` the run's
    /// `reject_detail` (null when clean); `windows_utc` and `windows_local` as the clean output's
    /// `call_windows_utc` and `call_windows_local` write them (empty for a rejected number, null without
    /// a number); times `YYYY-MM-DDTHH:MM:SSZ`. Written by `AuditValue`'s canonical JSON, as the server
    /// writes its answer from the same fields.
    public var json: String { AuditValue.object(jsonFields).json }

    /// The fields of ``json``, for a caller that adds its own (the server, its `callable_now`).
    public var jsonFields: [String: AuditValue] {
        func orNull(_ text: String?) -> AuditValue { text.map { .string($0) } ?? .null }
        return [
            "decision": .string(decision.reason?.rawValue ?? "CLEAN"),
            "detail": orNull(decision.detail),
            "e164": orNull(decision.number?.e164Text),
            // A rejected row has no window in a run, so none here either: the answer is the same whether
            // or not the trace (which works the windows out to explain them) was built.
            "windows_utc": orNull(
                decision.number.map { _ in decision.isClean ? decision.window?.windowsUTC ?? "" : "" }),
            // As the clean output's `call_windows_local`: the same windows on each zone's clock.
            "windows_local": orNull(
                decision.number.map { _ in decision.isClean ? decision.window?.windowsLocal ?? "" : "" }),
            "next_callable_at": orNull(nextCallableAt?.description),
            "trace": .array(trace.map { .string($0) }),
        ]
    }

}
