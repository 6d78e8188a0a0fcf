/// libphonenumber's numbering-plan data for the regions in scope, decoded once from the generated
/// tables (`PhoneMetadata+Data.swift`) at first use.
///
/// Everything the normaliser needs per number is an array index or a digit-automaton walk away;
/// nothing here allocates after decoding.
final class PhoneMetadata: Sendable {
    /// The data every normaliser shares, decoded on first use.
    static let shared = PhoneMetadata(packedBase64: PhoneMetadata.packedBase64)

    let regions: [RegionPlan]
    /// `countryMembers[cc]`: indexes into `regions` of the regions sharing calling code `cc`, main
    /// region first (libphonenumber's order); empty for codes outside the data.
    let countryMembers: [[UInt8]]
    let timeZoneNames: [String]
    let timeZoneSets: [[UInt16]]
    /// Prefix tables: `[prefix length][sorted (prefix, value)]`.
    let timeZonePrefixes: [[PrefixEntry]]
    let countryTimeZones: [[UInt16]]
    let subdivisionNames: [String]
    let subdivisionPrefixes: [[PrefixEntry]]

    init(
        regions: [RegionPlan], countryMembers: [[UInt8]], timeZoneNames: [String], timeZoneSets: [[UInt16]],
        timeZonePrefixes: [[PrefixEntry]], countryTimeZones: [[UInt16]], subdivisionNames: [String],
        subdivisionPrefixes: [[PrefixEntry]]
    ) {
        self.regions = regions
        self.countryMembers = countryMembers
        self.timeZoneNames = timeZoneNames
        self.timeZoneSets = timeZoneSets
        self.timeZonePrefixes = timeZonePrefixes
        self.countryTimeZones = countryTimeZones
        self.subdivisionNames = subdivisionNames
        self.subdivisionPrefixes = subdivisionPrefixes
    }

    /// The index of `region` in `regions`, or nil when the data does not cover it.
    func regionIndex(_ region: PhoneRegion) -> Int? {
        regions.firstIndex { $0.region == region }
    }

    /// The value of the longest prefix of `e164` (of `digitCount` digits) present in `table`.
    ///
    /// Every row with a number to place pays for this (its profile's key), so each shorter prefix
    /// costs one division, and the tables are read in place rather than copied (retained) per length.
    func longestPrefix(_ table: [[PrefixEntry]], e164: UInt64, digitCount: Int) -> UInt16? {
        var length = min(table.count - 1, digitCount)
        guard length > 0 else { return nil }
        var prefix = e164
        for _ in 0..<(digitCount - length) { prefix /= 10 }
        return table.withUnsafeBufferPointer { lengths in
            while length > 0 {
                let found = lengths[length].withUnsafeBufferPointer { entries -> UInt16? in
                    var low = 0
                    var high = entries.count
                    while low < high {
                        let mid = (low + high) / 2
                        if entries[mid].prefix < prefix { low = mid + 1 } else { high = mid }
                    }
                    return low < entries.count && entries[low].prefix == prefix ? entries[low].value : nil
                }
                if let found { return found }
                prefix /= 10
                length -= 1
            }
            return nil
        }
    }
}

/// One row of a prefix table: a digit prefix of an E.164 number and what it maps to.
struct PrefixEntry: Sendable {
    let prefix: UInt64
    let value: UInt16
}

/// The slots of a region automaton's accept mask, in the generator's order (`DESCS`).
enum PhoneNumberDescription: Int, CaseIterable {
    case general, premiumRate, tollFree, sharedCost, voip, personalNumber, pager, uan, voicemail, fixedLine, mobile

    var bit: UInt16 { 1 << UInt16(rawValue) }
}

/// One alternative of libphonenumber's `national_prefix_for_parsing`, tried in order.
enum NationalPrefixRule: Sendable {
    /// Strip the first of these digit strings that starts the number (a trunk prefix, or a carrier code).
    case strip([[UInt8]])
    /// The whole number matches `automaton`: put `prefix` in front (NANP 7-digit local dialling).
    case transform(prefix: [UInt8], automaton: DigitAutomaton)
}

/// Everything about one region's numbering plan that parsing and validation use. A class, so the
/// hot path passes one reference rather than copying (and retaining) its arrays.
final class RegionPlan: @unchecked Sendable {
    let region: PhoneRegion
    let countryCode: UInt16
    let sameMobileAndFixedLinePattern: Bool
    /// IDD prefixes (`00`, `011`, `0011`, ...), in libphonenumber's match order.
    let internationalPrefixes: [[UInt8]]
    /// For regions sharing a calling code: national-number prefixes that name this region.
    let leadingDigits: [[UInt8]]?
    let nationalPrefixRules: [NationalPrefixRule]
    /// Bit `n` set: a national number of `n` digits is possible.
    let possibleLengths: UInt32
    let localOnlyLengths: UInt32
    /// Per `PhoneNumberDescription`: possible-length mask, 0 when the region has no such numbers.
    let descriptionLengths: [UInt32]
    let automaton: DigitAutomaton
    /// `allowedByLength[n]`: the descriptions whose possible lengths include `n` (n < 32), so a type
    /// test is one automaton walk and one AND. Allocated once, never freed (see `DigitAutomaton`).
    let allowedByLength: UnsafePointer<UInt16>

    init(
        region: PhoneRegion, countryCode: UInt16, sameMobileAndFixedLinePattern: Bool,
        internationalPrefixes: [[UInt8]], leadingDigits: [[UInt8]]?, nationalPrefixRules: [NationalPrefixRule],
        possibleLengths: UInt32, localOnlyLengths: UInt32, descriptionLengths: [UInt32], automaton: DigitAutomaton
    ) {
        self.region = region
        self.countryCode = countryCode
        self.sameMobileAndFixedLinePattern = sameMobileAndFixedLinePattern
        self.internationalPrefixes = internationalPrefixes
        self.leadingDigits = leadingDigits
        self.nationalPrefixRules = nationalPrefixRules
        self.possibleLengths = possibleLengths
        self.localOnlyLengths = localOnlyLengths
        self.descriptionLengths = descriptionLengths
        self.automaton = automaton
        let allowed = UnsafeMutablePointer<UInt16>.allocate(capacity: 32)
        for length in 0..<32 {
            var mask: UInt16 = 0
            for description in PhoneNumberDescription.allCases
            where descriptionLengths[description.rawValue] & (1 << UInt32(length)) != 0 {
                mask |= description.bit
            }
            allowed[length] = mask
        }
        self.allowedByLength = UnsafePointer(allowed)
    }
}
