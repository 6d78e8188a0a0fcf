import PhoneNumbers
import Testing

@Suite("numbers as spreadsheets leave them")
struct SpreadsheetDamageTests {
    @Test(
        "scientific notation is refused: its digits are gone",
        arguments: [
            "4.15555E+09", "4,15555E+09", "4.15555e+09", " 4.15555E+09 ", "4.15555E09", "4E9", "+4.4207946E+11",
            "1.23456789012E+11", "4.15555E-09",
        ])
    func scientific(_ input: String) {
        #expect(normalize(input, "US").rejection == .scientificNotation)
        #expect(PhoneRejection.scientificNotation.description == "scientific_notation")
    }

    @Test(
        "a number kept as text by the spreadsheet is read",
        arguments: [
            ("=\"4155550123\"", "US", 14_155_550_123), ("'4155550123", "US", 14_155_550_123),
            ("'(415) 555-0123", "US", 14_155_550_123), ("=\"\"", "US", nil),
            ("=\"+44 20 7946 0958\"", "US", 442_079_460_958), (" '+44 20 7946 0958", "US", 442_079_460_958),
            ("=\"020 7946 0958\" ", "GB", 442_079_460_958),
        ] as [(String, String, UInt64?)])
    func wrapped(_ input: String, _ region: String, _ e164: UInt64?) {
        let result = normalize(input, region)
        if let e164 {
            #expect(result.number?.e164 == e164, "\(result)")
        } else {
            #expect(result.number == nil)
        }
    }

    @Test(
        "look-alikes are not scientific notation",
        arguments: ["415 555 E123", "E+09", "4.E+09", "4.1E+", "4.1E+1234", "1-800-EXE-9000"])
    func lookAlikes(_ input: String) {
        #expect(normalize(input, "US").rejection != .scientificNotation)
    }
}
