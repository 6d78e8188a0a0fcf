/// What the pipeline needs to know about one phone number.
public struct NumberFacts: Sendable, Equatable {
    /// The E.164 digits as an integer: +14155550123 is 14155550123.
    public var e164: UInt64
    /// ISO 3166 region of the number (`US`, `GB`, ...).
    public var region: String
    /// Line type in snake case (`fixed_line`, `mobile`, `toll_free`, ...).
    public var lineType: String
    /// State, province or territory where the number says so (`CA`, `NSW`).
    public var subdivision: String?
    /// Candidate IANA time zones of the number.
    public var timeZones: [String]

    public init(e164: UInt64, region: String, lineType: String, subdivision: String?, timeZones: [String]) {
        self.e164 = e164
        self.region = region
        self.lineType = lineType
        self.subdivision = subdivision
        self.timeZones = timeZones
    }

    /// The number written as E.164 text: `+14155550123`.
    public var e164Text: String { "+\(e164)" }
}

/// The outcome of normalising one phone field.
public enum NumberCheck: Sendable, Equatable {
    case number(NumberFacts)
    /// The field is empty or blank.
    case missing
    /// Not a valid number; the detail says why (too short, not a number, ...).
    case invalid(String)
    /// A valid-looking number in a region this scrub does not support.
    case unsupportedRegion(String)
}

/// The normalisation stage as the pipeline sees it: bytes of a phone field and the row's country in,
/// one `NumberCheck` out.
public protocol NumberNormalizing: Sendable {
    func check(_ field: UnsafeRawBufferPointer, country: String) -> NumberCheck
}
