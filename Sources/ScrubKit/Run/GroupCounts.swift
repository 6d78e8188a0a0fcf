import ScrubIO
import ScrubRules

/// `report.group_by`: rows, clean rows and rejections by reason for each value of the columns a
/// pipeline names (`State/Province`, `Source`), the values as the input writes them, so a manager
/// can see which source or state a list lost its rows in.
///
/// A worker counts its chunk into one; the sequencer adds the chunks up in input order and moves a
/// later duplicate's row to `DUPLICATE`. Values are kept in the order first seen, and at most
/// ``maximumValues`` per column are told apart (the rest count as "other"), so a free-text column
/// cannot grow memory and the report is the same for any number of threads.
struct GroupCounts: Sendable {
    /// What the rows of one value came to.
    struct Counts: Sendable, Equatable {
        var rows = 0
        var clean = 0
        var rejected: [RejectReason: Int] = [:]

        mutating func count(_ reason: RejectReason?, by delta: Int) {
            rows += delta
            if let reason { rejected[reason, default: 0] += delta } else { clean += delta }
        }

        mutating func add(_ other: Counts) {
            rows += other.rows
            clean += other.clean
            rejected.merge(other.rejected, uniquingKeysWith: +)
        }
    }

    /// One column's values, in the order first seen.
    private struct Column: Sendable {
        var values: [[UInt8]] = []
        var positions: [[UInt8]: Int] = [:]
        var counts: [Counts] = []
        /// Rows whose value came after ``maximumValues`` others.
        var beyondLimit = Counts()

        /// The position of `value`'s counts, made if new; nil past ``GroupCounts/maximumValues``.
        mutating func position(of value: [UInt8]) -> Int? {
            if let position = positions[value] { return position }
            guard values.count < GroupCounts.maximumValues else { return nil }
            positions[value] = values.count
            values.append(value)
            counts.append(Counts())
            return values.count - 1
        }

        /// Counts one row of `value` (`delta` -1 takes one back).
        mutating func count(_ value: [UInt8], _ reason: RejectReason?, by delta: Int) {
            if let position = position(of: value) {
                counts[position].count(reason, by: delta)
            } else {
                beyondLimit.count(reason, by: delta)
            }
        }

        /// Adds another chunk's counts of `value`.
        mutating func add(_ value: [UInt8], _ other: Counts) {
            if let position = position(of: value) { counts[position].add(other) } else { beyondLimit.add(other) }
        }
    }

    /// Values told apart per column; every row of another value still counts, as "other".
    static let maximumValues = 10_000
    /// Values the report lists per column, by rows; the rest are summed as "other".
    static let reportedValues = 100
    /// The value a malformed row counts under: its fields cannot be trusted.
    static let malformedValue = Array("(malformed row)".utf8)

    /// The columns' positions in the header.
    let columns: [Int]
    private var tables: [Column]
    /// A value being looked up, reused so that a row allocates nothing for a value seen before.
    private var scratch: [UInt8] = []

    init(columns: [Int]) {
        self.columns = columns
        tables = columns.map { _ in Column() }
    }

    /// Counts a row: clean when `reason` is nil.
    mutating func count(_ record: CSVRecord, reason: RejectReason?, by delta: Int = 1) {
        for (table, column) in columns.enumerated() {
            scratch.removeAll(keepingCapacity: true)
            if column < record.count { scratch.append(contentsOf: record[column]) }
            tables[table].count(scratch, reason, by: delta)
        }
    }

    /// Counts a row that does not parse, under ``malformedValue`` in every column.
    mutating func countMalformed() {
        for table in tables.indices { tables[table].count(Self.malformedValue, .malformedRow, by: 1) }
    }

    /// Adds the counts of the next chunk in input order.
    mutating func add(_ other: GroupCounts) {
        for table in tables.indices {
            let theirs = other.tables[table]
            for (value, counts) in zip(theirs.values, theirs.counts) { tables[table].add(value, counts) }
            tables[table].beyondLimit.add(theirs.beyondLimit)
        }
    }

    /// The report's view: per column, the ``reportedValues`` values with the most rows (ties in byte
    /// order of the value) and the rest summed as "other".
    ///
    /// - Parameter names: the columns' names, as the pipeline gives them.
    func facts(names: [String]) -> [RunReport.GroupFacts] {
        zip(names, tables).map { name, table in
            let order = table.values.indices.sorted {
                let (a, b) = (table.counts[$0].rows, table.counts[$1].rows)
                return a != b ? a > b : table.values[$0].lexicographicallyPrecedes(table.values[$1])
            }
            var other = table.beyondLimit
            for position in order.dropFirst(Self.reportedValues) { other.add(table.counts[position]) }
            return RunReport.GroupFacts(
                column: name,
                values: order.prefix(Self.reportedValues).map {
                    RunReport.GroupFacts.Value(Windows1252.text(table.values[$0][...]), table.counts[$0])
                },
                other: other.rows > 0 ? RunReport.GroupFacts.Value("other", other) : nil,
                distinctValues: table.values.count,
                valuesPastLimit: table.beyondLimit.rows > 0)
        }
    }

}
