import PhoneNumbers
import Testing

@Suite("what a number knows about itself")
struct PhoneNumberTests {
    @Test("the value is the E.164 digits as an integer; country code and national number split it")
    func e164Integer() throws {
        let number = try #require(normalize("+39 06 6982 1234", "IT").number)
        #expect(number.e164 == 390_669_821_234)
        #expect(number.countryCode == 39)
        #expect(number.nationalNumberLength == 10)
        #expect(number.nationalNumber == 669_821_234)
        #expect(number.description == "+390669821234")
    }

    @Test(
        "a shared calling code goes to the region that claims the number",
        arguments: [
            ("+44 1481 256789", "GG"), ("+1 876 555 1234", "JM"), ("+39 06 6982 1234", "VA"), ("+1 787 555 1234", "PR"),
            ("+1 204 222 2222", "CA"), ("+1 415 555 0123", "US"),
        ])
    func sharedCodes(input: String, region: String) {
        #expect(normalize(input, "US").number?.region.code == region)
    }

    @Test(
        "line types follow libphonenumber's precedence",
        arguments: [
            ("06 12 34 56 78", "FR", PhoneLineType.mobile), ("020 7946 0958", "GB", .fixedLine),
            ("1-800-FLOWERS", "US", .tollFree), ("(415) 555-0123", "US", .fixedLineOrMobile),
            ("09001846149", "DE", .premiumRate), ("0700/4506 7214", "DE", .personalNumber),
        ])
    func lineTypes(input: String, region: String, type: PhoneLineType) {
        #expect(normalize(input, region).number?.lineType == type)
    }

    @Test(
        "NANP area codes give the state or province; AU area codes and capitals give the state",
        arguments: [
            ("(201) 555-0123", "US", "US-NJ"), ("204 222 2222", "CA", "CA-MB"), ("416 555 0199", "CA", "CA-ON"),
            ("07 3222 1111", "AU", "AU-QLD"), ("02 9876 5432", "AU", "AU-NSW"), ("02 6123 4567", "AU", "AU-ACT"),
        ])
    func subdivisions(input: String, region: String, subdivision: String) {
        #expect(normalize(input, region).number?.subdivision == subdivision)
    }

    @Test(
        "no subdivision where the number does not say",
        arguments: [
            ("0412 345 678", "AU"), ("1-800-FLOWERS", "US"), ("020 7946 0958", "GB"),
        ])
    func noSubdivision(input: String, region: String) throws {
        let number = try #require(normalize(input, region).number)
        #expect(number.subdivision == nil)
    }

    @Test("time zones: several where a prefix spans zones, the country's for non-geographic types")
    func timeZones() throws {
        #expect(normalize("+61 8 8123 4567", "AU").number?.timeZones == ["Australia/Adelaide", "Australia/Perth"])
        #expect(normalize("020 7946 0958", "GB").number?.timeZones == ["Europe/London"])
        let tollFree = try #require(normalize("1-800-FLOWERS", "US").number)
        #expect(tollFree.timeZones.contains("America/New_York") && tollFree.timeZones.contains("Pacific/Honolulu"))
    }

    @Test("an extension holds up to 20 digits and prints them")
    func extensionDigits() throws {
        let digits = "12345678901234567890"
        #expect(PhoneExtension(digits: Array(digits.utf8))?.description == digits)
        #expect(PhoneExtension(digits: Array("007".utf8))?.description == "007")
        #expect(PhoneExtension(digits: Array("123456789012345678901".utf8)) == nil)
        #expect(PhoneExtension(digits: [UInt8]()) == nil)
    }

    @Test("bytes, sequences and strings give the same answer")
    func inputForms() {
        let normalizer = PhoneNormalizer(defaultRegion: PhoneRegion("US"))
        let text = "(415) 555-0123 x7"
        let fromString = normalizer.normalize(text)
        let fromArray = normalizer.normalize(Array(text.utf8))
        let fromLazy = normalizer.normalize(text.utf8.lazy.map { $0 })
        #expect(fromString == fromArray && fromArray == fromLazy)
        #expect(fromString.number?.e164 == 14_155_550_123)
    }

    @Test("the data is libphonenumber 9.0.43 and covers every region in scope")
    func metadata() {
        #expect(PhoneNormalizer.metadataVersion == "9.0.43")
        let supported = Set(PhoneRegion.supported.map(\.code))
        for code in "US CA PR VI GU AS MP AU GB IE FR DE ES IT NL BE AT CH SE DK NO FI PL PT NZ".split(separator: " ") {
            #expect(supported.contains(String(code)))
        }
    }
}

@Suite("numbers rebuilt from their stored E.164 integer")
struct PhoneNumberFromE164Tests {
    @Test("every valid corpus number round-trips through its UInt64 with region and type")
    func roundTrip() throws {
        for row in try CorpusRow.load("phone-normalization") where row.e164 != nil {
            let number = try #require(normalize(row.input, row.defaultRegion).number)
            let rebuilt = PhoneNumber(e164: number.e164)
            #expect(rebuilt == number)
            #expect(rebuilt?.region == number.region && rebuilt?.lineType == number.lineType)
        }
    }

    @Test(
        "integers that are not valid numbers give nil", arguments: [0, 1, 99, 1_999_555_0123, 86_10_1234_5678, 44_20])
    func invalid(value: UInt64) {
        #expect(PhoneNumber(e164: value) == nil)
    }
}
