/// The four columns the pipeline adds to each clean row, already rendered.
public struct WindowColumns: Hashable, Sendable {
    /// Column names, in the order of `values`.
    public static let names = ["timezones", "call_windows_utc", "call_rules", "tz_ambiguous"]

    /// IANA zone ids, `|`-separated.
    public let timezones: String
    /// ISO 8601 intervals (`2026-12-01T14:00:00Z/2026-12-02T02:00:00Z`), `;`-separated; empty when none.
    public let callWindowsUTC: String
    /// Ids of the rules that shaped the window, `|`-separated.
    public let callRules: String
    /// `true` or `false`.
    public let tzAmbiguous: String
    /// The windows in each zone's local time (``LocalWindowText``): the `call_windows_local` column,
    /// written after the other annotation columns.
    public let callWindowsLocal: String

    public init(_ window: CallingWindow) {
        timezones = window.zones.joined(separator: "|")
        callWindowsUTC = window.windows.map(\.description).joined(separator: ";")
        callRules = window.ruleIDs.joined(separator: "|")
        tzAmbiguous = window.ambiguous ? "true" : "false"
        callWindowsLocal = LocalWindowText.text(window.windows, zones: window.zones)
    }

    /// The values in the order of `names`.
    public var values: [String] { [timezones, callWindowsUTC, callRules, tzAmbiguous] }
}
