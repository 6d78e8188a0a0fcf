import ScrubKit
import ScrubRules

/// A small, exact normaliser for pipeline tests, so the run can be tested apart from numbering-plan
/// data: `+` and 8-15 digits is an E.164 number (region from the country code: 1 US, 44 GB,
/// 61 AU, 33 FR; others unsupported); 10 digits with country US is a NANP number; anything
/// else with digits is invalid.
package struct TestNormalizer: NumberNormalizing {
    package init() {}

    package func check(_ field: UnsafeRawBufferPointer, country: String) -> NumberCheck {
        var digits: [UInt8] = []
        var plus = false
        for byte in field {
            if byte == UInt8(ascii: "+") && digits.isEmpty { plus = true }
            if (48...57).contains(byte) { digits.append(byte - 48) }
        }
        if digits.isEmpty {
            return field.allSatisfy({ $0 == 32 }) ? .missing : .invalid("not a number")
        }
        var value = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
        if !plus {
            guard country == "US", digits.count == 10 else { return .invalid("too short") }
            value += 10_000_000_000
        } else if !(8...15).contains(digits.count) {
            return .invalid("wrong length")
        }
        let text = String(value)
        let regions = ["1": "US", "44": "GB", "61": "AU", "33": "FR"]
        guard let region = regions.first(where: { text.hasPrefix($0.key) })?.value else {
            return .unsupportedRegion("country code of \(text.prefix(3)) is not supported")
        }
        let zones = [
            "US": ["America/New_York"], "GB": ["Europe/London"], "AU": ["Australia/Sydney", "Australia/Perth"],
            "FR": ["Europe/Paris"],
        ]
        return .number(
            NumberFacts(
                e164: value, region: region, lineType: "fixed_line", subdivision: nil, timeZones: zones[region]!))
    }
}

/// Gives every number one fixed window, except numbers of `closedRegions`, which get none.
package final class TestWindows: CallingWindowAnnotating {
    package let rulesVersion = "test-rules-1"
    let closedRegions: Set<String>

    package init(closedRegions: Set<String> = []) {
        self.closedRegions = closedRegions
    }

    package func annotate(_ number: NumberFacts, at location: LeadLocation) -> WindowAnnotation {
        if closedRegions.contains(number.region) {
            return WindowAnnotation(
                timeZones: number.timeZones.joined(separator: "|"), windowsUTC: "", rules: "TEST-CLOSED",
                ambiguous: false, intervals: [])
        }
        return WindowAnnotation(
            timeZones: number.timeZones.joined(separator: "|"),
            windowsUTC: "2026-12-01T14:00:00Z/2026-12-02T02:00:00Z", rules: "TEST-OPEN",
            ambiguous: number.timeZones.count > 1, intervals: [1_796_133_600...1_796_176_800])
    }
}

/// A registry held in memory, with the facts an index file would carry.
package func testList(
    _ name: String, kind: NumberListInfo.Kind, regions: [String] = [], snapshot: String? = nil, maxAge: Int? = nil,
    numbers: [UInt64]
) -> NumberList {
    InMemoryNumberList(
        info: NumberListInfo(
            name: name, kind: kind, regions: regions, snapshotDate: snapshot, maxAgeDays: maxAge,
            entries: numbers.count,
            path: "/memory/\(name)", sha256: String(repeating: "a", count: 64)),
        numbers: numbers)
}
