/// What a key may do: each role is a fixed set of permissions, and anything not in the set is denied.
///
/// `admin` manages keys and nothing else by virtue of the role: an administrator who needs to check
/// numbers holds a second key with that role, so the audit trail tells the two apart.
public enum KeyRole: String, Sendable, Codable, CaseIterable, Comparable {
    /// A dialer asks whether a number may be called now.
    case dialer
    /// An agent also records the opt-out a person asks for on a call.
    case agent
    /// Compliance also records re-consent and reads the audit log and the journal.
    case compliance
    /// Lists keys over HTTP; keys are added and revoked with `scrub keys`.
    case admin

    /// The permissions of the role; deny by default.
    public var permissions: Set<Permission> {
        switch self {
        case .dialer: [.check]
        case .agent: [.check, .recordOptOut]
        case .compliance: [.check, .recordOptOut, .reconsent, .readAudit]
        case .admin: [.listKeys]
        }
    }

    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }

    public static func < (lhs: KeyRole, rhs: KeyRole) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
