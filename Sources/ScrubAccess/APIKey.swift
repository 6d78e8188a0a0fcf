/// One key as the store keeps it: a name, a role, when it was made, and only the SHA-256 of its token.
public struct APIKey: Sendable, Equatable, Codable {
    /// Unique in a store; how the audit trail names the actor.
    public var name: String
    public var role: KeyRole
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var created: String
    /// The token's SHA-256, lower-case hex. Never shown: ``listing`` leaves it out.
    public var tokenSHA256: String

    public init(name: String, role: KeyRole, created: String, tokenSHA256: String) {
        self.name = name
        self.role = role
        self.created = created
        self.tokenSHA256 = tokenSHA256
    }

    enum CodingKeys: String, CodingKey {
        case name, role, created
        case tokenSHA256 = "token_sha256"
    }

    /// The key without its hash: what `scrub keys list` and `GET /v1/keys` show.
    public var listing: KeyListing { KeyListing(name: name, role: role, created: created) }

    /// Whether `name` can name a key: 1 to 64 of letters, digits, `.`, `_`, `-` and `@`, so it
    /// reads unquoted in logs and audit records.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || ".-_@".unicodeScalars.contains($0)
            }
    }
}

/// A key's public facts: name, role and creation time.
public struct KeyListing: Sendable, Equatable, Codable {
    public var name: String
    public var role: KeyRole
    public var created: String

    public init(name: String, role: KeyRole, created: String) {
        self.name = name
        self.role = role
        self.created = created
    }
}
