import CallingWindows
import Synchronization

/// The calling-window annotation of one callable number, as the clean output writes it.
///
/// A window stage hands out one shared annotation per distinct request, so the run keys its
/// per-annotation work (output bytes, report counts) on `id`.
public final class WindowAnnotation: Sendable, Equatable {
    /// Unique within the process: two annotations never share an id.
    public let id: Int
    /// IANA zones, `|`-separated.
    public let timeZones: String
    /// ISO 8601 UTC intervals, `;`-separated; empty when there is no window.
    public let windowsUTC: String
    /// Ids of the rules that shaped the windows, `|`-separated.
    public let rules: String
    /// The windows in each zone's local time, as `call_windows_local` writes them (``LocalWindowText``).
    public let windowsLocal: String
    public let ambiguous: Bool
    /// Each window as (start, end) seconds since 1970, for the report's coverage chart.
    public let intervals: [ClosedRange<Int64>]
    /// When there is no window on the campaign date: the start of the first window on one of the
    /// ``deferDays`` days after it (seconds since 1970), for a dialer to reschedule rather than drop the
    /// row; nil when nothing opens in that time, or when the campaign date has a window.
    public let nextOpening: Int64?

    /// How many days after the campaign date a deferred row's next window is looked for.
    public static let deferDays = 14

    private static let nextID = Atomic<Int>(0)

    public init(
        timeZones: String, windowsUTC: String, rules: String, ambiguous: Bool, intervals: [ClosedRange<Int64>],
        nextOpening: Int64? = nil, windowsLocal: String = ""
    ) {
        self.id = Self.nextID.add(1, ordering: .relaxed).newValue
        self.timeZones = timeZones
        self.windowsUTC = windowsUTC
        self.rules = rules
        self.windowsLocal = windowsLocal
        self.ambiguous = ambiguous
        self.intervals = intervals
        self.nextOpening = nextOpening
    }

    public var hasWindow: Bool { !intervals.isEmpty }

    public static func == (lhs: WindowAnnotation, rhs: WindowAnnotation) -> Bool {
        lhs === rhs
            || (lhs.timeZones == rhs.timeZones && lhs.windowsUTC == rhs.windowsUTC && lhs.rules == rhs.rules
                && lhs.ambiguous == rhs.ambiguous && lhs.intervals == rhs.intervals
                && lhs.nextOpening == rhs.nextOpening)
    }
}

/// Where a lead says it is: its state and postcode fields.
public struct LeadLocation: Sendable, Equatable {
    public var state: String?
    public var postcode: String?
    /// Equal exactly when (state, postcode) are equal, within one run; nil when the fields were not
    /// interned, and a stage must then key on the text.
    public var key: UInt64?

    public init(state: String? = nil, postcode: String? = nil, key: UInt64? = nil) {
        self.state = state
        self.postcode = postcode
        self.key = key
    }
}

/// The calling-window stage as the pipeline sees it. Implementations cache per (zones, rules, date),
/// so the per-row cost is a lookup.
public protocol CallingWindowAnnotating: AnyObject {
    /// The version of the rules data, for reports and audit records.
    var rulesVersion: String { get }
    func annotate(_ number: NumberFacts, at location: LeadLocation) -> WindowAnnotation
    /// The window in words a compliance officer can check: zones, every rule and holiday that shaped it.
    func explain(_ number: NumberFacts, at location: LeadLocation) -> String
    /// The stage for one call channel, its rules narrowed once (the plan calls it with `campaign.channel`).
    func restricted(to channel: CallChannel) -> CallingWindowAnnotating
    /// The stage for another thread: the run decides rows on several threads, each with its own copy.
    /// A stage that caches as rows come returns a copy with caches of its own (sharing what is
    /// immutable); the default, `self`, is right only for a stage that is safe to share.
    func forAnotherThread() -> CallingWindowAnnotating
}

extension CallingWindowAnnotating {
    /// A stage without channel-specific rules (a test double) is the same for every channel.
    public func restricted(to channel: CallChannel) -> CallingWindowAnnotating { self }
    public func forAnotherThread() -> CallingWindowAnnotating { self }

    public func explain(_ number: NumberFacts, at location: LeadLocation) -> String {
        let annotation = annotate(number, at: location)
        return "Windows (UTC): \(annotation.windowsUTC.isEmpty ? "none" : annotation.windowsUTC)\n"
            + "Rules: \(annotation.rules)\nTime zones: \(annotation.timeZones)"
    }

    public func annotate(_ number: NumberFacts, state: String?, postcode: String?) -> WindowAnnotation {
        annotate(number, at: LeadLocation(state: state, postcode: postcode))
    }
}
