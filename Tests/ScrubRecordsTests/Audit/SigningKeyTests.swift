import Foundation
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("Signing keys and who acted")
struct SigningKeyTests {
    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
    }

    @Test("a new key is written owner-only (0600), its public half beside it (0644), and both read back")
    func keyFiles() throws {
        let dir = try TemporaryDirectory()
        let key = SigningKey()
        try key.write(to: dir.path("signing.key"))
        #expect(try mode(dir.path("signing.key")) == 0o600)
        #expect(try mode(dir.path("signing.key.pub")) == 0o644)
        let read = try SigningKey.load(path: dir.path("signing.key"))
        #expect(read.verifyingKey.id == key.verifyingKey.id)
        #expect(try VerifyingKey.load(path: dir.path("signing.key.pub")).id == key.verifyingKey.id)
        #expect(
            try String(contentsOfFile: dir.path("signing.key"), encoding: .utf8).hasPrefix(SigningKey.fileTag + " "))
    }

    @Test("an existing key file is never replaced")
    func noOverwrite() throws {
        let dir = try TemporaryDirectory()
        try SigningKey().write(to: dir.path("signing.key"))
        let before = try Data(contentsOf: dir.url.appendingPathComponent("signing.key"))
        let error = #expect(throws: RecordError.self) { try SigningKey().write(to: dir.path("signing.key")) }
        #expect(error?.kind == .cannotCreateOutput)
        #expect(try Data(contentsOf: dir.url.appendingPathComponent("signing.key")) == before)
    }

    @Test("a private key others can read is refused", arguments: [0o640, 0o604, 0o644, 0o400])
    func readableKeyRefused(_ permissions: Int) throws {
        let dir = try TemporaryDirectory()
        try SigningKey().write(to: dir.path("signing.key"))
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: dir.path("signing.key"))
        if permissions & 0o077 == 0 {
            _ = try SigningKey.load(path: dir.path("signing.key"))
        } else {
            let error = #expect(throws: RecordError.self) { try SigningKey.load(path: dir.path("signing.key")) }
            #expect(error?.kind == .configuration)
        }
    }

    @Test(
        "files that are not keys are refused",
        arguments: ["", "scrub-ed25519-private-key", "scrub-ed25519-public-key AAAA", "ssh-ed25519 AAAAC3Nza"])
    func notKeys(_ text: String) throws {
        #expect(throws: RecordError.self) { try SigningKey(fileText: text) }
        #expect(throws: RecordError.self) { try VerifyingKey(fileText: text) }
    }

    @Test("the actor is the name given, else the effective user's login name, never a bare uid")
    func actorByName() throws {
        let login = try loginNameFromID()
        #expect(ActingUser.loginName == login)
        #expect(Int(ActingUser.loginName) == nil)
        #expect(ActingUser.name(nil) == login && ActingUser.name("  ") == login)
        #expect(ActingUser.name("Ann Lee") == "Ann Lee")
    }
}
