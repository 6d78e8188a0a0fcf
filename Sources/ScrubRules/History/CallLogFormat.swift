import ScrubRecords

/// How to read a call log (dialer history or dispositions) into a ``ContactHistory``.
public struct CallLogFormat: Sendable, Equatable {
    public var numberColumn = "phone"
    public var timeColumn = "time"
    /// How times are written (``DateFormat/time(_:)``): ISO 8601 by default; times without an offset,
    /// and the written formats' local times, are read as UTC.
    public var timeFormat = DateFormat.iso8601
    /// The outcome code; optional: without it no call counts as a refusal.
    public var outcomeColumn: String? = "code"
    /// The offer, campaign or subject; optional: without it every call counts for every offer.
    public var offerColumn: String?
    /// Outcome codes that mean the person refused, compared without case or surrounding spaces.
    public var refusalCodes = ["REFUSED", "NOT_INTERESTED", "DNC", "OPTOUT"]
    /// The country of national-format numbers.
    public var country = "US"
    /// The delimiter; nil detects it from the header.
    public var delimiter: UInt8?

    public init() {}
}

/// What loading one call log read.
public struct CallLogReport: Sendable, Equatable {
    public var path: String
    public var rows = 0
    /// Calls kept (inside the window).
    public var kept = 0
    public var outsideWindow = 0
    /// Rows whose number or time could not be read, or that do not parse as the header says.
    public var unreadableRows = 0
    /// `file:line: why` of the first few unreadable rows (no phone numbers).
    public var unreadableSamples: [String] = []

    public init(path: String) {
        self.path = path
    }
}
