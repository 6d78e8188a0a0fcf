/// The calling-window annotation of one callable number, as the clean output writes it.
public struct WindowAnnotation: Sendable, Equatable {
    /// IANA zones, `|`-separated.
    public var timeZones: String
    /// ISO 8601 UTC intervals, `;`-separated; empty when there is no window.
    public var windowsUTC: String
    /// Ids of the rules that shaped the windows, `|`-separated.
    public var rules: String
    public var ambiguous: Bool
    /// Each window as (start, end) seconds since 1970, for the report's coverage chart.
    public var intervals: [ClosedRange<Int64>]

    public init(timeZones: String, windowsUTC: String, rules: String, ambiguous: Bool, intervals: [ClosedRange<Int64>])
    {
        self.timeZones = timeZones
        self.windowsUTC = windowsUTC
        self.rules = rules
        self.ambiguous = ambiguous
        self.intervals = intervals
    }

    public var hasWindow: Bool { !intervals.isEmpty }
}

/// The calling-window stage as the pipeline sees it. Implementations cache per (zones, rules, date),
/// so the per-row cost is a lookup.
public protocol CallingWindowAnnotating: AnyObject {
    /// The version of the rules data, for reports and audit records.
    var rulesVersion: String { get }
    func annotate(_ number: NumberFacts, state: String?, postcode: String?) -> WindowAnnotation
    /// The window in words a compliance officer can check: zones, every rule and holiday that shaped it.
    func explain(_ number: NumberFacts, state: String?, postcode: String?) -> String
}

extension CallingWindowAnnotating {
    public func explain(_ number: NumberFacts, state: String?, postcode: String?) -> String {
        let annotation = annotate(number, state: state, postcode: postcode)
        return "Windows (UTC): \(annotation.windowsUTC.isEmpty ? "none" : annotation.windowsUTC)\n"
            + "Rules: \(annotation.rules)\nTime zones: \(annotation.timeZones)"
    }
}
