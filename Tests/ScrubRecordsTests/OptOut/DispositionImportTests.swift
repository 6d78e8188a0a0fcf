import Foundation
import ScrubKit
import ScrubRecords
import ScrubTestSupport
import Testing

@Suite("Disposition import")
struct DispositionImportTests {
    static let dispositions = """
        call_id,phone,started,outcome,agent
        C-1,+14155550100,2026-11-20T09:00:00Z,SALE,ann
        C-2,+14155550101,2026-11-20T09:05:00Z,DNC,ann
        C-3,(212) 555-0102,2026-11-20 09:10:00,optout,bob
        C-4,+14155550103,2026-11-20T09:15:00-05:00, dnc ,bob
        C-5,12,2026-11-20T09:20:00Z,DNC,bob
        C-6,+14155550105,yesterday,DNC,cy
        C-7,+14155550106,2026-11-20T09:30:00Z,NOANSWER,cy
        C-8,not a number,2026-11-20T09:35:00Z,NOANSWER,cy
        C-9,"broken
        C-10,+14155550107,2026-11-20T09:40:00Z,OPTOUT,cy

        """

    func options(_ path: String) -> DispositionImport {
        var options = DispositionImport(path: path, actor: "importer")
        options.numberColumn = "phone"
        options.timeColumn = "started"
        options.codeColumn = "outcome"
        options.idColumn = "call_id"
        options.idColumnRequired = true
        return options
    }

    @Test("appends do-not-call rows with the row as evidence; a second import adds nothing", arguments: [false, true])
    func idempotent(gzipped: Bool) throws {
        let dir = try TemporaryDirectory()
        let file = dir.path(gzipped ? "calls.csv.gz" : "calls.csv")
        if gzipped {
            try writeGzipped(Self.dispositions, to: file)
        } else {
            try Self.dispositions.write(toFile: file, atomically: false, encoding: .utf8)
        }
        let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
        let first = try journal.importDispositions(options(file), normalizer: TestNormalizer(), now: testTime())
        #expect(first.rows == 10)
        #expect(first.doNotCallRows == 6)
        #expect(first.appended == 4)
        #expect(first.alreadyRecorded == 0)
        #expect(first.unreadableRows == 3)
        let name = gzipped ? "calls.csv.gz" : "calls.csv"
        #expect(
            first.unreadableSamples == [
                "\(name):6: the number is not valid", "\(name):7: the time is not an ISO 8601 time",
                "\(name):10: the row does not parse as the header says",
            ])

        var events: [OptOutEvent] = []
        try journal.forEachEvent { event, _ in events.append(event) }
        #expect(events.map(\.e164) == [14_155_550_101, 12_125_550_102, 14_155_550_103, 14_155_550_107])
        #expect(events.map(\.evidence).first == "disposition \(name):3 id=C-2")
        #expect(
            events.map(\.time.description) == [
                "2026-11-20T09:05:00Z", "2026-11-20T09:10:00Z", "2026-11-20T14:15:00Z", "2026-11-20T09:40:00Z",
            ])
        #expect(
            events.map(\.reason) == [
                "disposition code DNC", "disposition code OPTOUT", "disposition code DNC", "disposition code OPTOUT",
            ])
        #expect(events.allSatisfy { $0.channel == .call && $0.actor == "importer" && $0.scope == .all })

        let bytes = try Data(contentsOf: URL(fileURLWithPath: journal.path))
        let second = try journal.importDispositions(
            options(file), normalizer: TestNormalizer(), now: testTime(minutes: 60))
        #expect(second.appended == 0)
        #expect(second.alreadyRecorded == 4)
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal.path)) == bytes)
    }

    @Test("a day's file under yesterday's name is not mistaken for it: rows differ by number and time")
    func sameNameNewContent() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("today.csv")
        let journal = OptOutJournal(path: dir.path("optouts.jsonl"))
        var options = DispositionImport(path: file, actor: "cron")
        options.idColumn = nil
        try "phone,time,code\n+14155550100,2026-11-20T09:00:00Z,DNC\n".write(
            toFile: file, atomically: false, encoding: .utf8)
        #expect(try journal.importDispositions(options, normalizer: TestNormalizer(), now: testTime()).appended == 1)
        try "phone,time,code\n+14155550199,2026-11-21T09:00:00Z,DNC\n".write(
            toFile: file, atomically: false, encoding: .utf8)
        let second = try journal.importDispositions(options, normalizer: TestNormalizer(), now: testTime())
        #expect(second.appended == 1 && second.alreadyRecorded == 0)
        var evidence: [String] = []
        try journal.forEachEvent { event, _ in evidence.append(event.evidence) }
        #expect(evidence == ["disposition today.csv:2", "disposition today.csv:2"])
    }

    @Test(
        "a missing column is a configuration error naming the option",
        arguments: [
            (\DispositionImport.codeColumn, "result", "--code-column"),
            (\DispositionImport.timeColumn, "when", "--time-column"),
            (\DispositionImport.numberColumn, "mobile", "--number-column"),
        ] as [(WritableKeyPath<DispositionImport, String> & Sendable, String, String)])
    func missingColumn(
        column: WritableKeyPath<DispositionImport, String> & Sendable, name: String, option: String
    )
        throws
    {
        let dir = try TemporaryDirectory()
        let file = dir.path("calls.csv")
        try Self.dispositions.write(toFile: file, atomically: false, encoding: .utf8)
        var options = options(file)
        options[keyPath: column] = name
        let error = #expect(throws: RecordError.self) {
            try OptOutJournal(path: dir.path("j.jsonl")).importDispositions(
                options, normalizer: TestNormalizer(), now: testTime())
        }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains("no column `\(name)`") == true)
        #expect(error?.message.contains(option) == true)
    }

    @Test(
        "a person-key column makes a row's opt-out bind the person; a blank key binds the number; a bad one is unreadable"
    )
    func personColumn() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("calls.csv")
        try """
        phone,time,code,contact
        +14155550100,2026-11-20T09:00:00Z,DNC, C-001
        +14155550101,2026-11-20T09:01:00Z,DNC,
        +14155550102,2026-11-20T09:02:00Z,DNC,\(String(repeating: "x", count: 300))

        """.write(toFile: file, atomically: false, encoding: .utf8)
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        var options = DispositionImport(path: file, actor: "a")
        options.personColumn = "contact"
        let report = try journal.importDispositions(options, normalizer: TestNormalizer(), now: testTime())
        #expect(report.appended == 2 && report.unreadableRows == 1)
        #expect(report.unreadableSamples == ["calls.csv:4: the person key is longer than 256 bytes"])
        var people: [String?] = []
        try journal.forEachEvent { event, _ in people.append(event.person) }
        #expect(people == ["C-001", nil])
        #expect(try journal.state().isOptedOut(try #require(PersonKey.subject("C-001"))))
        options.personColumn = "customer"
        let missing = #expect(throws: RecordError.self) {
            try journal.importDispositions(options, normalizer: TestNormalizer(), now: testTime())
        }
        #expect(missing?.message.contains("--person-column") == true)
    }

    @Test("the default id column may be absent; a chosen one must exist")
    func idColumn() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path("calls.csv")
        try "phone,time,code\n+14155550100,2026-11-20T09:00:00Z,OPTOUT\n".write(
            toFile: file, atomically: false, encoding: .utf8)
        let journal = OptOutJournal(path: dir.path("j.jsonl"))
        let report = try journal.importDispositions(
            DispositionImport(path: file, actor: "a"), normalizer: TestNormalizer(), now: testTime())
        #expect(report.appended == 1)
        var chosen = DispositionImport(path: file, actor: "a")
        chosen.idColumnRequired = true
        #expect(throws: RecordError.self) {
            try journal.importDispositions(chosen, normalizer: TestNormalizer(), now: testTime())
        }
    }

    @Test(
        "times are read as call logs write them",
        arguments: [
            ("2026-11-20T09:05:00Z", "2026-11-20T09:05:00Z"),
            ("2026-11-20 09:05", "2026-11-20T09:05:00Z"),
            ("2026-11-20T09:05:07.250Z", "2026-11-20T09:05:07Z"),
            ("2026-11-20T23:30:00-05:00", "2026-11-21T04:30:00Z"),
            ("2026-11-20T09:05:00+0530", "2026-11-20T03:35:00Z"),
            ("2026-11-20T09:05:00+01", "2026-11-20T08:05:00Z"),
            ("  2024-02-29T00:00:00Z ", "2024-02-29T00:00:00Z"),
            ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
        ])
    func times(text: String, utc: String) {
        #expect(UTCTime(parsing: text.utf8)?.description == utc)
    }

    @Test(
        "malformed times are not read",
        arguments: [
            "2026-11-20", "2025-02-29T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T09:05:00X",
            "20261120T090500Z", "2026-11-20T09:05:00+15:00", "", "2026-11-20T09:05:00.Z",
        ])
    func badTimes(text: String) {
        #expect(UTCTime(parsing: text.utf8) == nil)
    }
}
