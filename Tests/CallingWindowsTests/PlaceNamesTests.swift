import Testing

@testable import CallingWindows

@Suite("Place names")
struct PlaceNamesTests {
    @Test(
        "a country column's codes, names, variants and native names all read as the ISO code",
        arguments: [
            ("US", "US"), ("us", "US"), ("USA", "US"), ("U.S.", "US"), ("U.S.A.", "US"), (" u s a ", "US"),
            ("United States", "US"), ("UNITED STATES", "US"), ("United States of America", "US"),
            ("united-states", "US"), ("Canada", "CA"), ("CAN", "CA"), ("Australia", "AU"), ("AUS", "AU"),
            ("UK", "GB"), ("U.K.", "GB"), ("GBR", "GB"), ("United Kingdom", "GB"), ("Great Britain", "GB"),
            ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"), ("Northern Ireland", "GB"),
            ("United Kingdom of Great Britain and Northern Ireland", "GB"), ("Deutschland", "DE"),
            ("Germany", "DE"), ("DEU", "DE"), ("España", "ES"), ("Espana", "ES"), ("ESPAÑA", "ES"),
            ("Spain", "ES"), ("France", "FR"), ("FRA", "FR"), ("Nederland", "NL"), ("The Netherlands", "NL"),
            ("Holland", "NL"), ("Österreich", "AT"), ("Oesterreich", "AT"), ("Schweiz", "CH"), ("Suisse", "CH"),
            ("Svizzera", "CH"), ("België", "BE"), ("Belgique", "BE"), ("Italia", "IT"), ("Sverige", "SE"),
            ("Danmark", "DK"), ("Norge", "NO"), ("Suomi", "FI"), ("Polska", "PL"), ("Éire", "IE"),
            ("Ireland", "IE"), ("New Zealand", "NZ"), ("Aotearoa", "NZ"), ("Puerto Rico", "PR"),
            ("Virgin Islands, U.S.", "VI"), ("US Virgin Islands", "VI"), ("Guam", "GU"), ("American Samoa", "AS"),
            ("Northern Mariana Islands", "MP"), ("Christmas Island", "CX"), ("Cocos (Keeling) Islands", "CC"),
            ("Korea, Republic of", "KR"), ("South Korea", "KR"), ("Trinidad & Tobago", "TT"),
            ("Côte d'Ivoire", "CI"),
            // A column's role decides: these are countries here, states in a state column.
            ("Georgia", "GE"), ("IN", "IN"), ("India", "IN"), ("NL", "NL"),
        ])
    func countries(text: String, code: String) {
        #expect(PlaceNames.country(text) == code)
    }

    @Test(
        "values that name no country stay unknown, states included",
        arguments: ["", "   ", "Atlantis", "U", "Texas", "New South Wales", "NSW", "Ontario", "12", "+1 212 555 0101"])
    func notCountries(text: String) {
        #expect(PlaceNames.country(text) == nil)
    }

    @Test("every ISO 3166-1 entry and every variant reads as its own code: no name is claimed twice")
    func noCollisions() {
        for (code, names) in PlaceNames.isoCountries + PlaceNames.countryVariants {
            #expect(PlaceNames.country(code) == code)
            for name in names { #expect(PlaceNames.country(name) == code, "\(name)") }
        }
        #expect(PlaceNames.isoCountries.count == 249)
    }

    @Test(
        "a state column's codes and names read as the code of the row's country",
        arguments: [
            ("TX", "US", "TX"), ("tx", "US", "TX"), ("Texas", "US", "TX"), ("TEXAS", "US", "TX"),
            ("Tex.", "US", "TX"), ("US-TX", "US", "TX"), ("us-tx", "US", "TX"), (" New York ", "US", "NY"),
            ("District of Columbia", "US", "DC"), ("Washington, D.C.", "US", "DC"), ("Puerto Rico", "US", "PR"),
            ("Guam", "US", "GU"), ("Georgia", "US", "GA"), ("IN", "US", "IN"), ("Indiana", "US", "IN"),
            ("Washington", "US", "WA"), ("Calif.", "US", "CA"), ("Ontario", "CA", "ON"), ("Québec", "CA", "QC"),
            ("Quebec", "CA", "QC"), ("PQ", "CA", "QC"), ("Newfoundland and Labrador", "CA", "NL"),
            ("Île-du-Prince-Édouard", "CA", "PE"), ("PEI", "CA", "PE"), ("CA-BC", "CA", "BC"),
            ("Yukon", "CA", "YT"), ("New South Wales", "AU", "NSW"), ("nsw", "AU", "NSW"), ("N.S.W.", "AU", "NSW"),
            ("Western Australia", "AU", "WA"), ("WA", "AU", "WA"), ("Qld", "AU", "QLD"), ("Vic", "AU", "VIC"),
            ("Australian Capital Territory", "AU", "ACT"), ("Northern Territory", "AU", "NT"),
            ("AU-TAS", "AU", "TAS"),
        ])
    func subdivisions(text: String, country: String, code: String) {
        #expect(PlaceNames.subdivision(text, country: country) == code)
    }

    @Test(
        "a state name of another country, or no state at all, stays unknown",
        arguments: [
            ("Texas", "AU"), ("Western Australia", "US"), ("Ontario", "US"), ("Georgia", "CA"), ("Bavaria", "US"),
            ("", "US"), ("Texas", "GB"), ("TX", "DE"), ("XX", "US"), ("US-NSW", "US"),
        ])
    func notSubdivisions(text: String, country: String) {
        #expect(PlaceNames.subdivision(text, country: country) == nil)
    }

    @Test("every subdivision name reads as its own code, and every code has zones")
    func subdivisionTables() {
        for (country, entries) in PlaceNames.subdivisionNames {
            for (code, names) in entries {
                #expect(PlaceNames.subdivision(code, country: country) == code)
                for name in names { #expect(PlaceNames.subdivision(name, country: country) == code, "\(name)") }
                #expect(!LocationTable.zones(country: country, subdivision: code).isEmpty, "\(country)-\(code)")
            }
            #expect(Set(entries.map(\.code)).isSuperset(of: LocationTable.subdivisions(country: country)))
        }
    }

    @Test("the country mask says which countries have a subdivision of that name")
    func masks() {
        let bit = PlaceNames.subdivisionCountryBit
        #expect(PlaceNames.subdivisionCountryMask("WA") == bit("AU") | bit("US"))
        #expect(PlaceNames.subdivisionCountryMask("NT") == bit("AU") | bit("CA"))
        #expect(PlaceNames.subdivisionCountryMask("Texas") == bit("US"))
        #expect(PlaceNames.subdivisionCountryMask("Bavaria") == 0)
        #expect(bit("GB") == 0)
    }
}
