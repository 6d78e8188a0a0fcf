import Synchronization

/// What the pipeline needs to know about one phone number: its digits and its profile.
public struct NumberFacts: Sendable, Equatable {
    /// The E.164 digits as an integer: +14155550123 is 14155550123.
    public var e164: UInt64
    /// Region, line type, subdivision and zones: shared by every number of the same profile.
    public var profile: NumberProfile

    public init(e164: UInt64, profile: NumberProfile) {
        self.e164 = e164
        self.profile = profile
    }

    /// Facts with a profile of their own (tests, one-off checks).
    public init(e164: UInt64, region: String, lineType: String, subdivision: String?, timeZones: [String]) {
        self.init(
            e164: e164,
            profile: NumberProfile(region: region, lineType: lineType, subdivision: subdivision, timeZones: timeZones))
    }

    /// ISO 3166 region of the number (`US`, `GB`, ...).
    public var region: String { profile.region }
    /// Line type in snake case (`fixed_line`, `mobile`, `toll_free`, ...).
    public var lineType: String { profile.lineType }
    /// State, province or territory where the number says so (`CA`, `NSW`).
    public var subdivision: String? { profile.subdivision }
    /// Candidate IANA time zones of the number.
    public var timeZones: [String] { profile.timeZones }

    /// The number written as E.164 text: `+14155550123`.
    public var e164Text: String { "+\(e164)" }
}

/// Everything about a number but its digits. A normaliser hands out one shared profile per distinct
/// (region, line type, subdivision, zones), so later stages key their caches on `id`, not on text.
public final class NumberProfile: Sendable, Equatable, CustomStringConvertible {
    /// Unique within the process: two profiles never share an id.
    public let id: Int
    public let region: String
    /// The region's two ASCII letters as one integer, for cheap comparisons.
    public let regionCode: UInt16
    public let lineType: String
    public let subdivision: String?
    public let timeZones: [String]

    private static let nextID = Atomic<Int>(0)

    public init(region: String, lineType: String, subdivision: String?, timeZones: [String]) {
        self.id = Self.nextID.add(1, ordering: .relaxed).newValue
        self.region = region
        self.regionCode = Self.code(region)
        self.lineType = lineType
        self.subdivision = subdivision
        self.timeZones = timeZones
    }

    /// `region`'s letters as `regionCode` holds them; other lengths give 0.
    public static func code(_ region: String) -> UInt16 {
        let bytes = Array(region.utf8)
        return bytes.count == 2 ? UInt16(bytes[0]) << 8 | UInt16(bytes[1]) : 0
    }

    public static func == (lhs: NumberProfile, rhs: NumberProfile) -> Bool {
        lhs === rhs
            || (lhs.region == rhs.region && lhs.lineType == rhs.lineType && lhs.subdivision == rhs.subdivision
                && lhs.timeZones == rhs.timeZones)
    }

    public var description: String {
        "\(region) \(lineType)" + (subdivision.map { " \($0)" } ?? "") + " [\(timeZones.joined(separator: "|"))]"
    }
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
    /// The stage for another thread: the run decides rows on several threads, each with its own copy.
    /// A stage that caches as rows come returns a copy with caches of its own; the default, `self`,
    /// is right for a stage that is safe to share, as `Sendable` promises.
    func forAnotherThread() -> NumberNormalizing
}

extension NumberNormalizing {
    public func forAnotherThread() -> NumberNormalizing { self }
}
