/// Country, state and postcode values that named nothing, counted per column, for the report's warnings.
///
/// A warning names the column, the rows and a handful of the values, and never lead data: a value is
/// listed only when it is short (at most `maxListedLength` characters), holds at most two digits and no
/// `@` (so no phone number, postcode or e-mail address), and is one word or recurs on several rows (a
/// column of people's names holds mostly distinct values of two or more words; a CRM picklist's typo
/// recurs). Other values are counted, not named.
///
/// A worker counts one chunk's values (with no limit on the values it tracks); the sequencer adds the
/// chunks up in input order (``add(_:)``), by text, so the run's first-seen order and its tracked
/// values are those of one reader reading the whole input, whatever the threads.
struct UnmappedPlaceValues: Sendable {
    enum Column: Int, CaseIterable {
        case country, state, postcode
    }

    /// At most this many values are named per column.
    static let maxListed = 5
    static let maxListedLength = 24
    /// Distinct values remembered per column, to count their rows; later ones are counted in total only.
    static let maxTracked = 1_000

    private struct Tally: Sendable {
        var name: String
        var rows = 0
        /// Distinct values by interned id, in order of first sight, with their rows.
        var values: [(text: String, rows: Int)] = []
        var indexByID: [UInt32: Int] = [:]
        /// The same values by text, for adding up chunks (filled by `add` only).
        var indexByText: [String: Int] = [:]
    }

    private var tallies: [Tally]
    /// Distinct values tracked per column: `maxTracked` for a run's tally, unlimited for a chunk's.
    private let tracked: Int

    init(countryColumn: String, stateColumn: String, postcodeColumn: String, tracked: Int = maxTracked) {
        tallies = [Tally(name: countryColumn), Tally(name: stateColumn), Tally(name: postcodeColumn)]
        self.tracked = tracked
    }

    /// The same columns with nothing counted, tracking `tracked` values per column.
    func emptied(tracked: Int) -> UnmappedPlaceValues {
        UnmappedPlaceValues(
            countryColumn: tallies[0].name, stateColumn: tallies[1].name, postcodeColumn: tallies[2].name,
            tracked: tracked)
    }

    /// Adds the counts of the input that follows (a later chunk's), value by value in its order.
    mutating func add(_ later: UnmappedPlaceValues) {
        for column in tallies.indices {
            tallies[column].rows += later.tallies[column].rows
            for (text, rows) in later.tallies[column].values {
                if let index = tallies[column].indexByText[text] {
                    tallies[column].values[index].rows += rows
                } else if tallies[column].values.count < tracked {
                    tallies[column].indexByText[text] = tallies[column].values.count
                    tallies[column].values.append((text, rows))
                }
            }
        }
    }

    /// Rows of `column` whose value named nothing.
    func rows(_ column: Column) -> Int { tallies[column.rawValue].rows }

    mutating func count(_ column: Column, _ text: String, id: UInt32) {
        tallies[column.rawValue].rows += 1
        guard id != 0 else { return }
        if let index = tallies[column.rawValue].indexByID[id] {
            tallies[column.rawValue].values[index].rows += 1
        } else if tallies[column.rawValue].values.count < tracked {
            tallies[column.rawValue].indexByID[id] = tallies[column.rawValue].values.count
            tallies[column.rawValue].values.append((text, 1))
        }
    }

    /// One warning per column with unmapped values: `country column "Country": 3 row(s) name no country
    /// we know ("Atlantis" on 2, "Xanadu" on 1)`.
    var warnings: [String] {
        Column.allCases.compactMap { column in
            let tally = tallies[column.rawValue]
            guard tally.rows > 0 else { return nil }
            let what =
                switch column {
                case .country: "name no country we know"
                case .state: "name no state, province or territory of the row's country"
                case .postcode: "hold no Australian postcode"
                }
            let listable = tally.values.filter { Self.listable($0.text, rows: $0.rows) }
                .sorted { $0.rows > $1.rows }
            let named = listable.prefix(Self.maxListed).map { "\"\($0.text)\" on \($0.rows)" }
            let hidden = tally.values.count - named.count
            var parts = named
            if hidden > 0 || named.isEmpty {
                parts.append(hidden > 0 ? "\(hidden) other value(s) not shown" : "values not shown")
            }
            let list = parts.joined(separator: ", ")
            return "\(column) column \"\(tally.name)\": \(tally.rows) row(s) \(what) (\(list))"
        }
    }

    /// Whether `text` may be named in a report: see the type's comment.
    static func listable(_ text: String, rows: Int) -> Bool {
        guard text.count <= maxListedLength, !text.contains("@") else { return false }
        guard text.unicodeScalars.filter({ $0.properties.numericType != nil }).count <= 2 else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).count
        return words <= 1 || rows >= 2
    }
}
