/// A valid phone number in E.164 form, held as the integer of its digits (`+14155550123` is
/// `14155550123`), with the region and line type found while validating it.
///
/// Region and line type are functions of the digits, so equality and hashing follow `e164` alone.
public struct PhoneNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The E.164 digits as an integer (at most 17 digits, so always below 10^17).
    public let e164: UInt64
    let regionIndex: UInt8
    let lineTypeRaw: UInt8

    init(e164: UInt64, regionIndex: Int, lineType: PhoneLineType) {
        self.e164 = e164
        self.regionIndex = UInt8(regionIndex)
        self.lineTypeRaw = lineType.rawValue
    }

    public static func == (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 == rhs.e164 }
    public func hash(into hasher: inout Hasher) { hasher.combine(e164) }
    public static func < (lhs: PhoneNumber, rhs: PhoneNumber) -> Bool { lhs.e164 < rhs.e164 }

    private var plan: RegionPlan { PhoneMetadata.shared.regions[Int(regionIndex)] }

    /// The country calling code (`1`, `44`, `353`, ...).
    public var countryCode: UInt16 { plan.countryCode }

    /// The region whose numbering plan the number belongs to (`US`, `CA`, `GG`, ...).
    public var region: PhoneRegion { plan.region }

    public var lineType: PhoneLineType { PhoneLineType(rawValue: lineTypeRaw)! }

    /// How many digits the E.164 form has.
    public var digitCount: Int {
        var count = 1
        var value = e164
        while value >= 10 {
            value /= 10
            count += 1
        }
        return count
    }

    /// The national significant number's digit count (E.164 digits minus the calling code's).
    public var nationalNumberLength: Int {
        digitCount - (countryCode >= 100 ? 3 : countryCode >= 10 ? 2 : 1)
    }

    /// The national significant number as an integer. Leading zeros (Italy) are not represented; use
    /// `nationalNumberLength` with it, or `e164`.
    public var nationalNumber: UInt64 {
        var divisor: UInt64 = 1
        for _ in 0..<nationalNumberLength { divisor *= 10 }
        return e164 % divisor
    }

    /// Regions whose prefixes name a subdivision.
    private static let subdividedRegions = [PhoneRegion("US")!, PhoneRegion("CA")!, PhoneRegion("AU")!]

    /// The ISO 3166-2 subdivision the number's prefix names, where it names one: the state or province
    /// of a US or Canadian area code (`US-NJ`, `CA-MB`), or an Australian state or territory (`AU-NSW`).
    public var subdivision: String? {
        let metadata = PhoneMetadata.shared
        guard Self.subdividedRegions.contains(region),
            let index = metadata.longestPrefix(metadata.subdivisionPrefixes, e164: e164, digitCount: digitCount)
        else { return nil }
        let name = metadata.subdivisionNames[Int(index)]
        return name.isEmpty ? nil : name
    }

    /// The candidate IANA time zones, as libphonenumber's `time_zones_for_number` gives them (several
    /// where the prefix spans zones; the country's zones for non-geographic types), after the
    /// generator's cited overrides.
    public var timeZones: [String] {
        let metadata = PhoneMetadata.shared
        let set: [UInt16]
        if lineType.isGeographical {
            if let index = metadata.longestPrefix(metadata.timeZonePrefixes, e164: e164, digitCount: digitCount) {
                set = metadata.timeZoneSets[Int(index)]
            } else {
                return ["Etc/Unknown"]
            }
        } else {
            set = metadata.countryTimeZones[Int(countryCode)]
        }
        return set.map { metadata.timeZoneNames[Int($0)] }
    }

    /// `+` and the E.164 digits.
    public var description: String { "+\(e164)" }

    /// Equal for two numbers exactly when their region, line type, subdivision and time zones are
    /// equal, so a caller can derive those once per key instead of once per number.
    package var profileKey: UInt64 {
        let metadata = PhoneMetadata.shared
        let digits = digitCount
        var subdivisionSlot: UInt64 = 0
        if Self.subdividedRegions.contains(region),
            let index = metadata.longestPrefix(metadata.subdivisionPrefixes, e164: e164, digitCount: digits)
        {
            subdivisionSlot = UInt64(index) + 1
        }
        // Geographic types: the prefix's zone set (0 when unknown); others: the country's zones.
        let zoneSlot: UInt64
        if lineType.isGeographical {
            zoneSlot =
                metadata.longestPrefix(metadata.timeZonePrefixes, e164: e164, digitCount: digits)
                .map { UInt64($0) + 1 } ?? 0
        } else {
            zoneSlot = 0x1_0000 | UInt64(countryCode)
        }
        return UInt64(regionIndex) | UInt64(lineTypeRaw) << 8 | subdivisionSlot << 16 | zoneSlot << 32
    }
}
