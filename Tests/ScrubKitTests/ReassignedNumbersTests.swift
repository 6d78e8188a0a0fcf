import CallingWindows
import ScrubTestSupport
import Testing

@testable import ScrubKit
@testable import ScrubRules

@Suite("Reassigned numbers: answers files and the REASSIGNED rule")
struct ReassignedNumbersTests {
    static func table(_ text: String, file: String = "rnd.csv") throws -> ReassignedNumbers {
        var answers: [(number: UInt64, entry: ReassignedNumbers.Entry)] = []
        let facts = try ReassignedNumbersFile.parse(
            VendorCSV(bytes: Array(text.utf8), file: file), index: 0, into: &answers)
        return ReassignedNumbers(answers: answers, files: [facts])
    }

    static func answers(_ table: ReassignedNumbers, _ e164: UInt64) -> [String] {
        table.answers(for: e164).map { "\($0.dateAsked) \($0.answer.rawValue)" }
    }

    @Test(
        "both layouts read the number, the date asked and the answer, whatever the order and spelling",
        arguments: [
            ("number,date_asked,answer\n+14155550123,2026-03-01,yes\n", "2026-03-01 yes"),
            ("number,date_asked,answer\r\n4155550123,2026-03-01,No\r\n", "2026-03-01 no"),
            ("number,date_asked,answer\n1-415-555-0123,2026-03-01,no data\n", "2026-03-01 no_data"),
            ("answer,number,date_asked\nNO_DATA,(415) 555-0123,2026-03-01\n", "2026-03-01 no_data"),
            // The RND's own result file: its column names, US dates, quoted fields, extra columns.
            ("\"Phone Number\",\"Date\",\"Result\"\n\"4155550123\",\"03/01/2026\",\"Yes\"\n", "2026-03-01 yes"),
            ("TN,Date Provided,Response,Note\n4155550123,3/1/2026,No Data,x\n", "2026-03-01 no_data"),
            ("\n\nnumber,date_asked,answer\n\n+1 415 555 0123,2026-03-01,YES\n\n", "2026-03-01 yes"),
            // Read as lead files are: a byte-order mark, and a quoted note holding a comma and a line break.
            (
                "\u{FEFF}number,date_asked,answer,note\n4155550123,2026-03-01,yes,\"two\nlines, one comma\"\n",
                "2026-03-01 yes"
            ),
        ] as [(String, String)])
    func layouts(text: String, expected: String) throws {
        let table = try Self.table(text)
        #expect(Self.answers(table, 14_155_550_123) == [expected])
        #expect(table.count == 1)
    }

    @Test("a file's facts count its answers by kind and span its dates asked, and answers sort by date")
    func facts() throws {
        let table = try Self.table(
            """
            number,date_asked,answer
            4155550123,2026-05-01,no
            4155550123,2026-01-15,yes
            2125550187,2026-03-01,no data
            3055550100,2026-02-01,no

            """)
        let file = try #require(table.files.first)
        #expect(file.answers == [.yes: 1, .no: 2, .noData: 1])
        #expect(file.firstDateAsked == LocalDate("2026-01-15") && file.lastDateAsked == LocalDate("2026-05-01"))
        #expect(Self.answers(table, 14_155_550_123) == ["2026-01-15 yes", "2026-05-01 no"])
        #expect(Self.answers(table, 14_155_550_124).isEmpty)
        let report = table.facts(rows: [.reassigned: 2])
        #expect(report.files.map(\.answers) == [["yes": 1, "no": 2, "no_data": 1]])
        #expect(report.rows == ["reassigned": 2, "not_reassigned": 0, "no_data": 0, "other_dates": 0])
    }

    @Test(
        "a malformed line stops the load with file:line:column and what is wrong",
        arguments: [
            ("phone_no,when,what\n", "rnd.csv:1:1", "must be a header"),
            (
                "number,date_asked,answer\n4155550123,2026-03-01,yes\n415555012,2026-03-01,no\n", "rnd.csv:3:1",
                "not a US number"
            ),
            ("number,date_asked,answer\n+44 20 7123 4567,2026-03-01,no\n", "rnd.csv:2:1", "not a US number"),
            ("number,date_asked,answer\n4155550123,2026-02-30,no\n", "rnd.csv:2:12", "not a date"),
            ("number,date_asked,answer\n4155550123,13/01/2026,no\n", "rnd.csv:2:12", "not a date"),
            ("number,date_asked,answer\n4155550123, 2026-03-01 ,maybe\n", "rnd.csv:2:25", "not an answer"),
            ("number,date_asked,answer\n4155550123,2026-03-01\n", "rnd.csv:2:22", "missing the answer field"),
            // The column counts a quoted field's bytes, commas inside it included.
            ("number,note,date_asked,answer\n4155550123,\"a, b\",2026-02-30,no\n", "rnd.csv:2:19", "not a date"),
            ("number,date_asked,answer\n4155550123,2026-03-01,\"yes\n", "rnd.csv:2", "never closed"),
        ] as [(String, String, String)])
    func malformed(text: String, location: String, message: String) {
        #expect {
            _ = try Self.table(text)
        } throws: { error in
            guard let error = error as? PipelineError else { return false }
            return error.kind == .badData && error.location == location && error.message.contains(message)
        }
    }

    @Test("a gzipped answers file reads as the plain one; a missing one is named")
    func gzipped() throws {
        let dir = try TemporaryDirectory("rnd")
        let text = "number,date_asked,answer\n4155550123,2026-03-01,yes\n4155550124,2026-03-02,no\n"
        try writeGzipped(text, to: dir.path("rnd.csv.gz"))
        let table = try ReassignedNumbersFile.load(paths: [dir.path("rnd.csv.gz")])
        #expect(Self.answers(table, 14_155_550_123) == ["2026-03-01 yes"])
        #expect(Self.answers(table, 14_155_550_124) == ["2026-03-02 no"])
        let missing = #expect(throws: PipelineError.self) {
            try ReassignedNumbersFile.load(paths: [dir.path("none.csv")])
        }
        #expect(missing?.kind == .missingInput && missing?.location == dir.path("none.csv"))
    }

    static let answersFile = """
        number,date_asked,answer
        4155550123,2026-03-01,yes
        4155550124,2026-03-01,no
        4155550125,2026-03-01,no data
        4155550126,2026-03-01,yes
        4155550126,2026-06-01,no

        """

    func decide(_ phone: String, consent: String?, ebr: String? = nil) throws -> Decision {
        let decider = SerialDecider(
            RowDecider(
                normalizer: PhoneNormalizerStage(), suppressionLists: [], registries: [], windows: nil,
                rejectWithoutWindow: false, compliance: RowCompliance(reassigned: try Self.table(Self.answersFile))))
        let evidence = LeadEvidence(
            consentDay: consent.flatMap(LocalDate.init), relationshipDay: ebr.flatMap(LocalDate.init),
            relationship: ebr == nil ? nil : .purchase)
        return Array(phone.utf8).withUnsafeBytes {
            decider.decide(phone: $0, country: "US", line: 2, evidence: { evidence })
        }
    }

    @Test(
        "a yes asked on or after the lead's consent or contact date rejects REASSIGNED; other answers count",
        arguments: [
            // (phone, consent, ebr, reason, finding)
            ("+14155550123", "2026-02-28", nil, "REASSIGNED", "reassigned"),  // the day before the date asked
            ("+14155550123", "2026-03-01", nil, "REASSIGNED", "reassigned"),  // the date asked itself
            ("+14155550123", "2026-03-02", nil, "CLEAN", "other_dates"),  // consent after it: ask again
            ("+14155550123", "2026-03-02", "2026-01-10", "REASSIGNED", "reassigned"),  // the earlier date counts
            ("+14155550123", nil, nil, "REASSIGNED", "reassigned"),  // no date: nothing shows it came after
            ("+14155550124", "2026-03-01", nil, "CLEAN", "not_reassigned"),  // safe harbour
            ("+14155550124", "2026-02-01", nil, "CLEAN", "other_dates"),  // a no for a later date than consent
            ("+14155550125", "2026-02-01", nil, "CLEAN", "no_data"),
            ("+14155550126", "2026-07-01", nil, "CLEAN", "not_reassigned"),  // re-consented after; asked again
            ("+14155550126", "2026-04-01", nil, "CLEAN", "other_dates"),
            ("+14155550199", "2026-02-01", nil, "CLEAN", "none"),  // not asked about
        ] as [(String, String?, String?, String, String)])
    func decisions(phone: String, consent: String?, ebr: String?, reason: String, finding: String) throws {
        let decision = try decide(phone, consent: consent, ebr: ebr)
        #expect((decision.reason?.rawValue ?? "CLEAN") == reason)
        #expect((decision.reassigned?.rawValue ?? "none") == finding)
        if reason == "REASSIGNED" {
            #expect(decision.detail?.contains("on or after 2026-03-01") == true, "\(decision.detail ?? "")")
            #expect(decision.detail?.contains("rnd.csv") == true)
        }
    }

    @Test("REASSIGNED ranks after the lists and registries, before DUPLICATE")
    func precedence() {
        #expect(RejectReason.litigator < .reassigned && RejectReason.dncRegistry < .reassigned)
        #expect(RejectReason.reassigned < .duplicate)
    }

    @Test("a duplicate of a reassigned lead is REASSIGNED too: the rule ranks before duplicates")
    func duplicates() throws {
        let decider = SerialDecider(
            RowDecider(
                normalizer: PhoneNormalizerStage(), suppressionLists: [], registries: [], windows: nil,
                rejectWithoutWindow: false, compliance: RowCompliance(reassigned: try Self.table(Self.answersFile))))
        let reasons = [2, 3].map { line in
            Array("+14155550123".utf8).withUnsafeBytes { decider.decide(phone: $0, country: "US", line: line).reason }
        }
        #expect(reasons == [.reassigned, .reassigned])
    }
}
