extension PlaceNames {
    /// States, provinces and territories by country: the code `LocationTable` and the rules use (the
    /// postal abbreviation, which is also the ISO 3166-2 code after the country's), then the names and
    /// abbreviations lead files hold.
    ///
    /// US: the 50 states, DC, and the five inhabited territories (which are also countries of their own
    /// in a country column), with AP-style abbreviations (`Tex.`, `Calif.`). CA: provinces and
    /// territories, English and French names, and the retired `NF`, `PQ`, `YK`. AU: states and
    /// territories, with Jervis Bay Territory read as the ACT it is administered with.
    static let subdivisionNames: [String: [(code: String, names: [String])]] = [
        "US": [
            ("AL", ["Alabama", "Ala."]), ("AK", ["Alaska"]), ("AZ", ["Arizona", "Ariz."]),
            ("AR", ["Arkansas", "Ark."]), ("CA", ["California", "Calif.", "Cal."]),
            ("CO", ["Colorado", "Colo."]), ("CT", ["Connecticut", "Conn."]), ("DE", ["Delaware", "Del."]),
            ("DC", ["District of Columbia", "Washington DC", "Washington D.C.", "D.C."]),
            ("FL", ["Florida", "Fla."]), ("GA", ["Georgia"]), ("HI", ["Hawaii", "Hawaiʻi"]),
            ("ID", ["Idaho"]), ("IL", ["Illinois", "Ill."]), ("IN", ["Indiana", "Ind."]), ("IA", ["Iowa"]),
            ("KS", ["Kansas", "Kan.", "Kans."]), ("KY", ["Kentucky"]), ("LA", ["Louisiana"]),
            ("ME", ["Maine"]), ("MD", ["Maryland"]), ("MA", ["Massachusetts", "Mass."]),
            ("MI", ["Michigan", "Mich."]), ("MN", ["Minnesota", "Minn."]), ("MS", ["Mississippi", "Miss."]),
            ("MO", ["Missouri"]), ("MT", ["Montana", "Mont."]), ("NE", ["Nebraska", "Neb.", "Nebr."]),
            ("NV", ["Nevada", "Nev."]), ("NH", ["New Hampshire"]), ("NJ", ["New Jersey"]),
            ("NM", ["New Mexico"]), ("NY", ["New York"]), ("NC", ["North Carolina"]),
            ("ND", ["North Dakota"]), ("OH", ["Ohio"]), ("OK", ["Oklahoma", "Okla."]),
            ("OR", ["Oregon", "Ore."]), ("PA", ["Pennsylvania", "Penn."]), ("RI", ["Rhode Island"]),
            ("SC", ["South Carolina"]), ("SD", ["South Dakota"]), ("TN", ["Tennessee", "Tenn."]),
            ("TX", ["Texas", "Tex."]), ("UT", ["Utah"]), ("VT", ["Vermont"]), ("VA", ["Virginia"]),
            ("WA", ["Washington", "Wash."]), ("WV", ["West Virginia", "W.Va."]),
            ("WI", ["Wisconsin", "Wis.", "Wisc."]), ("WY", ["Wyoming", "Wyo."]),
            ("PR", ["Puerto Rico"]), ("GU", ["Guam"]),
            ("VI", ["US Virgin Islands", "U.S. Virgin Islands", "Virgin Islands", "USVI"]),
            ("AS", ["American Samoa"]), ("MP", ["Northern Mariana Islands", "CNMI", "Northern Marianas"]),
        ],
        "CA": [
            ("AB", ["Alberta", "Alta."]), ("BC", ["British Columbia", "Colombie-Britannique", "B.C."]),
            ("MB", ["Manitoba", "Man."]), ("NB", ["New Brunswick", "Nouveau-Brunswick", "N.B."]),
            ("NL", ["Newfoundland and Labrador", "Newfoundland", "Terre-Neuve-et-Labrador", "NF", "Nfld."]),
            ("NS", ["Nova Scotia", "Nouvelle-Écosse", "N.S."]),
            ("NT", ["Northwest Territories", "Territoires du Nord-Ouest", "N.W.T.", "NWT"]),
            ("NU", ["Nunavut"]), ("ON", ["Ontario", "Ont."]),
            ("PE", ["Prince Edward Island", "Île-du-Prince-Édouard", "P.E.I.", "PEI"]),
            ("QC", ["Quebec", "Québec", "PQ", "Que."]), ("SK", ["Saskatchewan", "Sask."]),
            ("YT", ["Yukon", "Yukon Territory", "YK"]),
        ],
        "AU": [
            ("ACT", ["Australian Capital Territory", "Jervis Bay Territory", "JBT"]),
            ("NSW", ["New South Wales"]), ("NT", ["Northern Territory"]), ("QLD", ["Queensland"]),
            ("SA", ["South Australia"]), ("TAS", ["Tasmania"]), ("VIC", ["Victoria"]),
            ("WA", ["Western Australia"]),
        ],
    ]
}
