/// Small tables from places to IANA time zones, for when a lead row has a state, province or postcode
/// column, or a number gives only its country.
///
/// Zones are the canonical ids of the tz database (`Australia/Sydney`, not the link `Australia/Canberra`).
/// A state that spans zones lists all of them; the window is then their intersection.
public enum LocationTable {
    /// Every zone of a supported country, for a number with no better location (an Australian mobile
    /// with no address): for a country with a subdivision table, its states' zones, so the mainland and
    /// Tasmania, Lord Howe Island and Alaska and Hawaii, but not external territories (Christmas Island,
    /// Cocos) or the US territories, which are countries of their own in the numbering plan.
    public static func zones(country: String) -> [String] {
        if let zones = countryZones[country.uppercased()] { return zones }
        if let subdivisions = subdivisionZones[country.uppercased()] {
            return Set(subdivisions.values.flatMap { $0 }).sorted()
        }
        return []
    }

    /// The zones of a state, province or territory (`US`, `FL` -> New York and Chicago); empty when unknown.
    ///
    /// The US territories are subdivisions too (`US`, `PR` -> Puerto Rico's zone), outside the states'
    /// table, so that `zones(country: "US")` stays the states' zones.
    public static func zones(country: String, subdivision: String) -> [String] {
        let country = country.uppercased()
        let subdivision = subdivision.uppercased()
        if let zones = subdivisionZones[country]?[subdivision] { return zones }
        if country == "US", usTerritories.contains(subdivision) { return countryZones[subdivision] ?? [] }
        return []
    }

    /// The subdivisions of `country` this table knows, sorted.
    public static func subdivisions(country: String) -> [String] {
        (subdivisionZones[country.uppercased()]?.keys).map { $0.sorted() } ?? []
    }

    /// The subdivisions of `country` that use any of `zones` (an Australian Sydney-time landline: NSW or ACT).
    public static func subdivisions(country: String, usingAnyOf zones: [String]) -> [String] {
        guard let table = subdivisionZones[country.uppercased()] else { return [] }
        let wanted = Set(zones)
        return table.filter { !wanted.isDisjoint(with: $0.value) }.keys.sorted()
    }

    /// The Australian state or territory (or states, for the few postcodes that cross a border) of a
    /// four-digit postcode; empty when the postcode is not one.
    ///
    /// Ranges from Australia Post's allocation: NT 0800-0999, NSW 1000-2599, 2619-2899, 2921-2999,
    /// ACT 0200-0299, 2600-2618, 2900-2920, VIC 3000-3999 and 8000-8999, QLD 4000-4999 and 9000-9999,
    /// SA 5000-5999, WA 6000-6999, TAS 7000-7999.
    public static func australianStates(postcode: String) -> [String] {
        guard postcode.utf8.count == 4, postcode.utf8.allSatisfy({ (48...57).contains($0) }), let code = Int(postcode)
        else {
            return []
        }
        if let states = crossBorderPostcodes[code] { return states }
        switch code {
        case 200...299, 2600...2618, 2900...2920: return ["ACT"]
        case 800...999: return ["NT"]
        case 1000...2599, 2619...2899, 2921...2999: return ["NSW"]
        case 3000...3999, 8000...8999: return ["VIC"]
        case 4000...4999, 9000...9999: return ["QLD"]
        case 5000...5999: return ["SA"]
        case 6000...6999: return ["WA"]
        case 7000...7999: return ["TAS"]
        default: return []
        }
    }

    /// Postcodes whose area lies in more than one state (confidence M: secondary lists). Every state applies.
    static let crossBorderPostcodes: [Int: [String]] = [
        872: ["NT", "SA", "WA"],
        2406: ["NSW", "QLD"],
        2611: ["ACT", "NSW"],
        2620: ["ACT", "NSW"],
        3644: ["NSW", "VIC"],
        3707: ["NSW", "VIC"],
        4383: ["NSW", "QLD"],
        4385: ["NSW", "QLD"],
    ]

    /// Countries with no subdivision table here.
    static let countryZones: [String: [String]] = [
        "PR": ["America/Puerto_Rico"], "VI": ["America/St_Thomas"], "GU": ["Pacific/Guam"],
        "AS": ["Pacific/Pago_Pago"], "MP": ["Pacific/Saipan"],
        "GB": ["Europe/London"], "IE": ["Europe/Dublin"], "FR": ["Europe/Paris"], "DE": ["Europe/Berlin"],
        "ES": ["Atlantic/Canary", "Europe/Madrid"], "IT": ["Europe/Rome"], "NL": ["Europe/Amsterdam"],
        "BE": ["Europe/Brussels"], "AT": ["Europe/Vienna"], "CH": ["Europe/Zurich"], "SE": ["Europe/Stockholm"],
        "DK": ["Europe/Copenhagen"], "NO": ["Europe/Oslo"], "FI": ["Europe/Helsinki"], "PL": ["Europe/Warsaw"],
        "PT": ["Atlantic/Azores", "Atlantic/Madeira", "Europe/Lisbon"], "NZ": ["Pacific/Auckland", "Pacific/Chatham"],
    ]

    static let subdivisionZones: [String: [String: [String]]] = [
        "AU": [
            "ACT": ["Australia/Sydney"],
            "NSW": ["Australia/Broken_Hill", "Australia/Lord_Howe", "Australia/Sydney"],
            "NT": ["Australia/Darwin"],
            "QLD": ["Australia/Brisbane", "Australia/Lindeman"],
            "SA": ["Australia/Adelaide"],
            "TAS": ["Australia/Hobart"],
            "VIC": ["Australia/Melbourne"],
            "WA": ["Australia/Eucla", "Australia/Perth"],
        ],
        "CA": [
            "AB": ["America/Edmonton"],
            "BC": [
                "America/Creston", "America/Dawson_Creek", "America/Edmonton", "America/Fort_Nelson",
                "America/Vancouver",
            ],
            "MB": ["America/Winnipeg"],
            "NB": ["America/Moncton"],
            "NL": ["America/Goose_Bay", "America/St_Johns"],
            "NS": ["America/Halifax"],
            "NT": ["America/Inuvik", "America/Yellowknife"],
            "NU": ["America/Cambridge_Bay", "America/Iqaluit", "America/Rankin_Inlet"],
            "ON": ["America/Atikokan", "America/Toronto", "America/Winnipeg"],
            "PE": ["America/Halifax"],
            "QC": ["America/Blanc-Sablon", "America/Toronto"],
            "SK": ["America/Regina", "America/Swift_Current"],
            "YT": ["America/Whitehorse"],
        ],
        "US": [
            "AK": [
                "America/Adak", "America/Anchorage", "America/Juneau", "America/Metlakatla", "America/Nome",
                "America/Sitka", "America/Yakutat",
            ],
            "AL": ["America/Chicago"], "AR": ["America/Chicago"], "AZ": ["America/Denver", "America/Phoenix"],
            "CA": ["America/Los_Angeles"], "CO": ["America/Denver"], "CT": ["America/New_York"],
            "DC": ["America/New_York"], "DE": ["America/New_York"],
            "FL": ["America/Chicago", "America/New_York"], "GA": ["America/New_York"], "HI": ["Pacific/Honolulu"],
            "IA": ["America/Chicago"], "ID": ["America/Boise", "America/Los_Angeles"],
            "IL": ["America/Chicago"],
            "IN": ["America/Chicago", "America/Indiana/Indianapolis"],
            "KS": ["America/Chicago", "America/Denver"],
            "KY": ["America/Chicago", "America/New_York"], "LA": ["America/Chicago"],
            "MA": ["America/New_York"], "MD": ["America/New_York"], "ME": ["America/New_York"],
            "MI": ["America/Detroit", "America/Menominee"], "MN": ["America/Chicago"], "MO": ["America/Chicago"],
            "MS": ["America/Chicago"], "MT": ["America/Denver"], "NC": ["America/New_York"],
            "ND": ["America/Chicago", "America/Denver"], "NE": ["America/Chicago", "America/Denver"],
            "NH": ["America/New_York"], "NJ": ["America/New_York"], "NM": ["America/Denver"],
            "NV": ["America/Los_Angeles"], "NY": ["America/New_York"], "OH": ["America/New_York"],
            "OK": ["America/Chicago"], "OR": ["America/Boise", "America/Los_Angeles"],
            "PA": ["America/New_York"], "RI": ["America/New_York"], "SC": ["America/New_York"],
            "SD": ["America/Chicago", "America/Denver"],
            "TN": ["America/Chicago", "America/New_York"], "TX": ["America/Chicago", "America/Denver"],
            "UT": ["America/Denver"], "VA": ["America/New_York"], "VT": ["America/New_York"],
            "WA": ["America/Los_Angeles"], "WI": ["America/Chicago"], "WV": ["America/New_York"],
            "WY": ["America/Denver"],
        ],
    ]
}
