import Crypto
import Foundation
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("Signed hash-chained logs")
struct SignedLogTests {
    let key = SigningKey()

    /// Verifies the log at `path` with `bytes` in place of its content.
    func verify(_ bytes: [UInt8], at path: String) throws -> HashChainedLog.Verification {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try HashChainedLog(path: path).verify(publicKey: key.verifyingKey)
    }

    /// The 1-based line, in the edited log, where an edit of byte `offset` of `original` to `byte`
    /// shows: the line holding the byte (a newline belongs to the line it ends), or the next one when
    /// a newline replaces a line's first byte (the line before it is then empty, and skipped).
    func line(of offset: Int, in original: [UInt8], editedTo byte: UInt8) -> Int {
        let line = original[..<offset].count(where: { $0 == 0x0A }) + 1
        let startsLine = offset == 0 || original[offset - 1] == 0x0A
        return byte == 0x0A && startsLine ? line + 1 : line
    }

    @Test("a signed log verifies with its public key, and the chain alone still verifies it")
    func signedLogVerifies() throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key)
        let signed = try HashChainedLog(path: path).verify(publicKey: key.verifyingKey)
        #expect(signed.isIntact && signed.records == 4 && signed.signedRecords == 4 && signed.signaturesChecked)
        let chainOnly = try HashChainedLog(path: path).verify()
        #expect(chainOnly.isIntact && !chainOnly.signaturesChecked && chainOnly.head == signed.head)
        #expect(try lines(of: path).allSatisfy { $0.contains(#""signed_by":"\#(key.verifyingKey.id)""#) })
    }

    @Test("the signature covers every byte of the line but itself, as documented (checked with Crypto directly)")
    func signatureCoversTheLine() throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key, count: 2)
        let publicKey = try Curve25519.Signing.PublicKey(
            rawRepresentation: Data(
                base64Encoded: String(key.verifyingKey.fileText.split(separator: " ")[1].dropLast()))!)
        for line in try lines(of: path) {
            let cut = try #require(line.range(of: #","signature":""#, options: .backwards))
            let message = String(line[..<cut.lowerBound]) + "}"
            let signature = try #require(Data(base64Encoded: String(line[cut.upperBound...].dropLast(2))))
            #expect(publicKey.isValidSignature(signature, for: Data(message.utf8)))
            #expect(message.contains(#""prev_sha256":"#), "the previous digest is signed")
        }
    }

    @Test(
        "a single-byte edit at any of these offsets is found, at its line (negative: from the end)",
        arguments: [
            0, 1, 2, 9, 30, 64, 100, 150, 200, 333, 400, 512, 700, 900, -1, -2, -3, -4, -40, -89, -91, -92, -105,
        ])
    func singleByteEditAtOffset(_ offset: Int) throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key)
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let at = offset >= 0 ? offset : original.count + offset
        for edit: (UInt8) -> UInt8 in [{ $0 ^ 0x01 }, { $0 ^ 0x80 }, { $0 == 0x0A ? 0x20 : 0x0A }] {
            var bytes = original
            bytes[at] = edit(bytes[at])
            let result = try verify(bytes, at: path)
            #expect(!result.isIntact, "offset \(at): \(original[at]) -> \(bytes[at])")
            #expect(result.firstBrokenLine == line(of: at, in: original, editedTo: bytes[at]), "offset \(at)")
        }
    }

    @Test("every single-byte edit of a signed log, at every offset, is found at its line")
    func everySingleByteEdit() throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key, count: 2)
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var missed: [Int] = []
        for at in original.indices {
            for edit: (UInt8) -> UInt8 in [{ $0 ^ 0x41 }, { $0 == 0x0A ? 0x7D : 0x0A }] {
                var bytes = original
                bytes[at] = edit(bytes[at])
                let result = try verify(bytes, at: path)
                if result.isIntact || result.firstBrokenLine != line(of: at, in: original, editedTo: bytes[at]) {
                    missed.append(at)
                }
            }
        }
        #expect(missed.isEmpty, "edits not found at their line: offsets \(missed)")
    }

    @Test("the unkeyed chain misses an edit of the last record (the docs' old claim); its signature does not")
    func lastRecordEditMissedByChainCaughtBySignature() throws {
        let dir = try TemporaryDirectory()
        let unsigned = dir.path("unsigned.jsonl")
        for index in 0..<3 { try AuditLog(path: unsigned).append(auditRecord(index)) }
        var text = try lines(of: unsigned)
        text[2] = text[2].replacingOccurrences(of: "\"rows_in\":1002", with: "\"rows_in\":9")
        try write(lines: text, to: unsigned)
        #expect(try HashChainedLog(path: unsigned).verify().isIntact, "the chain cannot see it: the bug")

        let path = try signedLog(dir, key: key, count: 3)
        var signed = try lines(of: path)
        signed[2] = signed[2].replacingOccurrences(of: "\"rows_in\":1002", with: "\"rows_in\":9")
        try write(lines: signed, to: path)
        let result = try HashChainedLog(path: path).verify(publicKey: key.verifyingKey)
        #expect(result.firstBrokenLine == 3)
        #expect(result.problem?.contains("signature does not match") == true, "\(result.problem ?? "")")
    }

    @Test(
        "reordering or deleting records in the middle is found at the first line out of place",
        arguments: [("swap 2 and 3", 2), ("swap 1 and 4", 1), ("delete 2", 2), ("delete 1", 1), ("duplicate 3", 4)])
    func reorderAndDelete(_ change: String, _ expected: Int) throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key)
        var text = try lines(of: path)
        switch change {
        case "swap 2 and 3": text.swapAt(1, 2)
        case "swap 1 and 4": text.swapAt(0, 3)
        case "delete 2": text.remove(at: 1)
        case "delete 1": text.remove(at: 0)
        default: text.insert(text[2], at: 3)
        }
        try write(lines: text, to: path)
        let result = try HashChainedLog(path: path).verify(publicKey: key.verifyingKey)
        #expect(result.firstBrokenLine == expected, "\(change): \(result)")
        #expect(result.problem?.contains("does not match the line before it") == true)
    }

    @Test(
        "a record edited and re-signed with another key, its successors re-chained, is refused at that record",
        arguments: [false, true])
    func resignedWithAnotherKey(_ claimsTheRealKey: Bool) throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key)
        let attacker = Curve25519.Signing.PrivateKey()
        let claimed = claimsTheRealKey ? key.verifyingKey.id : "0123456789abcdef"
        var text = try lines(of: path)
        var edited = auditRecord(1)
        edited["rows_in"] = .int(1)
        text[1] = try forgedLine(edited, previous: sha256Hex(text[0]), key: attacker, claiming: claimed)
        for index in 2..<text.count {
            text[index] = try forgedLine(
                auditRecord(index), previous: sha256Hex(text[index - 1]), key: attacker, claiming: claimed)
        }
        try write(lines: text, to: path)
        #expect(try HashChainedLog(path: path).verify().isIntact, "the chain alone is recomputed by the attacker")
        let result = try HashChainedLog(path: path).verify(publicKey: key.verifyingKey)
        #expect(result.firstBrokenLine == 2)
        #expect(result.problem?.contains("it names key \(claimed)") == true, "\(result.problem ?? "")")
    }

    @Test("a record forged and appended without the private key is refused")
    func forgedAppend() throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key)
        var text = try lines(of: path)
        text.append(
            try forgedLine(
                auditRecord(9), previous: sha256Hex(text[3]), key: Curve25519.Signing.PrivateKey(),
                claiming: key.verifyingKey.id))
        try write(lines: text, to: path)
        #expect(try HashChainedLog(path: path).verify(publicKey: key.verifyingKey).firstBrokenLine == 5)
    }

    @Test("an unsigned log verifies as before without a public key, and is refused at its first record with one")
    func unsignedLog() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("audit.jsonl")
        for index in 0..<3 { try AuditLog(path: path).append(auditRecord(index)) }
        let plain = try HashChainedLog(path: path).verify()
        #expect(plain.isIntact && plain.records == 3 && plain.signedRecords == 0)
        let withKey = try HashChainedLog(path: path).verify(publicKey: key.verifyingKey)
        #expect(withKey.firstBrokenLine == 1)
        #expect(withKey.problem?.contains("not signed") == true)
    }

    @Test(
        "a log is signed throughout or not at all: appends that would mix are refused and write nothing",
        arguments: ["unsigned onto signed", "signed onto unsigned", "another key"])
    func mixedAppendsRefused(_ case_: String) throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("audit.jsonl")
        try AuditLog(path: path, signer: case_ == "signed onto unsigned" ? nil : key).append(auditRecord(0))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let next: SigningKey? =
            switch case_ {
            case "unsigned onto signed": nil
            case "signed onto unsigned": key
            default: SigningKey()
            }
        let error = #expect(throws: RecordError.self) {
            try AuditLog(path: path, signer: next).append(auditRecord(1))
        }
        #expect(error?.kind == .configuration)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a signed log whose last line was cut short by a crash still takes appends; verify names the cut line")
    func appendAfterCutLine() throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key, count: 2)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"run_id":"cut"#.utf8))
        try handle.close()
        try AuditLog(path: path, signer: key).append(auditRecord(3))
        #expect(try HashChainedLog(path: path).verify(publicKey: key.verifyingKey).firstBrokenLine == 3)
    }
}
