import CallingWindows
import ScrubIO
import ScrubPipeline
import ScrubRules

/// A row's country, state and postcode fields as the run reads them: each distinct value is looked up
/// in `PlaceNames` once, by its interned id, so a row costs a few cache look-ups.
///
/// The country column may hold a code or a name (`US`, `USA`, `United States`, `Deutschland`): the row's
/// country is its ISO code. A blank country cell means the pipeline's default country; a value that
/// names no country becomes `ZZ` (ISO 3166's "unknown"), which accepts only numbers written with their
/// calling code, and its rejection says which value was not understood. The state and postcode reach the
/// window and cap stages as written (they read state names against the number's own country); values
/// that name nothing of the row's country are counted in `unmapped`.
struct PlaceFields {
    /// A row's place.
    struct Row {
        /// ISO 3166-1 alpha-2: the column's country, or the default, or `ZZ`.
        var country: String
        /// The country value as written, when it names no country.
        var unknownCountry: String?
        var location: LeadLocation
    }

    /// What one distinct country value means.
    private struct Country {
        var code: String
        var unknown: String?
        /// `PlaceNames.subdivisionCountryBit` of `code`.
        var bit: UInt8
    }

    static let unknownCountryCode = RowFacts.unknownCountryCode

    private let countryColumn: Int?
    private let stateColumn: Int?
    private let postcodeColumn: Int?
    private let defaultCountry: Country
    private var countries = FieldValueCache(uppercased: false)
    private var states = FieldValueCache(uppercased: false)
    private var postcodes = FieldValueCache(uppercased: false)
    /// By interned id (index 0 unused): what each distinct value means, once looked up.
    private var countryByID: [Country?] = [nil]
    private var stateMaskByID: [UInt8?] = [nil]
    private var postcodeKnownByID: [Bool?] = [nil]
    /// The pipeline's own spellings, and each distinct state value after them.
    private let values: PlaceValues
    private var stateByID: [String?] = [nil]
    /// Values of the three columns that named nothing, with their rows, since the last `takeUnmapped()`.
    private(set) var unmapped: UnmappedPlaceValues

    init(columns: PipelinePlan.Columns, defaultCountry: String, values: PlaceValues = .builtIn) {
        self.values = values
        countryColumn = columns.country
        stateColumn = columns.state
        postcodeColumn = columns.postcode
        self.defaultCountry = Country(
            code: defaultCountry, bit: PlaceNames.subdivisionCountryBit(defaultCountry))
        func name(_ index: Int?) -> String {
            guard let index, index < columns.header.count else { return "" }
            return columns.header[index]
        }
        unmapped = UnmappedPlaceValues(
            countryColumn: name(columns.country), stateColumn: name(columns.state),
            postcodeColumn: name(columns.postcode), tracked: .max)
    }

    /// The values counted since the last call (one chunk's), leaving none counted.
    mutating func takeUnmapped() -> UnmappedPlaceValues {
        let taken = unmapped
        unmapped = unmapped.emptied(tracked: .max)
        return taken
    }

    mutating func read(_ record: CSVRecord) -> Row {
        let country = countryColumn.map { column in record.withField(column) { self.country($0) } } ?? defaultCountry
        let state = stateColumn.map { column in record.withField(column) { states.value($0) } }
        if let state, let text = state.text, country.bit != 0,
            Self.lookUp(&stateMaskByID, state.id, { values.subdivisionCountryMask(text) }) & country.bit == 0
        {
            unmapped.count(.state, text, id: state.id)
        }
        // A postcode places only an Australian lead (its states, for the windows); other countries'
        // postcodes are not read, so millions of distinct ones do not fill the cache.
        let postcode =
            country.code == "AU"
            ? postcodeColumn.map { column in record.withField(column) { postcodes.value($0) } } : nil
        if let postcode, let text = postcode.text,
            !Self.lookUp(&postcodeKnownByID, postcode.id, { !LocationTable.australianStates(postcode: text).isEmpty })
        {
            unmapped.count(.postcode, text, id: postcode.id)
        }
        // The windows and caps read the state after the pipeline's map (`Kalifornien` is `CA`).
        var stateText: String?
        if let state, let text = state.text {
            stateText = Self.lookUp(&stateByID, state.id) { values.state(text) }
        }
        return Row(
            country: country.code, unknownCountry: country.unknown,
            location: LeadLocation(
                state: stateText, postcode: postcode?.text,
                key: ScrubRun.locationKey(state: state?.id, postcode: postcode?.id)))
    }

    private mutating func country(_ field: UnsafeRawBufferPointer) -> Country {
        let value = countries.value(field)
        guard let text = value.text else { return defaultCountry }
        let country = Self.lookUp(&countryByID, value.id) {
            guard let code = values.country(text) else {
                return Country(code: Self.unknownCountryCode, unknown: text, bit: 0)
            }
            return Country(code: code, bit: PlaceNames.subdivisionCountryBit(code))
        }
        if country.unknown != nil { unmapped.count(.country, text, id: value.id) }
        return country
    }

    /// `table[id]`, computed by `meaning` the first time; values without an id are computed each time.
    private static func lookUp<T>(_ table: inout [T?], _ id: UInt32, _ meaning: () -> T) -> T {
        guard id != 0 else { return meaning() }
        let index = Int(id)
        if index < table.count, let known = table[index] { return known }
        let value = meaning()
        if index >= table.count { table += Array(repeating: nil, count: index - table.count + 1) }
        table[index] = value
        return value
    }
}
