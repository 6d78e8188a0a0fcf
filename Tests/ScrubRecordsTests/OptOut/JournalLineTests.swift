import Foundation
import ScrubKit
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("Journal lines")
struct JournalLineTests {
    @Test(
        "any text in an event reads back exactly as written",
        arguments: [
            "plain", "with \"quotes\" and \\backslashes\\", "line\nbreak\r\tand tab", "café, Zürich, 東京 ☎️ 🙅",
            "control \u{01}\u{1F} bytes", "slash / and \u{7F}", "",
        ])
    func roundTrip(text: String) throws {
        let dir = try TemporaryDirectory()
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        let request = OptOutRequest(
            channel: .letter, reason: "r: " + text, evidence: "e: " + text, actor: "a: " + text, time: testTime())
        let written = try journal.record(
            ["+1 (415) 555-0100 " + text.filter { !$0.isNumber }], country: "US", request: request,
            normalizer: TestNormalizer(), now: testTime(minutes: 1))
        var read: [OptOutEvent] = []
        try journal.forEachEvent { event, _ in read.append(event) }
        #expect(read == written)
        #expect(try HashChainedLog(path: journal.path).verify().firstBrokenLine == nil)
        let decoded = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: journal.path)))
        #expect((decoded as? [String: Any])?["reason"] as? String == "r: " + text, "the line is standard JSON")
    }

    /// A valid line's fields, to edit one at a time.
    static let valid: [String: String] = [
        "actor": #""a""#, "channel": #""sms""#, "e164": #""+14155550100""#, "event": #""opt_out""#,
        "evidence": #""e""#, "number": #""x""#, "prev_sha256": "\"\(HashChainedLog.genesis)\"", "reason": #""r""#,
        "recorded_at": #""2026-11-20T10:00:00Z""#, "scope": #""all""#, "time": #""2026-11-20T10:00:00Z""#,
        "version": "1",
    ]

    static func line(_ changes: [String: String?]) -> String {
        var fields = valid
        for (key, value) in changes { fields[key] = value }
        return "{" + fields.keys.sorted().map { "\"\($0)\":\(fields[$0]!)" }.joined(separator: ",") + "}"
    }

    @Test(
        "a line that is not a version 1 event is refused with the field at fault",
        arguments: [
            (line(["event": #""unsubscribe""#]), "`event` has an unknown value"),
            (line(["channel": #""fax""#]), "`channel` has an unknown value"),
            (line(["scope": #""a b""#]), "`scope` has an unknown value"),
            (line(["time": #""yesterday""#]), "`time` has an unknown value"),
            (line(["e164": #""14155550100""#]), "`e164` is not an E.164 number"),
            (line(["reason": nil]), "the event has no `reason`"),
            (line(["reason": "7"]), "`reason` has the wrong type"),
            (line(["version": "2"]), "journal format version 2 is not supported"),
            (line(["version": #""1""#]), "no `version` number"),
            (line(["reason": "true"]), "not a flat JSON object"),
            (line(["reason": #"{"a":"b"}"#]), "not a flat JSON object"),
            (line(["reason": #""bad \q escape""#]), "not a flat JSON object"),
            (line([:]) + "x", "not a flat JSON object"),
            ("[1,2]", "not a flat JSON object"),
            (line(["applies_to": #""person""#]), "the event has no `person`"),
            (line(["applies_to": #""person""#, "person": #""  ""#]), "`person`: the person key is empty"),
            (line(["person": #""C-1""#]), "`person` is set but `applies_to` is not `person`"),
            (line(["applies_to": #""household""#, "person": #""C-1""#]), "`applies_to` has an unknown value"),
        ])
    func refused(line: String, message: String) throws {
        let dir = try TemporaryDirectory()
        try (line + "\n").write(toFile: dir.path("j.jsonl"), atomically: false, encoding: .utf8)
        let error = #expect(throws: RecordError.self) { try OptOutJournal(path: dir.path("j.jsonl")).state() }
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
        #expect(error?.location?.hasSuffix("j.jsonl:1") == true)
    }

    @Test("a valid hand-written line is read")
    func handWritten() throws {
        let dir = try TemporaryDirectory()
        try (Self.line([:]) + "\n").write(toFile: dir.path("j.jsonl"), atomically: false, encoding: .utf8)
        let state = try OptOutJournal(path: dir.path("j.jsonl")).state()
        #expect(state.eventCount == 1 && state.isOptedOut(14_155_550_100))
    }
}
