/// How to read a disposition file (a dialer's call-outcome log) for `scrub optout import`, and what
/// to record for its do-not-call rows.
public struct DispositionImport: Sendable, Equatable {
    /// The disposition file, gzip or plain (detected by content), with a header row.
    public var path: String
    /// Outcome codes that mean "do not call", compared without case and surrounding spaces.
    public var codes: [String] = ["DNC", "OPTOUT"]
    public var numberColumn = "phone"
    /// The call's time, ISO 8601 (``UTCTime/init(parsing:)``); times without an offset are UTC.
    public var timeColumn = "time"
    public var codeColumn = "code"
    /// The call or disposition id, quoted in the evidence; when nil, or when the default `id` is not in
    /// the header, the evidence is the file and line alone.
    public var idColumn: String? = "id"
    /// Whether `idColumn` was chosen (then it must exist) or is the default (then it may be absent).
    public var idColumnRequired = false
    /// The lead's person key (a CRM contact id): a do-not-call row that gives one records an opt-out
    /// for the person, binding their other numbers too (``OptOutEvent/person``); a blank one, the number.
    public var personColumn: String?
    /// The country of national-format numbers.
    public var country = "US"
    /// The delimiter; nil detects it from the header.
    public var delimiter: UInt8?
    public var channel = OptOutChannel.call
    public var scope = OptOutScope.all
    public var actor: String

    public init(path: String, actor: String) {
        self.path = path
        self.actor = actor
    }

    /// The evidence reference of a row: `disposition calls.csv.gz:12 id=C-1001`.
    func evidence(fileName: String, line: Int, id: String?) -> String {
        "disposition \(fileName):\(line)" + (id.map { " id=\($0)" } ?? "")
    }
}

/// What an import read and appended.
public struct DispositionImportReport: Sendable, Equatable {
    /// Rows read (not counting the header).
    public var rows = 0
    /// Rows whose code means do-not-call.
    public var doNotCallRows = 0
    /// Events appended.
    public var appended = 0
    /// Do-not-call rows already in the journal (an earlier import of the same rows).
    public var alreadyRecorded = 0
    /// Do-not-call rows whose number or time could not be read, and rows that do not parse as the
    /// header says (they might be do-not-call rows); nothing is recorded for them.
    public var unreadableRows = 0
    /// `file:line: why` of the first few unreadable rows (no phone numbers).
    public var unreadableSamples: [String] = []

    public static let sampleLimit = 10

    public init() {}

    mutating func unreadable(_ text: String) {
        unreadableRows += 1
        if unreadableSamples.count < Self.sampleLimit { unreadableSamples.append(text) }
    }
}
