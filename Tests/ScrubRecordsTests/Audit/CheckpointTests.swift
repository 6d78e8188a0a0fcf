import Foundation
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("Log checkpoints")
struct CheckpointTests {
    let key = SigningKey()

    /// A checkpoint of the log at `path` now, read back from its signed line.
    func checkpoint(_ path: String) throws -> LogCheckpoint {
        let result = try HashChainedLog(path: path).verify(publicKey: key.verifyingKey)
        let line = try LogCheckpoint(log: "audit.jsonl", records: result.records, head: result.head, time: testTime())
            .line(signedWith: key)
        return try LogCheckpoint(line: line, publicKey: key.verifyingKey)
    }

    @Test("a checkpoint's line reads back with its public key")
    func roundTrip() throws {
        let line = try LogCheckpoint(
            log: "audit.jsonl", records: 7, head: String(repeating: "a", count: 64), time: testTime()
        )
        .line(signedWith: key)
        let read = try LogCheckpoint(line: line + "\n", publicKey: key.verifyingKey)
        #expect(read.records == 7 && read.head == String(repeating: "a", count: 64) && read.time == testTime())
        #expect(read.signatureChecked)
        #expect(line.hasPrefix(#"{"checkpoint":1,"head_sha256":""#))
    }

    @Test(
        "an edited checkpoint, or one signed by another key, is refused with the public key",
        arguments: ["records", "another key", "unsigned"])
    func editedCheckpoint(_ change: String) throws {
        let checkpoint = LogCheckpoint(
            log: "audit.jsonl", records: 7, head: String(repeating: "a", count: 64), time: testTime())
        var line = try checkpoint.line(signedWith: change == "another key" ? SigningKey() : key)
        if change == "records" { line = line.replacingOccurrences(of: "\"records\":7", with: "\"records\":3") }
        if change == "unsigned" { line = String(line[..<line.range(of: ",\"signature\"")!.lowerBound]) + "}" }
        let error = #expect(throws: RecordError.self) { try LogCheckpoint(line: line, publicKey: key.verifyingKey) }
        #expect(error?.kind == .badData)
        #expect(try LogCheckpoint(line: line, publicKey: nil).signatureChecked == false)
    }

    @Test(
        "expect-head: a tail cut to fewer records than the checkpoint fails, a log grown past it passes",
        arguments: [(cut: 1, grow: 0), (cut: 4, grow: 0), (cut: 0, grow: 3), (cut: 0, grow: 0), (cut: 2, grow: 2)])
    func tailCut(_ cut: Int, _ grow: Int) throws {
        let dir = try TemporaryDirectory()
        let path = try signedLog(dir, key: key)
        let saved = try checkpoint(path)
        var text = try lines(of: path)
        text.removeLast(cut)
        try write(lines: text, to: path)
        for index in 0..<grow { try AuditLog(path: path, signer: key).append(auditRecord(10 + index)) }
        let result = try HashChainedLog(path: path).verify(publicKey: key.verifyingKey, expecting: saved)
        #expect(try HashChainedLog(path: path).verify(publicKey: key.verifyingKey).isIntact, "the chain cannot see it")
        if cut == 0 {
            #expect(result.isIntact, "\(result)")
        } else if grow < cut {
            #expect(result.problem?.contains("cut from the end") == true, "\(result)")
            #expect(result.firstBrokenLine == nil)
        } else {
            // Cut and regrown to the checkpoint's count: another record stands at its count.
            #expect(result.firstBrokenLine == 4 && result.problem?.contains("rewritten") == true, "\(result)")
        }
    }

    @Test("expect-head: an unsigned log rewritten whole, with as many records, fails at the checkpoint's record")
    func rewrittenUnsignedLog() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("audit.jsonl")
        for index in 0..<3 { try AuditLog(path: path).append(auditRecord(index)) }
        let result = try HashChainedLog(path: path).verify()
        let saved = try LogCheckpoint(
            line: try LogCheckpoint(log: "audit.jsonl", records: 3, head: result.head, time: testTime())
                .line(signedWith: key), publicKey: key.verifyingKey)
        try FileManager.default.removeItem(atPath: path)
        for index in [0, 5, 2] { try AuditLog(path: path).append(auditRecord(index)) }
        let rewritten = try HashChainedLog(path: path).verify(expecting: saved)
        #expect(rewritten.firstBrokenLine == 3 && !rewritten.isIntact)
    }
}
