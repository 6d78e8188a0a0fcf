import ScrubIO
import ScrubRules

/// The columns a clean row gains after `e164` (region, line type, zones, windows, rules,
/// ambiguity), encoded once per distinct (number profile, window annotation), and how many clean
/// rows of each the current chunk had: a clean row costs one integer-keyed lookup and one copy here.
///
/// Not thread-safe (it fills its cache as rows come): one per ``RowWorker``.
struct CleanAnnotations {
    private let delimiter: UInt8
    /// Entry index by ``RunTally/cleanKey(_:_:)``.
    private let indexes = UInt64Map<Int>()
    private struct Entry {
        let profile: NumberProfile
        let window: WindowAnnotation?
        /// The columns as the writer would write them, joined by the delimiter.
        let encoded: [UInt8]
        /// `call_windows_local`, encoded: written last, after any exemption column.
        let local: [UInt8]
    }

    private var entries: [Entry] = []
    /// Clean rows of each entry since the last `takeCounts`.
    private var rows: [Int] = []
    /// The entry `write` last wrote, for `writeLocalWindows`.
    private var last = 0

    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    /// Counts a clean row of `profile` and `window` and appends its columns to the record `writer` is writing.
    mutating func write(_ profile: NumberProfile, _ window: WindowAnnotation?, to writer: CSVWriter) {
        let key = RunTally.cleanKey(profile, window)
        let index: Int
        if let known = indexes.value(for: key) {
            index = known
        } else {
            let columns = [
                profile.region, profile.lineType, window?.timeZones ?? profile.timeZones.joined(separator: "|"),
                window?.windowsUTC ?? "", window?.rules ?? "",
                (window?.ambiguous ?? (profile.timeZones.count > 1)) ? "true" : "false",
            ]
            let encoded = CSVWriter.encode(fields: columns.map { Array($0.utf8) }, delimiter: delimiter)
            let local = CSVWriter.encode(fields: [Array((window?.windowsLocal ?? "").utf8)], delimiter: delimiter)
            entries.append(Entry(profile: profile, window: window, encoded: encoded, local: local))
            rows.append(0)
            index = entries.count - 1
            indexes.insertIfAbsent(index, for: key)
        }
        rows[index] += 1
        last = index
        entries[index].encoded.withUnsafeBytes { writer.appendEncoded($0, fieldCount: 6) }
    }

    /// Appends the `call_windows_local` column of the row `write` last wrote.
    func writeLocalWindows(to writer: CSVWriter) {
        entries[last].local.withUnsafeBytes { writer.appendEncoded($0, fieldCount: 1) }
    }

    /// Adds the clean rows counted since the last call to `tally`, and starts counting again.
    mutating func takeCounts(into tally: inout RunTally) {
        for index in rows.indices where rows[index] != 0 {
            tally.countClean(entries[index].profile, entries[index].window, rows: rows[index])
            rows[index] = 0
        }
    }
}
