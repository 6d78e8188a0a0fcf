import CallingWindows
import ScrubRules
import ScrubYAML

/// Country and state values as a pipeline's own maps spell them (`country_values`, `state_values`),
/// read before the built-in names of ``PlaceNames``.
///
/// A CRM's picklist writes `U.S.A`, `Vereinigte Staaten` or `Kalif.`; one line of the pipeline says
/// what it means, and no pre-processing script is written. Keys compare as the built-in names do
/// (ignoring case, accents, spaces and punctuation). A state value maps to a code of a country with a
/// state table (`CA`, `NSW`, `ON`, or `US-CA` to say which country's), and counts only for rows of
/// a country that has that code, as a built-in state name does.
public struct PlaceValues: Sendable {
    /// Codes by ``PlaceNames`` key of the value as written.
    private let countries: [String: String]
    private let states: [String: String]

    public static let builtIn = PlaceValues(countries: [:], states: [:])

    init(countries: [String: String], states: [String: String]) {
        self.countries = countries
        self.states = states
    }

    /// The maps of a pipeline's entries, already checked at load (``NodeReader/valueMap(_:_:_:)``).
    init(countries: [PipelineDefinition.ValueMapEntry], states: [PipelineDefinition.ValueMapEntry]) {
        func table(_ entries: [PipelineDefinition.ValueMapEntry]) -> [String: String] {
            var table: [String: String] = [:]
            for entry in entries { table[PlaceNames.key(entry.written.value)] = entry.code.value.uppercased() }
            return table
        }
        self.init(countries: table(countries), states: table(states))
    }

    public var isEmpty: Bool { countries.isEmpty && states.isEmpty }

    /// The ISO 3166-1 code `text` names: the pipeline's map, then the built-in names.
    public func country(_ text: String) -> String? {
        if !countries.isEmpty, let code = countries[PlaceNames.key(text)] { return code }
        return PlaceNames.country(text)
    }

    /// The value the windows and caps read for a state value: the mapped code, or the value as written.
    public func state(_ text: String) -> String {
        guard !states.isEmpty else { return text }
        return states[PlaceNames.key(text)] ?? text
    }

    /// ``PlaceNames/subdivisionCountryMask(_:)`` of the value after the map.
    public func subdivisionCountryMask(_ text: String) -> UInt8 {
        PlaceNames.subdivisionCountryMask(state(text))
    }
}

extension NodeReader {
    enum PlaceRole { case country, state }

    /// `country_values` or `state_values`: a mapping of values as written to codes, each code checked
    /// here, at load: a known ISO 3166-1 code for a country, a state code of a country with a state
    /// table for a state. Two spellings the comparison cannot tell apart must not map to different codes.
    func valueMap(
        _ node: YAMLNode, _ key: String, _ role: PlaceRole
    ) throws(PipelineError) -> [PipelineDefinition.ValueMapEntry] {
        var entries: [PipelineDefinition.ValueMapEntry] = []
        var seen: [String: PipelineDefinition.ValueMapEntry] = [:]
        for entry in try mapping(node, "`\(key)`") {
            let written = PipelineDefinition.Located(value: entry.key, location: place(entry.keyNode))
            let code = try string(entry.value, key)
            let upper = code.value.uppercased()
            switch role {
            case .country:
                guard upper.count == 2, PlaceNames.country(upper) == upper else {
                    throw PipelineError(
                        .configuration,
                        "`\(key)` maps `\(written.value)` to `\(code.value)`, which is no ISO 3166 country code; "
                            + "write a code such as US or DE", at: code.location)
                }
            case .state:
                // A code, not a name: `CA` or `US-CA`, as the table itself writes it.
                let isCode = PlaceNames.subdivisionCountries.contains { country in
                    let bare = upper.hasPrefix(country + "-") ? String(upper.dropFirst(country.count + 1)) : upper
                    return PlaceNames.subdivision(upper, country: country) == bare
                }
                guard isCode else {
                    throw PipelineError(
                        .configuration,
                        "`\(key)` maps `\(written.value)` to `\(code.value)`, which is no state, province or "
                            + "territory code of \(PlaceNames.subdivisionCountries.joined(separator: ", ")); write a "
                            + "code such as CA, US-CA or NSW", at: code.location)
                }
            }
            let folded = PlaceNames.key(written.value)
            guard !folded.isEmpty else {
                throw PipelineError(
                    .configuration, "`\(key)` has a value `\(written.value)` with no letters or digits to compare",
                    at: written.location)
            }
            if let earlier = seen[folded], earlier.code.value.uppercased() != upper {
                throw PipelineError(
                    .configuration,
                    "`\(key)` maps `\(written.value)` to \(upper), but `\(earlier.written.value)` "
                        + "(\(earlier.written.location)), which reads the same, to \(earlier.code.value.uppercased())",
                    at: written.location)
            }
            let located = PipelineDefinition.ValueMapEntry(written: written, code: code)
            seen[folded] = located
            entries.append(located)
        }
        return entries
    }
}
