import Foundation
import ScrubAccess
import ScrubTestSupport
import Testing

@Suite("CheckLogKey: the HMAC key of check records")
struct CheckLogKeyTests {
    @Test("the pseudonym is HMAC-SHA256 of the text under the file's key")
    func knownAnswer() throws {
        let key = try CheckLogKey(
            fileText: CheckLogKey.fileTag + "\n" + Data(repeating: 0x0B, count: 32).base64EncodedString())
        // HMAC-SHA256(key = 0x0b * 32, "Hi There"), computed independently with Python's hmac module.
        #expect(key.pseudonym("Hi There") == "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7")
    }

    @Test("a key file round-trips; a new key differs; its id does not reveal it")
    func roundTrip() throws {
        let dir = try TemporaryDirectory("check-log-key")
        let key = CheckLogKey()
        try key.write(to: dir.path("k"))
        let read = try CheckLogKey.load(path: dir.path("k"))
        #expect(read.pseudonym("+14155550104") == key.pseudonym("+14155550104"))
        #expect(read.id == key.id && key.id.count == 16)
        #expect(CheckLogKey().pseudonym("+14155550104") != key.pseudonym("+14155550104"))
        #expect(!key.fileText.contains(key.id))
        #expect(throws: KeyStoreError.self) { try key.write(to: dir.path("k")) }
    }

    @Test("a key file others can read, or one that is not a key, is refused")
    func refusals() throws {
        let dir = try TemporaryDirectory("check-log-key")
        try CheckLogKey().write(to: dir.path("k"))
        chmod(dir.path("k"), 0o640)
        let readable = #expect(throws: KeyStoreError.self) { try CheckLogKey.load(path: dir.path("k")) }
        #expect(readable?.kind == .usage && readable?.message.contains("readable by others (mode 640)") == true)
        let missing = #expect(throws: KeyStoreError.self) { try CheckLogKey.load(path: dir.path("none")) }
        #expect(missing?.kind == .notFound)
        // A signing key's file is not a check-log key, though both are a tag and base64.
        #expect(throws: KeyStoreError.self) {
            try CheckLogKey(fileText: "scrub-ed25519-private-key " + Data(count: 32).base64EncodedString())
        }
        #expect(throws: KeyStoreError.self) { try CheckLogKey(fileText: "scrub-check-log-hmac-key\nc2hvcnQ=\n") }
        #expect(throws: KeyStoreError.self) { try CheckLogKey(fileText: "something else\n") }
    }
}
