/// What an opt-out (or re-consent) covers: every call, or one brand or campaign.
///
/// Names are case-insensitive and stored in lower case (`Acme` and `acme` are one scope); they hold
/// letters, digits, `.`, `_` and `-`. `all` is the whole company.
public struct OptOutScope: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The scope's name, lower case: `all`, or a brand or campaign.
    public let name: String

    /// Every call by the company.
    public static let all = OptOutScope(checked: "all")

    /// Reads a scope name, or nil when it is empty or holds other characters than letters, digits,
    /// `.`, `_` and `-`.
    public init?(_ text: String) {
        let lowered = text.lowercased()
        guard !lowered.isEmpty, lowered.utf8.count <= 100,
            lowered.unicodeScalars.allSatisfy({
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
            })
        else { return nil }
        name = lowered
    }

    private init(checked: String) {
        name = checked
    }

    public var isAll: Bool { name == "all" }

    public var description: String { name }

    public static func < (lhs: OptOutScope, rhs: OptOutScope) -> Bool { lhs.name < rhs.name }
}
