/// Why a call is made. Rules apply to some purposes (Australia has separate hours for research calls;
/// France's opt-in law stops unsolicited sales calls but not calls to people who consented).
///
/// The purposes a rules file knows are declared at its top; a pipeline picks one per run.
public struct CallPurpose: Hashable, Sendable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Unsolicited sales calls (the default: the most restricted purpose in most laws).
    public static let telemarketing: CallPurpose = "telemarketing"
    /// Sales calls to people who gave prior express consent.
    public static let telemarketingWithConsent: CallPurpose = "telemarketing-consented"
    /// Survey and market research calls.
    public static let research: CallPurpose = "research"

    public var description: String { rawValue }

    public static func < (lhs: CallPurpose, rhs: CallPurpose) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
