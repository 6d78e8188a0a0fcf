extension LocationTable {
    /// The zones of Australian `state` where `postcode` lies in it; nil when the postcode is not one of
    /// that state's (a typo, a border postcode of another state), and the state's zones then apply.
    ///
    /// A postcode narrows its state: NSW 2000 is Sydney, not Broken Hill or Lord Howe Island. Each
    /// state's postcodes keep its main zone except the few places the tz database gives a zone of their
    /// own (zone.tab's comments), by Australia Post's postcodes for them:
    /// NSW 2880 Broken Hill (Yancowinna), 2898 Lord Howe Island, 2899 Norfolk Island; WA 6443 (the Eyre
    /// Highway towns on Eucla time, and Norseman on Perth's: both apply), 6798 Christmas Island,
    /// 6799 Cocos (Keeling) Islands; QLD 4741, 4801-4803 (the Whitsunday Islands, `Australia/Lindeman`,
    /// whose clock is Brisbane's: both apply).
    public static func australianZones(state: String, postcode: String) -> [String]? {
        let state = state.uppercased()
        guard australianStates(postcode: postcode).contains(state), let code = Int(postcode) else { return nil }
        if let zones = postcodeZones[code]?[state] { return zones }
        if let zone = mainZones[state] { return [zone] }
        return zones(country: "AU", subdivision: state)
    }

    /// The places an Australian postcode names: each of its states with the zones it narrows that
    /// state to. Empty when the postcode is not one.
    public static func australianPlaces(postcode: String) -> [(state: String, zones: [String])] {
        australianStates(postcode: postcode).map { ($0, australianZones(state: $0, postcode: postcode) ?? []) }
    }

    /// The zone of most of a multi-zone state's postcodes.
    static let mainZones = ["NSW": "Australia/Sydney", "QLD": "Australia/Brisbane", "WA": "Australia/Perth"]

    /// Postcodes with zones other than their state's main zone.
    static let postcodeZones: [Int: [String: [String]]] = [
        2880: ["NSW": ["Australia/Broken_Hill"]],
        2898: ["NSW": ["Australia/Lord_Howe"]],
        2899: ["NSW": ["Pacific/Norfolk"]],
        4741: ["QLD": ["Australia/Brisbane", "Australia/Lindeman"]],
        4801: ["QLD": ["Australia/Brisbane", "Australia/Lindeman"]],
        4802: ["QLD": ["Australia/Brisbane", "Australia/Lindeman"]],
        4803: ["QLD": ["Australia/Brisbane", "Australia/Lindeman"]],
        6443: ["WA": ["Australia/Eucla", "Australia/Perth"]],
        6798: ["WA": ["Indian/Christmas"]],
        6799: ["WA": ["Indian/Cocos"]],
    ]

    /// The inhabited US territories as subdivisions of `US` (a state column naming Puerto Rico).
    static let usTerritories: Set<String> = ["AS", "GU", "MP", "PR", "VI"]
}
