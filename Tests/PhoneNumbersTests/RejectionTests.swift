import PhoneNumbers
import Testing

struct RejectionCase: CustomTestStringConvertible, Sendable {
    var input: String
    var region: String
    var reason: PhoneRejection
    var testDescription: String { "\(input.debugDescription) in \(region) is \(reason)" }
}

@Suite("rejections carry a reason")
struct RejectionTests {
    @Test(
        "each reason",
        arguments: [
            RejectionCase(input: "", region: "US", reason: .empty),
            RejectionCase(input: "   \t ", region: "US", reason: .empty),
            RejectionCase(input: "hello world", region: "US", reason: .notANumber),
            RejectionCase(input: "john@example.com", region: "US", reason: .notANumber),
            RejectionCase(input: "$95,401.00", region: "US", reason: .notANumber),
            RejectionCase(input: "---", region: "IE", reason: .notANumber),
            RejectionCase(input: "+44 20", region: "GB", reason: .tooShort),
            RejectionCase(input: "+44 123", region: "GB", reason: .tooShort),
            RejectionCase(input: "+44 1234", region: "GB", reason: .invalidForRegion),
            RejectionCase(input: "+1 415 555 01234 5678 9012", region: "US", reason: .tooLong),
            RejectionCase(input: "42273802257572599026523422", region: "IE", reason: .tooLong),
            RejectionCase(input: "+1 999 555 0123", region: "US", reason: .invalidForRegion),
            RejectionCase(input: "0412 345 678", region: "GB", reason: .invalidForRegion),
            RejectionCase(input: "+86 10 1234 5678", region: "US", reason: .unsupportedRegion),
            RejectionCase(input: "020 7946 0958", region: "ZZ", reason: .unsupportedRegion),
            RejectionCase(input: "020 7946 0958", region: "CN", reason: .unsupportedRegion),
        ])
    func reasons(_ c: RejectionCase) {
        #expect(normalize(c.input, c.region).rejection == c.reason)
    }

    @Test("an input longer than 250 characters is too long, whatever it holds")
    func overlongInput() {
        #expect(normalize(String(repeating: "1", count: 251), "US").rejection == .tooLong)
    }

    @Test("international numbers need no default region")
    func noDefaultRegion() {
        let normalizer = PhoneNormalizer(defaultRegion: nil)
        #expect(normalizer.normalize("+44 20 7946 0958").number?.e164 == 442_079_460_958)
        #expect(normalizer.normalize("020 7946 0958").rejection == .unsupportedRegion)
    }
}
