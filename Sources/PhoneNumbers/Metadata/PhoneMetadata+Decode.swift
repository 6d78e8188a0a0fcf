import Foundation

extension PhoneMetadata {
    /// Decodes the generator's packed format (version 1). The blob is generated and committed with the
    /// code that reads it, so a mismatch is a build defect: it traps rather than being reported.
    convenience init(packedBase64: String) {
        // The literal is wrapped over lines; the indentation and newlines are skipped as unknown characters.
        guard let data = Data(base64Encoded: packedBase64, options: .ignoreUnknownCharacters) else {
            preconditionFailure("phone metadata is not base64")
        }
        var reader = PackedReader(bytes: [UInt8](data))
        precondition(reader.u32() == 0x5343_5048 && reader.u16() == 1, "phone metadata has an unknown format")
        _ = reader.string()  // source version, also in `sourceVersion`
        let regionCodes = reader.strings()
        var members = [[UInt8]](repeating: [], count: 1000)
        for _ in 0..<reader.u16() {
            let cc = Int(reader.u16())
            members[cc] = (0..<reader.u8()).map { _ in reader.u8() }
        }
        var regions: [RegionPlan] = []
        for code in regionCodes {
            let countryCode = reader.u16()
            let same = reader.u8() == 1
            let idd = reader.strings().map { Array($0.utf8) }
            let hasLeading = reader.u8() == 1
            let leading = reader.strings().map { Array($0.utf8) }
            var rules: [NationalPrefixRule] = []
            for _ in 0..<reader.u8() {
                if reader.u8() == 0 {
                    rules.append(.strip(reader.strings().map { Array($0.utf8) }))
                } else {
                    let prefix = Array(reader.string().utf8)
                    rules.append(.transform(prefix: prefix, automaton: reader.automaton()))
                }
            }
            let possible = reader.u32()
            let localOnly = reader.u32()
            let lengths = PhoneNumberDescription.allCases.map { _ in reader.u32() }
            regions.append(
                RegionPlan(
                    region: PhoneRegion(code)!, countryCode: countryCode, sameMobileAndFixedLinePattern: same,
                    internationalPrefixes: idd, leadingDigits: hasLeading ? leading : nil,
                    nationalPrefixRules: rules, possibleLengths: possible, localOnlyLengths: localOnly,
                    descriptionLengths: lengths, automaton: reader.automaton()))
        }
        let zoneNames = reader.strings()
        let zoneSets = (0..<reader.u16()).map { _ in (0..<reader.u8()).map { _ in reader.u16() } }
        let zonePrefixes = reader.prefixTable(valueWidth: 2)
        var countryZones = [[UInt16]](repeating: [], count: 1000)
        for cc in 0..<1000 where !members[cc].isEmpty {
            countryZones[cc] = (0..<reader.u8()).map { _ in reader.u16() }
        }
        let subdivisionNames = reader.strings()
        let subdivisionPrefixes = reader.prefixTable(valueWidth: 1)
        precondition(reader.u32() == 0x454E_4421, "phone metadata is truncated")
        self.init(
            regions: regions, countryMembers: members, timeZoneNames: zoneNames, timeZoneSets: zoneSets,
            timeZonePrefixes: zonePrefixes, countryTimeZones: countryZones, subdivisionNames: subdivisionNames,
            subdivisionPrefixes: subdivisionPrefixes)
    }
}

/// A little-endian cursor over the packed tables.
private struct PackedReader {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func u8() -> UInt8 {
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16() -> UInt16 { UInt16(u8()) | UInt16(u8()) << 8 }

    mutating func u32() -> UInt32 { UInt32(u16()) | UInt32(u16()) << 16 }

    mutating func u64() -> UInt64 { UInt64(u32()) | UInt64(u32()) << 32 }

    mutating func string() -> String {
        let count = Int(u8())
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    mutating func strings() -> [String] { (0..<u16()).map { _ in string() } }

    mutating func automaton() -> DigitAutomaton {
        let states = Int(u16())
        let transitions = (0..<states * 10).map { _ in u16() }
        let accepting = (0..<states).map { _ in u16() }
        return DigitAutomaton(transitions: transitions, accepting: accepting)
    }

    /// Rows sorted by (length, prefix), regrouped as `[length][rows]`.
    mutating func prefixTable(valueWidth: Int) -> [[PrefixEntry]] {
        var table: [[PrefixEntry]] = []
        for _ in 0..<u32() {
            let length = Int(u8())
            let prefix = u64()
            let value = valueWidth == 2 ? u16() : UInt16(u8())
            while table.count <= length { table.append([]) }
            table[length].append(PrefixEntry(prefix: prefix, value: value))
        }
        return table
    }
}
