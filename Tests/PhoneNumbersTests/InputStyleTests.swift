import PhoneNumbers
import Testing

/// One input style from issue 3, with the number it means (checked against libphonenumber 9.0.43).
struct StyleCase: CustomTestStringConvertible, Sendable {
    var input: String
    var region: String
    var e164: String
    var phoneExtension: String? = nil
    var testDescription: String { "\(input.debugDescription) in \(region)" }
}

func normalize(_ input: String, _ region: String) -> PhoneNormalization {
    PhoneNormalizer(defaultRegion: PhoneRegion(region)).normalize(input)
}

@Suite("input styles")
struct InputStyleTests {
    @Test(
        "E.164, international and national formats, digits only",
        arguments: [
            StyleCase(input: "+14155550123", region: "US", e164: "+14155550123"),
            StyleCase(input: "+44 20 7946 0958", region: "US", e164: "+442079460958"),
            StyleCase(input: "020 7946 0958", region: "GB", e164: "+442079460958"),
            StyleCase(input: "2079460958", region: "GB", e164: "+442079460958"),
            StyleCase(input: "4155550123", region: "US", e164: "+14155550123"),
            StyleCase(input: "06 12 34 56 78", region: "FR", e164: "+33612345678"),
            StyleCase(input: "0301234567", region: "DE", e164: "+49301234567"),
            StyleCase(input: "+49 30 123456", region: "US", e164: "+4930123456"),
        ])
    func formats(_ c: StyleCase) {
        #expect(normalize(c.input, c.region).number?.description == c.e164)
    }

    @Test(
        "dots, dashes, slashes, parentheses, spaces and tabs separate digits",
        arguments: [
            StyleCase(input: "415.555.0123", region: "US", e164: "+14155550123"),
            StyleCase(input: "415-555-0123", region: "US", e164: "+14155550123"),
            StyleCase(input: "030/12345678", region: "DE", e164: "+493012345678"),
            StyleCase(input: "(415) 555-0123", region: "US", e164: "+14155550123"),
            StyleCase(input: "+46    77     257     29    01", region: "SE", e164: "+46772572901"),
            StyleCase(input: "+1\t610\t799\t7101", region: "CA", e164: "+16107997101"),
            StyleCase(input: "01744\t20505", region: "GB", e164: "+44174420505"),
            StyleCase(input: "415\u{2013}555\u{2013}0123", region: "US", e164: "+14155550123"),
            StyleCase(input: "415\u{00A0}555\u{00A0}0123", region: "US", e164: "+14155550123"),
        ])
    func separators(_ c: StyleCase) {
        #expect(normalize(c.input, c.region).number?.description == c.e164)
    }

    @Test(
        "+CC (0) national, trunk prefix present or absent, the default region's own code without +",
        arguments: [
            StyleCase(input: "+41 (0)44 668 18 00", region: "CH", e164: "+41446681800"),
            StyleCase(input: "+44 (0) 20 7946 0958", region: "FR", e164: "+442079460958"),
            StyleCase(input: "0 20 7946 0958", region: "GB", e164: "+442079460958"),
            StyleCase(input: "1 415 555 0123", region: "US", e164: "+14155550123"),
            StyleCase(input: "14155550123", region: "CA", e164: "+14155550123"),
            StyleCase(input: "06 6982 1234", region: "IT", e164: "+390669821234"),
            StyleCase(input: "7741234", region: "VI", e164: "+13407741234"),
        ])
    func trunkPrefixes(_ c: StyleCase) {
        #expect(normalize(c.input, c.region).number?.description == c.e164)
    }

    @Test(
        "IDD prefixes of the default region before a country code",
        arguments: [
            StyleCase(input: "0044 20 7946 0958", region: "DE", e164: "+442079460958"),
            StyleCase(input: "011 44 20 7946 0958", region: "US", e164: "+442079460958"),
            StyleCase(input: "011 61 2 9876 5432", region: "CA", e164: "+61298765432"),
            StyleCase(input: "0011 44 20 7946 0958", region: "AU", e164: "+442079460958"),
            StyleCase(input: "0161 44 20 7946 0958", region: "NZ", e164: "+442079460958"),
            StyleCase(input: "999 44 20 7946 0958", region: "FI", e164: "+442079460958"),
            StyleCase(input: "011-1-339-979-1702", region: "CA", e164: "+13399791702"),
        ])
    func internationalPrefixes(_ c: StyleCase) {
        #expect(normalize(c.input, c.region).number?.description == c.e164)
    }

    @Test(
        "tel: URIs, with phone-context and ;ext=",
        arguments: [
            StyleCase(input: "tel:+1-415-555-0123", region: "US", e164: "+14155550123"),
            StyleCase(input: "tel:415-555-0123;phone-context=+1", region: "GB", e164: "+14155550123"),
            StyleCase(input: "tel:+44-20-7946-0958;ext=77", region: "US", e164: "+442079460958", phoneExtension: "77"),
        ])
    func telURIs(_ c: StyleCase) {
        let result = normalize(c.input, c.region)
        #expect(result.number?.description == c.e164)
        #expect(result.phoneExtension?.description == c.phoneExtension)
    }

    @Test(
        "extensions are split off and reported, never glued into the number",
        arguments: [
            StyleCase(input: "+1 415 555 0123 x123", region: "US", e164: "+14155550123", phoneExtension: "123"),
            StyleCase(input: "+1 415 555 0123 ext. 123", region: "US", e164: "+14155550123", phoneExtension: "123"),
            StyleCase(input: "+1 415 555 0123;ext=123", region: "US", e164: "+14155550123", phoneExtension: "123"),
            StyleCase(input: "415 555 0123 #123", region: "US", e164: "+14155550123", phoneExtension: "123"),
            StyleCase(input: "0 20 7946 0958 extension 45", region: "GB", e164: "+442079460958", phoneExtension: "45"),
            StyleCase(input: "+44 20 7946 0958,,12", region: "GB", e164: "+442079460958", phoneExtension: "12"),
            StyleCase(input: "(804) 400-9616 x10816", region: "US", e164: "+18044009616", phoneExtension: "10816"),
            StyleCase(input: "(804) 400-9616 - 503#", region: "US", e164: "+18044009616", phoneExtension: "503"),
            StyleCase(input: "667 56 74 92 ext. 90493", region: "ES", e164: "+34667567492", phoneExtension: "90493"),
        ])
    func extensions(_ c: StyleCase) {
        let result = normalize(c.input, c.region)
        #expect(result.number?.description == c.e164)
        #expect(result.phoneExtension?.description == c.phoneExtension)
    }

    @Test(
        "full-width and Arabic-Indic digits",
        arguments: [
            StyleCase(input: "＋４４ ２０ ７９４６ ０９５８", region: "US", e164: "+442079460958"),
            StyleCase(input: "٠٢٠ ٧٩٤٦ ٠٩٥٨", region: "GB", e164: "+442079460958"),
            StyleCase(input: "۰۲۰ ۷۹۴۶ ۰۹۵۸", region: "GB", e164: "+442079460958"),
            StyleCase(
                input: "+٤٩ ٠٨٠٠ ٢٩٢٢٧٩٢١٧١ x٦٨٧٨٥", region: "DE", e164: "+498002922792171", phoneExtension: "68785"),
        ])
    func otherDigits(_ c: StyleCase) {
        let result = normalize(c.input, c.region)
        #expect(result.number?.description == c.e164)
        #expect(result.phoneExtension?.description == c.phoneExtension)
    }

    @Test(
        "vanity letters become keypad digits when there are at least three",
        arguments: [
            StyleCase(input: "1-800-FLOWERS", region: "US", e164: "+18003569377"),
            StyleCase(input: "0800 FLOWERS", region: "GB", e164: "+448003569377"),
            StyleCase(input: "(888) 786-HELP", region: "US", e164: "+18887864357"),
        ])
    func vanity(_ c: StyleCase) {
        #expect(normalize(c.input, c.region).number?.description == c.e164)
    }

    @Test("fewer than three letters are dropped, as libphonenumber does, so the number is too short")
    func twoLettersAreNotVanity() {
        #expect(normalize("+1 415 555 01AB", "US").rejection != nil)
    }
}
