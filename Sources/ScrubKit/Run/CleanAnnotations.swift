import ScrubIO

/// The columns a clean row gains after `e164` (region, line type, zones, windows, rules,
/// ambiguity), encoded once per distinct (number profile, window annotation), and how many clean
/// rows had each: a clean row costs one integer-keyed lookup here, and the report's counts by
/// region, line type and hour are summed from these entries at the end.
struct CleanAnnotations {
    struct Entry {
        let profile: NumberProfile
        let window: WindowAnnotation?
        /// The columns as the writer would write them, joined by the delimiter.
        let encoded: [UInt8]
        var rows = 0
    }

    private let delimiter: UInt8
    /// Entry index by profile id (high half) and window id + 1 (low half; 0 without a window).
    private let indexes = UInt64Map<Int>()
    private(set) var entries: [Entry] = []

    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Counts one clean row of `profile` and `window`, and returns its entry's index.
    mutating func count(_ profile: NumberProfile, _ window: WindowAnnotation?) -> Int {
        let key = UInt64(profile.id) << 32 | UInt64(window.map { $0.id + 1 } ?? 0)
        if let index = indexes.value(for: key) {
            entries[index].rows += 1
            return index
        }
        let columns = [
            profile.region, profile.lineType, window?.timeZones ?? profile.timeZones.joined(separator: "|"),
            window?.windowsUTC ?? "", window?.rules ?? "",
            (window?.ambiguous ?? (profile.timeZones.count > 1)) ? "true" : "false",
        ]
        let encoded = CSVWriter.encode(fields: columns.map { Array($0.utf8) }, delimiter: delimiter)
        entries.append(Entry(profile: profile, window: window, encoded: encoded, rows: 1))
        indexes.insertIfAbsent(entries.count - 1, for: key)
        return entries.count - 1
    }

    /// Appends entry `index`'s columns to the record `writer` is writing.
    func write(_ index: Int, to writer: CSVWriter) {
        entries[index].encoded.withUnsafeBytes { writer.appendEncoded($0, fieldCount: 6) }
    }
}
