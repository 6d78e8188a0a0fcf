import CallingWindows
import ScrubRules
import Testing

@Suite("Dates as CRM exports write them")
struct DateFormatTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var format: String
        var value: String
        /// The day read, or nil when the value must not read.
        var day: String?
        /// Seconds since the day's midnight, for values with a time.
        var seconds: Int? = nil
        var testDescription: String { "\(format) \"\(value)\"" }
    }

    static let cases: [Case] = [
        Case(format: "ISO8601", value: "2026-07-26", day: "2026-07-26"),
        Case(format: "iso8601", value: "2026-07-26T23:30:00-05:00", day: "2026-07-26"),
        Case(format: "ISO8601", value: "07/26/2026", day: nil),
        Case(format: "YYYY-MM-DD", value: "2026-07-26", day: "2026-07-26"),
        Case(format: "YYYY-MM-DD", value: " 2026-7-6 ", day: "2026-07-06"),
        Case(format: "YYYY-MM-DD", value: "2026-07-26 14:30", day: "2026-07-26", seconds: 52_200),
        Case(format: "YYYY-MM-DD", value: "2026-07-26T14:30:15", day: "2026-07-26", seconds: 52_215),
        Case(format: "YYYY-MM-DD", value: "26-07-2026", day: nil),
        Case(format: "MM/DD/YYYY", value: "07/26/2026", day: "2026-07-26"),
        Case(format: "MM/DD/YYYY", value: "7/6/2026", day: "2026-07-06"),
        Case(format: "MM/DD/YYYY", value: "07/26/2026 09:05", day: "2026-07-26", seconds: 32_700),
        Case(format: "MM/DD/YYYY", value: "07/26/2026 9:05:07", day: "2026-07-26", seconds: 32_707),
        Case(format: "MM/DD/YYYY", value: "7/26/2026 2:30 PM", day: "2026-07-26", seconds: 52_200),
        Case(format: "MM/DD/YYYY", value: "7/26/2026 12:10 am", day: "2026-07-26", seconds: 600),
        Case(format: "MM/DD/YYYY", value: "7/26/2026 13:10 PM", day: nil),
        Case(format: "MM/DD/YYYY", value: "26/07/2026", day: nil),  // no 26th month
        Case(format: "MM/DD/YYYY", value: "07/26/26", day: nil),  // a 2-digit year is ambiguous
        Case(format: "MM/DD/YYYY", value: "07/26/2026 25:00", day: nil),
        Case(format: "MM/DD/YYYY", value: "07/26/2026 14:60", day: nil),
        Case(format: "MM/DD/YYYY", value: "07/26/2026 14:30 +02:00", day: nil),
        Case(format: "MM/DD/YYYY", value: "07-26-2026", day: nil),
        Case(format: "MM/DD/YYYY", value: "02/30/2026", day: nil),
        Case(format: "DD/MM/YYYY", value: "26/07/2026", day: "2026-07-26"),
        Case(format: "DD/MM/YYYY", value: "07/26/2026", day: nil),
        Case(format: "DD/MM/YYYY", value: "29/02/2028 23:59:59", day: "2028-02-29", seconds: 86_399),
        Case(format: "DD.MM.YYYY", value: "26.07.2026", day: "2026-07-26"),
        Case(format: "DD.MM.YYYY", value: "26.07.2026 08:00", day: "2026-07-26", seconds: 28_800),
        Case(format: "DD.MM.YYYY", value: "26.07.2026 08:00:00.250", day: "2026-07-26", seconds: 28_800),
        Case(format: "DD.MM.YYYY", value: "26/07/2026", day: nil),
        Case(format: "DD-MM-YYYY", value: "26-07-2026", day: "2026-07-26"),
        Case(format: "YYYY/MM/DD", value: "2026/07/26", day: "2026-07-26"),
        Case(format: "DD.MM.YYYY", value: "", day: nil),
        Case(format: "DD.MM.YYYY", value: "yesterday", day: nil),
    ]

    @Test("each format reads its own values, with or without a time, and nothing else", arguments: cases)
    func reads(_ test: Case) throws {
        let format = try #require(DateFormat(name: test.format))
        let day = Array(test.value.utf8).withUnsafeBytes { format.day($0) }
        #expect(day == test.day.flatMap(LocalDate.init))
        if format != .iso8601 {
            let reading = Array(test.value.utf8).withUnsafeBytes { format.read($0) }
            #expect(reading?.secondsOfDay == test.seconds)
        }
    }

    @Test("a call log's written time is a UTC instant; a date alone its midnight")
    func time() throws {
        let format = try #require(DateFormat(name: "MM/DD/YYYY"))
        let day = Int64(LocalDate("2026-11-30")!.dayNumber) * 86_400
        #expect(Array("11/30/2026 6:15 PM".utf8).withUnsafeBytes(format.time)?.seconds == day + 18 * 3_600 + 900)
        #expect(Array("11/30/2026".utf8).withUnsafeBytes(format.time)?.seconds == day)
        #expect(Array("2026-11-30".utf8).withUnsafeBytes(format.time) == nil)
        #expect(Array("2026-11-30T18:15:00Z".utf8).withUnsafeBytes(DateFormat.iso8601.time)?.seconds == day + 65_700)
    }

    @Test(
        "format names: the documented ones in any case; others refused",
        arguments: [
            ("YYYY-MM-DD", "YYYY-MM-DD"), ("mm/dd/yyyy", "MM/DD/YYYY"), ("DD/MM/YYYY", "DD/MM/YYYY"),
            ("DD.MM.YYYY", "DD.MM.YYYY"), ("ISO 8601", "ISO8601"), ("MM/DD-YYYY", nil), ("DD:MM:YYYY", nil),
            ("YYYY-DD-MM", nil), ("US", nil), ("MM/DD/YY", nil), ("", nil),
        ] as [(String, String?)])
    func names(_ name: String, _ canonical: String?) {
        #expect(DateFormat(name: name)?.description == canonical)
    }

    @Test("every named format reads its own name's example")
    func everyName() {
        #expect(DateFormat.all.count == DateFormat.names.count)
        for format in DateFormat.all where format != .iso8601 {
            let example = format.description.replacingOccurrences(of: "YYYY", with: "2026")
                .replacingOccurrences(of: "MM", with: "07").replacingOccurrences(of: "DD", with: "26")
            #expect(Array(example.utf8).withUnsafeBytes(format.day) == LocalDate("2026-07-26"), "\(format)")
        }
    }
}
