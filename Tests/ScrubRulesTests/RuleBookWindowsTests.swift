import CallingWindows
import Testing

@testable import ScrubRules

@Suite("Rule-book windows")
struct RuleBookWindowsTests {
    let windows: RuleBookWindows
    let australian = NumberFacts(
        e164: 61_412_345_678, region: "AU", lineType: "mobile", subdivision: nil,
        timeZones: ["Australia/Perth", "Australia/Sydney"])
    let american = NumberFacts(
        e164: 12_125_550_101, region: "US", lineType: "fixed_line_or_mobile", subdivision: "US-NY",
        timeZones: ["America/New_York"])

    init() throws {
        windows = RuleBookWindows(
            ruleBook: try RuleBook.bundled(), date: LocalDate("2026-12-01")!, purpose: "telemarketing")
    }

    /// A location as the run builds it: interned ids in the key (state low, postcode from bit 20).
    func location(state: (String, UInt64)?, postcode: (String, UInt64)?) -> LeadLocation {
        LeadLocation(
            state: state?.0, postcode: postcode?.0, key: (state?.1 ?? 0xF_FFFF) | (postcode?.1 ?? 0xF_FFFF) << 20)
    }

    @Test("a keyed look-up gives what computing from the text gives, for every kind of location")
    func keyedMatchesText() {
        let cases: [(NumberFacts, LeadLocation)] = [
            (australian, location(state: nil, postcode: ("6000", 1))),  // Perth: WA
            (australian, location(state: nil, postcode: ("2000", 2))),  // Sydney: NSW
            (australian, location(state: nil, postcode: ("6005", 3))),  // another WA postcode
            (australian, location(state: nil, postcode: nil)),
            (american, location(state: ("NY", 1), postcode: ("10001", 4))),
            (american, location(state: ("CA", 2), postcode: nil)),
        ]
        for (number, keyed) in cases {
            var unkeyed = keyed
            unkeyed.key = nil
            #expect(windows.annotate(number, at: keyed) == windows.annotate(number, at: unkeyed), "\(keyed)")
        }
    }

    @Test("Australian postcodes are keyed by the states they name; other countries ignore the postcode")
    func postcodeKeys() {
        let perth = windows.annotate(australian, at: location(state: nil, postcode: ("6000", 1)))
        let sydney = windows.annotate(australian, at: location(state: nil, postcode: ("2000", 2)))
        let alsoPerth = windows.annotate(australian, at: location(state: nil, postcode: ("6005", 3)))
        #expect(perth != sydney)
        #expect(perth === alsoPerth, "two WA postcodes get the one WA annotation")
        let first = windows.annotate(american, at: location(state: ("NY", 1), postcode: ("10001", 4)))
        let second = windows.annotate(american, at: location(state: ("NY", 1), postcode: ("94105", 5)))
        #expect(first === second, "a US postcode changes nothing")
    }
}
