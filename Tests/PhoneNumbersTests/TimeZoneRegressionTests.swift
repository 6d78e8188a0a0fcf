import PhoneNumbers
import Testing

/// libphonenumber's time-zone data has had errors reported for NANP area codes 551, 534 and 308 in
/// older releases. In 9.0.43 all three agree with NANPA's assignments (551: New Jersey, Eastern; 534:
/// Wisconsin, Central; 308: western Nebraska, Central, with the panhandle exchanges Mountain), so the
/// generator's override table is empty; these tests pin the mappings so a regression in a future
/// release is caught when the data is regenerated.
@Suite("time zones for NANP 551, 534 and 308")
struct TimeZoneRegressionTests {
    @Test("551 (New Jersey overlay) is Eastern")
    func areaCode551IsEastern() {
        #expect(normalize("+1 551 200 3000", "US").number?.timeZones == ["America/New_York"])
    }

    @Test("534 (Wisconsin overlay) is Central")
    func areaCode534IsCentral() {
        #expect(normalize("+1 534 200 3000", "US").number?.timeZones == ["America/Chicago"])
    }

    @Test("308 (western Nebraska) is Central, and Mountain for the panhandle exchanges")
    func areaCode308SpansCentralAndMountain() {
        #expect(normalize("+1 308 200 3000", "US").number?.timeZones == ["America/Chicago"])
        #expect(normalize("+1 308 632 1234", "US").number?.timeZones == ["America/Denver"])
    }
}
