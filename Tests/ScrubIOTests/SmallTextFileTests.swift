import Foundation
import ScrubIO
import ScrubTestSupport
import Testing

@Suite("SmallTextFile: key and checkpoint files")
struct SmallTextFileTests {
    @Test("a secret the group or others can read is refused with its mode; owner-only modes are read")
    func secretModes() throws {
        let dir = try TemporaryDirectory("small-text-file")
        let path = dir.path("key")
        try SmallTextFile.create("tag AAAA\n", at: path, permissions: 0o600)
        for mode in [0o600, 0o400, 0o700] {
            chmod(path, mode_t(mode))
            #expect(try SmallTextFile.read(path, secret: true) == "tag AAAA\n")
        }
        for mode in [0o640, 0o604, 0o644, 0o660] {
            chmod(path, mode_t(mode))
            let error = #expect(throws: ScrubIOError.self) { try SmallTextFile.read(path, secret: true) }
            #expect(error?.kind == .unsafePermissions)
            #expect(error?.message.contains("mode \(String(mode, radix: 8))") == true, "\(String(describing: error))")
            // Not a secret (a public key, a checkpoint): any mode is read.
            #expect(try SmallTextFile.read(path) == "tag AAAA\n")
        }
    }

    @Test("a file of exactly 4 KiB is read whole; a longer one is refused, not cut")
    func sizeLimit() throws {
        let dir = try TemporaryDirectory("small-text-file")
        try SmallTextFile.create(String(repeating: "a", count: 4096), at: dir.path("full"), permissions: 0o600)
        #expect(try SmallTextFile.read(dir.path("full")).utf8.count == 4096)
        try SmallTextFile.create(String(repeating: "a", count: 4097), at: dir.path("over"), permissions: 0o600)
        let error = #expect(throws: ScrubIOError.self) { try SmallTextFile.read(dir.path("over")) }
        #expect(error?.kind == .cannotOpen)
        #expect(throws: ScrubIOError.self) { try SmallTextFile.read(dir.path("missing")) }
    }

    @Test("an existing file is never replaced, and a new one gets exactly its permissions")
    func create() throws {
        let dir = try TemporaryDirectory("small-text-file")
        let path = dir.path("key")
        try SmallTextFile.create("first", at: path, permissions: 0o644)
        let error = #expect(throws: ScrubIOError.self) {
            try SmallTextFile.create("second", at: path, permissions: 0o600)
        }
        #expect(error?.kind == .cannotCreate)
        #expect(try SmallTextFile.read(path) == "first")
        #expect(try FileDescriptor.status(ofPath: path)?.mode == 0o644)
        #expect(try FileDescriptor.status(ofPath: dir.path("none")) == nil)
    }

    @Test(
        "a key's payload is its tag, whitespace and base64; anything else is no key",
        arguments: [
            ("tag AAEC", [0, 1, 2] as [UInt8]?), ("tag\nAAEC\n", [0, 1, 2]), ("  tag \t AAEC \n", [0, 1, 2]),
            ("tag", nil), ("other AAEC", nil), ("tag AAEC extra", nil), ("tag not*base64", nil), ("", nil),
        ])
    func keyPayload(_ text: String, _ expected: [UInt8]?) {
        #expect(SmallTextFile.keyPayload(of: text, tag: "tag") == expected)
    }
}
