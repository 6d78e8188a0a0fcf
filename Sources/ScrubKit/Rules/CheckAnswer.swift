import Foundation
import ScrubRecords

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
    /// a number); times `YYYY-MM-DDTHH:MM:SSZ`.
    public var json: String { Self.json(jsonObject) }

    /// The fields of ``json`` as a `JSONSerialization` object, for a caller that adds its own (the server).
    public var jsonObject: [String: Any] { jsonFields.mapValues(\.foundationValue) }

    /// The fields of ``json`` as values the server writes without `JSONSerialization` (whose sorting of
    /// keys was most of a check request's cost); the same bytes, as the server's tests hold.
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

    /// `object` as ``json`` writes it: keys sorted, one line, slashes as they are.
    public static func json(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
