/// Where a rule has force: a country (ISO 3166-1 alpha-2, `US`) or a subdivision of one (`US-FL`,
/// `AU-NSW`, `CA-BC`), or `*` for a company rule that applies everywhere.
public struct Jurisdiction: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let country: String
    public let subdivision: String?

    /// `*`: every country (company rules only).
    public static let everywhere = Jurisdiction(country: "*", subdivision: nil)

    public init(country: String, subdivision: String? = nil) {
        self.country = country.uppercased()
        self.subdivision = subdivision?.uppercased()
    }

    /// Parses `US`, `US-FL` or `*`; nil for anything else.
    public init?(_ text: String) {
        if text == "*" {
            self = .everywhere
            return
        }
        let parts = text.split(separator: "-", maxSplits: 1)
        guard let country = parts.first, country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        if parts.count == 2 {
            let sub = parts[1]
            guard (1...3).contains(sub.count), sub.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                return nil
            }
            self.init(country: String(country), subdivision: String(sub))
        } else {
            self.init(country: String(country))
        }
    }

    public var description: String {
        if let subdivision { return "\(country)-\(subdivision)" }
        return country
    }

    public static func < (lhs: Jurisdiction, rhs: Jurisdiction) -> Bool { lhs.description < rhs.description }
}
