import Foundation

/// Country and state names as lead files write them, read into the codes the rest of the scrub uses:
/// `United States`, `U.S.A.` and `usa` are `US`; `Texas` and `tx` are `TX` in the United States.
///
/// A CRM export holds whatever its users typed or its picklist wrote: ISO 3166 codes, English short
/// names, common variants, native names. Both tables are data (ISO 3166-1 in `PlaceNames+Countries.swift`,
/// generated; variants and subdivisions in `PlaceNames+Variants.swift` and `PlaceNames+Subdivisions.swift`),
/// read once per process into dictionaries keyed by `key(_:)`; a run then looks each distinct field value
/// up once.
///
/// A column's role decides how a value reads: `Georgia` in a country column is the country (GE), in a
/// state column the US state (GA); `IN` is India as a country and Indiana as a state.
public enum PlaceNames {
    /// The countries that have a subdivision table here.
    public static let subdivisionCountries = ["AU", "CA", "US"]

    /// The ISO 3166-1 alpha-2 code of the country `text` names; nil when it names none.
    ///
    /// Accepts alpha-2 and alpha-3 codes, the ISO English short names, iso-codes' common and official
    /// names, and the variants and native names of `PlaceNames+Variants.swift`, ignoring case, accents,
    /// spaces and punctuation (`U.S.A.`, `united  states`, `Espana`).
    public static func country(_ text: String) -> String? {
        countryByKey[key(text)]
    }

    /// The code (`TX`, `ON`, `NSW`) of the state, province or territory of `country` that `text` names:
    /// a postal abbreviation, an ISO 3166-2 code (`US-TX`), an English name or a common variant; nil when
    /// it names none (or `country` has no table here).
    public static func subdivision(_ text: String, country: String) -> String? {
        let country = country.uppercased()
        guard let table = subdivisionByKey[country] else { return nil }
        // Spaces around it (Unicode's, tabs; not line breaks), without Foundation's bridging: a check pays
        // for it per request.
        let blank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        var from = text.startIndex
        var to = text.endIndex
        while from < to, blank(text[from]) { from = text.index(after: from) }
        while to > from, blank(text[text.index(before: to)]) { to = text.index(before: to) }
        var text = text[from..<to]
        if text.uppercased().hasPrefix(country + "-") { text = text.dropFirst(country.count + 1) }
        return table[key(String(text))]
    }

    /// Which of `subdivisionCountries` have a subdivision named `text`, as a bit set in their order
    /// (bit 0 AU, bit 1 CA, bit 2 US); 0 when none does.
    public static func subdivisionCountryMask(_ text: String) -> UInt8 {
        var mask: UInt8 = 0
        for (bit, country) in subdivisionCountries.enumerated() where subdivision(text, country: country) != nil {
            mask |= 1 << bit
        }
        return mask
    }

    /// The bit `subdivisionCountryMask` uses for `country`; 0 for a country without a table.
    public static func subdivisionCountryBit(_ country: String) -> UInt8 {
        subdivisionCountries.firstIndex(of: country).map { 1 << $0 } ?? 0
    }

    /// The form names are compared in: accents removed, letters and digits only, upper case.
    /// `U.S.A.` and `u s a` are `USA`; `España` is `ESPANA`; `Île-du-Prince-Édouard` is `ILEDUPRINCEEDOUARD`.
    package static func key(_ text: String) -> String {
        // ASCII (most values) byte by byte: the same result without decomposing the text.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): bytes.append(byte - 0x20)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "&"): bytes += Array("AND".utf8)
                default: continue
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar == "&" {
                scalars.append(contentsOf: "AND".unicodeScalars)
                continue
            }
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { continue }
            scalars.append(scalar)
        }
        return String(scalars).uppercased()
    }

    /// Every name of every country, by key.
    static let countryByKey: [String: String] = {
        var table: [String: String] = [:]
        for (code, names) in isoCountries + countryVariants {
            table[key(code)] = code
            for name in names { table[key(name)] = code }
        }
        return table
    }()

    /// Every name of every subdivision, by country, then by key.
    static let subdivisionByKey: [String: [String: String]] = {
        var tables: [String: [String: String]] = [:]
        for (country, entries) in subdivisionNames {
            var table: [String: String] = [:]
            for (code, names) in entries {
                table[key(code)] = code
                for name in names { table[key(name)] = code }
            }
            tables[country] = table
        }
        return tables
    }()
}
