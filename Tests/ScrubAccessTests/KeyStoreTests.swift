import Foundation
import ScrubAccess
import ScrubTestSupport
import Testing

@Suite("The file key store")
struct KeyStoreTests {
    @Test("a key's token is 256 random bits with a prefix, and only its SHA-256 is stored, in a 0600 file")
    func add() throws {
        let dir = try TemporaryDirectory()
        let store = FileKeyStore(path: dir.path("keys.json"))
        let (key, token) = try store.add(name: "dialer-1", role: .dialer, created: "2026-12-01T00:00:00Z")
        #expect(token.hasPrefix("scrub_") && token.count == 6 + 43)
        #expect(token.dropFirst(6).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(key.tokenSHA256 == APIToken.digest(token) && key.tokenSHA256.count == 64)
        let text = try String(contentsOfFile: dir.path("keys.json"), encoding: .utf8)
        #expect(!text.contains(token.dropFirst(6)) && text.contains(key.tokenSHA256))
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path("keys.json"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try store.list() == [key])
    }

    @Test("two tokens are never the same")
    func distinctTokens() throws {
        let tokens = (0..<200).map { _ in APIToken.generate() }
        #expect(Set(tokens).count == tokens.count)
    }

    @Test("authenticate finds the key of a token, and nothing for a wrong or revoked one")
    func authenticate() throws {
        let dir = try TemporaryDirectory()
        let store = FileKeyStore(path: dir.path("keys.json"))
        let agent = try store.add(name: "agent-1", role: .agent, created: "2026-12-01T00:00:00Z")
        let other = try store.add(name: "ops", role: .admin, created: "2026-12-01T00:00:00Z")
        #expect(try store.authenticate(token: agent.token) == agent.key)
        #expect(try store.authenticate(token: other.token) == other.key)
        #expect(try store.authenticate(token: agent.token + "x") == nil)
        #expect(try store.authenticate(token: "") == nil)
        #expect(try store.authenticate(token: agent.key.tokenSHA256) == nil)  // the hash is not a token
        try store.revoke(name: "agent-1")
        #expect(try store.authenticate(token: agent.token) == nil)
        #expect(try store.list().map(\.name) == ["ops"])
    }

    @Test("a second store on the same file sees a change at its next call")
    func seesChanges() throws {
        let dir = try TemporaryDirectory()
        let server = FileKeyStore(path: dir.path("keys.json"))
        #expect(try server.list().isEmpty)
        let added = try FileKeyStore(path: dir.path("keys.json")).add(
            name: "late", role: .dialer, created: "2026-12-01T00:00:00Z")
        #expect(try server.authenticate(token: added.token)?.name == "late")
        try FileKeyStore(path: dir.path("keys.json")).revoke(name: "late")
        #expect(try server.authenticate(token: added.token) == nil)
    }

    @Test(
        "a taken or malformed name, and revoking an unknown key, are refused",
        arguments: ["", "a b", "x\"y", String(repeating: "k", count: 65)])
    func badNames(_ name: String) throws {
        let dir = try TemporaryDirectory()
        let store = FileKeyStore(path: dir.path("keys.json"))
        #expect(throws: KeyStoreError.self) { try store.add(name: name, role: .dialer, created: "t") }
        _ = try store.add(name: "taken", role: .dialer, created: "t")
        #expect { try store.add(name: "taken", role: .admin, created: "t") } throws: {
            ($0 as? KeyStoreError)?.kind == .usage
        }
        #expect { try store.revoke(name: "nobody") } throws: { ($0 as? KeyStoreError)?.kind == .notFound }
    }

    @Test("a file that is not a key file is refused, not read as empty")
    func damaged() throws {
        let dir = try TemporaryDirectory()
        try "{\"version\": 9, \"keys\": []}".write(toFile: dir.path("keys.json"), atomically: false, encoding: .utf8)
        #expect { try FileKeyStore(path: dir.path("keys.json")).list() } throws: {
            ($0 as? KeyStoreError)?.kind == .badData
        }
    }
}

@Suite("Roles")
struct KeyRoleTests {
    /// What each role may do, written out here rather than read from the roles.
    static let granted: [KeyRole: Set<Permission>] = [
        .dialer: [.check],
        .agent: [.check, .recordOptOut],
        .compliance: [.check, .recordOptOut, .reconsent, .readAudit],
        .admin: [.listKeys],
    ]

    @Test("each role has exactly its permissions; everything else is denied", arguments: KeyRole.allCases)
    func permissions(_ role: KeyRole) {
        for permission in Permission.allCases {
            #expect(role.allows(permission) == Self.granted[role]!.contains(permission), "\(role) \(permission)")
        }
    }

    @Test(
        "digests compare equal only when every character is",
        arguments: [("ab", "ab", true), ("ab", "ac", false), ("ab", "abc", false), ("", "", true)])
    func constantTimeEqual(_ lhs: String, _ rhs: String, _ equal: Bool) {
        #expect(APIToken.constantTimeEqual(lhs, rhs) == equal)
    }
}
