extension PlaceNames {
    /// Names CRM exports hold that ISO 3166-1 does not: common English variants, the four nations of the
    /// United Kingdom (all GB: one numbering plan, one registry), and the native names of the countries
    /// the scrub supports (`Sources/PhoneNumbers`' regions) and of those a registry may cover.
    ///
    /// Keys are compared as `key(_:)` makes them, so `U.S.` covers `US.` and `u s`; list a spelling only
    /// when it differs in letters.
    static let countryVariants: [(code: String, names: [String])] = [
        ("US", ["America", "United States of America", "Estados Unidos", "Etats-Unis", "Vereinigte Staaten"]),
        ("CA", ["Kanada"]),
        ("AU", ["Commonwealth of Australia", "Australien", "Australie"]),
        (
            "GB",
            [
                "UK", "Great Britain", "Britain", "England", "Scotland", "Wales", "Northern Ireland",
                "Royaume-Uni", "Grossbritannien", "Vereinigtes Königreich",
            ]
        ),
        ("IE", ["Éire", "Republic of Ireland", "Irland", "Irlande"]),
        ("FR", ["République française", "Frankreich", "Francia"]),
        ("DE", ["Deutschland", "Bundesrepublik Deutschland", "Allemagne", "Alemania", "Germania"]),
        ("ES", ["España", "Reino de España", "Spanien", "Espagne", "Spagna", "Espanya"]),
        ("IT", ["Italia", "Repubblica Italiana", "Italien", "Italie"]),
        ("NL", ["Nederland", "The Netherlands", "Holland", "Niederlande", "Pays-Bas", "Paesi Bassi"]),
        ("BE", ["België", "Belgique", "Belgien", "Belgio"]),
        ("AT", ["Österreich", "Oesterreich", "Autriche"]),
        ("CH", ["Schweiz", "Suisse", "Svizzera", "Svizra", "Confoederatio Helvetica"]),
        ("SE", ["Sverige", "Schweden", "Suède"]),
        ("DK", ["Danmark", "Dänemark", "Danemark"]),
        ("NO", ["Norge", "Noreg", "Norwegen", "Norvège"]),
        ("FI", ["Suomi", "Finnland", "Finlande"]),
        ("PL", ["Polska", "Polen", "Pologne"]),
        ("PT", ["República Portuguesa", "Portugal"]),
        ("NZ", ["Aotearoa", "Neuseeland"]),
        ("PR", ["Puerto Rico"]),
        ("VI", ["US Virgin Islands", "U.S. Virgin Islands", "USVI", "United States Virgin Islands"]),
        ("GU", ["Guam"]),
        ("AS", ["American Samoa"]),
        ("MP", ["Northern Mariana Islands", "CNMI", "Northern Marianas"]),
        ("CX", ["Christmas Island"]),
        ("CC", ["Cocos Islands", "Keeling Islands", "Cocos Keeling Islands"]),
        ("KR", ["Korea South", "Republic of Korea"]),
        ("RU", ["Russia"]),
        ("CZ", ["Czech Republic"]),
        ("VN", ["Vietnam"]),
    ]
}
