import Foundation
import ScrubRecords
import ScrubRules
import ScrubTestSupport
import Testing

@Suite("Contact history")
struct ContactHistoryTests {
    @Test("the builder keeps calls inside its window and sorts them, whatever the input order")
    func window() {
        let from = UTCTime(parsing: "2026-10-01T00:00:00Z".utf8)!
        let through = UTCTime(parsing: "2026-11-30T23:59:59Z".utf8)!
        var random = SeededRandom(seed: 7)
        var calls: [(UInt64, UTCTime)] = []
        for _ in 0..<2000 {
            let number = 14_155_550_000 + UInt64(random.next() % 50)
            let offset = Int64(random.next() % UInt64(90 * 86_400)) - 15 * 86_400
            calls.append((number, UTCTime(seconds: from.seconds + offset)))
        }
        func build(_ calls: [(UInt64, UTCTime)]) -> ContactHistory {
            var builder = ContactHistory.Builder(from: from, through: through)
            for (number, time) in calls { builder.add(e164: number, time: time) }
            return builder.build()
        }
        let history = build(calls)
        let inside = calls.filter { $0.1 >= from && $0.1 <= through }
        #expect(history.callCount == inside.count)
        #expect(history.numberCount == Set(inside.map(\.0)).count)
        #expect(history.byteCount < inside.count * 6 + history.numberCount * 12 + 16)
        let reversed = build(calls.reversed())
        let probe = UTCTime(parsing: "2026-11-15T00:00:00Z".utf8)!
        for number in Set(calls.map(\.0)) {
            let expected = inside.filter { $0.0 == number && $0.1 <= probe }.count
            #expect(history.callCount(to: number, before: probe) == expected)
            #expect(reversed.callCount(to: number, before: probe) == expected)
        }
    }

    @Test("call logs load from gzip or plain, with refusals and offers; bad rows are located")
    func loading() throws {
        let dir = try TemporaryDirectory()
        let log = """
            number,called_at,result,campaign
            +33199001234,2026-11-02T09:00:00Z,refused,solar
            +33199001234,2026-11-03T09:00:00Z,NOANSWER,solar
            +13055550100,2026-11-20 10:00,NOANSWER,roofing
            +13055550100,2026-11-20T11:00:00Z,BUSY,roofing
            12,2026-11-20T11:00:00Z,BUSY,roofing
            +13055550100,when?,BUSY,roofing
            +13055550100,2026-01-01T00:00:00Z,BUSY,roofing

            """
        try writeGzipped(log, to: dir.path("calls.csv.gz"))
        var format = CallLogFormat()
        format.numberColumn = "number"
        format.timeColumn = "called_at"
        format.outcomeColumn = "result"
        format.offerColumn = "campaign"
        let from = UTCTime(parsing: "2026-10-01T00:00:00Z".utf8)!
        var builder = ContactHistory.Builder(from: from, through: UTCTime(parsing: "2026-12-01T00:00:00Z".utf8)!)
        let report = try builder.read(dir.path("calls.csv.gz"), format: format, normalizer: TestNormalizer())
        #expect(report.rows == 7 && report.kept == 4 && report.outsideWindow == 1 && report.unreadableRows == 2)
        #expect(
            report.unreadableSamples == [
                "calls.csv.gz:6: the number is not valid", "calls.csv.gz:7: the time is not an ISO 8601 time",
            ])
        let history = builder.build()
        let december = UTCTime(parsing: "2026-12-01T00:00:00Z".utf8)!
        #expect(
            history.decision(for: 33_199_001_234, at: december, offer: "solar", caps: [.france])
                == .capped(until: UTCTime(parsing: "2027-01-01T09:00:00Z".utf8)!, by: .france))
        #expect(history.callCount(to: 13_055_550_100, before: december) == 2)

        format.offerColumn = "offer"
        var other = ContactHistory.Builder(from: from, through: december)
        let error = #expect(throws: PipelineError.self) {
            try other.read(dir.path("calls.csv.gz"), format: format, normalizer: TestNormalizer())
        }
        #expect(error?.message.contains("no column `offer`") == true)
        #expect(error?.message.contains("number, called_at, result, campaign") == true, "a real header is listed")
    }

    @Test("unanswered attempts are kept and count against caps (a UK call is an attempted connection from 2026-02-05)")
    func unansweredAttemptsCount() throws {
        let dir = try TemporaryDirectory()
        let log = """
            phone,time,code
            +13055550100,2026-11-30T09:00:00Z,NO_ANSWER
            +13055550100,2026-11-30T10:00:00Z,BUSY
            +13055550100,2026-11-30T11:00:00Z,
            +13055550100,2026-11-30T12:00:00Z,VOICEMAIL

            """
        try writeGzipped(log, to: dir.path("calls.csv.gz"))
        let december = UTCTime(parsing: "2026-12-01T00:00:00Z".utf8)!
        var builder = ContactHistory.Builder(from: UTCTime(parsing: "2026-10-01T00:00:00Z".utf8)!, through: december)
        let report = try builder.read(dir.path("calls.csv.gz"), format: CallLogFormat(), normalizer: TestNormalizer())
        #expect(report.rows == 4 && report.kept == 4 && report.unreadableRows == 0)
        let history = builder.build()
        #expect(history.callCount(to: 13_055_550_100, before: december) == 4)
        let three = FrequencyCap.threeIn24Hours("FL")
        guard case .capped = history.decision(for: 13_055_550_100, at: december, offer: nil, caps: [three]) else {
            Issue.record("four unanswered attempts in 24 hours must reach a 3-call cap")
            return
        }
    }

    @Test("a header-less call log: the error says its first row looks like data and quotes no number")
    func headerlessCallLogQuotesNoNumber() throws {
        let dir = try TemporaryDirectory()
        try writeGzipped("+13055550100,2026-11-20T11:00:00Z,BUSY\n", to: dir.path("calls.csv.gz"))
        var format = CallLogFormat()
        format.numberColumn = "number"
        let december = UTCTime(parsing: "2026-12-01T00:00:00Z".utf8)!
        var builder = ContactHistory.Builder(from: UTCTime(parsing: "2026-10-01T00:00:00Z".utf8)!, through: december)
        let error = #expect(throws: PipelineError.self) {
            try builder.read(dir.path("calls.csv.gz"), format: format, normalizer: TestNormalizer())
        }
        #expect(error?.message.contains("seems to have no header") == true, "\(String(describing: error))")
        #expect(error?.description.contains("3055550100") == false)
    }
}
